import { describe, expect, it } from 'vitest';
import { languageOf } from '../../src/core/languages.ts';

describe('languageOf', () => {
  it('maps browser tags and URL spellings to the three languages', () => {
    expect(languageOf('zh-TW')).toBe('zh-Hant');
    expect(languageOf('zh-HK')).toBe('zh-Hant');
    expect(languageOf('zh-MO')).toBe('zh-Hant');
    expect(languageOf('zh-Hant-CN')).toBe('zh-Hant');
    expect(languageOf('zh-Hant-TW')).toBe('zh-Hant');
    expect(languageOf('hant')).toBe('zh-Hant');
    // tw is Twi, cn no language at all.
    expect(languageOf('tw')).toBeNull();
    expect(languageOf('cn')).toBeNull();
    expect(languageOf('yue')).toBe('zh-Hant');
    expect(languageOf('zh-Hans-HK')).toBe('zh-Hans');
    expect(languageOf('zh-CN')).toBe('zh-Hans');
    expect(languageOf('zh')).toBe('zh-Hans');
    expect(languageOf('zh_SG')).toBe('zh-Hans');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('EN')).toBe('en');
    expect(languageOf('zh-Hans')).toBe('zh-Hans');
    expect(languageOf('fr-FR')).toBeNull();
    expect(languageOf('')).toBeNull();
    expect(languageOf(null)).toBeNull();
  });
});
