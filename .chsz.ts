import { gzipSync } from 'node:zlib';
import { buildChina } from './src/geo/build/china';
const t = buildChina(); const s = JSON.stringify(t);
const count = (o: any) => o.geometries.length;
console.log(process.argv[2], s.length, gzipSync(s).length, t.arcs.reduce((n, a) => n + a.length, 0), count(t.objects.provinces), count(t.objects.prefectures), JSON.stringify(t.objects.nation).length);
