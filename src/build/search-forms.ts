// The Traditional forms search matches for each Simplified name it indexes: every way a reader
// of Traditional Chinese may write the name, made at build time (virtual:zh-hant-search), so the
// app ships no conversion dictionary and the core none of these tables.
import countries from 'i18n-iso-countries';
import * as OpenCC from 'opencc-js';
import { searchedNames } from '../core/search.ts';
import type { Atlas } from '../core/types.ts';

/** OpenCC: Taiwan's characters (煙臺), Taiwan's words (義大利, 寮國, 矽谷), Hong Kong's characters (煙台). */
const CONVERSIONS = (['tw', 'twp', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));

/**
 * The names CLDR gives countries in Taiwan and Hong Kong (through the ICU of the Node that
 * builds): where the name is another word, not another script (澳洲, 汶萊, 南韓), which no
 * character or phrase conversion makes.
 */
const COUNTRY_NAMES = ['zh-Hant-TW', 'zh-Hant-HK'].map((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));

/** Simplified name → its Traditional forms, for the names that have any. */
export function searchForms(atlas: Atlas): Record<string, string[]> {
  const forms = new Map<string, Set<string>>();
  const add = (zh: string, more: readonly (string | undefined)[]) => {
    const set = forms.get(zh) ?? new Set();
    for (const form of more) if (form && form !== zh) set.add(form);
    forms.set(zh, set);
  };
  for (const zh of searchedNames(atlas)) add(zh, CONVERSIONS.map((convert) => convert(zh)));
  for (const country of atlas.countries) {
    const alpha2 = countries.alpha3ToAlpha2(country.iso3);
    if (alpha2) add(country.zh, COUNTRY_NAMES.map((names) => names.of(alpha2)));
  }
  return Object.fromEntries(
    [...forms]
      .filter(([, set]) => set.size > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([zh, set]) => [zh, [...set]]),
  );
}
