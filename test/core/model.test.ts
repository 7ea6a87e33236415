// The model: built once from the dataset, it numbers the ties once and answers each view through
// a memoised selector, so that an unchanged input gives the very same output (what app/bind.ts
// relies on to leave a view alone).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filterIndex, NO_FILTERS, tieCount } from '../../src/core/filters.ts';
import { memoLast } from '../../src/core/memo.ts';
import { exploreModel } from '../../src/core/explore-model.ts';
import { atlasModel } from '../../src/core/model.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { tiesOf } from '../../src/core/tie.ts';
import { linkId, type Atlas } from '../../src/core/types.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas: Atlas = parsed.atlas;
const model = atlasModel(atlas);
const panels = exploreModel(model);
const yunnan = { ...NO_FILTERS, origin: ['yunnan'] };

describe('memoLast', () => {
  it('computes again only when the input changes', () => {
    let runs = 0;
    const double = memoLast((n: number) => (runs++, [n * 2]));
    const first = double(2);
    expect(double(2)).toBe(first);
    expect(double(3)).toEqual([6]);
    expect(runs).toBe(2);
  });

  it('compares inputs with the given test, after identity', () => {
    const byJson = memoLast((o: { a: number }) => ({ ...o }), (x, y) => JSON.stringify(x) === JSON.stringify(y));
    const first = byJson({ a: 1 });
    expect(byJson({ a: 1 })).toBe(first);
    expect(byJson({ a: 2 })).not.toBe(first);
  });
});

describe('the ties', () => {
  it('are numbered once, link by link, evidence by evidence', () => {
    const ties = tiesOf(model.index);
    expect(ties.map((t) => t.n)).toEqual(ties.map((_, i) => i));
    expect(ties.length).toBe(tieCount(atlas.links));
    const [first, second] = [atlas.links[0]!, atlas.links[1]!];
    expect(ties[first.evidence.length]!.link).toBe(second);
    expect(ties[0]!.document.id).toBe(first.evidence[0]!.doc);
  });

  it('keep their numbering around a link with no evidence, which filters and table agree on', () => {
    const odd: Atlas = { ...atlas, links: [{ ...atlas.links[0]!, id: linkId('wuhan', '420100', 'nowhere'), evidence: [] }, ...atlas.links] };
    const oddModel = atlasModel(odd);
    expect(oddModel.tableRows(yunnan).length).toBe(tieCount(oddModel.kept(yunnan).links));
    expect(oddModel.tableRows(yunnan).length).toBe(model.tableRows(yunnan).length);
  });

  it('are refused by the filters in any other numbering', () => {
    expect(() => filterIndex(atlas, [...tiesOf(model.index)].reverse())).toThrow(/numbered by tiesOf/);
  });
});

describe('the selectors', () => {
  it('give the same output for the same filters object, and a new one for new filters', () => {
    for (const select of [model.kept, model.counts, model.tableRows, model.mapState, model.summary, panels.downloads] as ((f: typeof yunnan) => unknown)[]) {
      const out = select(yunnan);
      expect(select(yunnan)).toBe(out);
      expect(select({ ...yunnan })).not.toBe(out);
    }
  });

  it('give the same card, highlight and tooltip for an equal selection', () => {
    const card = model.card({ kind: 'country', iso3: 'ISR' });
    expect(model.card({ kind: 'country', iso3: 'ISR' })).toBe(card);
    expect(card?.title.en).toBe('Israel');
    expect(model.card(null)).toBeNull();
    expect(model.highlighted({ kind: 'country', iso3: 'ISR' })).toBe(model.highlighted({ kind: 'country', iso3: 'ISR' }));
    expect(model.tooltip({ kind: 'country', iso3: 'ISR' })?.ties).toBe(card?.tieCount);
  });

  it('agree with each other: the table holds the kept ties, the counts and the downloads count them', () => {
    const rows = model.tableRows(yunnan);
    expect(rows.every((t) => t.origin.id === 'yunnan')).toBe(true);
    expect(model.counts(NO_FILTERS).origin.get('yunnan')).toBe(rows.length);
    expect(panels.downloads(yunnan).ties).toBe(rows.length);
    expect(model.summary(yunnan).ties).toBe(rows.length);
  });

  it('say where a search result is, and offer each facet’s options in the dataset’s order', () => {
    expect(panels.searchTargetAt({ kind: 'select', selection: { kind: 'country', iso3: 'ISR' } })).toEqual(model.index.countries.get('ISR')!.anchor);
    expect(panels.searchTargetAt({ kind: 'field', id: 'marine' })).toBeNull();
    expect(model.facetOptions.origin.map((o) => o.id)).toEqual(atlas.origins.map((o) => o.id));
    const dates = model.facetOptions.doc.map((o) => (o.kind === 'document' ? o.date : ''));
    expect(dates).toEqual([...dates].sort());
  });
});
