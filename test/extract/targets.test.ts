import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../src/cli/extract.ts';
import type { Target } from '../../src/core/targets.ts';
import { ORIGIN_IDS, type OriginId } from '../../src/core/types.ts';
import { splitLines } from '../../src/extract/lines.ts';
import { metadataOf } from '../../src/extract/metadata.ts';
import { CLASSIFIERS, findTargets, targetSubjects, targetUnits } from '../../src/extract/targets.ts';
import { decodeSeed, normalise } from '../../src/extract/text.ts';

// The targets the extraction finds, against the independent reading in
// test/ground-truth/<origin>.targets.json. A produced row matches a reader's row when it is from the
// same document, has the same value, and its quote contains the reader's anchor; optional rows of
// the reading (Wuhan's 专栏1) may be produced or not.

interface GoldTarget {
  doc: string;
  subject_zh: string;
  value: string;
  unit_zh: string;
  comparator: string;
  per_year: boolean;
  year: number | null;
  status: string;
  anchor: string;
  optional?: boolean;
}

interface Seed {
  doc: string;
  origin: OriginId;
  text: string;
  norm: string;
}

const seeds: Seed[] = readSeeds().map(({ file, bytes }) => {
  const text = decodeSeed(file, bytes);
  const norm = normalise(text);
  return { doc: file.replace(/\.[^.]+$/, ''), origin: metadataOf(file, text, norm, splitLines(text)).origin, text, norm };
});
const textOf = new Map(seeds.map((s) => [s.doc, s.text]));
const run = () => seeds.flatMap((s) => findTargets(s.text, s.norm, s.doc, s.origin));
const produced = run();

const gold: (GoldTarget & { at: number })[] = ORIGIN_IDS.flatMap((o) =>
  (JSON.parse(readFileSync(`test/ground-truth/${o}.targets.json`, 'utf8')).targets as GoldTarget[]).map((g) => ({
    ...g,
    at: textOf.get(g.doc)?.indexOf(g.anchor) ?? -1,
  })),
);

const covers = (t: Target, g: GoldTarget & { at: number }) =>
  t.doc === g.doc && t.value === g.value && g.at >= 0 && t.start <= g.at && g.at + g.anchor.length <= t.end;

const subjectAgrees = (t: Target, g: GoldTarget) => t.subject.zh === g.subject_zh || t.subject.zh.includes(g.subject_zh) || g.subject_zh.includes(t.subject.zh);

const fieldsOf = (t: Target) => ({
  unit_zh: t.unit.zh,
  comparator: t.comparator,
  per_year: t.perYear,
  year: t.year,
  status: t.status,
  value: t.value,
});
const goldFieldsOf = (g: GoldTarget) => ({
  unit_zh: g.unit_zh,
  comparator: g.comparator,
  per_year: g.per_year,
  year: g.year,
  status: g.status,
  value: g.value,
});
const agrees = (t: Target, g: GoldTarget) => subjectAgrees(t, g) && JSON.stringify(fieldsOf(t)) === JSON.stringify(goldFieldsOf(g));

/**
 * One produced row to one reader's row: the required rows first, each taking a covering row that
 * agrees in every field if there is one; then the optional rows take what is left.
 */
function match() {
  const used = new Set<Target>();
  const pairs: { gold: GoldTarget; target: Target }[] = [];
  const missing: GoldTarget[] = [];
  for (const optional of [false, true]) {
    for (const g of gold.filter((x) => Boolean(x.optional) === optional)) {
      const candidates = produced.filter((t) => !used.has(t) && covers(t, g));
      const t = candidates.find((c) => agrees(c, g)) ?? candidates.find((c) => subjectAgrees(c, g)) ?? candidates[0];
      if (t) {
        used.add(t);
        if (!optional) pairs.push({ gold: g, target: t });
      } else if (!optional) missing.push(g);
    }
  }
  return { pairs, missing, extra: produced.filter((t) => !used.has(t)) };
}
const { pairs, missing, extra } = match();

describe('targets', () => {
  it('every gold anchor is found in its document', () => {
    expect(gold.filter((g) => g.at < 0).map((g) => `${g.doc}: ${g.anchor}`)).toEqual([]);
  });

  it('every quote is an exact slice of the decoded text', () => {
    for (const t of produced) expect(textOf.get(t.doc)!.slice(t.start, t.end), `${t.doc} ${t.subject.zh} ${t.value}`).toBe(t.quote);
  });

  it('is deterministic', () => {
    expect(run()).toEqual(produced);
  });

  it('finds every required row of the reading, and prints the counts per document', () => {
    const docs = [...new Set([...seeds.map((s) => s.doc)])];
    console.table(
      Object.fromEntries(
        docs.map((doc) => [
          doc,
          {
            'gold required': gold.filter((g) => g.doc === doc && !g.optional).length,
            'gold optional': gold.filter((g) => g.doc === doc && g.optional).length,
            matched: pairs.filter((p) => p.gold.doc === doc).length,
            missing: missing.filter((g) => g.doc === doc).length,
            extra: extra.filter((t) => t.doc === doc).length,
          },
        ]),
      ),
    );
    expect(missing.map((g) => `${g.doc} ${g.subject_zh} = ${g.value} (anchor: ${JSON.stringify(g.anchor)})`)).toEqual([]);
  });

  it('produces no row outside the reading', () => {
    expect(extra.map((t) => `${t.doc} ${t.subject.zh} = ${t.value}${t.unit.zh} (quote: ${JSON.stringify(t.quote.slice(0, 60))})`)).toEqual([]);
  });

  it('agrees with the reading on the fields of each matched row', () => {
    const wrong = pairs.flatMap(({ gold: g, target: t }) => {
      const problems: string[] = [];
      if (!subjectAgrees(t, g)) problems.push(`subject ${t.subject.zh} ≠ ${g.subject_zh}`);
      const [a, b] = [fieldsOf(t), goldFieldsOf(g)];
      for (const k of Object.keys(a) as (keyof typeof a)[]) if (a[k] !== b[k]) problems.push(`${k} ${String(a[k])} ≠ ${String(b[k])}`);
      return problems.length ? [`${g.doc} ${g.subject_zh} = ${g.value}: ${problems.join('; ')}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('gives English wherever there is Chinese', () => {
    const blank = produced.flatMap((t) => [
      ...(t.subject.zh && !t.subject.en ? [`${t.doc} subject ${t.subject.zh}`] : []),
      ...(t.unit.zh && !t.unit.en ? [`${t.doc} unit ${t.unit.zh} of ${t.subject.zh}`] : []),
    ]);
    expect(blank).toEqual([]);
  });

  it('uses every entry of the glossary (src/extract/gazetteer/targets.json)', () => {
    // The glossary is keyed by the subject's Simplified form.
    const keyOf = (t: Target) => normalise(t.subject.zh);
    const subjects = new Set(produced.map(keyOf));
    const counted = new Set(produced.filter((t) => (CLASSIFIERS as readonly string[]).includes(t.unit.zh)).map(keyOf));
    const units = new Set(produced.map((t) => t.unit.zh));
    expect(targetSubjects.filter((s) => !subjects.has(s.zh)).map((s) => `subject ${s.zh}`)).toEqual([]);
    expect(targetSubjects.filter((s) => s.counted && !counted.has(s.zh)).map((s) => `counted of ${s.zh}`)).toEqual([]);
    expect(targetUnits.filter((u) => !units.has(u.zh)).map((u) => `unit ${u.zh}`)).toEqual([]);
    expect(new Set(targetSubjects.map((s) => s.zh)).size, 'a subject listed twice').toBe(targetSubjects.length);
  });
});

describe('findTargets on sentences of other plans', () => {
  const find = (text: string) => findTargets(text, normalise(text), 'x', 'wuhan');

  it('gives a growth target the year it is for, not the year it is measured from', () => {
    const [growth] = find('到2025年,高新技术产业产值比2020年增长20%。');
    expect(growth).toMatchObject({ value: '20', unit: { zh: '%' }, year: 2025 });
  });

  it('reads no target from a count of what is done already', () => {
    expect(find('截至2020年底,全市已建成国际科技合作基地12家。')).toEqual([]);
    expect(find('到2025年,建成国际科技合作基地20家。')).toHaveLength(1);
  });
});
