// The tie: one passage of one document tying one origin (at a place) to one partner. It is the
// row of the cooperation table and the unit every view counts. Ties are numbered once, here;
// the filters' per-tie arrays, the table and the exports all index them by that number.
import type { AtlasIndex } from './atlas-index.ts';
import { byKeys } from './compare.ts';
import type { Evidence, Link, Origin, Partner, Place, Site, SourceDocument, VocabularyTerm } from './types.ts';

export interface Tie {
  /** The tie's number: the dataset's links in order, each link's evidence in order. */
  n: number;
  link: Link;
  evidence: Evidence;
  origin: Origin;
  place: Place;
  partner: Partner;
  site: Site | null;
  document: SourceDocument;
  fields: VocabularyTerm[];
  modes: VocabularyTerm[];
}

/** Every tie of the dataset, numbered, with what it refers to looked up once. */
export function tiesOf(index: AtlasIndex): Tie[] {
  const term = (terms: Map<string, VocabularyTerm>) => (id: string) => terms.get(id) ?? { id, zh: id, en: id };
  const ties: Tie[] = [];
  for (const link of index.atlas.links) {
    const [origin, place, partner] = [index.origins.get(link.origin)!, index.places.get(link.place)!, index.partners.get(link.partner)!];
    for (const evidence of link.evidence) {
      ties.push({
        n: ties.length,
        link,
        evidence,
        origin,
        place,
        partner,
        site: evidence.site === null ? null : index.sites.get(evidence.site)!,
        document: index.documents.get(evidence.doc)!,
        fields: evidence.fields.map(term(index.fields)),
        modes: evidence.modes.map(term(index.modes)),
      });
    }
  }
  return ties;
}

/** The table's order: by origin, document, position in the document, partner, then site. */
const compareTies = byKeys((t: Tie) => [t.origin.id, t.document.id, t.evidence.start, t.partner.id, t.site?.en ?? '']);

/** The ties in the table's order (a new array; the given one keeps its numbering order). */
export const inTableOrder = (ties: readonly Tie[]): Tie[] => [...ties].sort(compareTies);
