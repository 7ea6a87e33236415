import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { searchForms } from '../../src/build/search-forms.ts';
import { traditionalTable } from '../../src/build/zh-hant-plugin.ts';
import { NO_FILTERS } from '../../src/core/filters.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { pickChanges, search, searchEntries, type SearchTarget } from '../../src/core/search.ts';
import { localizer } from '../../src/i18n/localizer.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas = parsed.atlas;
// The forms the build gives the app (virtual:zh-hant-search), made the same way here.
const forms = searchForms(atlas);
const entries = searchEntries(atlas, (zh) => forms[zh] ?? []);
const first = (q: string) => search(entries, q)[0]?.target;
const country = (iso3: string): SearchTarget => ({ kind: 'select', selection: { kind: 'country', iso3 } });
const partner = (id: string): SearchTarget => ({ kind: 'select', selection: { kind: 'partner', id } });

describe('search', () => {
  it('finds a country by its Simplified, Traditional or English name, or its code', () => {
    for (const q of ['以色列', 'Israel', 'israel', 'ISR']) expect(first(q), q).toEqual(country('ISR'));
    expect(first('烏克蘭')).toEqual(country('UKR'));
  });

  it('finds cities, parks, blocs and fields', () => {
    expect(first('東京')).toEqual(partner('tokyo'));
    expect(first('中德产业园')).toMatchObject({ selection: { kind: 'site' } });
    expect(first('Sino-German')).toMatchObject({ selection: { kind: 'site' } });
    expect(first('asean')).toEqual(partner('ASEAN'));
    expect(first('海洋')).toEqual({ kind: 'field', id: 'marine' });
    expect(first('農業')).toEqual({ kind: 'field', id: 'agriculture' });
    expect(first('Kunming')).toEqual({ kind: 'place', adcode: '530100' });
    expect(first('Atlantis')).toBeUndefined();
  });

  it('finds every country the atlas shows, bloc members too, each listed once', () => {
    const members = atlas.countries.filter((c) => !atlas.partners.some((p) => p.id === c.iso3));
    expect(members.map((c) => c.iso3)).toEqual(expect.arrayContaining(['VNM', 'BRN', 'POL']));
    for (const q of ['越南', 'Vietnam']) expect(first(q), q).toEqual(country('VNM'));
    for (const q of ['波兰', '波蘭', 'Poland']) expect(first(q), q).toEqual(country('POL'));
    expect(first('文莱')).toEqual(country('BRN'));
    const abroad = atlas.countries.filter((c) => c.iso3 !== 'CHN');
    for (const c of abroad) {
      const found = entries.filter((e) => e.target.kind === 'select' && e.target.selection.kind === 'country' && e.target.selection.iso3 === c.iso3);
      expect(found, c.iso3).toHaveLength(1);
      expect(search(entries, c.en, 50), c.en).toContain(found[0]);
    }
    // A country partner is its country: no second entry for it as a partner.
    expect(entries.filter((e) => e.type === 'country')).toHaveLength(abroad.length);
  });

  it('does not offer China, where every tie starts, as a country to find', () => {
    expect(atlas.countries.some((c) => c.iso3 === 'CHN')).toBe(true);
    for (const q of ['中国', '中國', 'China', 'CHN']) {
      const targets = search(entries, q, 50).map((e) => e.target);
      expect(targets, q).not.toContainEqual(country('CHN'));
    }
  });

  it('finds Taiwan and Hong Kong spellings: words, variant characters, country names', () => {
    expect(first('義大利')).toEqual(country('ITA'));
    expect(first('意大利')).toEqual(country('ITA'));
    expect(first('寮國')).toEqual(country('LAO'));
    expect(first('老撾')).toEqual(country('LAO'));
    expect(first('澳洲')).toEqual(country('AUS'));
    expect(first('汶萊')).toEqual(country('BRN'));
    expect(first('矽谷')).toEqual(partner('silicon-valley'));
    expect(first('煙台')).toEqual({ kind: 'place', adcode: '370600' });
    expect(first('煙臺')).toEqual({ kind: 'place', adcode: '370600' });
  });

  it('finds a partner by the other names the texts write for it (東協 in the Shandong text)', () => {
    for (const q of ['東協', '东协', '東盟']) expect(first(q), q).toEqual(partner('ASEAN'));
    expect(first('印尼')).toEqual(country('IDN'));
    expect(first('開發中國家')).toEqual(partner('developing-countries'));
  });

  it('finds the region groups the filters offer, in all three languages, after the bloc of the same name', () => {
    const ceec = atlas.groups.find((g) => g.id === 'ceec')!;
    const table = traditionalTable([]);
    const shown = localizer('zh-Hant', table);
    for (const q of [ceec.en, ceec.zh, shown.zh(ceec.zh)]) expect(search(entries, q).map((e) => e.target), q).toContainEqual({ kind: 'group', id: 'ceec' });
    expect(first('Central and Eastern Europe')).toEqual({ kind: 'group', id: 'ceec' });
    expect(search(entries, '東盟').slice(0, 2).map((e) => e.target)).toEqual([partner('ASEAN'), { kind: 'group', id: 'asean' }]);
    // Its type is named in each language.
    const group = search(entries, 'Central and Eastern Europe')[0]!;
    expect(group.type).toBe('group');
    expect(localizer('zh-Hans', {}).t('search.type.group')).toBe('地区分组');
    expect(shown.t('search.type.group')).toBe('地區分組');
    expect(localizer('en', {}).t('search.type.group')).toBe('Region');
  });

  it('ranks an exact name before names that merely contain the query', () => {
    const results = search(entries, '中国');
    expect(results.length).toBeGreaterThan(1);
    expect(search(entries, 'india')[0]!.en).toBe('India');
  });

  it('returns nothing for an empty query', () => {
    expect(search(entries, '  ')).toEqual([]);
  });
});

describe('picking a result', () => {
  const filters = { ...NO_FILTERS, origin: ['shandong'], group: ['asean'] };

  it('filters by a field or a region group alone, keeping the other facets', () => {
    expect(pickChanges({ kind: 'group', id: 'ceec' }, filters)).toEqual({ filters: { ...filters, group: ['ceec'] } });
    expect(pickChanges({ kind: 'field', id: 'marine' }, filters)).toEqual({ filters: { ...filters, field: ['marine'] } });
  });

  it('selects a country, bloc or site, and leaves the filters alone; a city is only flown to', () => {
    expect(pickChanges(country('VNM'), filters)).toEqual({ selection: { kind: 'country', iso3: 'VNM' } });
    expect(pickChanges(partner('ASEAN'), filters)).toEqual({ selection: { kind: 'partner', id: 'ASEAN' } });
    const site = { kind: 'select', selection: { kind: 'site', id: atlas.sites[0]!.id } } as const;
    expect(pickChanges(site, filters)).toEqual({ selection: site.selection });
    expect(pickChanges({ kind: 'place', adcode: '370600' }, filters)).toEqual({});
  });
});
