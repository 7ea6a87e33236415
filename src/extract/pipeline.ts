import { createHash } from 'node:crypto';
import { geoCentroid } from 'd3-geo';
import { linkId, type Atlas, type Country, type Evidence, type Link, type LinkId, type MentionIndex, type Names, type OriginId, type Partner, type PartnerKind, type Place, type Site, type SiteId, type SourceDocument, type TextMention } from '../core/types.ts';
import * as gaz from './gazetteer.ts';
import { furnitureLines } from './furniture.ts';
import { splitLines } from './lines.ts';
import { findMentions, type Mention } from './mentions.ts';
import { metadataOf } from './metadata.ts';
import { splitPassages } from './passages.ts';
import { findSites, type SiteMention } from './sites.ts';
import { maskNames, scopeOf, termsOf, type Span } from './attribution.ts';
import { findTargets } from './targets.ts';
import { compareTargets, type Target } from '../core/targets.ts';
import { ATLAS_VERSION } from '../core/parse-atlas.ts';
import { decodeSeed, normalise, SeedError } from './text.ts';

export interface Seed {
  file: string;
  bytes: Uint8Array;
}

/** One passage tying one origin to one partner: a row of the cooperation table before joins. */
interface FoundTie {
  origin: OriginId;
  place: string;
  partner: string;
  /** The site by its Chinese name: it gets its id once every document's sites are known. */
  evidence: Omit<Evidence, 'site'> & { site: string | null };
}

export const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const docIdOf = (file: string) => file.replace(/\.[^.]+$/, '');

function placeNear(norm: string, site: SiteMention, passageStart: number, origin: OriginId): string {
  const own = gaz.origins.find((o) => o.id === origin)!;
  const candidates = gaz.places.filter((p) => p.origin === origin);
  const inName = candidates.find((p) => p.aliases.some((a) => norm.slice(site.start, site.end).includes(a)));
  if (inName) return inName.adcode;
  // The nearest place named before the site (or before the list it heads), with no list break between.
  const before = norm.slice(passageStart, site.listStart);
  let best: { adcode: string; at: number } | null = null;
  for (const p of candidates) {
    for (const a of p.aliases) {
      const at = before.lastIndexOf(a);
      if (at >= 0 && !/[、，,；;]/.test(before.slice(at + a.length)) && (!best || at > best.at)) best = { adcode: p.adcode, at };
    }
  }
  return best?.adcode ?? own.adcode;
}

interface DocumentExtract {
  document: SourceDocument;
  norm: string;
  mentions: TextMention[];
  /** Each partner's names as this text writes them (normalised): 东协 as well as 东盟. */
  written: [partner: string, name: string][];
  ties: FoundTie[];
  sites: { mention: SiteMention; place: string }[];
  targets: Target[];
}

function extractDocument(seed: Seed): DocumentExtract {
  const text = decodeSeed(seed.file, seed.bytes);
  const norm = normalise(text);
  const lines = splitLines(text);
  const meta = metadataOf(seed.file, text, norm, lines);
  const id = docIdOf(seed.file);
  const curated = gaz.documents.find((d) => d.id === id);
  const document: SourceDocument = {
    id,
    file: seed.file,
    sha256: createHash('sha256').update(seed.bytes).digest('hex'),
    origin: meta.origin,
    zh: meta.title,
    en: curated?.zh === meta.title ? curated.en : meta.title,
    issuer: { zh: meta.issuer, en: curated?.issuerEn ?? meta.issuer, inferred: meta.issuerInferred },
    date: meta.date,
    dateKind: meta.dateKind,
    length: text.length,
  };

  const furniture = furnitureLines(lines.map((l) => ({ ...l, text: norm.slice(l.start, l.end) })));
  const passages = splitPassages(lines, furniture, text);
  const siteMentions = findSites(norm);
  const mentions = findMentions(
    norm,
    siteMentions.map((s) => [s.start, s.end]),
  );

  // Partners' names say nothing of them: 美国硅谷创新中心 and 世界主要创新中心 are no R&D centres.
  const said = maskNames(norm, mentions);
  const ties: FoundTie[] = [];
  const sites: DocumentExtract['sites'] = [];
  for (const passage of passages) {
    const within = <T extends { start: number; end: number }>(x: T) => x.start >= passage.start && x.end <= passage.end;
    const here = mentions.filter(within);
    const siteHere = siteMentions.filter(within).map((mention) => ({ mention, place: placeNear(norm, mention, passage.start, meta.origin) }));
    sites.push(...siteHere);
    if (here.length === 0) continue;
    const inSite = (m: Mention, s: SiteMention) => m.start >= s.start && m.end <= s.end;
    const free = here.filter((m) => !siteHere.some((s) => inSite(m, s.mention)));
    const quote = text.slice(passage.start, passage.end);
    const origin = gaz.origins.find((o) => o.id === meta.origin)!;
    const parts = { text: said, passage, mentions: here };
    const scopes = (partner: string) => free.filter((m) => m.partners.includes(partner)).flatMap((m) => scopeOf(parts, m));

    // Each row: a partner, the site it is tied through (if any), where, and what is said of it:
    // spans of the passage and, for a site named after the partner, the site's own name.
    const rows = new Map<string, { partner: string; site: string | null; place: string; said: string[] }>();
    const add = (partner: string, site: string | null, place: string, spans: Span[], named = '') =>
      rows.set(`${partner}\u0000${site ?? ''}`, { partner, site, place, said: [named, ...spans.map((s) => said.slice(s.start, s.end))] });
    for (const { mention, place } of siteHere) {
      const own = here.filter((m) => inSite(m, mention));
      // A site named after its partner (武汉中德产业园落地,深化新能源和智能网联汽车…的合作) is what its
      // clause speaks of, unless it is one item of a list of sites, each with its own field (中乌(乌克兰)
      // 特种船舶研究设计院、中英(英国)光纤传感器…联合研发中心、…): then its name says it all.
      const listed = /^\s*[、和等]/.test(said.slice(mention.end, mention.end + 2)) || /[、和]\s*$/.test(said.slice(Math.max(passage.start, mention.listStart - 2), mention.listStart));
      const ofSite = listed ? [] : scopeOf(parts, mention);
      if (own.length > 0) for (const m of own) for (const p of m.partners) add(p, mention.entry.zh, place, [...ofSite, ...scopes(p)], mention.entry.zh);
      // A site whose name names no partner takes the partners its passage names, with what the
      // passage says of them: 与乌克兰国家农业科学院进行能源栽培技术联合研发,建立能源植物试验示范基地.
      else for (const m of free) for (const p of m.partners) add(p, mention.entry.zh, place, scopes(p));
    }
    for (const m of free) {
      for (const p of m.partners) if (![...rows.values()].some((r) => r.partner === p)) add(p, null, origin.adcode, scopes(p));
    }
    for (const r of rows.values()) {
      const { fields, modes } = termsOf(r.said.join('\u3000'), gaz.fields, gaz.modes);
      ties.push({
        origin: meta.origin,
        place: r.place,
        partner: r.partner,
        evidence: { doc: id, start: passage.start, end: passage.end, quote, site: r.site, fields, modes },
      });
    }
  }
  const placeMentions = gaz.places
    .filter((p) => p.origin === meta.origin)
    .flatMap((p) => p.aliases.flatMap((a) => [...norm.matchAll(new RegExp(a, 'g'))].map((m) => ({ start: m.index!, end: m.index! + a.length, kind: 'place' as const, ids: [p.adcode] }))));
  const textMentions: TextMention[] = [
    ...mentions.map((m) => ({ start: m.start, end: m.end, kind: 'partner' as const, ids: m.partners })),
    ...siteMentions.map((m) => ({ start: m.start, end: m.end, kind: 'site' as const, ids: [m.entry.zh] })),
    ...placeMentions,
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  // A name only: not a 中X abbreviation (中德 is no name of Germany), nor a form naming two partners (南亚东南亚).
  const written = mentions
    .filter((m) => m.abbrEnd === undefined && m.partners.length === 1)
    .map((m): [string, string] => [m.partners[0]!, norm.slice(m.start, m.end)]);
  return { document, norm, mentions: textMentions, written, ties, sites, targets: findTargets(text, norm, id, meta.origin) };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A partner, with the names the texts write for it (`written`) other than the one the atlas shows. */
function partnerOf(id: string, written: ReadonlySet<string>): Partner {
  const partner = (kind: PartnerKind, { zh, en }: Names, rest: Pick<Partner, 'iso3' | 'members' | 'anchor'>): Partner => ({
    id,
    kind,
    zh,
    en,
    aliases: [...written].filter((name) => name !== zh).sort(),
    ...rest,
  });
  const country = gaz.countryByIso3.get(id);
  if (country) return partner('country', country, { iso3: id, members: [], anchor: country.capital });
  const bloc = gaz.blocs.find((b) => b.id === id);
  if (bloc) {
    const abroad = bloc.members.filter((m) => m !== 'CHN').map((m) => countryOf(m).anchor);
    const hub = bloc.seat ?? (geoCentroid({ type: 'MultiPoint', coordinates: abroad }) as [number, number]);
    return partner('bloc', bloc, { iso3: null, members: bloc.members, anchor: round(hub) });
  }
  const region = gaz.regions.find((r) => r.id === id);
  if (region) return partner('region', region, { iso3: null, members: [], anchor: region.anchor });
  const named = gaz.namedPartners.find((p) => p.id === id);
  if (named) return partner(named.kind, named, { iso3: named.iso3, members: [], anchor: named.anchor });
  throw new SeedError('gazetteer', `partner ${id} is named in the seeds but has no gazetteer entry (add it to src/extract/gazetteer/countries.json)`);
}

function countryOf(iso3: string): Country {
  const c = gaz.countryByIso3.get(iso3);
  if (!c) throw new SeedError('gazetteer', `country ${iso3} has no entry in src/extract/gazetteer/countries.json`);
  return { iso3, zh: c.zh, en: c.en, anchor: c.capital };
}

function inGroup(p: Partner, g: { partners: string[]; countries: string[] }): boolean {
  if (g.partners.includes(p.id)) return true;
  if (p.iso3) return g.countries.includes(p.iso3);
  const abroad = p.members.filter((m) => m !== 'CHN');
  return abroad.length > 0 && abroad.every((m) => g.countries.includes(m));
}

const round = ([lon, lat]: [number, number]): [number, number] => [Math.round(lon * 1000) / 1000, Math.round(lat * 1000) / 1000];

export function extractAtlas(seeds: readonly Seed[]): Atlas {
  return extract(seeds).atlas;
}

/**
 * Runs the whole extraction over the seeds. Pure: bytes in, the dataset and each document's
 * mentions out; throws SeedError on bad input.
 */
export function extract(seeds: readonly Seed[]): { atlas: Atlas; mentions: MentionIndex } {
  if (seeds.length === 0) throw new SeedError('seeds/', 'no seed documents found');
  const extracts = [...seeds].sort((a, b) => (a.file < b.file ? -1 : 1)).map(extractDocument);

  const siteIds = new Map<string, SiteId>();
  const sites = new Map<string, Site>();
  for (const { document, sites: found } of extracts) {
    for (const { mention, place } of found) {
      const id = slug(mention.entry.en) as SiteId;
      siteIds.set(mention.entry.zh, id);
      if (sites.has(id)) continue;
      const e = mention.entry;
      sites.set(id, { id, zh: e.zh, en: e.en, origin: document.origin, placeAdcode: place, lon: e.at[0], lat: e.at[1], precision: e.precision });
    }
  }

  const links = new Map<LinkId, Link>();
  for (const { ties } of extracts) {
    for (const t of ties) {
      const id = linkId(t.origin, t.place, t.partner);
      const link: Link = links.get(id) ?? { id, origin: t.origin, place: t.place, partner: t.partner, evidence: [] };
      link.evidence.push({ ...t.evidence, site: t.evidence.site === null ? null : siteIds.get(t.evidence.site)! });
      links.set(id, link);
    }
  }

  const written = new Map<string, Set<string>>();
  for (const [partner, name] of extracts.flatMap((e) => e.written)) written.set(partner, (written.get(partner) ?? new Set()).add(name));
  const partners = [...new Set([...links.values()].map((l) => l.partner))].map((id) => partnerOf(id, written.get(id) ?? new Set())).sort(byId);
  const iso3s = new Set(partners.flatMap((p) => [...(p.iso3 ? [p.iso3] : []), ...p.members]));
  // The cities the texts name, whether or not a tie is put there: the map marks them all.
  const places: Place[] = gaz.places
    .filter((p) => extracts.some((e) => e.document.origin === p.origin && p.aliases.some((a) => e.norm.includes(a))))
    .map((p) => ({ adcode: p.adcode, origin: p.origin, zh: p.zh, en: p.en, lon: p.seat[0], lat: p.seat[1] }))
    .sort((a, b) => a.adcode.localeCompare(b.adcode));
  const documents = extracts.map((e) => e.document);
  const originIds = new Set(documents.map((d) => d.origin));

  const atlas: Atlas = {
    version: ATLAS_VERSION,
    documents,
    origins: gaz.origins
      .filter((o) => originIds.has(o.id))
      .map((o) => ({ id: o.id, adcode: o.adcode, zh: o.zh, en: o.en, lon: o.seat[0], lat: o.seat[1] })),
    places,
    partners,
    countries: [...iso3s].sort().map(countryOf),
    sites: [...sites.values()].sort(byId),
    fields: gaz.fields.map(({ id, zh, en }) => ({ id, zh, en })),
    modes: gaz.modes.map(({ id, zh, en }) => ({ id, zh, en })),
    groups: gaz.groups.map((g) => ({ id: g.id, zh: g.zh, en: g.en, partners: partners.filter((p) => inGroup(p, g)).map((p) => p.id) })),
    links: [...links.values()]
      .map((l) => ({ ...l, evidence: l.evidence.sort((a, b) => (a.doc === b.doc ? a.start - b.start : a.doc < b.doc ? -1 : 1)) }))
      .sort(byId),
    targets: extracts.flatMap((e) => e.targets).sort(compareTargets),
  };
  // Only what the dataset holds: a name in page furniture ties nothing and is not highlighted.
  const partnerIds = new Set(partners.map((p) => p.id));
  const mentions: MentionIndex = Object.fromEntries(
    extracts.map((e) => [
      e.document.id,
      e.mentions
        .map((m) => (m.kind === 'site' ? { ...m, ids: m.ids.flatMap((zh) => siteIds.get(zh) ?? []) } : m))
        .filter((m) => m.ids.length > 0 && (m.kind !== 'partner' || m.ids.every((id) => partnerIds.has(id)))),
    ]),
  );
  return { atlas, mentions };
}
