import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/core/csv.ts';
import { DOWNLOAD_FORMATS, downloadFile, downloadOffer, localDay, toAtlasSubset, toGeoJson } from '../../src/core/downloads.ts';
import { filterLinks, NO_FILTERS, tieCount, type Filters } from '../../src/core/filters.ts';
import { exploreModel } from '../../src/core/explore-model.ts';
import { atlasModel } from '../../src/core/model.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { csvRow, csvRows } from '../../src/core/table.ts';
import type { Atlas, Link } from '../../src/core/types.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas: Atlas = parsed.atlas;
const model = atlasModel(atlas);
const panels = exploreModel(model);
const index = model.filterIndex;
const DAY = '2025-03-01';
/** The table of exactly the evidence `links` hold, made from a dataset cut down to them: a second way to the kept rows. */
const tableOfLinks = (links: readonly Link[]) => csvRows({ ...atlas, links: [...links] });
const kept = (filters: Filters) => ({ links: model.kept(filters).links, rows: model.tableRows(filters) });

describe('the kept rows', () => {
  it('are the whole table without filters', () => {
    expect(model.tableRows(NO_FILTERS).map(csvRow)).toEqual(csvRows(atlas));
  });

  it('hold only the evidence a narrowed link kept, where the rows of its links by id would hold it all', () => {
    const filters = { ...NO_FILTERS, field: ['marine'] };
    const { links, rows } = kept(filters);
    expect(rows.length).toBe(tieCount(links));
    expect(rows.every((r) => r.evidence.fields.includes('marine'))).toBe(true);
    expect(csvRows(atlas, new Set(links.map((l) => l.id))).length).toBeGreaterThan(rows.length);
  });

  const cases: Partial<Filters>[] = [{}, { origin: ['yunnan'] }, { field: ['marine'] }, { group: ['asean'], mode: ['park'] }, { doc: ['none'] }];

  it('are, from the kept ties, the rows of the kept links, in the same order', () => {
    for (const patch of cases) {
      const filters = { ...NO_FILTERS, ...patch };
      expect(model.tableRows(filters).map(csvRow), JSON.stringify(patch)).toEqual(tableOfLinks(filterLinks(index, filters)));
    }
  });
});

describe('downloadFile', () => {
  const filters = { ...NO_FILTERS, origin: ['yunnan'], mode: ['park', 'joint-lab'] };
  const links = filterLinks(index, filters);
  const files = DOWNLOAD_FORMATS.map((format) => downloadFile(model.index, kept(filters), format, DAY));

  it('offers CSV, GeoJSON and JSON, named by the day, with their MIME types', () => {
    expect(files.map((f) => [f.format, f.name, f.type])).toEqual([
      ['csv', 'cooperation-atlas-ties-2025-03-01.csv', 'text/csv;charset=utf-8'],
      ['geojson', 'cooperation-atlas-ties-2025-03-01.geojson', 'application/geo+json'],
      ['json', 'cooperation-atlas-ties-2025-03-01.json', 'application/json'],
    ]);
  });

  it('writes the CSV of exactly the kept ties, as the CLI serializer does', () => {
    const csv = files[0]!.content;
    expect(csv).toBe(toCsv(tableOfLinks(links)));
    const rows = csvParse(csv);
    expect(rows.length).toBe(tieCount(links));
    expect(new Set(rows.map((r) => r.origin))).toEqual(new Set(['yunnan']));
    for (const r of rows) expect(r.modes!.split(';').some((m) => m === 'park' || m === 'joint-lab')).toBe(true);
  });

  it('writes the GeoJSON and the JSON subset of the same links', () => {
    expect(JSON.parse(files[1]!.content)).toEqual(JSON.parse(JSON.stringify(toGeoJson(model.index, links))));
    const subset = parseAtlas(files[2]!.content);
    expect(subset.ok).toBe(true);
    if (subset.ok) expect(subset.atlas).toEqual(toAtlasSubset(atlas, links));
    expect(files[2]!.content).toMatch(/^\{\n "version": 1,/);
    expect(files.every((f) => f.content.endsWith('\n'))).toBe(true);
  });

  it('writes the whole dataset back as it is without filters', () => {
    // All of it, save the sites no passage names (toAtlasSubset keeps only the kept links' sites).
    const named = new Set(atlas.links.flatMap((l) => l.evidence.flatMap((e) => (e.site ? [e.site] : []))));
    const whole = downloadFile(model.index, kept(NO_FILTERS), 'json', DAY).content;
    expect(whole).toBe(`${JSON.stringify({ ...atlas, sites: atlas.sites.filter((s) => named.has(s.id)) }, null, 1)}\n`);
    expect(downloadFile(model.index, kept(NO_FILTERS), 'csv', DAY).content).toBe(toCsv(csvRows(atlas)));
  });

  it('still writes valid, empty files when nothing is kept', () => {
    const [csv, geojson, json] = DOWNLOAD_FORMATS.map((format) => downloadFile(model.index, { links: [], rows: [] }, format, DAY));
    expect(csv!.content).toBe(`${toCsv([])}`);
    expect(JSON.parse(geojson!.content).features).toEqual([]);
    expect(parseAtlas(json!.content).ok).toBe(true);
  });
});

describe('downloadOffer', () => {
  it('counts the kept ties, links and documents, and makes the files it offers', () => {
    const filters = { ...NO_FILTERS, origin: ['shandong'] };
    const offer = downloadOffer(model.index, kept(filters));
    const links = model.kept(filters).links;
    expect(offer).toMatchObject({ ties: tieCount(links), links: links.length, documents: 1 });
    expect(offer.file('csv', DAY)).toEqual(downloadFile(model.index, kept(filters), 'csv', DAY));
    expect(panels.downloads(filters)).toBe(panels.downloads(filters));
  });
});

describe('localDay', () => {
  it('is the local calendar day, zero-padded', () => {
    expect(localDay(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(localDay(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
  });
});
