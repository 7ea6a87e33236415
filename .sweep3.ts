import { gzipSync } from 'node:zlib';
import { worldLayer } from './src/geo/build/world';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
const layer = worldLayer();
const y = (lat: number) => { const φ = Math.max(-85, Math.min(85, lat)) * Math.PI / 180; return Math.log(Math.tan(Math.PI / 4 + φ / 2)) * 180 / Math.PI; };
const merc = (t: number[][]) => { const [a, b, c] = t.map(p => [p[0], y(p[1])]); return Math.abs((a[0] - c[0]) * (b[1] - a[1]) - (a[0] - b[0]) * (c[1] - a[1])) / 2; };
const q = 3e4;
const base = topology({ countries: layer }, q);
for (const [name, wf] of [['planar', undefined], ['mercator', merc]] as const) {
  const p = presimplify(base as any, wf as any);
  for (const w of [3e-3, 1e-2, 2e-2]) {
    const s = simplify(p, w);
    const pts = s.arcs.reduce((n, a) => n + a.length, 0);
    // points by latitude band
    const bands = [0,0,0];
    for (const a of s.arcs) for (const pt of a) { const l = Math.abs(pt[1]); bands[l < 45 ? 0 : l < 65 ? 1 : 2]++; }
    console.log(name, w, pts, bands);
  }
}
