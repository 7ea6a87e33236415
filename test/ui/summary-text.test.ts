import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traditionalTable } from '../../src/build/zh-hant-plugin.ts';
import { filterIndex, filterLinks, NO_FILTERS } from '../../src/core/filters.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { indexAtlas } from '../../src/core/atlas-index.ts';
import { mapSummary } from '../../src/core/summary.ts';
import type { Atlas } from '../../src/core/types.ts';
import { count, formatList, formatNumber } from '../../src/i18n/format.ts';
import { localizer } from '../../src/i18n/localizer.ts';
import { summarySentences } from '../../src/ui/summary-text.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas: Atlas = parsed.atlas;
const table = traditionalTable(['public/data/atlas.json']);
const [hans, hant, en] = (['zh-Hans', 'zh-Hant', 'en'] as const).map((lang) => localizer(lang, table));

describe('counts, numbers and lists', () => {
  it('says one tie and 10,000 ties', () => {
    expect(count(en!, 'ties', 1)).toBe('1 tie');
    expect(count(en!, 'ties', 10000)).toBe('10,000 ties');
    expect(count(hans!, 'ties', 1)).toBe('1 项合作');
    expect(count(hant!, 'ties', 2)).toBe('2 項合作');
    expect(formatNumber(hans!, 12345)).toBe('12,345');
  });

  it('writes every number as the language’s own number format does, small counts included (written without it)', () => {
    const numbers = [...Array.from({ length: 1101 }, (_, i) => i - 50), -0, 0.5, 999.5, 12345, 1e6, -1234];
    for (const loc of [hans!, hant!, en!]) {
      const format = new Intl.NumberFormat(loc.tag);
      expect(numbers.map((n) => formatNumber(loc, n))).toEqual(numbers.map((n) => format.format(n)));
    }
  });

  it('joins lists as each language does, as the language’s own list format does (written without it)', () => {
    expect(formatList(en!, ['A', 'B', 'C'])).toBe('A, B, and C');
    expect(formatList(hans!, ['甲', '乙', '丙'])).toBe('甲、乙和丙');
    const lists = Array.from({ length: 6 }, (_, n) => ['武汉', 'Wuhan', '山東', 'A, B', '', 'Ω'].slice(0, n));
    for (const loc of [hans!, hant!, en!]) {
      const format = new Intl.ListFormat(loc.tag, { style: 'long', type: 'conjunction' });
      expect(lists.map((items) => formatList(loc, items))).toEqual(lists.map((items) => format.format(items)));
    }
  });
});

describe('the map in words', () => {
  const all = mapSummary(indexAtlas(atlas), atlas.links);

  it('opens with the overview and names the top origins, countries, blocs, regions and sites', () => {
    const s = summarySentences(all, en!);
    expect(s[0]).toBe('The map shows 170 ties between 4 origins and 61 partners.');
    expect(s[1]).toBe('By origin: Yunnan (70), Shandong (49), Wuhan (35), and Cangzhou (16).');
    expect(s[2]).toMatch(/^It names 29 countries directly, most ties first: United States \(7\), Singapore \(5\), .*, and 24 more\.$/);
    expect(s.find((x) => x.startsWith('Blocs:'))).toContain('ASEAN (5)');
    expect(s.find((x) => x.startsWith('Regions'))).toContain('South Asia (24)');
    expect(s.find((x) => x.startsWith('Sites:'))).toMatch(/and 23 more\.$/);
    // Every partner has a place on the map: nothing to say about ties listed but not drawn.
    expect(s.at(-1)).toMatch(/^Sites:/);
  });

  it('says how many ties are listed but not drawn, when some partner has no place on the map', () => {
    const hubless = { ...atlas, partners: atlas.partners.map((p) => (p.id === 'developed-countries' ? { ...p, anchor: null } : p)) };
    const s = summarySentences(mapSummary(indexAtlas(hubless), atlas.links), en!);
    expect(s.at(-1)).toBe('5 ties go to partners with no place on the map: listed, not drawn.');
    expect(summarySentences(mapSummary(indexAtlas(hubless), atlas.links), hans!).at(-1)).toBe('其中 5 项合作的对象在地图上没有位置,只列出,不绘制。');
  });

  it('speaks Simplified and Traditional Chinese', () => {
    expect(summarySentences(all, hans!)[0]).toBe('地图显示 4 个规划来源地与 61 个合作伙伴之间的 170 项合作。');
    expect(summarySentences(all, hant!)[1]).toBe('按規劃來源地:雲南(70)、山東(49)、武漢(35)和滄州(16)。');
  });

  it('leaves out what the filters removed, and says when nothing is left', () => {
    const cangzhou = summarySentences(mapSummary(indexAtlas(atlas), filterLinks(filterIndex(atlas), { ...NO_FILTERS, origin: ['cangzhou'] })), en!);
    expect(cangzhou[0]).toMatch(/^The map shows 16 ties between 1 origin and \d+ partners\.$/);
    expect(cangzhou[1]).toBe('By origin: Cangzhou (16).');
    expect(summarySentences(mapSummary(indexAtlas(atlas), []), en!)).toEqual(['The map shows no ties for the current filters.']);
  });
});
