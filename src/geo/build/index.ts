// Everything `npm run geo` writes to geo/, built in memory: file name -> contents.
import { buildChina } from './china';
import { buildWorld } from './world';

export const GEO_FILES = ['world.topo.json', 'china.topo.json'] as const;
export type GeoFile = (typeof GEO_FILES)[number];

export function buildGeo(): Record<GeoFile, string> {
  return {
    'world.topo.json': JSON.stringify(buildWorld()),
    'china.topo.json': JSON.stringify(buildChina()),
  };
}
