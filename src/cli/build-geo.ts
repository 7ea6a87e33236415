// npm run geo: rebuilds geo/*.topo.json from the npm packages (see geo/README.md).
import { fileURLToPath } from 'node:url';
import { buildGeo } from '../geo/build';
import { writeFileAtomic } from './write-atomic';

const GEO_DIR = fileURLToPath(new URL('../../geo/', import.meta.url));

try {
  // Build everything before writing anything: a failing input leaves every file as it was.
  const files = buildGeo();
  for (const [name, contents] of Object.entries(files)) {
    writeFileAtomic(GEO_DIR + name, contents);
    console.log(`geo/${name}: ${(Buffer.byteLength(contents) / 1024).toFixed(1)} KiB`);
  }
} catch (error) {
  console.error(`npm run geo failed: ${(error as Error).message}`);
  process.exit(1);
}
