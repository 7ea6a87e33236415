// npm run extract: reads seeds/, writes public/data/atlas.json. On bad input it names the file
// and the problem, exits non-zero and leaves the previous dataset as it was.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../extract/pipeline.ts';
import { SeedError } from '../extract/text.ts';
import { writeFileAtomic } from './write-atomic.ts';

export const SEEDS_DIR = 'seeds';
export const ATLAS_PATH = 'public/data/atlas.json';
export const MENTIONS_PATH = 'public/data/mentions.json';

export function readSeeds(dir = SEEDS_DIR) {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.') && f !== 'MANIFEST.sha256')
    .sort()
    .map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(dir, file))) }));
}

export const serialise = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;

function main() {
  try {
    const { atlas, mentions } = extract(readSeeds());
    writeFileAtomic(ATLAS_PATH, serialise(atlas));
    writeFileAtomic(MENTIONS_PATH, serialise(mentions));
    const evidence = atlas.links.reduce((n, l) => n + l.evidence.length, 0);
    console.log(
      `${ATLAS_PATH}: ${atlas.documents.length} documents, ${atlas.partners.length} partners, ${atlas.sites.length} sites, ${atlas.links.length} links, ${evidence} passages of evidence`,
    );
  } catch (e) {
    if (!(e instanceof SeedError)) throw e;
    console.error(`extract: ${e.message}\nThe previous dataset was left untouched.`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main();
