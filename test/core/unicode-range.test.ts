import { describe, expect, it } from 'vitest';
import { codepointRuns, unicodeRange } from '../../src/core/unicode-range.ts';

describe('unicode-range lists', () => {
  it('are written from sorted code points, runs collapsed to ranges', () => {
    expect(unicodeRange([0x41, 0x42, 0x43, 0x4e2d, 0x5408, 0x5409])).toBe('U+41-43,U+4e2d,U+5408-5409');
    expect(unicodeRange([])).toBe('');
  });

  it('are read as runs of code points, a single one a run of one, whatever the case of U+', () => {
    expect(codepointRuns('U+5408-540a,U+56fe')).toEqual([
      [0x5408, 0x540a],
      [0x56fe, 0x56fe],
    ]);
    expect(codepointRuns('u+41')).toEqual([[0x41, 0x41]]);
  });

  it('read back what they write', () => {
    const codepoints = [0x20ac, 0x4e00, 0x4e01, 0x4e02, 0x4e2d, 0x1f600, 0x1f601];
    const runs = codepointRuns(unicodeRange(codepoints));
    expect(runs.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i))).toEqual(codepoints);
  });
});
