// Profiles of one plan's origin and of one partner, from the kept ties: what the card shows
// under its count line for `sel=origin:…`, `sel=partner:…` and `sel=country:…`. An origin's: its
// documents, its partners by kind, its fields, modes and sites with their ties, and its targets'
// charts. A partner's: which origins tie to it, in which fields and modes, through which sites
// and documents, in which years. Data only: ui/profile-view.ts lays it out.
import { ascending } from 'd3-array';
import type { AtlasIndex } from './atlas-index.ts';
import { tally, type Counted } from './summary.ts';
import { targetCharts, type DocumentTargets } from './target-charts.ts';
import type { Tie } from './tie.ts';
import type { Origin, OriginId, Partner, PartnerGroup, PartnerKind, Site, SourceDocument, VocabularyTerm } from './types.ts';
import { PARTNER_KINDS } from './types.ts';

export interface OriginProfile {
  kind: 'origin';
  origin: Origin;
  /** Its documents, by date, whether or not the filters keep any of their ties. */
  documents: SourceDocument[];
  ties: number;
  partnersByKind: { kind: PartnerKind; partners: Counted<Partner>[] }[];
  /** The same partners by the region groups that hold them (a partner may be in several); null for those in none. */
  partnersByRegion: { group: PartnerGroup | null; partners: Counted<Partner>[] }[];
  fields: Counted<VocabularyTerm>[];
  modes: Counted<VocabularyTerm>[];
  sites: Counted<Site>[];
  targets: DocumentTargets[];
}

export interface PartnerOrigin {
  origin: Origin;
  ties: number;
  fields: Counted<VocabularyTerm>[];
  modes: Counted<VocabularyTerm>[];
  sites: Site[];
  documents: SourceDocument[];
  /** The years of those documents, oldest first. */
  years: string[];
}

export interface PartnerProfile {
  kind: 'partner';
  ties: number;
  /** The origins that tie to it, most ties first. */
  origins: PartnerOrigin[];
}

export type Profile = OriginProfile | PartnerProfile;

const byDate = (documents: Iterable<SourceDocument>) => [...new Set(documents)].sort((a, b) => ascending(a.date, b.date));

export function originProfile(index: AtlasIndex, kept: readonly Tie[], id: OriginId): OriginProfile {
  const ties = kept.filter((tie) => tie.origin.id === id);
  const partners = tally(ties, (tie) => [tie.partner]);
  return {
    kind: 'origin',
    origin: index.origins.get(id)!,
    documents: byDate(index.atlas.documents.filter((doc) => doc.origin === id)),
    ties: ties.length,
    partnersByKind: PARTNER_KINDS.map((kind) => ({ kind, partners: partners.filter(({ item }) => item.kind === kind) })).filter(
      (group) => group.partners.length > 0,
    ),
    partnersByRegion: [...index.atlas.groups, null]
      .map((group) => ({
        group,
        partners: partners.filter(({ item }) => (group ? group.partners.includes(item.id) : !index.atlas.groups.some((g) => g.partners.includes(item.id)))),
      }))
      .filter((region) => region.partners.length > 0),
    fields: tally(ties, (tie) => tie.fields),
    modes: tally(ties, (tie) => tie.modes),
    sites: tally(ties, (tie) => (tie.site ? [tie.site] : [])),
    targets: targetCharts(index, id),
  };
}

/**
 * The profile of a partner (`partner` selection) or of a country (`country` selection: the ties
 * to it and to its cities, institutions and companies, as the map's shading counts them).
 */
export function partnerProfile(kept: readonly Tie[], belongs: (partner: Partner) => boolean): PartnerProfile {
  const ties = kept.filter((tie) => belongs(tie.partner));
  const byOrigin = new Map<OriginId, Tie[]>();
  for (const tie of ties) {
    const own = byOrigin.get(tie.origin.id);
    if (own) own.push(tie);
    else byOrigin.set(tie.origin.id, [tie]);
  }
  const origins = [...byOrigin.values()]
    .map((own) => {
      const documents = byDate(own.map((tie) => tie.document));
      return {
        origin: own[0]!.origin,
        ties: own.length,
        fields: tally(own, (tie) => tie.fields),
        modes: tally(own, (tie) => tie.modes),
        sites: tally(own, (tie) => (tie.site ? [tie.site] : [])).map(({ item }) => item),
        documents,
        years: [...new Set(documents.map((doc) => doc.date.slice(0, 4)))],
      };
    })
    .sort((a, b) => b.ties - a.ties || ascending(a.origin.id, b.origin.id));
  return { kind: 'partner', ties: ties.length, origins };
}
