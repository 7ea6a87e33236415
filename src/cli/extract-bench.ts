// The extraction part of `npm run bench`: whether extraction keeps up as the seeds grow. It times
// extract() over the five real seeds and over 1,000 synthetic documents made from them, and
// compares the cost per document (target: 1,000 at most 1.5 times 5). Kept apart from bench.ts
// so that the synthetic documents can be tested on their own, and because it needs no browser.
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { extract, type Seed } from '../extract/pipeline.ts';
import { splitLines } from '../extract/lines.ts';
import { metadataOf } from '../extract/metadata.ts';
import { decodeSeed, normalise } from '../extract/text.ts';
import { readSeeds } from './extract.ts';
import { seededRandom } from './filter-bench.ts';

const SYNTHETIC_DOCUMENTS = 1_000;
/** Timed runs over the synthetic documents (each takes seconds). */
const SYNTHETIC_RUNS = 3;
/**
 * Timed runs over the real seeds before each synthetic run: a run over five documents takes some
 * tens of ms, which a stray spell of another process moves a lot, so it is taken many times.
 */
const REAL_RUNS_EACH = 5;
const TARGET_RATIO = 1.5;

/** What the metadata reader anchors on: these lines stay where they are, so the title read is the one meant. */
const ANCHOR = /印发《|现将《|现就/;
/** A sentence ending in its own mark: moved whole, it stays one passage wherever it goes. */
const SENTENCE = /[^。；！？]*[。；！？]/g;

interface Source {
  /** The text split at line breaks, the breaks kept at the odd indices. */
  parts: string[];
  /** Indices in `parts` of the paragraphs (lines holding a sentence) that may move. */
  paragraphs: number[];
  /** The part of the title that stands in the text: the title, or X of 关于X的意见 (read from 现就X制定如下意见). */
  anchor: string;
  /** Where the anchor is renamed: everywhere the title is cited, but X only after 现就, not wherever the body says it. */
  renamed: RegExp;
  title: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function sourceOf(seed: Seed): Source {
  const text = decodeSeed(seed.file, seed.bytes);
  const norm = normalise(text);
  const meta = metadataOf(seed.file, text, norm, splitLines(text));
  const parts = text.split(/(\r\n|\n|\r)/);
  // normalise() keeps offsets, so the Simplified copy splits into parts of the same lengths.
  const normParts: string[] = [];
  for (let i = 0, at = 0; i < parts.length; at += parts[i]!.length, i++) normParts.push(norm.slice(at, at + parts[i]!.length));
  const paragraphs = parts.flatMap((_, i) => (i % 2 === 0 && normParts[i]!.includes('。') && !ANCHOR.test(normParts[i]!) ? [i] : []));
  const anchor = text.includes(meta.title) ? meta.title : meta.title.slice(2, -3);
  if (!text.includes(anchor)) throw new Error(`${seed.file}: its title ${meta.title} stands nowhere in the text, so a synthetic copy could not rename it`);
  const renamed = anchor === meta.title ? new RegExp(escape(anchor), 'g') : new RegExp(`(?<=[现現]就)${escape(anchor)}`, 'g');
  return { parts, paragraphs, anchor, renamed, title: meta.title };
}

/** A paragraph as its sentences (each ending in 。；！？) and what follows the last of them (often nothing, or spaces). */
function sentencesOf(paragraph: string): { sentences: string[]; tail: string } {
  const sentences = paragraph.match(SENTENCE) ?? [];
  return { sentences, tail: paragraph.slice(sentences.join('').length) };
}

function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/**
 * One synthetic document from a real one: its paragraphs in another order, the sentences after
 * each paragraph's first (which often carries the item's number, (一)构建…) shuffled, and some
 * sentences exchanged between paragraphs; headings, tables, page furniture and the lines the
 * metadata is read from stay where they are. The title gets a serial number and the date another
 * day, so that each is a document of its own. The text keeps the real one's size, its script
 * (Simplified or Traditional) and its sentences whole, so extraction does the same work on it:
 * the same names to find, passages to split and terms to read, in other combinations.
 */
function synthesise(source: Source, serial: number, random: () => number): { text: string; title: string; date: string } {
  const parts = [...source.parts];
  const paragraphs = shuffle(
    source.paragraphs.map((i) => sentencesOf(parts[i]!)),
    random,
  );
  for (const p of paragraphs) if (p.sentences.length > 2 && random() < 0.5) p.sentences = [p.sentences[0]!, ...shuffle(p.sentences.slice(1), random)];
  const withSentences = paragraphs.filter((p) => p.sentences.length > 0);
  for (let k = 0; k < Math.floor(withSentences.length / 4); k++) {
    const a = withSentences[Math.floor(random() * withSentences.length)]!;
    const b = withSentences[Math.floor(random() * withSentences.length)]!;
    const [i, j] = [Math.floor(random() * a.sentences.length), Math.floor(random() * b.sentences.length)];
    [a.sentences[i], b.sentences[j]] = [b.sentences[j]!, a.sentences[i]!];
  }
  source.paragraphs.forEach((slot, k) => (parts[slot] = paragraphs[k]!.sentences.join('') + paragraphs[k]!.tail));

  // Dates from 2010 to 2024, days up to the 28th so that every month has them.
  const [year, month, day] = [2010 + Math.floor(random() * 15), 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)];
  const two = (n: number) => String(n).padStart(2, '0');
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i]!.replace(/^(\s*)\d{4}年\d{1,2}月\d{1,2}日(\s*)$/, `$1${year}年${month}月${day}日$2`).replace(
      /^(\s*|.*发布时间[:：]\s*)\d{4}-\d{2}-\d{2}/,
      `$1${year}-${two(month)}-${two(day)}`,
    );
  }
  // ASCII brackets: normalise() turns full-width ones into these, and a text it changes reads as
  // Traditional to the metadata reader.
  const renamed = `(${serial})${source.anchor}`;
  return {
    text: parts.join('').replace(source.renamed, renamed),
    title: source.title.replace(source.anchor, renamed),
    date: `${year}-${two(month)}-${two(day)}`,
  };
}

/** The file name a synthetic document is given: its serial, then a digest of its bytes, as the real seeds are named. */
const fileOf = (serial: number, bytes: Uint8Array) => `synthetic-${String(serial).padStart(5, '0')}_${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.txt`;

/** A synthetic seed, with the title and date it was written with: what extraction must read from it. */
export interface SyntheticSeed extends Seed {
  title: string;
  date: string;
}

/**
 * `count` synthetic seed documents made from the real ones, taken in turn (so that the mix of
 * lengths, origins and scripts is the real one's), each reshuffled by a generator seeded with
 * `seed` and its serial: the same bytes on every run, and the first documents the same whatever
 * `count` is. Whether extraction reads them as written is checkExtracted's to say: reading each
 * here would double the bench's time.
 */
export function syntheticSeeds(real: readonly Seed[], count: number, seed = 1): SyntheticSeed[] {
  const sources = [...real].sort((a, b) => (a.file < b.file ? -1 : 1)).map(sourceOf);
  const encoder = new TextEncoder();
  return Array.from({ length: count }, (_, i) => {
    const serial = i + 1;
    const { text, title, date } = synthesise(sources[i % sources.length]!, serial, seededRandom(seed * 1_000_003 + serial));
    const bytes = encoder.encode(text);
    return { file: fileOf(serial, bytes), bytes, title, date };
  });
}

/**
 * Checks that extraction made something of every document: each accepted (extract() would have
 * thrown otherwise), read with the title and date it was written with (for a synthetic one), no
 * two with the same title, and at least one link citing each. A bench over documents the pipeline
 * rejects, misreads or finds nothing in would time nothing worth timing. Returns the evidence
 * rows per document, to print beside the real seeds'.
 */
export function checkExtracted(seeds: readonly (Seed | SyntheticSeed)[], result: ReturnType<typeof extract>): number {
  const { documents, links } = result.atlas;
  if (documents.length !== seeds.length) throw new Error(`extraction kept ${documents.length} documents of ${seeds.length}`);
  const written = new Map(seeds.map((s) => [s.file, s]));
  for (const d of documents) {
    const seed = written.get(d.file);
    if (!seed) throw new Error(`extraction returned a document from no seed given: ${d.file}`);
    if ('title' in seed && (d.zh !== seed.title || d.date !== seed.date)) {
      throw new Error(`${d.file}: read as ${d.zh} of ${d.date}, written as ${seed.title} of ${seed.date}`);
    }
  }
  if (new Set(documents.map((d) => d.zh)).size !== documents.length) throw new Error('two documents have the same title');
  const cited = new Map<string, number>();
  for (const link of links) for (const e of link.evidence) cited.set(e.doc, (cited.get(e.doc) ?? 0) + 1);
  const bare = documents.filter((d) => !cited.has(d.id));
  if (bare.length > 0) throw new Error(`extraction found no link in ${bare.length} documents, ${bare[0]!.file} the first`);
  return [...cited.values()].reduce((a, b) => a + b, 0) / documents.length;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

let collector: (() => void) | null = null;

/**
 * V8's collector, exposed at run time (only when the bench runs, not whenever this file is
 * imported): called once after a run over a thousand documents, so that the runs over five that
 * follow do not pay for collecting what it left. Not before every run: a heap just collected
 * makes the next run grow it again, which doubled the time of a run over five documents here.
 */
function collectGarbage(): void {
  if (!collector) {
    setFlagsFromString('--expose-gc');
    collector = runInNewContext('gc') as () => void;
  }
  collector();
}

interface Run {
  /** Wall-clock time, what the figures are judged on. */
  ms: number;
  /**
   * This process's CPU time (user and system): on a machine shared with other work it moves far
   * less than the wall clock, so it tells a busy spell from a slower extraction.
   */
  cpuMs: number;
}

function timed(run: () => unknown): Run {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

export interface ExtractTiming {
  real: { documents: number; runs: Run[]; bytes: number; evidence: number };
  synthetic: { documents: number; runs: Run[]; bytes: number; evidence: number };
}

/** Milliseconds a document, wall clock or CPU: the median run's over the number of documents. */
export const perDocument = (side: ExtractTiming['real'], key: keyof Run = 'ms') => median(side.runs.map((r) => r[key])) / side.documents;

/**
 * Times extract() over the real seeds and over `count` synthetic documents, after a warm-up of
 * each: the first runs pay for compiling the code and growing the heap, which extraction pays
 * once whatever the number of documents. The warm-ups' results are the ones checked. The real
 * seeds are timed in turn with the synthetic documents (REAL_RUNS_EACH runs before each, after
 * the garbage of the one before is collected and one more run untimed), so that a slower spell of
 * the machine weighs on both; each figure is the median of its runs.
 */
export function measureExtraction(count = SYNTHETIC_DOCUMENTS): ExtractTiming {
  const real = readSeeds();
  const synthetic = syntheticSeeds(real, count);
  for (let i = 0; i < 3; i++) extract(real);
  const realEvidence = checkExtracted(real, extract(real));
  const syntheticEvidence = checkExtracted(synthetic, extract(synthetic));
  const realRuns: Run[] = [];
  const syntheticRuns: Run[] = [];
  for (let i = 0; i < SYNTHETIC_RUNS; i++) {
    collectGarbage();
    extract(real);
    for (let k = 0; k < REAL_RUNS_EACH; k++) realRuns.push(timed(() => extract(real)));
    syntheticRuns.push(timed(() => extract(synthetic)));
  }
  const bytes = (seeds: readonly Seed[]) => seeds.reduce((n, s) => n + s.bytes.length, 0) / seeds.length;
  return {
    real: { documents: real.length, runs: realRuns, bytes: bytes(real), evidence: realEvidence },
    synthetic: { documents: synthetic.length, runs: syntheticRuns, bytes: bytes(synthetic), evidence: syntheticEvidence },
  };
}

/** Prints the extraction figures, as measured, met or not. */
export function extractFigures(count = SYNTHETIC_DOCUMENTS): void {
  const t = measureExtraction(count);
  const ratio = perDocument(t.synthetic) / perDocument(t.real);
  const cpuRatio = perDocument(t.synthetic, 'cpuMs') / perDocument(t.real, 'cpuMs');
  const line = (name: string, side: ExtractTiming['real']) => {
    const wall = side.runs.map((r) => r.ms);
    console.log(
      `  ${name.padEnd(10)}${String(side.documents).padStart(5)} documents   ${perDocument(side).toFixed(2)} ms a document (CPU ${perDocument(side, 'cpuMs').toFixed(2)})   ` +
        `median of ${side.runs.length} runs, ${Math.min(...wall).toFixed(0)}–${Math.max(...wall).toFixed(0)} ms; ${(side.bytes / 1024).toFixed(1)} KB and ${side.evidence.toFixed(1)} evidence rows a document`,
    );
  };
  console.log('');
  console.log('extraction: extract() in this Node process after a warm-up, ms a document, on the real seeds and on synthetic documents');
  console.log('made from them (their paragraphs and sentences reshuffled; each accepted, read as written and found to cite links)');
  line('real', t.real);
  line('synthetic', t.synthetic);
  console.log(`  ratio ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})   CPU time ratio ${cpuRatio.toFixed(2)}`);
}
