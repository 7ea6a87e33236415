import type { Target } from './targets.ts';

// The dataset the extraction writes and the app loads (public/data/atlas.json).
// Plain serialisable records only: everything the views need is derived from these by selectors.

export const ORIGIN_IDS = ['wuhan', 'cangzhou', 'shandong', 'yunnan'] as const;
export type OriginId = (typeof ORIGIN_IDS)[number];

export const PARTNER_KINDS = ['country', 'bloc', 'city', 'institution', 'company', 'region'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const SITE_PRECISIONS = ['site', 'district', 'city', 'province', 'country'] as const;
/** How exactly a site's position is known: drawn differently on the map. */
export type SitePrecision = (typeof SITE_PRECISIONS)[number];

declare const brand: unique symbol;
/** An id of one kind of record: a link's id is not a site's, though both are strings in the file. */
type Id<Kind extends string> = string & { readonly [brand]: Kind };
/** `origin:place:partner`, e.g. shandong:370500:ISR. */
export type LinkId = Id<'link'>;
export type SiteId = Id<'site'>;

/** The one place a link's id is written. */
export const linkId = (origin: OriginId, place: string, partner: string) => `${origin}:${place}:${partner}` as LinkId;

export interface Names {
  zh: string;
  en: string;
}

export interface SourceDocument extends Names {
  id: string;
  /** File name in seeds/. */
  file: string;
  sha256: string;
  origin: OriginId;
  /** Issuing body; `inferred` when the text implies it (by its addressees) instead of naming it. */
  issuer: Names & { inferred: boolean };
  /** Issue date, YYYY-MM-DD. */
  date: string;
  /** `signed`: the date under the text; `posted`: only a web page's posting time is given. */
  dateKind: 'signed' | 'posted';
  /** Length of the decoded text in UTF-16 code units. */
  length: number;
}

export interface Origin extends Names {
  id: OriginId;
  adcode: string;
  /** Anchor of the origin's own links: its seat of government. */
  lon: number;
  lat: number;
}

/** A city or province where a passage puts cooperation. */
export interface Place extends Names {
  adcode: string;
  origin: OriginId;
  lon: number;
  lat: number;
}

export interface Partner extends Names {
  id: string;
  kind: PartnerKind;
  /** The other names the texts write for it, in Simplified (东协 for 东盟, 印尼, 老北): search finds it by them. */
  aliases: string[];
  /** The one country a country, city, institution or company partner belongs to; null for blocs and regions. */
  iso3: string | null;
  /** A bloc's member countries (alpha-3); empty otherwise. */
  members: string[];
  /**
   * Where links to this partner end, [lon, lat]: a capital, a city, a bloc's seat or hub, a region's
   * label point. Null for groups with no place on the map (developed countries, innovation cities):
   * their ties are listed, not drawn.
   */
  anchor: [number, number] | null;
}

/** A country the dataset refers to: a partner's country or a bloc member. */
export interface Country extends Names {
  iso3: string;
  /** The capital, [lon, lat]: where bilateral and bloc-member lines end. */
  anchor: [number, number];
}

export interface Site extends Names {
  id: SiteId;
  origin: OriginId;
  placeAdcode: string;
  lon: number;
  lat: number;
  precision: SitePrecision;
}

/** One passage of one document that ties an origin (at a place) to a partner. */
export interface Evidence {
  doc: string;
  start: number;
  end: number;
  quote: string;
  site: SiteId | null;
  fields: string[];
  modes: string[];
}

/** All evidence for one origin–place–partner triple: what the map draws as one arc. */
export interface Link {
  id: LinkId;
  origin: OriginId;
  place: string;
  partner: string;
  evidence: Evidence[];
}

export interface VocabularyTerm extends Names {
  id: string;
}

/** A region the filters offer (ASEAN, South Asia, CEE...): the partners it holds. */
export interface PartnerGroup extends Names {
  id: string;
  partners: string[];
}

export interface Atlas {
  version: 1;
  documents: SourceDocument[];
  origins: Origin[];
  places: Place[];
  partners: Partner[];
  countries: Country[];
  sites: Site[];
  fields: VocabularyTerm[];
  modes: VocabularyTerm[];
  groups: PartnerGroup[];
  links: Link[];
  /** The documents' quantitative targets (targets.ts), in the targets table's order. */
  targets: Target[];
}

/** Where the extraction found a partner, a site or a place in a document: what the reader highlights. */
export interface TextMention {
  start: number;
  end: number;
  kind: 'partner' | 'site' | 'place';
  /** Partner id(s) (two for 南亚东南亚), site id, or place adcode. */
  ids: string[];
}

/** public/data/mentions.json: loaded with the source reader, not before. */
export type MentionIndex = Record<string, TextMention[]>;
