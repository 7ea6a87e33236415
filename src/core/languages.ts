// The three languages the atlas speaks, and the one reading of a language tag: the URL's `lang`,
// the remembered choice and the browser's languages all go through languageOf, so a tag the app
// honours is never reported as unusable, and every spelling of it is written back the same way.

export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The atlas's language for a BCP 47 tag or a short alias (zh-TW, zh-hk, zh-Hant-TW, hant,
 * zh-CN, zh, en-GB, en...), or null if the atlas does not speak it.
 */
export function languageOf(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if ((LANGUAGES as readonly string[]).includes(tag)) return tag as Language;
  // Not the bare `tw` and `cn`: tw is Twi's language code.
  if (lower === 'hant' || lower === 'traditional') return 'zh-Hant';
  if (lower === 'hans' || lower === 'simplified') return 'zh-Hans';
  const [primary, ...rest] = lower.split('-');
  if (primary === 'en') return 'en';
  if (primary !== 'zh' && primary !== 'cmn' && primary !== 'yue') return null;
  if (rest.includes('hant')) return 'zh-Hant';
  if (rest.includes('hans')) return 'zh-Hans';
  // Taiwan, Hong Kong and Macao write Traditional; Cantonese mostly does too.
  if (rest.some((part) => part === 'tw' || part === 'hk' || part === 'mo') || primary === 'yue') return 'zh-Hant';
  return 'zh-Hans';
}
