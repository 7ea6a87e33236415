// What the filter panel offers under each facet, as data: the views word the names.
import { ascending } from 'd3-array';
import type { AtlasIndex } from './atlas-index.ts';
import { documentYears, type Facet } from './filters.ts';
import { PARTNER_KINDS, type Names, type Origin, type PartnerKind } from './types.ts';

export type FacetOption =
  | { id: string; kind: 'named'; names: Names }
  | { id: string; kind: 'origin'; origin: Origin }
  /** A kind of partner: worded by the interface, not the dataset. */
  | { id: PartnerKind; kind: 'partner-kind' }
  /** A document, with the origin and date shown on a second line. */
  | { id: string; kind: 'document'; names: Names; origin: Origin; date: string }
  /** A year the atlas is seen as of (the documents issued by then). */
  | { id: string; kind: 'year' };

/** Each facet's options, in the dataset's order (documents by date). */
export function facetOptions({ atlas, origins }: AtlasIndex): Record<Facet, FacetOption[]> {
  const kinds = new Set(atlas.partners.map((p) => p.kind));
  const named = (item: Names & { id: string }): FacetOption => ({ id: item.id, kind: 'named', names: item });
  return {
    origin: atlas.origins.map((origin) => ({ id: origin.id, kind: 'origin', origin })),
    field: atlas.fields.map(named),
    mode: atlas.modes.map(named),
    kind: PARTNER_KINDS.filter((k) => kinds.has(k)).map((id) => ({ id, kind: 'partner-kind' })),
    group: atlas.groups.map(named),
    doc: [...atlas.documents]
      .sort((a, b) => ascending(a.date, b.date))
      .map((d) => ({ id: d.id, kind: 'document', names: d, origin: origins.get(d.origin)!, date: d.date })),
    year: documentYears(atlas).map((id) => ({ id, kind: 'year' })),
  };
}
