import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countsOfFailures, facetCounts, FACETS, filterIndex, filterLinks, keptSelector, keptTies, linksOfTies, NO_FILTERS, tieCount, type Filters } from '../../src/core/filters.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import type { Atlas } from '../../src/core/types.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas: Atlas = parsed.atlas;
const index = filterIndex(atlas);
const all = tieCount(atlas.links);
const with_ = (patch: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...patch });

describe('filterLinks', () => {
  it('keeps everything without filters', () => {
    expect(filterLinks(index, NO_FILTERS)).toEqual(atlas.links);
  });

  it('keeps one origin only', () => {
    const kept = filterLinks(index, with_({ origin: ['yunnan'] }));
    expect(new Set(kept.map((l) => l.origin))).toEqual(new Set(['yunnan']));
    expect(tieCount(kept)).toBe(tieCount(atlas.links.filter((l) => l.origin === 'yunnan')));
  });

  it('narrows a link to the evidence that passes, and drops a link with none', () => {
    const kept = filterLinks(index, with_({ field: ['marine'] }));
    for (const l of kept) for (const e of l.evidence) expect(e.fields).toContain('marine');
    expect(kept.length).toBeLessThan(atlas.links.length);
  });

  it('ORs options within a facet and ANDs facets', () => {
    const a = tieCount(filterLinks(index, with_({ origin: ['wuhan'] })));
    const b = tieCount(filterLinks(index, with_({ origin: ['cangzhou'] })));
    expect(tieCount(filterLinks(index, with_({ origin: ['wuhan', 'cangzhou'] })))).toBe(a + b);
    const both = filterLinks(index, with_({ origin: ['shandong'], kind: ['bloc'] }));
    expect(both.map((l) => l.partner).sort()).toEqual(['ASEAN', 'EU']);
  });

  it('filters by region group: South Asia keeps Pakistan and the University of Karachi', () => {
    const partners = new Set(filterLinks(index, with_({ group: ['south-asia'] })).map((l) => l.partner));
    expect(partners).toContain('PAK');
    expect(partners).toContain('university-of-karachi');
    expect(partners).not.toContain('DEU');
  });
});

describe('keptTies', () => {
  it('numbers the ties link by link, each link’s evidence in order, and marks those the filters keep', () => {
    const kept = keptTies(index, with_({ origin: ['cangzhou'] }));
    expect(kept).toHaveLength(all);
    let tie = 0;
    for (const link of atlas.links) {
      for (let j = 0; j < link.evidence.length; j++) expect(kept[tie++], link.id).toBe(link.origin === 'cangzhou' ? 1 : 0);
    }
  });

  it('keeps, through linksOfTies, exactly the evidence a plain reading of the filters keeps', () => {
    const groupsOf = (partner: string) => atlas.groups.filter((g) => g.partners.includes(partner)).map((g) => g.id);
    const kindOf = (partner: string) => atlas.partners.find((p) => p.id === partner)!.kind;
    // The rule, read straight from the dataset: every facet with a choice must share an option.
    const reference = (filters: Filters) =>
      atlas.links.flatMap((link) => {
        const evidence = link.evidence.filter((e) => {
          const offered: Record<string, readonly string[]> = {
            origin: [link.origin], field: e.fields, mode: e.modes, kind: [kindOf(link.partner)], group: groupsOf(link.partner), doc: [e.doc],
          };
          return FACETS.every((facet) => filters[facet].length === 0 || offered[facet]!.some((o) => filters[facet].includes(o)));
        });
        return evidence.length === 0 ? [] : [{ ...link, evidence }];
      });
    for (const patch of [{}, { field: ['agriculture'], group: ['asean'] }, { origin: ['shandong', 'yunnan'], mode: ['park'] }, { kind: ['bloc'], doc: [atlas.documents[0]!.id] }]) {
      const filters = with_(patch);
      expect(linksOfTies(index, keptTies(index, filters)), JSON.stringify(patch)).toEqual(reference(filters));
    }
  });
});

describe('facetCounts', () => {
  it('counts every tie once per option when nothing is filtered', () => {
    const counts = facetCounts(index, NO_FILTERS);
    expect([...counts.origin.values()].reduce((a, b) => a + b, 0)).toBe(all);
    expect([...counts.doc.values()].reduce((a, b) => a + b, 0)).toBe(all);
  });

  it("gives each option the ties it would keep given the other facets' filters", () => {
    const filters = with_({ origin: ['shandong'], field: ['agriculture'] });
    const counts = facetCounts(index, filters);
    for (const facet of FACETS) {
      for (const [option, n] of counts[facet]) {
        const alone = with_({ ...filters, [facet]: [option] });
        expect(tieCount(filterLinks(index, alone)), `${facet}=${option}`).toBe(n);
      }
    }
  });
});

describe('keptSelector', () => {
  it('computes once per filters object what keptTies, filterLinks and facetCounts compute', () => {
    const select = keptSelector(index);
    const filters = with_({ origin: ['shandong'], field: ['agriculture'] });
    const kept = select(filters);
    expect(select(filters)).toBe(kept);
    expect(kept.ties).toEqual(keptTies(index, filters));
    expect(kept.links).toEqual(filterLinks(index, filters));
    expect(countsOfFailures(index, kept.failed)).toEqual(facetCounts(index, filters));
    expect(select({ ...filters })).not.toBe(kept);
  });
});
