import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keepingLength, loadConverter } from '../../src/core/script-conversion.ts';
import { SCRIPTS } from '../../src/core/view-state.ts';

const seeds = ['000_e6c1820c8e594476', '002_1d76437583e0dae5', '004_5cbdcb84e36c06ba'].map((id) => readFileSync(`seeds/${id}.txt`, 'utf8'));

describe('keepingLength', () => {
  it('keeps a conversion that keeps the length', () => {
    expect(keepingLength((s) => s.toUpperCase())('abc')).toBe('ABC');
  });

  it('falls back to characters where a conversion changes the length, and keeps those it cannot convert', () => {
    // A phrase rule that shortens 智慧財產權, and a character rule for 權.
    const convert = (s: string) => s.replace('智慧財產權', '知识产权').replace(/權/g, '权');
    expect(keepingLength(convert)('保護智慧財產權')).toBe('保護智慧財產权');
    expect(keepingLength((s) => s.replace(/b/g, 'bb'))('abc')).toBe('abc');
  });

  it('measures in UTF-16 units, so characters outside the BMP keep their place', () => {
    expect(keepingLength((s) => s.replace('𠮷', 'x'))('a𠮷b')).toBe('a𠮷b');
  });
});

describe('loadConverter', () => {
  it('shows the original as it is', async () => {
    const text = seeds[1]!;
    expect((await loadConverter('original'))(text)).toBe(text);
  });

  it('makes Simplified from Traditional (002) and Traditional from Simplified, character for character', async () => {
    const simplified = await loadConverter('zh-Hans');
    const traditional = await loadConverter('zh-Hant');
    expect(simplified('關於深入開展國際科技合作的意見,東協')).toBe('关于深入开展国际科技合作的意见,东协');
    expect(traditional('关于加强国际科技合作推进“一带一路”建设')).toBe('關於加強國際科技合作推進“一帶一路”建設');
  });

  it('keeps the length of every seed in every script', async () => {
    for (const script of SCRIPTS) {
      const convert = await loadConverter(script);
      for (const text of seeds) expect(convert(text).length).toBe(text.length);
    }
  });

  it('loads each converter once', async () => {
    expect(loadConverter('zh-Hant')).toBe(loadConverter('zh-Hant'));
  });
});
