// geo/world.topo.json: Natural Earth countries (world-atlas) keyed by ISO 3166-1 alpha-3, without
// the units the China layer draws.
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import isoCountries from 'i18n-iso-countries';
import { merge, mergeArcs } from 'topojson-client';
import { filter } from 'topojson-simplify';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Objects, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import { unwrapGeometry } from '../antimeridian';
import { countryNames } from './country-names';
import { readSource } from './sources';
import { compactTopology } from './topology';

export const WORLD_SOURCE = 'world-atlas/countries-50m.json';

/** Drawn by the China layer (geo/china.topo.json) instead. */
const CHINA_LAYER = new Set(['CHN', 'TWN', 'HKG', 'MAC']);

/**
 * Natural Earth units without an ISO 3166-1 code, merged into the country ISO 3166 counts them in
 * (ISO 3166-2 subdivisions), or for the two Natural Earth splits that ISO does not decide, into the
 * country that administers them.
 */
const NO_ISO_CODE: Record<string, string> = {
  Kosovo: 'SRB', // ISO 3166-2:RS-KM
  'N. Cyprus': 'CYP',
  Somaliland: 'SOM',
  'Indian Ocean Ter.': 'AUS', // Christmas and Cocos Islands, Australian external territories
  'Siachen Glacier': 'IND', // Indian-administered, claimed by Pakistan
};

// 1:50m rather than 1:110m: it has the small states (Singapore, Bahrain, Malta...) that 110m drops,
// and simplified this far (notches under 0.01 square degree, a grid of about 2 km) it still fits
// the budget in geo/README.md with three times 110m's vertices.
const OPTIONS = { quantization: 20_000, minWeight: 0.01 };

export function buildWorld(): Topology<Objects> {
  const atlas = readSource(WORLD_SOURCE) as Topology;
  const source = atlas.objects?.countries;
  if (source?.type !== 'GeometryCollection') throw new Error(`${WORLD_SOURCE}: no "countries" geometry collection`);

  const byCode = new Map<string, (TopoPolygon | TopoMultiPolygon)[]>();
  for (const geometry of (source as GeometryCollection).geometries) {
    const name = (geometry.properties as { name?: string } | undefined)?.name ?? '';
    const iso3 = geometry.id === undefined ? NO_ISO_CODE[name] : isoCountries.numericToAlpha3(geometry.id);
    if (!iso3) throw new Error(`${WORLD_SOURCE}: no ISO 3166-1 code for "${name}" (id ${geometry.id})`);
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') throw new Error(`${WORLD_SOURCE}: ${name} is not a polygon`);
    byCode.set(iso3, [...(byCode.get(iso3) ?? []), geometry]);
  }
  const features = [...byCode]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([iso3, parts]): Feature<MultiPolygon> => ({
      type: 'Feature',
      id: iso3,
      properties: countryNames(iso3),
      geometry: unwrapGeometry(merge(atlas, parts)),
    }));
  const layer = (inChina: boolean): FeatureCollection => ({
    type: 'FeatureCollection',
    features: features.filter((feature) => CHINA_LAYER.has(feature.id as string) === inChina),
  });

  const topology = compactTopology({ countries: layer(false), china: layer(true) }, OPTIONS);
  const { countries, china } = topology.objects as Record<string, GeometryCollection>;
  const land = mergeArcs(topology, [...countries.geometries, ...china.geometries] as (TopoPolygon | TopoMultiPolygon)[]);
  // Land under everything fills the slivers between the China layer's outline and the neighbours'
  // Natural Earth borders. filter() that keeps every ring only prunes the arcs left unused.
  const objects = { countries, land: { type: 'GeometryCollection', geometries: [land] } as GeometryCollection };
  return filter({ ...topology, objects }, () => true);
}
