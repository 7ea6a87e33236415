// The committed dataset and geo files, read as the app reads them: what the map tests start from.
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { indexAtlas } from '../../src/core/atlas-index.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { atlasFeatures } from '../../src/core/map-features.ts';
import { readGeography } from '../../src/core/geography.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));

export const atlas = parsed.atlas;
export const index = indexAtlas(atlas);
export const world: Topology = JSON.parse(readFileSync('geo/world.topo.json', 'utf8'));
export const china: Topology = JSON.parse(readFileSync('geo/china.topo.json', 'utf8'));
export const geography = readGeography(world, china);
export const features = atlasFeatures(index, geography);
