// The interface speaks 简体中文, 繁體中文 or English. Strings are written once, in Simplified
// Chinese and English (messages.ts); the Traditional forms are made from the Simplified ones by
// OpenCC at build time (src/build/zh-hant-plugin.ts), so the two Chinese forms never drift apart.
import type { Language } from '../core/languages.ts';
import type { Names } from '../core/types';
import { MESSAGES, type MessageKey } from './messages';

export type { Language };

/** Simplified → Traditional, for every string the app can show; a string not in it is shown as is. */
export type TraditionalTable = Readonly<Record<string, string>>;

export interface Localizer {
  lang: Language;
  /** The BCP 47 tag for lang attributes: zh-Hans, zh-Hant or en. */
  tag: Language;
  /** A name from the dataset in the current language. */
  name(names: Names): string;
  /** A message; {name} placeholders are filled from params. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** Any Simplified Chinese text (a quote, a title) in the current Chinese script; English stays Simplified. */
  zh(simplified: string): string;
}

const fill = (text: string, params?: Record<string, string | number>) =>
  params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text;

export function localizer(lang: Language, traditional: TraditionalTable): Localizer {
  const zh = (s: string) => (lang === 'zh-Hant' ? (traditional[s] ?? s) : s);
  return {
    lang,
    tag: lang,
    name: (n) => (lang === 'en' ? n.en : zh(n.zh)),
    t: (key, params) => {
      const m = MESSAGES[key];
      return fill(lang === 'en' ? m.en : zh(m.zh), params);
    },
    zh,
  };
}
