import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filterSequence, percentile, syntheticAtlas } from '../../src/cli/filter-bench.ts';
import { boundsOfLines } from '../../src/core/camera.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas = parsed.atlas;

describe('the benchmark’s synthetic dataset', () => {
  const synthetic = syntheticAtlas(atlas, 10_000);

  it('has 10,000 distinct links, passes parseAtlas, and is the same on every run', () => {
    expect(synthetic.links).toHaveLength(10_000);
    expect(new Set(synthetic.links.map((l) => l.id)).size).toBe(10_000);
    expect(parseAtlas(JSON.stringify(synthetic)).ok).toBe(true);
    expect(JSON.stringify(syntheticAtlas(atlas, 10_000))).toBe(JSON.stringify(synthetic));
  });

  it('keeps the real partners, documents and vocabularies', () => {
    expect(synthetic.partners).toBe(atlas.partners);
    expect(new Set(synthetic.links.map((l) => l.partner)).size).toBe(atlas.partners.length);
  });

  it('is framed without overflowing the call stack (bounds over hundreds of thousands of points)', () => {
    const line = Array.from({ length: 700_000 }, (_, i) => [100 + (i % 50), 20 + (i % 30)] as [number, number]);
    expect(boundsOfLines([line])).toEqual([[100, 20], [149, 49]]);
  });
});

describe('the filter sequence', () => {
  it('has about thirty varied changes, resets among them', () => {
    const sequence = filterSequence(atlas);
    expect(sequence.length).toBeGreaterThanOrEqual(25);
    expect(sequence.filter((f) => Object.values(f).every((v) => v.length === 0)).length).toBeGreaterThan(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 95)).toBe(19);
  });
});
