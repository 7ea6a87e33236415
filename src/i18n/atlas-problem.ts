// Why a dataset cannot be used, in the reader's language: the page says it when it cannot start,
// and the command-line exports say it (in English) when they refuse a file.
import type { AtlasProblem } from '../core/parse-atlas.ts';
import type { Localizer } from './localizer.ts';

export function atlasProblemText(loc: Localizer, problem: AtlasProblem): string {
  return loc.t('dataset.lead', { problem: loc.t(`dataset.${problem.code}`, problem.values) });
}
