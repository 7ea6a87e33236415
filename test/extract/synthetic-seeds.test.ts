// The synthetic documents the extraction bench times (src/cli/extract-bench.ts): a figure over
// them means something only if they are the same every run, distinct, and documents extraction
// accepts and finds links in, as it does in the real seeds. No timing here: that is the bench's.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkExtracted, syntheticSeeds } from '../../src/cli/extract-bench.ts';
import { readSeeds } from '../../src/cli/extract.ts';
import { extract } from '../../src/extract/pipeline.ts';
import { decodeSeed, normalise } from '../../src/extract/text.ts';

const N = 20;
const real = readSeeds();
const synthetic = syntheticSeeds(real, N);
const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
let result: ReturnType<typeof extract>;

// One extraction of the synthetic documents, read by every test below.
beforeAll(() => {
  result = extract(synthetic);
});

describe('synthetic seeds', () => {
  it('are deterministic: the same seed gives the same files and bytes, another seed other bytes', () => {
    const again = syntheticSeeds(real, N);
    expect(again.map((s) => s.file)).toEqual(synthetic.map((s) => s.file));
    expect(again.map((s) => digest(s.bytes))).toEqual(synthetic.map((s) => digest(s.bytes)));
    const other = syntheticSeeds(real, N, 2);
    expect(other.map((s) => digest(s.bytes))).not.toEqual(synthetic.map((s) => digest(s.bytes)));
  });

  it('do not depend on how many are asked for: the first ones are the same', () => {
    expect(syntheticSeeds(real, 7).map((s) => digest(s.bytes))).toEqual(synthetic.slice(0, 7).map((s) => digest(s.bytes)));
  });

  it('are N distinct documents: distinct files, bytes and titles', () => {
    expect(synthetic).toHaveLength(N);
    expect(new Set(synthetic.map((s) => s.file)).size).toBe(N);
    expect(new Set(synthetic.map((s) => digest(s.bytes))).size).toBe(N);
    expect(new Set(synthetic.map((s) => s.title)).size).toBe(N);
    for (const s of synthetic) expect(real.map((r) => digest(r.bytes))).not.toContain(digest(s.bytes));
  });

  it('keep the real seeds\' sizes and scripts: each within a few per cent of the seed it comes from, Traditional where that one is', () => {
    const sources = [...real].sort((a, b) => (a.file < b.file ? -1 : 1));
    synthetic.forEach((s, i) => {
      const source = sources[i % sources.length]!;
      expect(Math.abs(s.bytes.length - source.bytes.length) / source.bytes.length).toBeLessThan(0.02);
      const [text, from] = [decodeSeed(s.file, s.bytes), decodeSeed(source.file, source.bytes)];
      expect(normalise(text) !== text, s.file).toBe(normalise(from) !== from);
    });
    expect(synthetic.some((s) => normalise(decodeSeed(s.file, s.bytes)) !== decodeSeed(s.file, s.bytes))).toBe(true);
  });

  it('are accepted by extraction, read with the title and date written, and each has links', () => {
    // checkExtracted throws on a document dropped, misread, sharing a title, or citing no link.
    const evidence = checkExtracted(synthetic, result);
    expect(evidence).toBeGreaterThan(0);
    const ids = new Set(result.atlas.documents.map((d) => d.id));
    for (const link of result.atlas.links) for (const e of link.evidence) expect(ids).toContain(e.doc);
    for (const d of result.atlas.documents) expect(result.atlas.links.some((l) => l.evidence.some((e) => e.doc === d.id)), d.file).toBe(true);
  });

  it('give extraction as much to find as the real seeds do (evidence rows a document within a quarter)', () => {
    const realEvidence = checkExtracted(real, extract(real));
    const syntheticEvidence = checkExtracted(synthetic, result);
    expect(syntheticEvidence / realEvidence).toBeGreaterThan(0.75);
    expect(syntheticEvidence / realEvidence).toBeLessThan(1.25);
  });

  it('would be caught by the check if extraction found no link in one of them', () => {
    const first = result.atlas.documents[0]!.id;
    const without = { ...result, atlas: { ...result.atlas, links: result.atlas.links.map((l) => ({ ...l, evidence: l.evidence.filter((e) => e.doc !== first) })) } };
    expect(() => checkExtracted(synthetic, without)).toThrow(/no link in 1 documents/);
  });
});
