import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/core/csv.ts';
import { downloadFile, downloadFiles, localDay, toAtlasSubset, toGeoJson } from '../../src/core/downloads.ts';
import { filterIndex, filterLinks, keptTies, NO_FILTERS, tieCount, type Filters } from '../../src/core/filters.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { keptTableRows, rowIndex, rowsOfTies, tableRows } from '../../src/core/table.ts';
import type { Atlas } from '../../src/core/types.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(parsed.error);
const atlas: Atlas = parsed.atlas;
const index = filterIndex(atlas);
const DAY = '2025-03-01';

describe('keptTableRows', () => {
  it('is the whole table without filters', () => {
    expect(keptTableRows(atlas, atlas.links)).toEqual(tableRows(atlas));
  });

  it('holds only the evidence a narrowed link kept, where tableRows by id would hold it all', () => {
    const links = filterLinks(index, { ...NO_FILTERS, field: ['marine'] });
    const rows = keptTableRows(atlas, links);
    expect(rows.length).toBe(tieCount(links));
    expect(rows.every((r) => r.fields.split(';').includes('marine'))).toBe(true);
    expect(tableRows(atlas, new Set(links.map((l) => l.id))).length).toBeGreaterThan(rows.length);
  });
});

describe('rowsOfTies', () => {
  const rows = rowIndex(atlas);
  const cases: Partial<Filters>[] = [{}, { origin: ['yunnan'] }, { field: ['marine'] }, { group: ['asean'], mode: ['park'] }, { doc: ['none'] }];

  it('gives, from the kept ties, the rows keptTableRows gives from the kept links, in the same order', () => {
    for (const patch of cases) {
      const filters = { ...NO_FILTERS, ...patch };
      expect(rowsOfTies(rows, keptTies(index, filters)), JSON.stringify(patch)).toEqual(keptTableRows(atlas, filterLinks(index, filters)));
    }
  });
});

describe('downloadFiles', () => {
  const links = filterLinks(index, { ...NO_FILTERS, origin: ['yunnan'], mode: ['park', 'joint-lab'] });
  const files = downloadFiles(atlas, links, DAY);

  it('offers CSV, GeoJSON and JSON, named by the day, with their MIME types', () => {
    expect(files.map((f) => [f.format, f.name, f.type])).toEqual([
      ['csv', 'cooperation-atlas-ties-2025-03-01.csv', 'text/csv;charset=utf-8'],
      ['geojson', 'cooperation-atlas-ties-2025-03-01.geojson', 'application/geo+json'],
      ['json', 'cooperation-atlas-ties-2025-03-01.json', 'application/json'],
    ]);
  });

  it('writes the CSV of exactly the kept ties, as the CLI serializer does', () => {
    const csv = files[0]!.content;
    expect(csv).toBe(toCsv(keptTableRows(atlas, links)));
    const rows = csvParse(csv);
    expect(rows.length).toBe(tieCount(links));
    expect(new Set(rows.map((r) => r.origin))).toEqual(new Set(['yunnan']));
    for (const r of rows) expect(r.modes!.split(';').some((m) => m === 'park' || m === 'joint-lab')).toBe(true);
  });

  it('writes the GeoJSON and the JSON subset of the same links', () => {
    expect(JSON.parse(files[1]!.content)).toEqual(JSON.parse(JSON.stringify(toGeoJson(atlas, links))));
    const subset = parseAtlas(files[2]!.content);
    expect(subset.ok).toBe(true);
    if (subset.ok) expect(subset.atlas).toEqual(toAtlasSubset(atlas, links));
    expect(files[2]!.content).toMatch(/^\{\n "version": 1,/);
    expect(files.every((f) => f.content.endsWith('\n'))).toBe(true);
  });

  it('writes the whole dataset back as it is without filters', () => {
    // All of it, save the sites no passage names (toAtlasSubset keeps only the kept links' sites).
    const named = new Set(atlas.links.flatMap((l) => l.evidence.flatMap((e) => (e.site ? [e.site] : []))));
    const whole = downloadFile(atlas, atlas.links, 'json', DAY).content;
    expect(whole).toBe(`${JSON.stringify({ ...atlas, sites: atlas.sites.filter((s) => named.has(s.id)) }, null, 1)}\n`);
    expect(downloadFile(atlas, atlas.links, 'csv', DAY).content).toBe(toCsv(tableRows(atlas)));
  });

  it('still writes valid, empty files when nothing is kept', () => {
    const [csv, geojson, json] = downloadFiles(atlas, [], DAY);
    expect(csv!.content).toBe(`${toCsv([])}`);
    expect(JSON.parse(geojson!.content).features).toEqual([]);
    expect(parseAtlas(json!.content).ok).toBe(true);
  });
});

describe('localDay', () => {
  it('is the local calendar day, zero-padded', () => {
    expect(localDay(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(localDay(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
  });
});
