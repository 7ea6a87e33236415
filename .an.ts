import { buildChina } from './src/geo/build/china';
import { feature } from 'topojson-client';
const t = buildChina();
for (const k of ['provinces', 'prefectures', 'dashLine']) {
  const fc: any = feature(t, t.objects[k] as any);
  let rings = 0, small = 0, pts = 0;
  const per: Record<string, number> = {};
  for (const f of fc.features) { const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates; let n = 0; for (const p of polys) for (const r of p) { rings++; pts += r.length; n += r.length; if (r.length <= 5) small++; } per[f.id + (f.properties?.zh ?? '')] = n; }
  console.log(k, 'rings', rings, 'small', small, 'pts', pts, Object.entries(per).sort((a, b) => b[1] - a[1]).slice(0, 8));
}
