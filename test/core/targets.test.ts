// The targets table (shared/DATA-CONTRACT.md): `npm run -s export:targets` over the committed dataset.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../src/cli/extract.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { COMPARATORS, TARGET_COLUMNS, TARGET_STATUSES } from '../../src/core/targets.ts';
import { decodeSeed } from '../../src/extract/text.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas = parsed.atlas;
const texts = new Map(readSeeds().map(({ file, bytes }) => [file.replace(/\.txt$/, ''), decodeSeed(file, bytes)]));
const exportTargets = () => execFileSync(resolve('node_modules/.bin/tsx'), ['src/cli/export-targets.ts']).toString('utf8');

describe('the targets table', () => {
  const csv = exportTargets();
  const rows = csvParse(csv);

  it('has the contract columns, in order, one row per target of the dataset', () => {
    expect(rows.columns).toEqual([...TARGET_COLUMNS]);
    expect(rows.length).toBe(atlas.targets.length);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('is byte-identical across runs, with \\n line ends', () => {
    expect(csv).not.toContain('\r\n');
    expect(exportTargets()).toBe(csv);
  });

  it('quotes each passage exactly: text.slice(quote_start, quote_end) === quote, the value in it', () => {
    for (const r of rows) {
      expect(texts.get(r.doc_id!)!.slice(Number(r.quote_start), Number(r.quote_end))).toBe(r.quote);
      expect(r.quote!.replace(/,/g, '')).toContain(r.value!.replace(/\.0+$/, ''));
    }
  });

  it('fills each column as the contract says', () => {
    for (const r of rows) {
      expect(r.value).toMatch(/^\d+(\.\d+)?$/);
      expect(COMPARATORS).toContain(r.comparator);
      expect(TARGET_STATUSES).toContain(r.status);
      expect(['true', 'false']).toContain(r.per_year);
      expect(r.year).toMatch(/^(\d{4})?$/);
      expect(r.subject_en).not.toBe('');
      if (r.unit_zh) expect(r.unit_en).not.toBe('');
    }
    // Wuhan's 13th Five-Year table: the 2015 value achieved, the 2020 target.
    const wuhan = rows.filter((r) => r.origin === 'wuhan');
    expect(new Set(wuhan.map((r) => r.status))).toEqual(new Set(['target', 'achieved']));
    expect(wuhan.filter((r) => r.status === 'achieved').every((r) => r.year === '2015')).toBe(true);
  });

  it('holds no number that is not a target: no dates, document numbers or 16+1', () => {
    for (const r of rows) {
      expect(r.unit_zh).not.toBe('年');
      expect(r.subject_zh).not.toMatch(/号|16\+1|10\+1|18\+7/);
    }
  });
});
