import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { readerLines, splitLines, type Line, type Run } from '../../src/core/reader.ts';
import { loadConverter } from '../../src/core/script-conversion.ts';
import type { MentionIndex, TextMention } from '../../src/core/types.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas = parsed.atlas;
const mentions = JSON.parse(readFileSync('public/data/mentions.json', 'utf8')) as MentionIndex;
const seed = (id: string) => readFileSync(`seeds/${atlas.documents.find((d) => d.id === id)!.file}`, 'utf8');

const SHANDONG = '002_1d76437583e0dae5';

const runText = (run: Run): string => (run.type === 'text' ? run.text : run.children.map(runText).join(''));
const joined = (lines: Line[]) => lines.map((line) => line.runs.map(runText).join('') + line.lineBreak).join('');

/** Every run in document order, parents before their children. */
function* walk(runs: Run[], parents: Run[] = []): Generator<{ run: Run; parents: Run[] }> {
  for (const run of runs) {
    yield { run, parents };
    if (run.type !== 'text') yield* walk(run.children, [...parents, run]);
  }
}
const allRuns = (lines: Line[]) => lines.flatMap((line) => [...walk(line.runs)]);

describe('splitLines', () => {
  it('splits at CRLF, LF and CR, and the lines with their breaks add up to the text', () => {
    const text = 'a\r\nb\nc\rd\n\ne';
    const lines = splitLines(text);
    expect(lines.map((l) => [text.slice(l.start, l.end), l.lineBreak])).toEqual([
      ['a', '\r\n'], ['b', '\n'], ['c', '\r'], ['d', '\n'], ['', '\n'], ['e', ''],
    ]);
  });

  it('gives an empty last line after a final break', () => {
    expect(splitLines('a\n').map((l) => [l.start, l.end, l.lineBreak])).toEqual([[0, 1, '\n'], [2, 2, '']]);
  });
});

describe('readerLines on the seeds', () => {
  it.each(atlas.documents.map((d) => [d.id]))('%s: the runs add up to exactly the text, one line per line', (id) => {
    const text = seed(id);
    const lines = readerLines(text, mentions[id] ?? [], null);
    expect(joined(lines)).toBe(text);
    expect(lines.length).toBe(text.split(/\r\n|\n|\r/).length);
    for (const { run } of allRuns(lines)) if (run.type === 'text') expect(run.text).toBe(text.slice(run.start, run.end));
  });

  it.each(atlas.documents.map((d) => [d.id]))('%s: every mention is drawn over its own characters', (id) => {
    const text = seed(id);
    const drawn = allRuns(readerLines(text, mentions[id] ?? [], null))
      .map(({ run }) => run)
      .filter((run) => run.type === 'mention');
    const key = (m: Pick<TextMention, 'start' | 'end' | 'kind' | 'ids'>) => `${m.start}-${m.end}:${m.kind}:${m.ids.join(',')}`;
    // No mention in the data crosses a line or another mention, so each is drawn whole.
    expect(drawn.map(key).sort()).toEqual((mentions[id] ?? []).map(key).sort());
  });

  it('marks the passage on 中以(以色列) in 002, with the site holding the partner of the same words', () => {
    const text = seed(SHANDONG);
    const evidence = atlas.links
      .filter((l) => l.partner === 'ISR')
      .flatMap((l) => l.evidence)
      .find((e) => e.doc === SHANDONG && e.site === 'china-israel-modern-agricultural-s-t-cooperation-demonstration-park')!;
    expect(evidence.quote).toContain('中以(以色列)');
    const lines = readerLines(text, mentions[SHANDONG]!, evidence);
    const passages = allRuns(lines).filter(({ run }) => run.type === 'passage');
    expect(passages).toHaveLength(1);
    expect(runText(passages[0]!.run)).toBe(evidence.quote);

    const israel = allRuns(lines).filter(
      ({ run, parents }) => run.type === 'mention' && runText(run) === '中以(以色列)' && parents[0]?.type === 'passage',
    );
    expect(israel.map(({ run }) => run.type === 'mention' && run.kind)).toEqual(['site', 'partner']);
    const partner = israel[1]!;
    expect(partner.run.type === 'mention' && partner.run.ids).toEqual(['ISR']);
    expect(partner.parents.map((p) => p.type)).toEqual(['passage', 'mention']);
    expect(joined(lines)).toBe(text);
  });

  it('finds 東協 as a partner mention for ASEAN in 002', () => {
    const text = seed(SHANDONG);
    const asean = allRuns(readerLines(text, mentions[SHANDONG]!, null)).filter(({ run }) => run.type === 'mention' && runText(run) === '東協');
    expect(asean.length).toBeGreaterThan(0);
    for (const { run } of asean) expect(run.type === 'mention' && [run.kind, run.ids]).toEqual(['partner', ['ASEAN']]);
  });

  it('nests a partner inside the site that names it (中韩 in the China–Korea park, 001)', () => {
    const id = '001_feff5ef0713189d6';
    const lines = readerLines(seed(id), mentions[id]!, null);
    const korea = allRuns(lines).find(({ run }) => run.type === 'mention' && run.ids[0] === 'KOR' && run.start === 1327)!;
    expect(runText(korea.run)).toBe('中韩');
    expect(korea.parents.map((p) => p.type === 'mention' && p.kind)).toEqual(['site']);
  });

  it('keeps every highlight in place in the Simplified view of 002', async () => {
    const text = seed(SHANDONG);
    const lines = readerLines(text, mentions[SHANDONG]!, null, await loadConverter('zh-Hans'));
    const shown = joined(lines);
    expect(shown.length).toBe(text.length);
    expect(shown.slice(0, 13)).toBe('各市科技局,各高新区管委会');
    const asean = mentions[SHANDONG]!.filter((m) => m.ids[0] === 'ASEAN');
    expect(asean.map((m) => shown.slice(m.start, m.end))).toEqual(asean.map(() => '东协'));
  });

  it('shows no mark for an empty passage (a reading of the whole document)', () => {
    const text = seed(SHANDONG);
    const lines = readerLines(text, mentions[SHANDONG]!, { start: 0, end: 0 });
    expect(allRuns(lines).some(({ run }) => run.type === 'passage')).toBe(false);
  });
});

describe('readerLines on made-up overlaps', () => {
  const m = (start: number, end: number, kind: TextMention['kind'], id: string): TextMention => ({ start, end, kind, ids: [id] });
  const shape = (runs: Run[]): unknown[] =>
    runs.map((run) =>
      run.type === 'text' ? run.text : { [run.type === 'mention' ? `${run.kind}:${run.ids[0]}` : 'passage']: shape(run.children) },
    );

  it('splits a mention that crosses another at the first one’s end, the same way whatever the input order', () => {
    const text = 'abcdefgh';
    const mentions = [m(4, 7, 'partner', 'q'), m(1, 5, 'site', 'p')];
    const expected = ['a', { 'site:p': ['bcd', { 'partner:q': ['e'] }] }, { 'partner:q': ['fg'] }, 'h'];
    expect(shape(readerLines(text, mentions, null)[0]!.runs)).toEqual(expected);
    expect(shape(readerLines(text, [...mentions].reverse(), null)[0]!.runs)).toEqual(expected);
  });

  it('splits a mention at the passage’s edges and at line breaks, and converts only plain text', () => {
    const text = 'ab\r\ncdef';
    const lines = readerLines(text, [m(1, 6, 'place', 'x')], { start: 5, end: 8 }, (s) => s.toUpperCase());
    expect(lines.map((line) => shape(line.runs))).toEqual([
      ['A', { 'place:x': ['B'] }],
      [{ 'place:x': ['C'] }, { passage: [{ 'place:x': ['D'] }, 'EF'] }],
    ]);
    expect(lines.map((line) => line.lineBreak)).toEqual(['\r\n', '']);
  });

  it('marks lines of white space as blank', () => {
    expect(readerLines('a\n \u3000\nb', [], null).map((line) => line.blank)).toEqual([false, true, false]);
  });
});
