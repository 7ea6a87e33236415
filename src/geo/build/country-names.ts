// English and Chinese country names for the world layer, from i18n-iso-countries.
import isoCountries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import type { Names } from '../../core/types';

/** Where the shortest usable English name is not the common one (or is ambiguous, as Congo is). */
const EN_OVERRIDES: Record<string, string> = {
  BRN: 'Brunei',
  COD: 'DR Congo',
  FLK: 'Falkland Islands',
  FSM: 'Micronesia',
  GBR: 'United Kingdom',
  LAO: 'Laos',
  MAF: 'Saint Martin',
  MDA: 'Moldova',
  SXM: 'Sint Maarten',
  SYR: 'Syria',
  VAT: 'Vatican City',
  VGB: 'British Virgin Islands',
  VIR: 'U.S. Virgin Islands',
};

/** i18n-iso-countries gives Western Sahara the name of the Sahrawi Republic. */
const ZH_OVERRIDES: Record<string, string> = {
  ESH: '西撒哈拉',
};

type NameList = Record<string, string | string[]>;

export function countryNames(iso3: string): Names {
  const alpha2 = isoCountries.alpha3ToAlpha2(iso3);
  const enNames = [(en.countries as NameList)[alpha2 ?? '']].flat();
  const zhName = [(zh.countries as NameList)[alpha2 ?? '']].flat()[0];
  // The shortest name that is neither inverted ("Korea, Republic of") nor an abbreviation ("USA").
  const shortest = enNames
    .filter((name): name is string => !!name && !/[,()]/.test(name) && /[a-z]/.test(name))
    .sort((a, b) => a.length - b.length)[0];
  const names = { en: EN_OVERRIDES[iso3] ?? shortest, zh: ZH_OVERRIDES[iso3] ?? zhName };
  if (!names.en || !names.zh) throw new Error(`i18n-iso-countries: no English or Chinese name for ${iso3}`);
  return { en: names.en, zh: names.zh };
}
