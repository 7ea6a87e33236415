import { readFileSync } from 'node:fs';
import { Blob, Face } from 'harfbuzzjs';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { labelFontPlugin } from '../../src/build/label-font-plugin.ts';
import { traditionalTable } from '../../src/build/zh-hant-plugin.ts';

/** The virtual module's code for these options. */
function moduleCode(options: Parameters<typeof labelFontPlugin>[0]): Promise<string> {
  const plugin = labelFontPlugin(options);
  const load = plugin.load as (id: string) => Promise<string>;
  return load.call({}, '\0virtual:label-font');
}

/** The codepoints of a `U+…` list. */
const codepoints = (list: string) =>
  list.split(',').flatMap((range) => {
    const [start, end = start] = range.replace(/^U\+/, '').split('-').map((hex) => parseInt(hex, 16));
    return Array.from({ length: end! - start! + 1 }, (_, i) => start! + i);
  });

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
  it('covers the Traditional forms of the names and messages when given them', { timeout: 60_000 }, async () => {
    const names = ['public/data/atlas.json'];
    const without = await moduleCode({ weights: [400], namesFrom: names, textFrom: [] });
    const withTraditional = await moduleCode({ weights: [400], namesFrom: names, textFrom: [], moreText: () => Object.values(traditionalTable(names)) });
    // 圖 (地圖), 蘭 (烏克蘭): in no Simplified name, in their Traditional forms.
    for (const char of ['圖', '蘭']) {
      expect(covers(without, char)).toBe(false);
      expect(covers(withTraditional, char)).toBe(true);
    }
    // The Simplified forms stay covered (乌克兰 is a name in the dataset).
    expect(covers(withTraditional, '乌')).toBe(true);
  });

  it('cuts each file to the characters its face declares, and draws every one of them', { timeout: 60_000 }, async () => {
    const code = await moduleCode({ weights: [400, 600], namesFrom: ['public/data/atlas.json'], textFrom: ['index.html'] });
    const files = [...code.matchAll(/import face\d+ from "([^"]+)\?url"/g)].map((m) => m[1]!);
    const ranges = [...code.matchAll(/unicodeRange: "([^"]+)"/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(10);
    expect(ranges).toHaveLength(files.length);
    let bytes = 0;
    for (const [i, file] of files.entries()) {
      const font = readFileSync(file);
      expect(font.subarray(0, 4).toString('latin1'), file).toBe('wOF2');
      bytes += font.length;
      // What the file maps, read by harfbuzz from its plain (sfnt) form.
      const declared = codepoints(ranges[i]!);
      const sfnt = await subsetFont(font, String.fromCodePoint(...declared), { targetFormat: 'sfnt' });
      const mapped = new Set(new Face(new Blob(sfnt), 0).collectUnicodes());
      expect(declared.filter((codepoint) => !mapped.has(codepoint)), file).toEqual([]);
    }
    // A few KB a file: fontsource's own files are 20–60 KB each.
    expect(bytes / files.length).toBeLessThan(10_000);
  });
});
