import { blocs, countries, countryNames, formerCountries, namedPartners, regionCompounds, regions } from './gazetteer.ts';

/** A place in the normalised text that names one or more partners. */
export interface Mention {
  start: number;
  end: number;
  /** Partner ids: alpha-3 for a country, the bloc id, or a slug. Two for 南亚东南亚. */
  partners: string[];
  /** For a 中X abbreviation: where the bare 中X ends (before a gloss such as (以色列)). */
  abbrEnd?: number;
}

/** Written forms → partner ids. */
function dictionary(): Map<string, string[]> {
  const dict = new Map<string, string[]>();
  for (const [name, iso3] of countryNames()) dict.set(name, [iso3]);
  for (const b of blocs) for (const a of b.aliases) dict.set(a, [b.id]);
  for (const r of regions) for (const a of r.aliases) dict.set(a, [r.id]);
  for (const c of regionCompounds) dict.set(c.text, c.ids);
  for (const p of namedPartners) for (const a of p.aliases) dict.set(a, [p.id]);
  for (const f of formerCountries) dict.set(f.zh, f.successors);
  return dict;
}

const DICT = dictionary();
const BY_FIRST_CHAR = new Map<string, string[]>();
for (const name of DICT.keys()) {
  const list = BY_FIRST_CHAR.get(name[0]!) ?? [];
  list.push(name);
  BY_FIRST_CHAR.set(name[0]!, list);
}
for (const list of BY_FIRST_CHAR.values()) list.sort((a, b) => b.length - a.length);

/** Longest-match-first scan for written names, left to right, no overlaps. */
function nameMentions(norm: string): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < norm.length; ) {
    const name = BY_FIRST_CHAR.get(norm[i]!)?.find((n) => norm.startsWith(n, i));
    if (!name) {
      i++;
      continue;
    }
    found.push({ start: i, end: i + name.length, partners: DICT.get(name)! });
    i += name.length;
  }
  return found;
}

interface Abbreviation {
  partner: string;
  /** Names a gloss may give: 中以(以色列). */
  glosses: string[];
  needsGloss: boolean;
}

const ABBREVIATIONS = new Map<string, Abbreviation>();
for (const c of countries) {
  if (c.abbr) ABBREVIATIONS.set(c.abbr, { partner: c.iso3, glosses: [c.zh, ...(c.aliases ?? [])], needsGloss: false });
}
for (const b of blocs) {
  if (b.abbr) ABBREVIATIONS.set(b.abbr, { partner: b.id, glosses: b.aliases, needsGloss: true });
}

/** 中X is part of another word when it follows one of these: 其中, 集中, 工作中, 过程中... */
const WORD_BEFORE = new Set([...'其集之当作程心空正命']);
/** What may follow a bilateral 中X: 中法两国, 中印高科技, 中德产业园, 中老、中缅经济走廊. */
const BILATERAL_NEXT = /^(两国|高科技|科技|产业|合作|经济走廊|自贸)/;

interface AbbreviationCandidate extends Mention {
  glossed: boolean;
  needsGloss: boolean;
}

function abbreviationCandidates(norm: string): AbbreviationCandidate[] {
  const found: AbbreviationCandidate[] = [];
  for (let i = norm.indexOf('中'); i >= 0; i = norm.indexOf('中', i + 1)) {
    const abbr = ABBREVIATIONS.get(norm[i + 1] ?? '');
    if (!abbr) continue;
    const after = i + 2;
    const gloss = abbr.glosses.find((g) => norm.startsWith(`(${g})`, after));
    const end = gloss ? after + gloss.length + 2 : after;
    found.push({ start: i, end, abbrEnd: after, partners: [abbr.partner], glossed: !!gloss, needsGloss: abbr.needsGloss });
  }
  return found;
}

/**
 * 中X abbreviations that really name a country: glossed (中以(以色列)), listed with others
 * (中老、中缅、中菲), or followed by what only a bilateral tie can be (中法两国), or inside a
 * site the gazetteer knows (武汉中德产业园). 其中新增 and 工作中加强 fail every test.
 */
function abbreviationMentions(norm: string, siteSpans: readonly [number, number][]): Mention[] {
  const candidates = abbreviationCandidates(norm);
  const inSite = (m: Mention) => siteSpans.some(([s, e]) => m.start >= s && m.end <= e);
  const listed = (a: AbbreviationCandidate | undefined, b: AbbreviationCandidate | undefined) =>
    !!a && !!b && norm.slice(a.end, b.start) === '、';
  return candidates
    .filter((m, k) => {
      if (m.glossed) return true;
      if (m.needsGloss || WORD_BEFORE.has(norm[m.start - 1] ?? '')) return false;
      return (
        listed(m, candidates[k + 1]) ||
        listed(candidates[k - 1], m) ||
        BILATERAL_NEXT.test(norm.slice(m.end)) ||
        inSite(m)
      );
    })
    .map(({ start, end, abbrEnd, partners }) => ({ start, end, abbrEnd, partners }));
}

/** Every partner mention in a normalised text; sites are passed so abbreviations inside them count. */
export function findMentions(norm: string, siteSpans: readonly [number, number][]): Mention[] {
  const abbreviations = abbreviationMentions(norm, siteSpans);
  const covered = (m: Mention) => abbreviations.some((a) => m.start < a.end && a.start < m.end);
  return [...abbreviations, ...nameMentions(norm).filter((m) => !covered(m))].sort((a, b) => a.start - b.start);
}

/** The glosses after 中X abbreviations, (以色列) in 中以(以色列): left out of site names. */
export function glossSpans(norm: string): [number, number][] {
  return abbreviationCandidates(norm)
    .filter((c) => c.glossed)
    .map((c) => [c.abbrEnd!, c.end]);
}
