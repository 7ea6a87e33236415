import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atlasModel } from '../../src/core/model.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { NO_FILTERS } from '../../src/core/filters.ts';
import { selectionMatcher, sortedOrder } from '../../src/core/table-view.ts';
import { linkId, type Atlas, type SiteId } from '../../src/core/types.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas: Atlas = parsed.atlas;
const rows = atlasModel(atlas).tableRows(NO_FILTERS);
const ids = new Set(atlas.links.map((l) => l.id));

describe('the table’s rows', () => {
  it('each belong to a link of the dataset, as many as the link has evidence', () => {
    for (const row of rows) expect(ids.has(row.link.id)).toBe(true);
    const link = atlas.links.find((l) => l.evidence.length > 2)!;
    expect(rows.filter((r) => r.link.id === link.id).length).toBe(link.evidence.length);
  });
});

describe('selectionMatcher', () => {
  const matching = (selection: Parameters<typeof selectionMatcher>[0]) => rows.filter(selectionMatcher(selection)!);

  it('matches nothing without a selection', () => {
    expect(selectionMatcher(null)).toBeNull();
  });

  it('matches a link’s own rows', () => {
    expect(matching({ kind: 'link', id: linkId('shandong', '370500', 'ISR') }).map((r) => r.partner.en)).toEqual(['Israel']);
  });

  it('matches a country’s rows, the cities and institutions in it included, but not its blocs', () => {
    const usa = matching({ kind: 'country', iso3: 'USA' });
    expect(usa.length).toBe(7);
    expect(new Set(usa.map((r) => r.partner.kind))).toEqual(new Set(['country', 'city', 'institution', 'company']));
    expect(matching({ kind: 'country', iso3: 'PAK' }).map((r) => r.partner.id)).toContain('university-of-karachi');
    expect(matching({ kind: 'country', iso3: 'DEU' }).every((r) => r.partner.kind !== 'bloc')).toBe(true);
  });

  it('matches a site’s, an origin’s and a partner’s rows', () => {
    const site = atlas.sites.find((s) => s.id === 's-t-innovation-centre-for-south-and-southeast-asia')!;
    expect(matching({ kind: 'site', id: site.id }).length).toBe(6);
    expect(matching({ kind: 'site', id: site.id }).every((r) => r.site?.zh === site.zh)).toBe(true);
    expect(matching({ kind: 'site', id: 'no-such-site' as SiteId })).toEqual([]);
    expect(matching({ kind: 'origin', id: 'cangzhou' }).length).toBe(16);
    expect(matching({ kind: 'partner', id: 'ASEAN' }).length).toBe(5);
  });
});

describe('sortedOrder', () => {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  it('sorts both ways, keeping ties in the given order and empty keys last', () => {
    const keys = ['b', '', 'a', 'b', 'c', ''];
    expect(sortedOrder(keys, 'ascending', compare)).toEqual([2, 0, 3, 4, 1, 5]);
    expect(sortedOrder(keys, 'descending', compare)).toEqual([4, 0, 3, 2, 1, 5]);
  });

  it('sorts Chinese names by pinyin with a Chinese collator', () => {
    const names = ['新加坡', '澳大利亚', '美国', '巴基斯坦'];
    const order = sortedOrder(names, 'ascending', new Intl.Collator('zh-Hans').compare);
    expect(order.map((i) => names[i])).toEqual(['澳大利亚', '巴基斯坦', '美国', '新加坡']);
  });
});
