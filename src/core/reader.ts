// What the source reader draws: a document's lines, each a tree of runs — plain text, the
// extracted mentions and the chosen passage — whose offsets are those of the original text, so
// the view marks exactly what the extraction found, in whichever script it is shown.
import type { ScriptConverter } from './script-conversion.ts';
import type { AtlasIndex } from './atlas-index.ts';
import type { Names, SourceDocument, TextMention } from './types.ts';

/** What the reader needs of the dataset: the documents, and what each id in mentions.json stands for. */
export interface ReaderIndex {
  documents: ReadonlyMap<string, SourceDocument>;
  /** `partner:<id>`, `site:<id>` and `place:<adcode>` → names. */
  names: ReadonlyMap<string, Names>;
}

export function readerIndex({ atlas, documents }: AtlasIndex): ReaderIndex {
  const names = new Map<string, Names>();
  for (const p of atlas.partners) names.set(`partner:${p.id}`, p);
  for (const s of atlas.sites) names.set(`site:${s.id}`, s);
  for (const p of [...atlas.origins, ...atlas.places]) names.set(`place:${p.adcode}`, p);
  return { documents, names };
}

export interface TextRange {
  start: number;
  end: number;
}

export type Run =
  | { type: 'text'; start: number; end: number; text: string }
  | { type: 'mention'; start: number; end: number; kind: TextMention['kind']; ids: string[]; children: Run[] }
  | { type: 'passage'; start: number; end: number; children: Run[] };

export type LineBreak = '\r\n' | '\n' | '\r' | '';

export interface Line extends TextRange {
  /** The break that ends the line in the text ('' for the last line), so lines add up to the text. */
  lineBreak: LineBreak;
  /** Only white space: drawn as a thin gap instead of a full empty line. */
  blank: boolean;
  runs: Run[];
}

/** The text's lines, split at CRLF, LF or CR; the breaks themselves belong to no line. */
export function splitLines(text: string): (TextRange & { lineBreak: LineBreak })[] {
  const lines: (TextRange & { lineBreak: LineBreak })[] = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    lines.push({ start, end: m.index, lineBreak: m[0] as LineBreak });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, lineBreak: '' });
  return lines;
}

type Span = TextRange & Pick<TextMention, 'kind' | 'ids'>;

/** Of two mentions on the same range, the site holds the place, which holds the partner. */
const KIND_DEPTH: Record<TextMention['kind'], number> = { site: 0, place: 1, partner: 2 };

/** Outer before inner: earlier start first, then the longer, then by kind. */
const outerFirst = (a: Span, b: Span) => a.start - b.start || b.end - a.end || KIND_DEPTH[a.kind] - KIND_DEPTH[b.kind];

/**
 * Mentions as nested runs over [start, end). A mention that lies inside another becomes its child;
 * one that crosses another's end (none do in the data, but the extraction does not forbid it) is
 * split there, the first piece inside, the rest after it.
 */
function nest(start: number, end: number, spans: Span[], text: (start: number, end: number) => Run): Run[] {
  const runs: Run[] = [];
  let cursor = start;
  let pending = [...spans].sort(outerFirst);
  while (pending.length > 0) {
    const [outer, ...rest] = pending as [Span, ...Span[]];
    if (outer.start > cursor) runs.push(text(cursor, outer.start));
    const inside = rest.filter((s) => s.start < outer.end).map((s) => ({ ...s, end: Math.min(s.end, outer.end) }));
    pending = rest.filter((s) => s.end > outer.end).map((s) => ({ ...s, start: Math.max(s.start, outer.end) }));
    pending.sort(outerFirst);
    const { kind, ids } = outer;
    runs.push({ type: 'mention', start: outer.start, end: outer.end, kind, ids, children: nest(outer.start, outer.end, inside, text) });
    cursor = outer.end;
  }
  if (cursor < end) runs.push(text(cursor, end));
  return runs;
}

const clip = <T extends TextRange>(item: T, range: TextRange): T => ({
  ...item,
  start: Math.max(item.start, range.start),
  end: Math.min(item.end, range.end),
});

const overlaps = (a: TextRange, b: TextRange) => a.start < b.end && b.start < a.end;

/**
 * The document as lines of runs. The passage is the outermost mark within a line (a mention
 * crossing its edge is split there); mentions nest inside. `convert` must keep the length of what
 * it is given: it is applied to each plain-text run on its own, so every highlight starts and
 * ends exactly where it does in the original, whatever the conversion does inside a run.
 */
export function readerLines(
  text: string,
  mentions: readonly TextMention[],
  passage: TextRange | null,
  convert: ScriptConverter = (s) => s,
): Line[] {
  const textRun = (start: number, end: number): Run => ({ type: 'text', start, end, text: convert(text.slice(start, end)) });
  const spansIn = (range: TextRange): Span[] =>
    mentions.filter((m) => m.start < m.end && overlaps(m, range)).map((m) => clip({ start: m.start, end: m.end, kind: m.kind, ids: m.ids }, range));
  const marked = passage && passage.start < passage.end ? passage : null;

  return splitLines(text).map((line) => {
    const runs: Run[] = [];
    const inPassage = marked && overlaps(marked, line) ? clip(marked, line) : null;
    if (inPassage) {
      const before = { start: line.start, end: inPassage.start };
      const after = { start: inPassage.end, end: line.end };
      runs.push(...nest(before.start, before.end, spansIn(before), textRun));
      runs.push({ type: 'passage', ...inPassage, children: nest(inPassage.start, inPassage.end, spansIn(inPassage), textRun) });
      runs.push(...nest(after.start, after.end, spansIn(after), textRun));
    } else {
      runs.push(...nest(line.start, line.end, spansIn(line), textRun));
    }
    return { ...line, blank: text.slice(line.start, line.end).trim() === '', runs };
  });
}
