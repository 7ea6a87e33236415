import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyPageLanguage, chooseLanguage, LANGUAGE_KEY, rememberedLanguage, rememberLanguage } from '../../src/app/language.ts';
import { localizer } from '../../src/i18n/localizer.ts';

/** A localStorage stand-in; `broken` throws on every call, as blocked storage does. */
function fakeStorage(broken = false): Storage {
  const items = new Map<string, string>();
  const check = () => {
    if (broken) throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return {
    get length() {
      return items.size;
    },
    clear: () => (check(), items.clear()),
    getItem: (key) => (check(), items.get(key) ?? null),
    setItem: (key, value) => (check(), void items.set(key, value)),
    removeItem: (key) => (check(), void items.delete(key)),
    key: (i) => [...items.keys()][i] ?? null,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('chooseLanguage', () => {
  it('lets the URL win over the remembered choice and the browser', () => {
    expect(chooseLanguage('en', { stored: 'zh-Hant', browser: ['zh-CN'] })).toBe('en');
    expect(chooseLanguage('zh-TW', { stored: 'en', browser: ['en-US'] })).toBe('zh-Hant');
  });

  it('falls back to the remembered choice, then to the browser’s languages, then to English', () => {
    expect(chooseLanguage(null, { stored: 'zh-Hant', browser: ['en-US'] })).toBe('zh-Hant');
    expect(chooseLanguage(null, { stored: null, browser: ['zh-HK', 'en'] })).toBe('zh-Hant');
    expect(chooseLanguage(null, { stored: null, browser: ['zh-CN'] })).toBe('zh-Hans');
    expect(chooseLanguage(null, { stored: null, browser: ['fr-FR', 'zh-TW'] })).toBe('zh-Hant');
    expect(chooseLanguage(null, { stored: null, browser: ['fr-FR', 'de'] })).toBe('en');
    expect(chooseLanguage(null, { stored: null, browser: [] })).toBe('en');
  });

  it('ignores a URL value or a remembered value it cannot use', () => {
    expect(chooseLanguage('klingon', { stored: 'zh-Hant', browser: [] })).toBe('zh-Hant');
    expect(chooseLanguage(null, { stored: 'garbage', browser: ['zh'] })).toBe('zh-Hans');
  });

  it('reads the remembered choice and the browser’s languages itself when not given them', () => {
    vi.stubGlobal('localStorage', fakeStorage());
    vi.stubGlobal('navigator', { languages: ['zh-TW'], language: 'zh-TW' });
    expect(chooseLanguage(null)).toBe('zh-Hant');
    rememberLanguage('en');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    expect(rememberedLanguage()).toBe('en');
    expect(chooseLanguage(null)).toBe('en');
    expect(chooseLanguage('zh-Hans')).toBe('zh-Hans');
  });
});

describe('remembering the language', () => {
  it('does without storage, blocked or missing', () => {
    vi.stubGlobal('localStorage', fakeStorage(true));
    vi.stubGlobal('navigator', { languages: ['zh-CN'] });
    expect(() => rememberLanguage('zh-Hant')).not.toThrow();
    expect(rememberedLanguage()).toBeNull();
    expect(chooseLanguage(null)).toBe('zh-Hans');
    vi.stubGlobal('localStorage', undefined);
    expect(() => rememberLanguage('en')).not.toThrow();
    expect(rememberedLanguage()).toBeNull();
  });
});

describe('applyPageLanguage', () => {
  it('sets <html lang>, the title and the map region’s name', () => {
    const map = { label: '', setAttribute(_: string, value: string) { this.label = value; } };
    const doc = { documentElement: { lang: 'zh-Hans' }, title: '', getElementById: (id: string) => (id === 'map' ? map : null) };
    applyPageLanguage(localizer('zh-Hant', { 科技合作地图: '科技合作地圖' }), doc as unknown as Document);
    expect(doc.documentElement.lang).toBe('zh-Hant');
    expect(doc.title).toBe('科技合作地圖');
    expect(map.label).toBe('科技合作地圖');
    applyPageLanguage(localizer('en', {}), doc as unknown as Document);
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.title).toBe('Cooperation Atlas');
  });
});
