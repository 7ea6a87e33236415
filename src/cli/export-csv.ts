// npm run -s export:csv: prints the cooperation table of shared/DATA-CONTRACT.md for the committed dataset.
import { readFileSync } from 'node:fs';
import { toCsv } from '../core/csv.ts';
import { parseAtlas } from '../core/parse-atlas.ts';
import { atlasProblemText } from '../i18n/atlas-problem.ts';
import { localizer } from '../i18n/localizer.ts';
import { csvRows } from '../core/table.ts';
import { ATLAS_PATH } from './extract.ts';

const parsed = parseAtlas(readFileSync(ATLAS_PATH, 'utf8'));
if (!parsed.ok) {
  console.error(`export:csv: ${atlasProblemText(localizer('en', {}), parsed.problem)}`);
  process.exitCode = 1;
} else {
  process.stdout.write(toCsv(csvRows(parsed.atlas)));
}
