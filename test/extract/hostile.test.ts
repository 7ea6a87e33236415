// Hostile text through the pipeline and out of the CSV serializers: a seed whose title, issuer,
// passages and targets carry markup, formula starts, bidi controls and zero-width characters
// (test/fixtures/hostile/) is extracted like any other, every quote is the text as written
// (escaping is the views' job, never the data's), and every CSV the project writes (the
// cooperation table of `npm run export:csv` and the downloads, the targets table, the matrix)
// neutralises cells a spreadsheet would run as formulas, as shared/DATA-CONTRACT.md says. The JSON
// downloads keep the strings exactly, and the pictures' escaping keeps them as XML can hold them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeeds, serialise } from '../../src/cli/extract.ts';
import { indexAtlas } from '../../src/core/atlas-index.ts';
import { csvOf, spreadsheetSafe, toCsv } from '../../src/core/csv.ts';
import { downloadFile } from '../../src/core/downloads.ts';
import { matrixCsv, matrixOf } from '../../src/core/matrix.ts';
import { csvRows, TABLE_COLUMNS } from '../../src/core/table.ts';
import { TARGET_COLUMNS, targetRow, targetsCsv } from '../../src/core/targets.ts';
import { inTableOrder, tiesOf } from '../../src/core/tie.ts';
import type { Atlas } from '../../src/core/types.ts';
import { extract, extractAtlas } from '../../src/extract/pipeline.ts';
import { escapeXml } from '../../src/map/static-map.ts';
import { FROM_TEXT, HOSTILE_DOC, HOSTILE_NAMES, hostileDataset, hostileSeed, hostileText, LAOS_LINK, SITE_ID } from '../fixtures/hostile/dataset.ts';

/** The contract's rule, written out here on its own: what a spreadsheet would take for a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;
const written = (cell: string) => (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell);

/** A CSV read back by d3-dsv (not the app's writer): header, then rows. */
function readCsv(text: string): { header: string[]; rows: string[][] } {
  expect(text.endsWith('\n')).toBe(true);
  const [header, ...rows] = csvParseRows(text.slice(0, -1));
  return { header: header!, rows };
}

/**
 * Every cell of `csv` is the raw value as the contract writes it: formula starts neutralised with a
 * leading ', everything else (markup, bidi controls, zero-width characters, numbers) as it is.
 * Returns the cells that were neutralised.
 */
function expectSafe(csv: string, columns: readonly string[], raw: readonly Record<string, string>[]): string[] {
  const { header, rows } = readCsv(csv);
  expect(header).toEqual([...columns]);
  expect(rows).toEqual(raw.map((row) => columns.map((column) => written(row[column]!))));
  return raw.flatMap((row) => columns.map((column) => row[column]!)).filter((cell) => written(cell) !== cell);
}

let atlas: Atlas;
let text: string;

beforeAll(() => {
  ({ atlas } = hostileDataset());
  text = hostileText();
});

describe('extraction of the hostile seed', () => {
  it('keeps the title and the issuer as the text writes them, markup, zero-width characters and a vertical tab included', () => {
    const [doc] = atlas.documents;
    expect(doc!.id).toBe(HOSTILE_DOC);
    expect(doc!.zh).toBe(FROM_TEXT.title);
    expect(doc!.issuer.zh).toBe(FROM_TEXT.issuer);
    expect(doc!.origin).toBe('yunnan');
    expect(doc!.date).toBe('2023-05-08');
    expect(doc!.length).toBe(text.length);
  });

  it('quotes every passage exactly (text.slice(start, end)), hostile characters intact, nothing stripped or escaped', () => {
    const evidence = atlas.links.flatMap((link) => link.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(text.slice(e.start, e.end)).toBe(e.quote);
    const quotes = evidence.map((e) => e.quote);
    for (const key of ['hyperlink', 'script', 'svg', 'at', 'rtl', 'entities', 'zeroWidth'] as const) expect(quotes, key).toContain(FROM_TEXT[key]);
    // The characters a careless cleaner would drop or turn into entities are all still there.
    const all = quotes.join('');
    for (const c of ['<', '>', '"', '&amp;', '\u202E', '\u202C', '\u200B', '\u200D', 'مرحبا']) expect(all, JSON.stringify(c)).toContain(c);
    // The Laos tie is the one whose quote starts as a formula.
    expect(atlas.links.find((l) => l.id === LAOS_LINK)!.evidence.map((e) => e.quote)).toEqual([FROM_TEXT.hyperlink]);
  });

  it('cuts the targets’ subjects and quotes from the text as written', () => {
    expect(atlas.targets.map((t) => t.subject.zh)).toEqual([FROM_TEXT.targetScript, FROM_TEXT.targetAt, FROM_TEXT.targetMinus]);
    for (const t of atlas.targets) expect(text.slice(t.start, t.end)).toBe(t.quote);
  });

  it('goes through beside the real seeds, which give the same rows as without it', () => {
    const real = extractAtlas(readSeeds());
    const both = extract([...readSeeds(), hostileSeed()]).atlas;
    expect(both.documents.map((d) => d.id)).toEqual([...real.documents.map((d) => d.id), HOSTILE_DOC]);
    expect(csvRows(both).filter((row) => row.doc_id !== HOSTILE_DOC)).toEqual(csvRows(real));
    // Its own rows are there too, formula starts and all.
    expect(csvRows(both).filter((row) => row.doc_id === HOSTILE_DOC).map((row) => row.quote)).toContain(FROM_TEXT.hyperlink);
  });
});

describe('spreadsheet safety of every CSV (shared/DATA-CONTRACT.md)', () => {
  it('writes a leading \' before =, +, -, @, tab and carriage return, and leaves plain numbers alone', () => {
    for (const cell of ['=1+2', '+1 212', '-cmd', '@SUM(A1)', '\t=1', '\r=1', '-', '+', '=']) expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
    for (const cell of ['-70.65', '+3', '-1', '42', '102.712', '', '老挝', ' =1', '\u200B=1', '<b>=1</b>']) expect(spreadsheetSafe(cell)).toBe(cell);
    const csv = csvOf(['lon', 'note'], [{ lon: '-70.65', note: '-70.65 west' }]);
    expect(readCsv(csv).rows).toEqual([['-70.65', "'-70.65 west"]]);
  });

  it('the cooperation table: quotes and names that start as formulas are neutralised, the rest is the text as written', () => {
    const raw = csvRows(atlas);
    const neutralised = expectSafe(toCsv(raw), TABLE_COLUMNS, raw);
    expect(neutralised).toEqual(
      expect.arrayContaining([FROM_TEXT.hyperlink, FROM_TEXT.script, FROM_TEXT.svg, FROM_TEXT.at, HOSTILE_NAMES.laos.en, HOSTILE_NAMES.asean.en, HOSTILE_NAMES.site.en, HOSTILE_NAMES.kunming.en]),
    );
    // Markup and bidi controls are data, not something to neutralise.
    const csv = toCsv(raw);
    for (const s of [FROM_TEXT.rtl, FROM_TEXT.entities, FROM_TEXT.zeroWidth, HOSTILE_NAMES.laos.zh, HOSTILE_NAMES.site.zh]) expect(csv).toContain(s.replace(/"/g, '""'));
    // The site's coordinates, numbers, are written as they are.
    const site = atlas.sites.find((s) => s.id === SITE_ID)!;
    expect(readCsv(csv).rows.some((row) => row.includes(String(site.lon)) && row.includes(String(site.lat)))).toBe(true);
  });

  it('the downloads’ CSV is that same table, for the ties kept', () => {
    const index = indexAtlas(atlas);
    const rows = inTableOrder(tiesOf(index));
    const file = downloadFile(index, { links: atlas.links, rows }, 'csv', '2026-01-01');
    expect(file.content).toBe(toCsv(csvRows(atlas)));
  });

  it('the targets table: subjects and quotes that start as formulas are neutralised, values stay numbers', () => {
    const raw = atlas.targets.map(targetRow);
    const neutralised = expectSafe(targetsCsv(atlas.targets), TARGET_COLUMNS, raw);
    expect(neutralised).toEqual(expect.arrayContaining([FROM_TEXT.targetAt, FROM_TEXT.targetMinus, text.slice(atlas.targets[2]!.start, atlas.targets[2]!.end)]));
    expect(neutralised).not.toContain(FROM_TEXT.targetScript);
    expect(readCsv(targetsCsv(atlas.targets)).rows.map((row) => row[TARGET_COLUMNS.indexOf('value')])).toEqual(['12', '100', '15']);
  });

  it('the matrix: partner and group names that start as formulas, or with a tab or a carriage return, are neutralised', () => {
    const matrix = matrixOf(atlas, tiesOf(indexAtlas(atlas)), 'count');
    const csv = matrixCsv(matrix);
    const { header, rows } = readCsv(csv);
    const cell = (row: string[], column: string) => row[header.indexOf(column)]!;
    const asean = rows.find((row) => cell(row, 'group_id') === 'asean')!;
    expect(cell(asean, 'group_zh')).toBe(`'${HOSTILE_NAMES.group.zh}`);
    expect(cell(asean, 'group_en')).toBe(`'${HOSTILE_NAMES.group.en}`);
    const laos = rows.find((row) => cell(row, 'partner_id') === 'LAO')!;
    expect(cell(laos, 'partner_zh')).toBe(HOSTILE_NAMES.laos.zh);
    expect(cell(laos, 'partner_en')).toBe(`'${HOSTILE_NAMES.laos.en}`);
    // Counts stay numbers.
    for (const row of rows) expect(cell(row, 'total')).toMatch(/^\d+$/);
  });

  it('`npm run export:csv` and `npm run export:targets` print the neutralised tables for a hostile dataset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
    mkdirSync(join(dir, 'public/data'), { recursive: true });
    writeFileSync(join(dir, 'public/data/atlas.json'), serialise(atlas));
    const run = (script: string) => execFileSync(resolve('node_modules/.bin/tsx'), [resolve(script)], { cwd: dir, encoding: 'utf8' });
    const table = run('src/cli/export-csv.ts');
    expect(table).toBe(toCsv(csvRows(atlas)));
    expect(table).toContain(`"'${HOSTILE_NAMES.laos.en.replace(/"/g, '""')}"`);
    expect(run('src/cli/export-targets.ts')).toBe(targetsCsv(atlas.targets));
  });
});

describe('the JSON and GeoJSON downloads keep the text as data', () => {
  it('parse back to the very strings of the dataset', () => {
    const index = indexAtlas(atlas);
    const kept = { links: atlas.links, rows: inTableOrder(tiesOf(index)) };
    const json = JSON.parse(downloadFile(index, kept, 'json', '2026-01-01').content) as Atlas;
    expect(json.documents).toEqual(atlas.documents);
    expect(json.links).toEqual(atlas.links);
    expect(json.partners).toEqual(atlas.partners);
    expect(json.targets).toEqual(atlas.targets);
    const geo = JSON.parse(downloadFile(index, kept, 'geojson', '2026-01-01').content);
    const laos = geo.features.find((f: { id: string }) => f.id === LAOS_LINK);
    expect(laos.properties).toMatchObject({ partner_zh: HOSTILE_NAMES.laos.zh, partner_en: HOSTILE_NAMES.laos.en });
    const site = geo.features.find((f: { id: string }) => f.id === SITE_ID);
    expect(site.properties).toMatchObject({ zh: HOSTILE_NAMES.site.zh, en: HOSTILE_NAMES.site.en });
  });
});

describe('the pictures’ escaping (map/static-map.ts, escapeXml)', () => {
  it('writes the hostile title as character data XML can hold: markup escaped, the vertical tab left out, the rest kept', () => {
    const escaped = escapeXml(FROM_TEXT.title);
    expect(escaped).toBe('云南&lt;img src=x onerror=window.__pwned=1&gt;国际科技合作\u200B行动\u200D方案');
    // Bidi controls, Arabic and the other data characters are XML's to hold, and stay.
    expect(escapeXml(FROM_TEXT.rtl)).toBe(FROM_TEXT.rtl);
    expect(escapeXml('a\u0000b\u0008c\u000Cd\uFFFEe\uD800f\tg\nh\ri\u{1F600}')).toBe('abcdef\tg\nh\ri\u{1F600}');
  });
});
