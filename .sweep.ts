import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
for (const f of ['world.topo.json','china.topo.json']) {
  const s = readFileSync('geo/'+f);
  const t = JSON.parse(s.toString());
  const pts = t.arcs.reduce((n: number, a: unknown[]) => n + a.length, 0);
  console.log(f, s.length, gzipSync(s).length, 'arcs', t.arcs.length, 'points', pts, Object.keys(t.objects), t.objects[Object.keys(t.objects)[0]].geometries.length);
}
const src = JSON.parse(readFileSync('node_modules/world-atlas/countries-50m.json','utf8'));
console.log('source points', src.arcs.reduce((n: number, a: unknown[]) => n + a.length, 0), gzipSync(readFileSync('node_modules/world-atlas/countries-50m.json')).length);
