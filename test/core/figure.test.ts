// The facts and names of a picture of the atlas (core/figure.ts), on the committed dataset.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chosenFacets, figureFacts, figureName, figureSubject } from '../../src/core/figure.ts';
import { NO_FILTERS, type Filters } from '../../src/core/filters.ts';
import { atlasModel } from '../../src/core/model.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const model = atlasModel(parsed.atlas);
const facts = (filters: Filters) => figureFacts(chosenFacets(filters, model.facetOptions), model.tableRows(filters), model.summary(filters));

describe('figureName: what and when, in the file name', () => {
  it('names the subject and the day, and the scale beyond 1×', () => {
    expect(figureName('yunnan', '2026-11-29', 'png')).toBe('cooperation-atlas-yunnan-2026-11-29.png');
    expect(figureName('yunnan', '2026-11-29', 'png', 4)).toBe('cooperation-atlas-yunnan-2026-11-29@4x.png');
    expect(figureName('all', '2026-11-29', 'svg')).toBe('cooperation-atlas-all-2026-11-29.svg');
  });
});

describe('figureSubject', () => {
  const subject = (filters: Partial<Filters>, selection: Parameters<typeof figureSubject>[2] = null) =>
    figureSubject(model.index, { ...NO_FILTERS, ...filters }, selection);

  it('is `all` for the whole atlas and the chosen ids for a few choices', () => {
    expect(subject({})).toBe('all');
    expect(subject({ origin: ['yunnan'] })).toBe('yunnan');
    expect(subject({ origin: ['wuhan'], field: ['agriculture'] })).toBe('wuhan-agriculture');
    expect(subject({ origin: ['wuhan', 'yunnan', 'cangzhou', 'shandong'] })).toBe('filtered');
  });

  it('names the selection before the filters, in file-safe English', () => {
    expect(subject({ origin: ['wuhan'] }, { kind: 'origin', id: 'yunnan' })).toBe('yunnan');
    expect(subject({}, { kind: 'partner', id: 'ASEAN' })).toBe('asean');
    expect(subject({}, { kind: 'country', iso3: 'DEU' })).toBe('germany');
    const link = parsed.atlas.links.find((l) => l.partner === 'ISR')!;
    expect(subject({}, { kind: 'link', id: link.id })).toBe(`${link.origin}-israel`);
    for (const site of parsed.atlas.sites) expect(subject({}, { kind: 'site', id: site.id })).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('figureFacts', () => {
  it('counts every kept tie once, in one line per link, with numbered sources by date', () => {
    for (const filters of [NO_FILTERS, { ...NO_FILTERS, origin: ['yunnan'] }, { ...NO_FILTERS, field: ['agriculture'] }]) {
      const { rows, documents, summary } = facts(filters);
      expect(rows.reduce((n, row) => n + row.ties, 0)).toBe(summary.ties);
      expect(rows.reduce((n, row) => n + row.ties, 0)).toBe(model.tableRows(filters).length);
      expect(new Set(rows.map((row) => row.link.id)).size).toBe(rows.length);
      expect(documents.map((d) => d.date)).toEqual([...documents.map((d) => d.date)].sort());
      expect(documents).toHaveLength(summary.documents);
      // Each line's sources are the documents its kept ties cite.
      for (const row of rows) {
        const cited = new Set(model.tableRows(filters).filter((tie) => tie.link.id === row.link.id).map((tie) => tie.document.id));
        expect(row.sources.map((n) => documents[n - 1].id).sort()).toEqual([...cited].sort());
      }
      expect(rows.map((row) => row.ties)).toEqual([...rows.map((row) => row.ties)].sort((a, b) => b - a));
    }
  });

  it('lists the chosen options under their facets, in the panel’s order', () => {
    const { chosen } = facts({ ...NO_FILTERS, field: ['agriculture', 'ict'], origin: ['yunnan'] });
    expect(chosen.map((c) => c.facet)).toEqual(['origin', 'field']);
    expect(chosen[1].options.map((o) => o.id)).toEqual(model.facetOptions.field.filter((o) => ['agriculture', 'ict'].includes(o.id)).map((o) => o.id));
    expect(facts(NO_FILTERS).chosen).toEqual([]);
  });
});
