// Which of the three languages the atlas speaks to this reader: the one the URL names, else the
// one they chose last time (remembered in localStorage), else the first of the browser's
// languages the atlas speaks, else English. The Traditional strings are loaded only when 繁體中文
// is chosen (virtual:zh-hant, made by OpenCC at build time).
import { languageOf, type Language } from '../core/languages.ts';
import type { Localizer, TraditionalTable } from '../i18n/localizer.ts';


/** The localStorage key of the remembered choice. */
export const LANGUAGE_KEY = 'atlas.lang';

/** Where the choice can come from besides the URL; defaults to the browser's. */
export interface LanguageSources {
  /** The remembered choice, if any. */
  stored?: string | null;
  /** The browser's languages, most preferred first. */
  browser?: readonly string[];
}

function storage(): Storage | null {
  try {
    // Reading localStorage throws where storage is blocked (some privacy settings, sandboxed frames).
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The remembered choice, or null (none, or storage unavailable). */
export function rememberedLanguage(): Language | null {
  try {
    return languageOf(storage()?.getItem(LANGUAGE_KEY));
  } catch {
    return null;
  }
}

/** Remembers the choice for the next visit; silently does nothing where storage is unavailable. */
export function rememberLanguage(lang: Language): void {
  try {
    storage()?.setItem(LANGUAGE_KEY, lang);
  } catch {
    // Full or blocked: the URL still carries the choice.
  }
}

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];

/**
 * The language to show: the URL's `lang` (raw value, or null when the URL names none) wins over
 * the remembered choice, which wins over the browser's languages; English if none is spoken.
 */
export function chooseLanguage(urlLang: string | null, sources: LanguageSources = {}): Language {
  const stored = 'stored' in sources ? languageOf(sources.stored) : rememberedLanguage();
  const browser = sources.browser ?? browserLanguages();
  return languageOf(urlLang) ?? stored ?? browser.map(languageOf).find((lang) => lang !== null) ?? 'en';
}

let traditional: Promise<TraditionalTable> | null = null;

/** The Simplified → Traditional table, fetched the first time it is needed. */
export function traditionalTable(): Promise<TraditionalTable> {
  traditional ??= import('virtual:zh-hant').then((module) => module.default);
  // A failed load may be retried on the next choice.
  traditional.catch(() => (traditional = null));
  return traditional;
}

/** The page follows the language: <html lang>, the title, and the map region's accessible name. */
export function applyPageLanguage(loc: Localizer, doc: Document = document): void {
  doc.documentElement.lang = loc.tag;
  doc.title = loc.t('app.title');
  doc.getElementById('map')?.setAttribute('aria-label', loc.t('app.map.label'));
}
