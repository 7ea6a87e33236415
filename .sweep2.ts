import { gzipSync } from 'node:zlib';
import { worldLayer } from './src/geo/build/world';
import { compactTopology } from './src/geo/build/topology';
const layer = worldLayer();
for (const q of [1e4, 2e4, 3e4]) for (const w of [1e-3, 3e-3, 1e-2]) {
  const t = compactTopology({ countries: layer }, { quantization: q, minWeight: w });
  const s = JSON.stringify(t);
  console.log(q, w, s.length, gzipSync(s).length, t.arcs.reduce((n, a) => n + a.length, 0));
}
