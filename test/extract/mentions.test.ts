import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/extract/mentions.ts';
import { findSites } from '../../src/extract/sites.ts';
import { normalise } from '../../src/extract/text.ts';

/** Partner ids found in a sentence, the way the pipeline finds them (sites first, then names). */
function partnersIn(sentence: string): string[] {
  const norm = normalise(sentence);
  const sites = findSites(norm).map((s) => [s.start, s.end] as [number, number]);
  return findMentions(norm, sites).flatMap((m) => m.partners);
}

describe('中X abbreviations name a country only where they really do', () => {
  it.each([
    ['其中新增高新技术企业100家', []],
    ['在工作中加强协调', []],
    ['集中遴选100名国际科技特派员', []],
    ['中加(加拿大)现代农业科技合作示范园', ['CAN']],
    ['中烏(烏克蘭)巴頓先進焊接技術研究院', ['UKR']],
    ['落实科技部中老、中缅、中菲等对外联委会议定事项', ['LAO', 'MMR', 'PHL']],
    ['加快建成中法两国乃至全球创新资源聚集区', ['FRA']],
    ['大力推进武汉中德产业园落地', ['DEU']],
    ['中歐(歐盟)膜技術研究中心', ['EU']],
  ])('%s → %j', (sentence, expected) => {
    expect(partnersIn(sentence)).toEqual(expected);
  });

  it('a bare 中欧 is not the EU: it may mean Central Europe', () => {
    expect(partnersIn('加强与中欧企业合作')).toEqual([]);
  });
});

describe('names in either script, longest first', () => {
  it.each([
    ['面向中亞、阿拉伯、東協和歐盟國家', ['central-asia', 'arab-states', 'ASEAN', 'EU']],
    ['執行好與以色列、白俄羅斯等國家的已有科技合作協定', ['ISR', 'BLR']],
    ['选派到南亚东南亚和环印度洋国家', ['south-asia', 'southeast-asia', 'indian-ocean-rim']],
    ['印发给你们,请认真贯彻执行', []],
    ['与巴基斯坦卡拉奇大学合作', ['university-of-karachi']],
    ['惠普(山東)國家軟體產業國際創新園', ['hp']],
  ])('%s → %j', (sentence, expected) => {
    expect(partnersIn(sentence)).toEqual(expected);
  });
});

describe('normalise', () => {
  it('keeps the length, converts Traditional characters and, where lengths allow, Taiwan words', () => {
    const t = '軟體技術與東協合作,智慧財產權';
    const n = normalise(t);
    expect(n.length).toBe(t.length);
    expect(n).toBe('软件技术与东协合作,智慧财产权');
  });

  it('leaves Simplified text alone', () => {
    const t = '根据文件精神,探索建立合作机制';
    expect(normalise(t)).toBe(t);
  });
});
