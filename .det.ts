import { readFileSync } from 'node:fs';
import { buildGeo } from './src/geo/build';
const a = buildGeo(), b = buildGeo();
for (const k of Object.keys(a) as (keyof typeof a)[]) console.log(k, a[k] === b[k], a[k].length, b[k].length, readFileSync('geo/'+k,'utf8').length);
