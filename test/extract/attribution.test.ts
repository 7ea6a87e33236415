// Fields and modes per tie against the second reader (test/ground-truth/<origin>.ties.json, read
// without the code): a tie gets a field or a mode only where the text says it of that partner.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../src/cli/extract.ts';
import { ORIGIN_IDS, type Atlas } from '../../src/core/types.ts';
import { maskNames, termsOf } from '../../src/extract/attribution.ts';
import { fields, modes } from '../../src/extract/gazetteer.ts';
import { extractAtlas } from '../../src/extract/pipeline.ts';
import { toAtlas } from './reader-ids.ts';

interface GoldTie {
  doc: string;
  partner: string;
  anchor: string;
  fields: string[];
  modes: string[];
  via?: string;
  optional?: boolean;
}

const atlas: Atlas = extractAtlas(readSeeds());
const partnerById = new Map(atlas.partners.map((p) => [p.id, p]));
const texts = new Map(readSeeds().map((s) => [s.file.slice(0, -4), new TextDecoder().decode(s.bytes).replace(/^\uFEFF/, '')]));

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  wrong: string[];
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, wrong: [] });
type Key = 'fields' | 'modes';
const scores = new Map<string, Record<Key, Tally>>();
/** Terms on ties of partners the reader did not list at all (世界主要创新中心): shown apart, as a stricter precision. */
const unlistedTerms = new Map<string, Record<Key, number>>();
const unlisted = (doc: string) => unlistedTerms.get(doc) ?? unlistedTerms.set(doc, { fields: 0, modes: 0 }).get(doc)!;

for (const origin of ORIGIN_IDS) {
  const gold: GoldTie[] = JSON.parse(readFileSync(`test/ground-truth/${origin}.ties.json`, 'utf8')).ties;
  const ties = atlas.links.filter((l) => l.origin === origin).flatMap((l) => l.evidence.map((e) => ({ partner: partnerById.get(l.partner)!, e })));
  type Found = (typeof ties)[number];
  const claimed = new Set<Found>();
  // What the reader says of each of the atlas's ties: the union over the reader's entries that
  // fall on it (南亚东南亚 and 中国—南亚 in one passage both fall on its South Asia tie).
  const wanted = new Map<Found, { fields: Set<string>; modes: Set<string>; label: string }>();
  const tallyOf = (doc: string) => scores.get(doc) ?? scores.set(doc, { fields: tally(), modes: tally() }).get(doc)!;
  for (const g of gold) {
    const at = texts.get(g.doc)!.indexOf(g.anchor);
    const ids = toAtlas(g.partner);
    // The anchor in the tie's passage (one anchor, a title over two lines, runs past the passage's end).
    const inPassage = ties.filter(({ e }) => e.doc === g.doc && e.start <= at && at < e.end);
    const exact = inPassage.filter(({ partner }) => ids.includes(partner.id));
    // A country the atlas ties through its institution, city or company (巴基斯坦卡拉奇大学) is judged on that tie.
    const matches = exact.length > 0 ? exact : inPassage.filter(({ partner }) => partner.kind !== 'country' && partner.iso3 === g.partner);
    // One the reader found only inside such a name (via) is that partner's, which the reader lists in its own right.
    if (g.via !== undefined && matches.length === 0) continue;
    for (const m of matches) claimed.add(m);
    if (g.optional) continue;
    // A partner missed altogether misses its terms.
    if (matches.length === 0) {
      for (const key of ['fields', 'modes'] as const) for (const t of g[key]) (tallyOf(g.doc)[key].fn++, tallyOf(g.doc)[key].wrong.push(`-${t} ${g.partner} (not found) «${g.anchor}»`));
    }
    for (const m of matches) {
      const w = wanted.get(m) ?? { fields: new Set<string>(), modes: new Set<string>(), label: `${m.partner.id} «${g.anchor}»` };
      for (const key of ['fields', 'modes'] as const) for (const t of g[key]) w[key].add(t);
      wanted.set(m, w);
    }
  }
  for (const [m, w] of wanted) {
    for (const key of ['fields', 'modes'] as const) {
      const s = tallyOf(m.e.doc)[key];
      const got = new Set(m.e[key]);
      for (const t of w[key]) (got.has(t) ? s.tp++ : (s.fn++, s.wrong.push(`-${t} ${w.label}`)));
      for (const t of got) if (!w[key].has(t)) (s.fp++, s.wrong.push(`+${t} ${w.label}`));
    }
  }
  // Ties of a partner the reader found, in a sentence where the reader has no entry for it: every
  // term they carry is one the text did not say of it. (Partners the reader did not find at all
  // are scored by ground-truth.test.ts.)
  const found = new Set(gold.flatMap((g) => toAtlas(g.partner)));
  for (const t of ties) {
    if (!claimed.has(t) && !found.has(t.partner.id)) for (const key of ['fields', 'modes'] as const) unlisted(t.e.doc)[key] += t.e[key].length;
    if (claimed.has(t) || !found.has(t.partner.id)) continue;
    const s = tallyOf(t.e.doc);
    for (const key of ['fields', 'modes'] as const) for (const term of t.e[key]) (s[key].fp++, s[key].wrong.push(`+${term} ${t.partner.id} (no entry) «${t.e.quote.slice(0, 30)}»`));
  }
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

describe('fields and modes against the second reader', () => {
  it('prints precision and recall per document, and each disagreement', () => {
    const rows = [...scores].sort().flatMap(([doc, s]) =>
      (['fields', 'modes'] as const).map((key) => {
        const extra = unlistedTerms.get(doc)?.[key] ?? 0;
        const { tp, fp, fn } = s[key];
        return { doc, key, precision: ratio(tp, tp + fp).toFixed(3), recall: ratio(tp, tp + fn).toFixed(3), tp, fp, fn, 'precision counting unlisted partners': ratio(tp, tp + fp + extra).toFixed(3) };
      }),
    );
    console.table(rows);
    for (const [doc, s] of scores) for (const key of ['fields', 'modes'] as const) if (s[key].wrong.length) console.log(doc, key, `\n  ${s[key].wrong.join('\n  ')}`);
    expect(rows.length).toBe(10);
  });

  it('attributes fields and modes with precision and recall of at least 0.95 on every document', () => {
    for (const [doc, s] of scores) {
      for (const key of ['fields', 'modes'] as const) {
        const { tp, fp, fn } = s[key];
        expect(ratio(tp, tp + fp), `${doc} ${key} precision`).toBeGreaterThanOrEqual(0.95);
        expect(ratio(tp, tp + fn), `${doc} ${key} recall`).toBeGreaterThanOrEqual(0.95);
      }
    }
    expect(scores.size).toBe(5);
  });

  it('gives each partner of a list of its own items only its own item’s field (Shandong’s international bases)', () => {
    const base = (partner: string) => atlas.links.find((l) => l.partner === partner && l.evidence.some((e) => e.quote.includes('特種船舶研究設計院')))!.evidence.find((e) => e.quote.includes('特種船舶研究設計院'))!;
    expect(base('UKR').fields).toEqual(['marine']);
    expect(base('GBR').fields).toEqual(['ict', 'optoelectronics']);
    expect(base('EU').fields).toEqual(['materials']);
    expect(base('CHL').fields).toEqual(['materials']);
    expect(base('DEU').fields).toEqual([]);
  });

  it('reads no field into a name: an office (农业农村厅), a partner’s own name, Optics Valley', () => {
    const quotes = (partner: string, words: string) => atlas.links.filter((l) => l.partner === partner).flatMap((l) => l.evidence).filter((e) => e.quote.includes(words));
    // 加强沧州开发区与美国硅谷创新中心…的合作: the centre's name is no R&D mode.
    expect(quotes('silicon-valley-innovation-center', '硅谷创新中心')[0]!.modes).not.toContain('rd-center');
    // 双城双谷: 光谷 is Wuhan's Optics Valley, a place.
    expect(quotes('chicago', '双城双谷')[0]!.fields).not.toContain('optoelectronics');
  });

  it('masks offices, stations, places and metaphors, and keeps the fields around them', () => {
    const said = (text: string) => termsOf(maskNames(text, []), fields, modes);
    // 协调省农业农村厅、省工业和信息化厅等部门 (Yunnan): offices are no agriculture or ICT.
    expect(said('协调省农业农村厅、省工业和信息化厅等部门').fields).toEqual([]);
    expect(said('市科技局牵头,支持农业和信息技术合作').fields).toEqual(['agriculture', 'ict']);
    expect(said('中国科学院南皮生态农业试验站').fields).toEqual([]);
    expect(said('光谷与硅谷').fields).toEqual([]);
    expect(said('营造人才创新生态最优氛围').fields).toEqual([]);
  });
});
