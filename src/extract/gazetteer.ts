import countriesLib from 'i18n-iso-countries';
import zhLocale from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import type { OriginId, PartnerKind, SitePrecision } from '../core/types.ts';
import blocsFile from './gazetteer/blocs.json' with { type: 'json' };
import countriesFile from './gazetteer/countries.json' with { type: 'json' };
import documentsFile from './gazetteer/documents.json' with { type: 'json' };
import groupsFile from './gazetteer/groups.json' with { type: 'json' };
import partnersFile from './gazetteer/partners.json' with { type: 'json' };
import placesFile from './gazetteer/places.json' with { type: 'json' };
import regionsFile from './gazetteer/regions.json' with { type: 'json' };
import sitesFile from './gazetteer/sites.json' with { type: 'json' };
import vocabularyFile from './gazetteer/vocabulary.json' with { type: 'json' };

// The reviewed facts the texts lack, typed. Every entry is checked against the seeds by
// test/extract/gazetteer.test.ts, so an entry nothing in the seeds uses fails loudly.

type LonLat = [number, number];

export interface CountryEntry {
  iso3: string;
  zh: string;
  en: string;
  capital: LonLat;
  abbr?: string;
  aliases?: string[];
}
export interface BlocEntry {
  id: string;
  zh: string;
  en: string;
  aliases: string[];
  members: string[];
  seat?: LonLat;
  abbr?: string;
}
export interface RegionEntry {
  id: string;
  zh: string;
  en: string;
  anchor: LonLat | null;
  aliases: string[];
}
export interface NamedPartnerEntry {
  id: string;
  kind: Exclude<PartnerKind, 'country' | 'bloc' | 'region'>;
  zh: string;
  en: string;
  iso3: string;
  anchor: LonLat;
  aliases: string[];
}
export interface OriginEntry {
  id: OriginId;
  adcode: string;
  zh: string;
  en: string;
  seat: LonLat;
  cues: string[];
}
export interface PlaceEntry {
  adcode: string;
  origin: OriginId;
  zh: string;
  en: string;
  seat: LonLat;
  aliases: string[];
}
export interface SiteEntry {
  zh: string;
  en: string;
  at: LonLat;
  precision: SitePrecision;
  note?: string;
}
export interface TermEntry {
  id: string;
  zh: string;
  en: string;
  keywords: string[];
}
export interface DocumentEntry {
  id: string;
  zh: string;
  en: string;
  issuerEn: string;
}

export const countries = countriesFile.countries as CountryEntry[];
export const blocs = blocsFile.blocs as BlocEntry[];
export const regions = regionsFile.regions as RegionEntry[];
export const regionCompounds = regionsFile.compounds;
export const namedPartners = partnersFile.partners as NamedPartnerEntry[];
export const origins = placesFile.origins as OriginEntry[];
export const places = placesFile.places as PlaceEntry[];
export const sites = sitesFile.sites as SiteEntry[];
export const formerCountries = countriesFile.formerCountries;
export const fields = vocabularyFile.fields as TermEntry[];
export const modes = vocabularyFile.modes as TermEntry[];
export const documents = documentsFile.documents as DocumentEntry[];
export const groups = groupsFile.groups;

export const countryByIso3 = new Map(countries.map((c) => [c.iso3, c]));

/** Characters that stand for a partner in 中X abbreviations. */
export const abbreviationChars = new Set([...countries, ...blocs].flatMap((x) => (x.abbr ? [x.abbr] : [])));

countriesLib.registerLocale(zhLocale);

/** Countries every origin belongs to: never a partner. */
const HOME = new Set(['CN', 'TW', 'HK', 'MO']);

/** Every Chinese name of every country (i18n-iso-countries, plus the gazetteer's aliases) → alpha-3. */
export function countryNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const [alpha2, list] of Object.entries(countriesLib.getNames('zh', { select: 'all' }))) {
    if (HOME.has(alpha2)) continue;
    const iso3 = countriesLib.alpha2ToAlpha3(alpha2);
    if (!iso3) continue;
    for (const name of list) names.set(name, iso3);
  }
  for (const c of countries) {
    if (c.iso3 === 'CHN') continue;
    for (const name of [c.zh, ...(c.aliases ?? [])]) names.set(name, c.iso3);
  }
  return names;
}
