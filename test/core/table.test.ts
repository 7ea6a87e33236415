import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafe, toCsv } from '../../src/core/csv.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { csvRows, TABLE_COLUMNS } from '../../src/core/table.ts';
import type { Atlas } from '../../src/core/types.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas: Atlas = parsed.atlas;
const exportCsv = () => execFileSync(resolve('node_modules/.bin/tsx'), ['src/cli/export-csv.ts']).toString('utf8');

describe('the cooperation table (shared/DATA-CONTRACT.md)', () => {
  const csv = exportCsv();
  const rows = csvParse(csv);

  it('has the contract columns, in order, and one row per piece of evidence', () => {
    expect(rows.columns).toEqual([...TABLE_COLUMNS]);
    expect(rows.length).toBe(atlas.links.reduce((n, l) => n + l.evidence.length, 0));
  });

  it('is RFC 4180 with \\n line ends, and byte-identical across runs', () => {
    expect(csv).not.toContain('\r\n');
    expect(csv.endsWith('\n')).toBe(true);
    expect(exportCsv()).toBe(csv);
  });

  it('survives a round trip: every quote comes back exactly, commas and quotes included', () => {
    const back = csvParse(toCsv(csvRows(atlas)));
    expect(back.map((r) => r.quote)).toEqual(csvRows(atlas).map((r) => r.quote));
    expect(toCsv([{ ...csvRows(atlas)[0]!, quote: 'a "b", c\nd' }])).toContain('"a ""b"", c\nd"');
  });

  it('fills each column as the contract says', () => {
    const seats: Record<string, string> = { wuhan: '420100', cangzhou: '130900', shandong: '370000', yunnan: '530000' };
    for (const r of rows) {
      expect(Object.keys(seats)).toContain(r.origin);
      expect(r.place_adcode).toMatch(/^\d{6}$/);
      expect(r.doc_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (r.partner_kind === 'country') expect(r.partner_iso3).toBe(r.partner_id);
      if (r.partner_kind === 'bloc') {
        expect(r.partner_iso3).toBe('');
        expect(r.partner_members).toMatch(/^[A-Z]{3}(;[A-Z]{3})+$/);
      } else expect(r.partner_members).toBe('');
      if (r.partner_kind === 'region') expect(r.partner_iso3).toBe('');
      if (r.site_zh) expect(['site', 'district', 'city', 'province', 'country']).toContain(r.site_precision);
    }
    // An institution carries its country; a city-level place is the one the passage names.
    expect(rows.find((r) => r.partner_id === 'university-of-karachi')?.partner_iso3).toBe('PAK');
    expect(rows.find((r) => r.site_zh === '中乌巴顿先进焊接技术研究院')).toMatchObject({ place_adcode: '370600', place_en: 'Yantai' });
  });

  it('keeps only the rows of the links asked for', () => {
    const isr = atlas.links.filter((l) => l.partner === 'ISR');
    const rows = csvRows(atlas, new Set(isr.map((l) => l.id)));
    expect(new Set(rows.map((r) => r.partner_id))).toEqual(new Set(['ISR']));
    expect(rows.length).toBe(isr.reduce((n, l) => n + l.evidence.length, 0));
  });
});

describe('spreadsheet safety (shared/DATA-CONTRACT.md)', () => {
  it('writes a text cell that a spreadsheet would run as a formula with a leading quote, and leaves numbers alone', () => {
    const row = { ...csvRows(atlas)[0]!, partner_en: '=HYPERLINK("x")', partner_zh: '@SUM(A1)', place_en: '+1 and more', quote: '-cmd', site_lon: '-70.65', site_lat: '+12' };
    const back = csvParse(toCsv([row]))[0]!;
    expect([back.partner_en, back.partner_zh, back.place_en, back.quote]).toEqual([`'=HYPERLINK("x")`, "'@SUM(A1)", "'+1 and more", "'-cmd"]);
    expect([back.site_lon, back.site_lat]).toEqual(['-70.65', '+12']);
    expect(spreadsheetSafe('\tx')).toBe("'\tx");
    expect(spreadsheetSafe('合作')).toBe('合作');
  });
});
