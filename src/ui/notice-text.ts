// What a link or a tour asked for and could not have, in the reader's language: a parameter
// dropped from a link (its value clipped: a pasted value can be any length) and why, or why a tour
// cannot be played.
import type { TourProblem } from '../core/tour.ts';
import type { Notice } from '../core/url-state.ts';
import type { Localizer } from '../i18n/localizer.ts';
import type { LoadProblem } from '../load/files.ts';

const MAX_VALUE = 40;

export function noticeText(loc: Localizer, notice: Notice): string {
  const value = notice.value.length > MAX_VALUE ? `${notice.value.slice(0, MAX_VALUE)}…` : notice.value;
  const reason = loc.t(`notices.reason.${notice.reason.code}`, notice.reason.values);
  return loc.t('notices.item', { param: notice.param, value, reason });
}

/** Where in a tour file a problem of its shape is: a step's field, a field of the file, or the file. */
function whereText(loc: Localizer, { step, field }: TourProblem['values']): string {
  if (step) return loc.t('tour.where.step', { step, field: field ?? '' });
  return field ? loc.t('tour.where.file', { field }) : loc.t('tour.where.root');
}

/** Why a tour cannot be played, in the reader's language (a problem of its view quotes the link's notice). */
export function tourProblemText(loc: Localizer, id: string, problem: TourProblem): string {
  const values = {
    id,
    ...problem.values,
    where: whereText(loc, problem.values),
    ...(problem.notice ? { notice: noticeText(loc, problem.notice) } : {}),
  };
  return loc.t('tour.problem.lead', { id, problem: loc.t(`tour.problem.${problem.code}`, values) });
}

/** Why a file could not be had (the dataset, a map, a text for the reader), in the reader's language. */
export function loadProblemText(loc: Localizer, problem: LoadProblem): string {
  return loc.t(`load.${problem.code}`, problem.values);
}
