import { describe, expect, it } from 'vitest';
import { languageOf } from '../../src/core/languages.ts';

describe('languageOf', () => {
  // Browser tags and URL spellings → the three languages, or null for what the atlas does not speak.
  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['hant', 'zh-Hant'],
    ['yue', 'zh-Hant'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh_SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    // tw is Twi, cn no language at all.
    ['tw', null],
    ['cn', null],
    ['fr-FR', null],
    ['', null],
    [null, null],
  ])('%j → %j', (tag, language) => {
    expect(languageOf(tag)).toBe(language);
  });
});
