// The geo files as committed, for the tests that read what the app will load.
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export function readCommitted(name: string): string {
  return readFileSync(new URL(`../../geo/${name}`, import.meta.url), 'utf8');
}

export function readLayer<P>(file: string, object: string): Feature<Polygon | MultiPolygon, P>[] {
  const topology = JSON.parse(readCommitted(file)) as Topology;
  const collection = topology.objects[object] as GeometryCollection;
  return (feature(topology, collection) as FeatureCollection<Polygon | MultiPolygon, P>).features;
}

export function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const points = ringsOf(geometry).flat();
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
