// An origin's quantitative targets as the small charts of its profile: per document, the values
// that share a unit drawn on one scale (a per-year quota apart from a total), and the values a
// plan reports as achieved beside its goal for the same measure (Wuhan's 2015 values against its
// 2020 targets) as pairs. Each number keeps where it is written in its document, so that the
// chart can open the reader on it. Data only: ui/profile-view.ts draws it.
import { ascending } from 'd3-array';
import type { AtlasIndex } from './atlas-index.ts';
import type { Target } from './targets.ts';
import type { Names, OriginId, SourceDocument } from './types.ts';

export interface TargetMark {
  target: Target;
  number: number;
  /** Where the number is written in its document: text.slice(start, end) === target.value. */
  start: number;
  end: number;
}

/** A value achieved and the target for the same measure in one document. */
export interface TargetPair {
  subject: Names;
  unit: Names;
  achieved: TargetMark;
  goal: TargetMark;
}

/** Targets of one unit (and of one kind: totals, or quotas per year), drawn on one scale. */
export interface UnitChart {
  unit: Names;
  perYear: boolean;
  marks: TargetMark[];
  /** The scale's end: the largest value on it. */
  max: number;
}

export interface DocumentTargets {
  document: SourceDocument;
  pairs: TargetPair[];
  charts: UnitChart[];
}

const DIGIT = /[0-9.]/;

/**
 * Where `target.value` is written in its passage: its first occurrence that is a whole number (no
 * digit or point on either side), preferring one followed by the unit. Offsets into the document;
 * the whole passage where the number cannot be found (a dataset edited by hand), which the
 * reader still opens.
 */
export function valueSpan(target: Target): { start: number; end: number } {
  const { quote, value, unit } = target;
  const whole: number[] = [];
  for (let at = quote.indexOf(value); at >= 0; at = quote.indexOf(value, at + 1)) {
    const before = quote[at - 1] ?? '';
    const after = quote[at + value.length] ?? '';
    if (!DIGIT.test(before) && !DIGIT.test(after)) whole.push(at);
  }
  const withUnit = whole.find((at) => unit.zh !== '' && quote.startsWith(unit.zh, at + value.length));
  const at = withUnit ?? whole[0];
  if (at === undefined) return { start: target.start, end: target.end };
  return { start: target.start + at, end: target.start + at + value.length };
}

const mark = (target: Target): TargetMark => ({ target, number: Number(target.value), ...valueSpan(target) });

/** The charts of an origin's targets, one per document, documents by date. */
export function targetCharts(index: AtlasIndex, origin: OriginId): DocumentTargets[] {
  const documents = index.atlas.documents.filter((doc) => doc.origin === origin).sort((a, b) => ascending(a.date, b.date));
  return documents.flatMap((document) => {
    const targets = index.atlas.targets.filter((target) => target.doc === document.id);
    if (targets.length === 0) return [];
    const pairs: TargetPair[] = [];
    const paired = new Set<Target>();
    // A value achieved and its goal stand in one row of the plan's table: the goal of the same
    // measure in the same passage, else the nearest one after it, never one already paired.
    const sameMeasure = (a: Target, b: Target) => a.subject.zh === b.subject.zh && a.unit.zh === b.unit.zh;
    for (const achieved of targets.filter((t) => t.status === 'achieved')) {
      const goals = targets.filter(
        (t) => t.status === 'target' && !paired.has(t) && sameMeasure(t, achieved) && (t.year ?? Infinity) > (achieved.year ?? -Infinity),
      );
      const goal = goals.find((t) => t.start === achieved.start) ?? goals.sort((a, b) => Math.abs(a.start - achieved.start) - Math.abs(b.start - achieved.start))[0];
      if (!goal) continue;
      pairs.push({ subject: goal.subject, unit: goal.unit, achieved: mark(achieved), goal: mark(goal) });
      paired.add(achieved).add(goal);
    }
    const charts = new Map<string, UnitChart>();
    for (const target of targets.filter((t) => !paired.has(t))) {
      // One scale a unit as both languages write it: 家 counts firms, bases and zones alike.
      const key = `${target.unit.zh}|${target.unit.en}|${target.perYear}`;
      const chart = charts.get(key) ?? { unit: target.unit, perYear: target.perYear, marks: [], max: 0 };
      const m = mark(target);
      chart.marks.push(m);
      chart.max = Math.max(chart.max, m.number);
      charts.set(key, chart);
    }
    for (const chart of charts.values()) chart.marks.sort((a, b) => b.number - a.number);
    return [{ document, pairs, charts: [...charts.values()].sort((a, b) => b.marks.length - a.marks.length) }];
  });
}
