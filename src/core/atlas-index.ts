// Lookups by id over a loaded dataset, built once. Building it also checks what the views rely on
// (the arrays exist, every reference resolves), so that a broken file fails with a message that
// says what is wrong instead of a blank map.
import type {
  Atlas,
  Link,
  Origin,
  OriginId,
  Partner,
  Place,
  Site,
  SourceDocument,
  VocabularyTerm,
} from './types';

export class AtlasError extends Error {
  override name = 'AtlasError';
}

export interface AtlasIndex {
  atlas: Atlas;
  origins: Map<OriginId, Origin>;
  places: Map<string, Place>;
  partners: Map<string, Partner>;
  sites: Map<string, Site>;
  documents: Map<string, SourceDocument>;
  fields: Map<string, VocabularyTerm>;
  modes: Map<string, VocabularyTerm>;
  links: Map<string, Link>;
}

const ARRAYS = ['documents', 'origins', 'places', 'partners', 'sites', 'fields', 'modes', 'links'] as const;

function byKey<T>(items: T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function need<T>(map: Map<string, T>, key: string, what: string, where: string): T {
  const found = map.get(key);
  if (!found) throw new AtlasError(`${where} refers to ${what} “${key}”, which the dataset does not list`);
  return found;
}

/** Indexes `data` (parsed JSON of unknown shape) or throws an AtlasError saying what is wrong. */
export function indexAtlas(data: unknown): AtlasIndex {
  if (typeof data !== 'object' || data === null) throw new AtlasError('the dataset is not a JSON object');
  const atlas = data as Atlas;
  if (atlas.version !== 1) throw new AtlasError(`unsupported dataset version ${String(atlas.version)} (expected 1)`);
  for (const name of ARRAYS) {
    if (!Array.isArray(atlas[name])) throw new AtlasError(`the dataset has no “${name}” list`);
  }
  const index: AtlasIndex = {
    atlas,
    origins: new Map(atlas.origins.map((origin) => [origin.id, origin])),
    places: byKey(atlas.places, (place) => place.adcode),
    partners: byKey(atlas.partners, (partner) => partner.id),
    sites: byKey(atlas.sites, (site) => site.id),
    documents: byKey(atlas.documents, (doc) => doc.id),
    fields: byKey(atlas.fields, (term) => term.id),
    modes: byKey(atlas.modes, (term) => term.id),
    links: byKey(atlas.links, (link) => link.id),
  };
  const origins = index.origins as Map<string, Origin>;
  for (const link of atlas.links) {
    const where = `link ${link.id}`;
    need(origins, link.origin, 'origin', where);
    need(index.places, link.place, 'place', where);
    need(index.partners, link.partner, 'partner', where);
    if (!Array.isArray(link.evidence) || link.evidence.length === 0) throw new AtlasError(`${where} has no evidence`);
    for (const evidence of link.evidence) {
      need(index.documents, evidence.doc, 'document', where);
      if (evidence.site !== null) need(index.sites, evidence.site, 'site', where);
    }
  }
  for (const site of atlas.sites) need(origins, site.origin, 'origin', `site ${site.id}`);
  return index;
}
