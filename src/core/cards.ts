// What the detail card shows for a selection: its ties, fields, modes and the quoted passages
// behind them. Pure: the card component only lays this out.
import { ascending } from 'd3-array';
import type { AtlasIndex } from './atlas-index.ts';
import type { Selection } from './selection.ts';
import { blocsByMember, isCollective, linksByCountry } from './country-links.ts';
import type {
  Evidence,
  Link,
  Names,
  Origin,
  OriginId,
  Partner,
  PartnerKind,
  Place,
  Site,
  SitePrecision,
  SourceDocument,
  VocabularyTerm,
} from './types.ts';

export interface LinkRow {
  link: Link;
  origin: Origin;
  place: Place;
  partner: Partner;
}

export interface Passage {
  evidence: Evidence;
  document: SourceDocument;
  origin: Origin;
  site: Site | null;
}

/** What a card is about: a tie, a site, an origin, or a partner of some kind. */
export type CardKind = 'link' | 'site' | 'origin' | PartnerKind;

/** Where a tie starts: an origin, and the place within it when that is not the origin itself. */
export interface TieStart {
  origin: Origin;
  place: Place | null;
}

/** The line under a card's title: a tie's two ends, or where a site is and how exactly. */
export type Subtitle =
  | { kind: 'route'; from: TieStart; to: Names }
  | { kind: 'location'; place: Names | null; precision: SitePrecision };

/**
 * The most links, and passages, a card lists before a "Show all" button: more than any card of the
 * real atlas holds (29), so that only a large atlas's cards are cut, where a partner may hold
 * hundreds and laying them all out made a click wait for seconds.
 */
export const CARD_LIST_LIMIT = 40;

export interface Card {
  selection: Selection;
  /** What kind of thing this is (the view words it, e.g. “Country”). */
  kind: CardKind;
  title: Names;
  subtitle: Subtitle | null;
  /** The origin whose colour the card wears, if it belongs to one. */
  origin: OriginId | null;
  /** The links (one per origin, place and partner), each a row of the card's list. */
  links: LinkRow[];
  /**
   * Ties as the filters, the table and the CSV count them: one per passage per link. A passage
   * naming three partners is one passage and three ties.
   */
  tieCount: number;
  /** For a country: links to blocs it belongs to, which the texts do not spread to it. */
  blocLinks: LinkRow[];
  /** For a bloc: its members' names. */
  members: Names[];
  fields: VocabularyTerm[];
  modes: VocabularyTerm[];
  passages: Passage[];
}

/** Where a tie starts: the origin, or the place within it. */
export function tieStart({ origin, place }: Pick<LinkRow, 'origin' | 'place'>): TieStart {
  return { origin, place: place.adcode === origin.adcode ? null : place };
}

function linkRow(index: AtlasIndex, link: Link): LinkRow {
  return {
    link,
    origin: index.origins.get(link.origin)!,
    place: index.places.get(link.place)!,
    partner: index.partners.get(link.partner)!,
  };
}

/** Most evidence first, then in the dataset's order of origins. */
function sortLinks(index: AtlasIndex, rows: LinkRow[]): LinkRow[] {
  const originOrder = index.atlas.origins.map((origin) => origin.id);
  return rows.sort(
    (a, b) =>
      b.link.evidence.length - a.link.evidence.length ||
      originOrder.indexOf(a.origin.id) - originOrder.indexOf(b.origin.id) ||
      ascending(a.link.id, b.link.id),
  );
}

/** Terms by how many passages name them, most first. */
function termsOf(pieces: Evidence[], key: 'fields' | 'modes', terms: Map<string, VocabularyTerm>): VocabularyTerm[] {
  const counts = new Map<string, number>();
  for (const piece of pieces) for (const id of piece[key]) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || ascending(a[0], b[0]))
    .map(([id]) => terms.get(id) ?? { id, zh: id, en: id });
}

/** Each passage once (one passage may tie an origin to several partners), in reading order. */
function passagesOf(index: AtlasIndex, links: Link[], keep: (evidence: Evidence) => boolean): Passage[] {
  const seen = new Map<string, Passage>();
  for (const link of links) {
    for (const evidence of link.evidence) {
      const key = `${evidence.doc}:${evidence.start}:${evidence.end}`;
      if (!keep(evidence) || seen.has(key)) continue;
      seen.set(key, {
        evidence,
        document: index.documents.get(evidence.doc)!,
        origin: index.origins.get(link.origin)!,
        site: evidence.site === null ? null : index.sites.get(evidence.site)!,
      });
    }
  }
  return [...seen.values()].sort(
    (a, b) => ascending(a.document.date, b.document.date) || ascending(a.evidence.doc, b.evidence.doc) || a.evidence.start - b.evidence.start,
  );
}

function cardOf(
  index: AtlasIndex,
  selection: Selection,
  head: Pick<Card, 'kind' | 'title' | 'subtitle' | 'origin'>,
  links: Link[],
  extra: Partial<Pick<Card, 'blocLinks' | 'members'>> = {},
  keep: (evidence: Evidence) => boolean = () => true,
): Card {
  const passages = passagesOf(index, links, keep);
  const pieces = passages.map((passage) => passage.evidence);
  return {
    selection,
    ...head,
    links: sortLinks(index, links.map((link) => linkRow(index, link))),
    tieCount: links.reduce((n, link) => n + link.evidence.filter(keep).length, 0),
    blocLinks: extra.blocLinks ?? [],
    members: extra.members ?? [],
    fields: termsOf(pieces, 'fields', index.fields),
    modes: termsOf(pieces, 'modes', index.modes),
    passages,
  };
}

/**
 * The card for `selection`, or null if it names nothing the dataset or the map knows.
 * `countryNames` gives names for countries that are not partners themselves (bloc members,
 * or any country clicked on the map).
 */
export function cardFor(index: AtlasIndex, selection: Selection, countryNames: ReadonlyMap<string, Names>): Card | null {
  const nameOfCountry = (iso3: string): Names => countryNames.get(iso3) ?? { zh: iso3, en: iso3 };
  switch (selection.kind) {
    case 'country': {
      const links = linksByCountry(index).get(selection.iso3) ?? [];
      const blocs = blocsByMember(index).get(selection.iso3) ?? [];
      const blocIds = new Set(blocs.map((bloc) => bloc.id));
      const blocLinks = sortLinks(
        index,
        index.atlas.links.filter((link) => blocIds.has(link.partner)).map((link) => linkRow(index, link)),
      );
      const head = { kind: 'country' as const, title: nameOfCountry(selection.iso3), subtitle: null, origin: null };
      return cardOf(index, selection, head, links, { blocLinks });
    }
    case 'link': {
      const link = index.links.get(selection.id);
      if (!link) return null;
      const row = linkRow(index, link);
      const { origin, partner } = row;
      const subtitle: Subtitle = { kind: 'route', from: tieStart(row), to: partner };
      return cardOf(index, selection, { kind: 'link', title: partner, subtitle, origin: origin.id }, [link]);
    }
    case 'site': {
      const site = index.sites.get(selection.id);
      if (!site) return null;
      const place = index.places.get(site.placeAdcode);
      const subtitle: Subtitle = { kind: 'location', place: place ?? null, precision: site.precision };
      const links = index.atlas.links.filter((link) => link.evidence.some((evidence) => evidence.site === site.id));
      return cardOf(index, selection, { kind: 'site', title: site, subtitle, origin: site.origin }, links, {}, (evidence) => evidence.site === site.id);
    }
    case 'origin': {
      const origin = index.origins.get(selection.id);
      if (!origin) return null;
      const links = index.atlas.links.filter((link) => link.origin === origin.id);
      return cardOf(index, selection, { kind: 'origin', title: origin, subtitle: null, origin: origin.id }, links);
    }
    case 'partner': {
      const partner = index.partners.get(selection.id);
      if (!partner) return null;
      const links = index.atlas.links.filter((link) => link.partner === partner.id);
      const head = { kind: partner.kind, title: partner, subtitle: null, origin: null };
      return cardOf(index, selection, head, links, { members: isCollective(partner) ? partner.members.map(nameOfCountry) : [] });
    }
  }
}

/** What the tooltip says about a card's subject: a name (a tie's two ends) and counts; the view words it. */
export interface Summary {
  kind: CardKind;
  title: Names;
  /** A tie's two ends, or where a site is, shown in place of counts. */
  subtitle: Subtitle | null;
  ties: number;
  passages: number;
  /** No ties of its own, but through blocs it belongs to. */
  throughBlocs: boolean;
}

export function summaryOf(card: Card): Summary {
  return {
    kind: card.kind,
    title: card.title,
    subtitle: card.subtitle,
    ties: card.tieCount,
    passages: card.passages.length,
    throughBlocs: card.links.length === 0 && card.blocLinks.length > 0,
  };
}
