// What the detail card shows for a selection: its ties, fields, modes and the quoted passages
// behind them. Pure: the card component only lays this out.
import type { AtlasIndex } from './atlas-index.ts';
import type { Selection } from './selection.ts';
import { blocsByMember, isCollective, linksByCountry } from './ties.ts';
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
  SourceDocument,
  VocabularyTerm,
} from './types.ts';

export interface TieRow {
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

export interface Card {
  selection: Selection;
  /** What kind of thing this is, e.g. “Country”. */
  kind: Names;
  title: Names;
  /** One line under the title, e.g. where a site is and how exactly. */
  subtitle: Names | null;
  /** The origin whose colour the card wears, if it belongs to one. */
  origin: OriginId | null;
  ties: TieRow[];
  /** For a country: ties to blocs it belongs to, which the texts do not spread to it. */
  blocTies: TieRow[];
  /** For a bloc: its members' names. */
  members: Names[];
  fields: VocabularyTerm[];
  modes: VocabularyTerm[];
  passages: Passage[];
}

const KINDS = {
  link: { zh: '合作关系', en: 'Tie' },
  site: { zh: '合作载体', en: 'Site' },
  origin: { zh: '规划来源地', en: 'Origin' },
} satisfies Record<string, Names>;

const PARTNER_KINDS: Record<PartnerKind, Names> = {
  country: { zh: '国家', en: 'Country' },
  bloc: { zh: '国家集团', en: 'Bloc' },
  city: { zh: '城市', en: 'City' },
  institution: { zh: '机构', en: 'Institution' },
  company: { zh: '企业', en: 'Company' },
  region: { zh: '地区', en: 'Region' },
};

const PRECISION: Record<Site['precision'], Names> = {
  site: { zh: '位置精确', en: 'exact location' },
  district: { zh: '位置精确到区县', en: 'located to the district' },
  city: { zh: '位置精确到城市', en: 'located to the city' },
  province: { zh: '位置精确到省', en: 'located to the province' },
  country: { zh: '位置精确到国家', en: 'located to the country' },
};

/** Where a tie starts: the origin, or the place within it. */
export function tieStart({ origin, place }: Pick<TieRow, 'origin' | 'place'>): Names {
  return place.adcode === origin.adcode ? origin : { zh: `${origin.zh}${place.zh}`, en: `${place.en}, ${origin.en}` };
}

function tieRow(index: AtlasIndex, link: Link): TieRow {
  return {
    link,
    origin: index.origins.get(link.origin)!,
    place: index.places.get(link.place)!,
    partner: index.partners.get(link.partner)!,
  };
}

/** Most evidence first, then in the dataset's order of origins. */
function sortTies(index: AtlasIndex, rows: TieRow[]): TieRow[] {
  const originOrder = index.atlas.origins.map((origin) => origin.id);
  return rows.sort(
    (a, b) =>
      b.link.evidence.length - a.link.evidence.length ||
      originOrder.indexOf(a.origin.id) - originOrder.indexOf(b.origin.id) ||
      a.link.id.localeCompare(b.link.id),
  );
}

/** Terms by how many passages name them, most first. */
function termsOf(pieces: Evidence[], key: 'fields' | 'modes', terms: Map<string, VocabularyTerm>): VocabularyTerm[] {
  const counts = new Map<string, number>();
  for (const piece of pieces) for (const id of piece[key]) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id]) => terms.get(id) ?? { id, zh: id, en: id });
}

/** Each passage once (one passage may tie an origin to several partners), in reading order. */
function passagesOf(index: AtlasIndex, links: Link[], keep: (evidence: Evidence) => boolean = () => true): Passage[] {
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
    (a, b) => a.document.date.localeCompare(b.document.date) || a.evidence.doc.localeCompare(b.evidence.doc) || a.evidence.start - b.evidence.start,
  );
}

function cardOf(
  index: AtlasIndex,
  selection: Selection,
  head: Pick<Card, 'kind' | 'title' | 'subtitle' | 'origin'>,
  links: Link[],
  extra: Partial<Pick<Card, 'blocTies' | 'members'>> = {},
  keep?: (evidence: Evidence) => boolean,
): Card {
  const passages = passagesOf(index, links, keep);
  const pieces = passages.map((passage) => passage.evidence);
  return {
    selection,
    ...head,
    ties: sortTies(index, links.map((link) => tieRow(index, link))),
    blocTies: extra.blocTies ?? [],
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
export function cardFor(index: AtlasIndex, selection: Selection, countryNames: Map<string, Names>): Card | null {
  const nameOfCountry = (iso3: string): Names => countryNames.get(iso3) ?? { zh: iso3, en: iso3 };
  switch (selection.kind) {
    case 'country': {
      const links = linksByCountry(index).get(selection.iso3) ?? [];
      const blocs = blocsByMember(index).get(selection.iso3) ?? [];
      const blocIds = new Set(blocs.map((bloc) => bloc.id));
      const blocTies = sortTies(
        index,
        index.atlas.links.filter((link) => blocIds.has(link.partner)).map((link) => tieRow(index, link)),
      );
      const head = { kind: PARTNER_KINDS.country, title: nameOfCountry(selection.iso3), subtitle: null, origin: null };
      return cardOf(index, selection, head, links, { blocTies });
    }
    case 'link': {
      const link = index.links.get(selection.id);
      if (!link) return null;
      const row = tieRow(index, link);
      const { origin, partner } = row;
      const from = tieStart(row);
      const subtitle = { zh: `${from.zh} → ${partner.zh}`, en: `${from.en} → ${partner.en}` };
      return cardOf(index, selection, { kind: KINDS.link, title: partner, subtitle, origin: origin.id }, [link]);
    }
    case 'site': {
      const site = index.sites.get(selection.id);
      if (!site) return null;
      const place = index.places.get(site.placeAdcode);
      const precision = PRECISION[site.precision];
      const subtitle = place
        ? { zh: `${place.zh} · ${precision.zh}`, en: `${place.en} · ${precision.en}` }
        : precision;
      const links = index.atlas.links.filter((link) => link.evidence.some((evidence) => evidence.site === site.id));
      return cardOf(index, selection, { kind: KINDS.site, title: site, subtitle, origin: site.origin }, links, {}, (evidence) => evidence.site === site.id);
    }
    case 'origin': {
      const origin = index.origins.get(selection.id);
      if (!origin) return null;
      const links = index.atlas.links.filter((link) => link.origin === origin.id);
      return cardOf(index, selection, { kind: KINDS.origin, title: origin, subtitle: null, origin: origin.id }, links);
    }
    case 'partner': {
      const partner = index.partners.get(selection.id);
      if (!partner) return null;
      const links = index.atlas.links.filter((link) => link.partner === partner.id);
      const head = { kind: PARTNER_KINDS[partner.kind], title: partner, subtitle: null, origin: null };
      return cardOf(index, selection, head, links, { members: isCollective(partner) ? partner.members.map(nameOfCountry) : [] });
    }
  }
}

/** What the tooltip says about a card's subject: a name and one line of counts. */
export interface Summary {
  title: Names;
  detail: Names;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryOf(card: Card): Summary {
  const ties = card.ties.length;
  const passages = card.passages.length;
  const passageCount: Names = { zh: `${passages} 段原文`, en: plural(passages, 'passage') };
  if (card.selection.kind === 'link') return { title: card.subtitle ?? card.title, detail: passageCount };
  if (card.selection.kind === 'site' && card.subtitle) return { title: card.title, detail: card.subtitle };
  const counts: Names =
    ties > 0
      ? { zh: `${ties} 项合作 · ${passageCount.zh}`, en: `${plural(ties, 'tie')} · ${passageCount.en}` }
      : card.blocTies.length > 0
        ? { zh: '经由所属国家集团', en: 'through its blocs' }
        : { zh: '文本未提及', en: 'not named in the plans' };
  return { title: card.title, detail: { zh: `${card.kind.zh} · ${counts.zh}`, en: `${card.kind.en} · ${counts.en}` } };
}
