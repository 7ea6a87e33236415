import { describe, expect, it } from 'vitest';
import { labelFontPlugin } from '../../src/build/label-font-plugin.ts';
import { traditionalTable } from '../../src/build/zh-hant-plugin.ts';

/** The virtual module's code for these options. */
function moduleCode(options: Parameters<typeof labelFontPlugin>[0]): string {
  const plugin = labelFontPlugin(options);
  const load = plugin.load as (id: string) => string;
  return load.call({}, '\0virtual:label-font');
}

const covers = (code: string, char: string) => {
  const point = char.codePointAt(0)!;
  return [...code.matchAll(/unicodeRange: "([^"]+)"/g)].some(([, list]) =>
    list.split(',').some((range) => {
      const [start, end = start] = range.replace(/^U\+/, '').split('-').map((hex) => parseInt(hex, 16));
      return point >= start && point <= end;
    }),
  );
};

describe('the label font subset', () => {
  it('covers the Traditional forms of the names and messages when given them', () => {
    const names = ['public/data/atlas.json'];
    const without = moduleCode({ weights: [400], namesFrom: names, textFrom: [] });
    const withTraditional = moduleCode({ weights: [400], namesFrom: names, textFrom: [], moreText: () => Object.values(traditionalTable(names)) });
    // 圖 (地圖), 蘭 (烏克蘭): in no Simplified name, in their Traditional forms.
    for (const char of ['圖', '蘭']) {
      expect(covers(without, char)).toBe(false);
      expect(covers(withTraditional, char)).toBe(true);
    }
    // The Simplified forms stay covered (乌克兰 is a name in the dataset).
    expect(covers(withTraditional, '乌')).toBe(true);
  });
});
