// npm run -s export:targets: prints the targets table of shared/DATA-CONTRACT.md for the committed dataset.
import { readFileSync } from 'node:fs';
import { parseAtlas } from '../core/parse-atlas.ts';
import { atlasProblemText } from '../i18n/atlas-problem.ts';
import { localizer } from '../i18n/localizer.ts';
import { targetsCsv } from '../core/targets.ts';
import { ATLAS_PATH } from './extract.ts';

const parsed = parseAtlas(readFileSync(ATLAS_PATH, 'utf8'));
if (!parsed.ok) {
  console.error(`export:targets: ${atlasProblemText(localizer('en', {}), parsed.problem)}`);
  process.exitCode = 1;
} else {
  process.stdout.write(targetsCsv(parsed.atlas.targets));
}
