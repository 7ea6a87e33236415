import { describe, expect, it } from 'vitest';
import { filesFor, indexFontFiles, type FontFile } from '../../src/load/font-files.ts';

// Two weights of a typeface cut into files as the build cuts Noto Sans SC: each file draws some
// characters, named by its unicode-range.
const latin400: FontFile = { weight: 400, url: 'latin-400.woff2', unicodeRange: 'U+41-5a,U+61-7a' };
const han400: FontFile = { weight: 400, url: 'han-400.woff2', unicodeRange: 'U+5730,U+56fe,U+5408-5409' };
const han600: FontFile = { weight: 600, url: 'han-600.woff2', unicodeRange: 'U+5730,U+56fe' };
const index = indexFontFiles([latin400, han400, han600]);

describe('the page’s font files', () => {
  it('are the files that draw a text’s characters in its weight, each once, in the order first needed', () => {
    expect(filesFor(index, [{ weight: 400, text: '地图 Atlas 地图' }]).map((file) => file.url)).toEqual(['han-400.woff2', 'latin-400.woff2']);
    expect(filesFor(index, [{ weight: 600, text: '地图' }, { weight: 400, text: '合' }]).map((file) => file.url)).toEqual(['han-600.woff2', 'han-400.woff2']);
  });

  it('leave to the fallback what no file of the weight draws', () => {
    // No 600 file draws Latin letters; no file at all draws 作 or a space.
    expect(filesFor(index, [{ weight: 600, text: 'Atlas 作' }])).toEqual([]);
    expect(filesFor(index, [{ weight: 700, text: '地图' }])).toEqual([]);
  });
});
