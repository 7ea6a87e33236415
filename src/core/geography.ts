// The base geography, read from the two TopoJSON files: world countries (China and Taiwan left
// out) and China's own layer (provinces, the origin prefectures, one national outline).
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { LonLat } from './arc.ts';
import type { Names } from './types.ts';

export type Area = Feature<Polygon | MultiPolygon, Names & { id: string }>;

export interface Geography {
  countries: Area[];
  /** Borders between two countries only: China's are left to the China layer, drawn on top. */
  borders: MultiLineString;
  provinces: Area[];
  /** Borders between two provinces. */
  provinceBorders: MultiLineString;
  prefectures: Area[];
  nation: FeatureCollection;
  /** The dashed line China's maps draw in the South China Sea. */
  dashLine: FeatureCollection;
  countryNames: Map<string, Names>;
  /**
   * A point inside a country's main landmass, for labels and bloc spokes. Worked out when first
   * asked for: most countries have no tie, and all of them cost the first picture tens of ms.
   */
  countryAnchor(iso3: string): LonLat | undefined;
}

function collection(topology: Topology, name: string, file: string): GeometryCollection {
  const object = topology.objects?.[name];
  if (object?.type !== 'GeometryCollection') throw new Error(`${file} has no “${name}” collection`);
  // Properties are checked where they are read; the mesh functions type them as {}.
  return object as GeometryCollection;
}

function areas(topology: Topology, object: GeometryCollection, keep: (id: string) => boolean = () => true): Area[] {
  const kept = { ...object, geometries: object.geometries.filter((geometry) => keep(String(geometry.id))) };
  const { features } = feature(topology, kept) as FeatureCollection<Polygon | MultiPolygon, Names>;
  return features.map((area) => ({ ...area, properties: { ...area.properties, id: String(area.id) } }));
}

/**
 * Centroid of the largest outer ring: France's mainland rather than a point between its
 * territories. Planar in longitude and latitude, which is enough for a label and, unlike a
 * spherical centroid, indifferent to ring orientation (the files come from different sources).
 */
function mainlandCentroid(area: Area): LonLat {
  const { geometry } = area;
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((polygon) => polygon[0]);
  let best = { area: -1, centroid: rings[0][0] as LonLat };
  for (const ring of rings) {
    let twiceArea = 0;
    let x = 0;
    let y = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      twiceArea += cross;
      x += (ring[j][0] + ring[i][0]) * cross;
      y += (ring[j][1] + ring[i][1]) * cross;
    }
    if (Math.abs(twiceArea) > best.area) best = { area: Math.abs(twiceArea), centroid: [x / (3 * twiceArea), y / (3 * twiceArea)] };
  }
  return best.centroid;
}

/**
 * Reads both files. `prefectures` says which prefectures to read (all by default): the map draws
 * only the origins', and turning the others into GeoJSON would cost the first picture time.
 */
export function readGeography(world: Topology, china: Topology, prefectures: (adcode: string) => boolean = () => true): Geography {
  const countryObject = collection(world, 'countries', 'world.topo.json');
  const provinceObject = collection(china, 'provinces', 'china.topo.json');
  const countries = areas(world, countryObject);
  const countryAreas = new Map(countries.map((area) => [area.properties.id, area]));
  const anchors = new Map<string, LonLat>();
  return {
    countries,
    // China is not in the world file, so its borders are outer edges there (a === b) and drop out.
    borders: mesh(world, countryObject, (a, b) => a !== b),
    provinces: areas(china, provinceObject),
    provinceBorders: mesh(china, provinceObject, (a, b) => a !== b),
    prefectures: areas(china, collection(china, 'prefectures', 'china.topo.json'), prefectures),
    nation: feature(china, collection(china, 'nation', 'china.topo.json')),
    dashLine: feature(china, collection(china, 'dashLine', 'china.topo.json')),
    countryNames: new Map(countries.map((area) => [area.properties.id, { zh: area.properties.zh, en: area.properties.en }])),
    countryAnchor(iso3) {
      const area = countryAreas.get(iso3);
      if (area && !anchors.has(iso3)) anchors.set(iso3, mainlandCentroid(area));
      return anchors.get(iso3);
    },
  };
}
