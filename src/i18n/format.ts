// Numbers, counts and lists in the interface language: counts pick the English singular or
// plural message (Chinese says both alike), numbers and lists follow the language's conventions
// (10,000; “A、B和C” / “A, B, and C”).
import type { Language } from '../core/languages.ts';
import type { Localizer } from './localizer.ts';
import type { MessageKey } from './messages.ts';

/** What the messages can count: ties, origins, partners... (the keys count.<what>.one|other). */
export type Countable = MessageKey extends infer K ? (K extends `count.${infer W}.one` ? W : never) : never;

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(loc: Localizer, n: number): string {
  // Below a thousand the interface's languages all write a count in plain Western digits. The
  // first NumberFormat of a page loads the locale's data: 30–60 ms here, before the map's first
  // picture, for the legend's and the header's small counts.
  if (Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0)) return String(n);
  let format = numberFormats.get(loc.tag);
  if (!format) numberFormats.set(loc.tag, (format = new Intl.NumberFormat(loc.tag)));
  return format.format(n);
}

/** “3 ties”, “1 tie”, “3 项合作”. */
export function count(loc: Localizer, what: Countable, n: number): string {
  return loc.t(`count.${what}.${n === 1 ? 'one' : 'other'}`, { n: formatNumber(loc, n) });
}

/**
 * How each language joins a list, as `Intl.ListFormat` (long, conjunction) does: between two
 * items, between the others, and before the last of three or more. Written out rather than asked
 * of Intl: a page's first ListFormat loads the locale's data, some 40 ms in the panels' first
 * render without a GPU.
 */
const LIST_JOINERS: Record<Language, { pair: string; between: string; last: string }> = {
  'zh-Hans': { pair: '和', between: '、', last: '和' },
  'zh-Hant': { pair: '和', between: '、', last: '和' },
  en: { pair: ' and ', between: ', ', last: ', and ' },
};

/** A conjunction: “A, B, and C” in English, “A、B和C” in Chinese. */
export function formatList(loc: Localizer, items: readonly string[]): string {
  const { pair, between, last } = LIST_JOINERS[loc.tag];
  if (items.length <= 2) return items.join(pair);
  return `${items.slice(0, -1).join(between)}${last}${items.at(-1)}`;
}
