// Lookups by id over a dataset that parseAtlas has already checked, built once per load.
import type {
  Atlas,
  Country,
  Link,
  Origin,
  OriginId,
  Partner,
  Place,
  Site,
  SourceDocument,
  VocabularyTerm,
} from './types.ts';

export interface AtlasIndex {
  atlas: Atlas;
  origins: Map<OriginId, Origin>;
  /** Places by adcode, the origins' own seats included: a link may start at either. */
  places: Map<string, Place>;
  partners: Map<string, Partner>;
  countries: Map<string, Country>;
  sites: Map<string, Site>;
  documents: Map<string, SourceDocument>;
  fields: Map<string, VocabularyTerm>;
  modes: Map<string, VocabularyTerm>;
  links: Map<string, Link>;
}

const byKey = <T>(items: T[], key: (item: T) => string) => new Map(items.map((item) => [key(item), item]));

export function indexAtlas(atlas: Atlas): AtlasIndex {
  const seats: Place[] = atlas.origins.map(({ id, adcode, zh, en, lon, lat }) => ({ adcode, origin: id, zh, en, lon, lat }));
  return {
    atlas,
    origins: new Map(atlas.origins.map((origin) => [origin.id, origin])),
    places: byKey([...seats, ...atlas.places], (place) => place.adcode),
    partners: byKey(atlas.partners, (partner) => partner.id),
    countries: byKey(atlas.countries, (country) => country.iso3),
    sites: byKey(atlas.sites, (site) => site.id),
    documents: byKey(atlas.documents, (doc) => doc.id),
    fields: byKey(atlas.fields, (term) => term.id),
    modes: byKey(atlas.modes, (term) => term.id),
    links: byKey(atlas.links, (link) => link.id),
  };
}
