import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGeo, GEO_FILES } from '../../src/geo/build';
import { readSource } from '../../src/geo/build/sources';
import { readCommitted } from './committed';

/** All geo files together, gzip-compressed (geo/README.md). */
const BUDGET_GZIP_BYTES = 200_000;

let fresh: ReturnType<typeof buildGeo>;
beforeAll(() => {
  fresh = buildGeo();
});

describe('npm run geo', () => {
  it('built the committed files: a fresh build gives the same bytes', () => {
    for (const file of GEO_FILES) expect(fresh[file] === readCommitted(file), file).toBe(true);
  });

  it('is deterministic', () => {
    const again = buildGeo();
    for (const file of GEO_FILES) expect(again[file] === fresh[file], file).toBe(true);
  });

  it('keeps the files inside the size budget that geo/README.md states', () => {
    const readme = readCommitted('README.md');
    let total = 0;
    for (const file of GEO_FILES) {
      const raw = Buffer.byteLength(readCommitted(file));
      const gzip = gzipSync(readCommitted(file)).length;
      total += gzip;
      const row = readme.match(new RegExp(`^\\| \`${file}\` \\| ([\\d,]+) B \\| ([\\d,]+) B \\|$`, 'm'));
      expect(row, `${file} has no size row in geo/README.md`).not.toBeNull();
      const [stated, statedGzip] = [row![1], row![2]].map((bytes) => Number(bytes!.replaceAll(',', '')));
      expect(stated, file).toBe(raw);
      // zlib builds may differ by a few bytes; the README states what this one made.
      expect(Math.abs(statedGzip! - gzip) / gzip, file).toBeLessThan(0.01);
    }
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });
});

describe('readSource', () => {
  it('names a missing input', () => {
    expect(() => readSource('world-atlas/countries-1m.json')).toThrow(/world-atlas\/countries-1m\.json: file not found/);
  });

  it('names a broken input', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'geo-')), 'broken.json');
    writeFileSync(file, '{"type": "Topology", "arcs": [');
    expect(() => readSource(file)).toThrow(`${file}: not valid JSON`);
  });
});
