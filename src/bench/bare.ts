// The benchmark's baseline (npm run bench): the least a MapLibre page needs to show the same
// thing, the same geo files and dataset, countries, China and one plain great-circle line per
// link, with no labels, no interaction, no motion. The app is measured against it.
import { geoInterpolate } from 'd3-geo';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import chinaUrl from '../../geo/china.topo.json?url';
import worldUrl from '../../geo/world.topo.json?url';
import type { Atlas } from '../core/types.ts';

maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    bareMap: maplibregl.Map;
  }
}

const json = (url: string) => fetch(url).then((response) => response.json());
const [world, china, atlas] = (await Promise.all([json(worldUrl), json(chinaUrl), json('data/atlas.json')])) as [Topology, Topology, Atlas];
const countries = world.objects.countries as GeometryCollection;
const provinces = china.objects.provinces as GeometryCollection;

const ends = new Map([...atlas.origins, ...atlas.places].map((place) => [place.adcode, [place.lon, place.lat] as [number, number]]));
const anchors = new Map(atlas.partners.map((partner) => [partner.id, partner.anchor]));
const links: GeoJSON.Feature[] = atlas.links.flatMap((link) => {
  const to = anchors.get(link.partner);
  if (!to) return [];
  const along = geoInterpolate(ends.get(link.place)!, to);
  let previous = Infinity;
  const coordinates = Array.from({ length: 65 }, (_, i) => {
    const [lon, lat] = along(i / 64);
    const unwrapped = previous === Infinity ? lon : lon + 360 * Math.round((previous - lon) / 360);
    previous = unwrapped;
    return [unwrapped, lat];
  });
  return [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } }];
});

// The benchmark opens this page at the app's camera (#lon,lat,zoom), so that both draw the same view.
const [lon, lat, zoom] = location.hash.slice(1).split(',').map(Number);
const map = new maplibregl.Map({
  container: 'map',
  center: [lon || 110, lat || 30],
  zoom: zoom || 1.5,
  style: {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: feature(world, countries) },
      borders: { type: 'geojson', data: mesh(world, countries, (a, b) => a !== b) },
      provinces: { type: 'geojson', data: feature(china, provinces) },
      links: { type: 'geojson', data: { type: 'FeatureCollection', features: links } },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dbe4e8' } },
      { id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': '#f4f1ea' } },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#b7b2a6' } },
      { id: 'provinces', type: 'fill', source: 'provinces', paint: { 'fill-color': '#ede6d6', 'fill-outline-color': '#cdbfa5' } },
      { id: 'links', type: 'line', source: 'links', paint: { 'line-color': '#0072b2', 'line-width': 1.5 } },
    ],
  },
});
window.bareMap = map;
map.once('idle', () => performance.mark('links-drawn'));
