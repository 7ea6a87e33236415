// The dataset turned into the GeoJSON the map draws: shaded countries, link arcs, bloc hubs and
// spokes, places, sites and the origin areas. Built once per load; interaction then only
// changes feature state.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { linkArc, type LonLat } from '../core/arc';
import type { AtlasIndex } from '../core/atlas-index';
import { boundsOfLines, type Bounds } from '../core/camera';
import { linkWidth, tieClasses, type CountClass } from '../core/scales';
import { bendsForSharedEnds } from '../core/shared-paths';
import { isCollective, linksByCountry } from '../core/ties';
import type { Names, OriginId, SitePrecision } from '../core/types';
import type { Area, Geography } from './geography';

export interface LinkProperties {
  id: string;
  origin: OriginId;
  /** Line width at world zoom, from the amount of evidence. */
  width: number;
  passages: number;
  /** A tie to a bloc or region rather than to one country. */
  collective: boolean;
}

export interface CountryProperties extends Names {
  id: string;
  ties: number;
  /** Index into the tie classes, -1 for a country without ties. */
  shade: number;
}

export interface AtlasFeatures {
  countries: FeatureCollection<Area['geometry'], CountryProperties>;
  countryLabels: FeatureCollection<Point, Names & { id: string; ties: number }>;
  links: FeatureCollection<LineString, LinkProperties>;
  hubs: FeatureCollection<Point, Names & { id: string; kind: string; links: number }>;
  spokes: FeatureCollection<LineString, { partner: string }>;
  /** `seat` marks an origin's own place (its seat), labelled by the origin label instead. */
  places: FeatureCollection<Point, Names & { adcode: string; origin: OriginId; seat: boolean }>;
  sites: FeatureCollection<Point, Names & { id: string; origin: OriginId; precision: SitePrecision }>;
  originAreas: FeatureCollection<Area['geometry'], { origin: OriginId }>;
  originLabels: FeatureCollection<Point, Names & { origin: OriginId }>;
  tieClasses: CountClass[];
  /** The box that holds every link and spoke: the default camera. */
  bounds: Bounds;
}

const collectionOf = <F extends Feature>(features: F[]) => ({ type: 'FeatureCollection' as const, features });
const point = <P>(coordinates: LonLat, properties: P): Feature<Point, P> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});
const line = <P>(coordinates: LonLat[], properties: P): Feature<LineString, P> => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates },
  properties,
});

export function atlasFeatures(index: AtlasIndex, geography: Geography): AtlasFeatures {
  const { atlas } = index;
  const countryLinks = linksByCountry(index);
  const classes = tieClasses(Math.max(0, ...[...countryLinks.values()].map((links) => links.length)));
  const shadeOf = (ties: number) => (ties === 0 ? -1 : classes.findIndex((c) => ties >= c.min && ties <= c.max));

  const countries = geography.countries.map((area) => {
    const ties = countryLinks.get(area.properties.id)?.length ?? 0;
    return { ...area, properties: { ...area.properties, ties, shade: shadeOf(ties) } };
  });
  const countryLabels = [...countryLinks].flatMap(([iso3, links]) => {
    const anchor = geography.countryAnchors.get(iso3);
    const names = geography.countryNames.get(iso3);
    return anchor && names ? [point(anchor, { ...names, id: iso3, ties: links.length })] : [];
  });

  const ends = atlas.links.map((link) => {
    const place = index.places.get(link.place)!;
    const partner = index.partners.get(link.partner)!;
    return { id: link.id, from: [place.lon, place.lat] as LonLat, to: [partner.lon, partner.lat] as LonLat };
  });
  const bends = bendsForSharedEnds(ends);
  const links = atlas.links.map((link, i) =>
    line(linkArc(ends[i].from, ends[i].to, bends.get(link.id)), {
      id: link.id,
      origin: link.origin,
      width: linkWidth(link.evidence.length),
      passages: link.evidence.length,
      collective: isCollective(index.partners.get(link.partner)!),
    }),
  );

  const linkedPartners = new Set(atlas.links.map((link) => link.partner));
  const collectives = atlas.partners.filter((partner) => isCollective(partner) && linkedPartners.has(partner.id));
  const hubs = collectives.map((partner) =>
    point([partner.lon, partner.lat], {
      id: partner.id,
      zh: partner.zh,
      en: partner.en,
      kind: partner.kind,
      links: atlas.links.filter((link) => link.partner === partner.id).length,
    }),
  );
  const spokes = collectives.flatMap((partner) =>
    partner.members.flatMap((iso3) => {
      const anchor = geography.countryAnchors.get(iso3);
      return anchor ? [line(linkArc([partner.lon, partner.lat], anchor), { partner: partner.id })] : [];
    }),
  );

  const originByAdcode = new Map(atlas.origins.map((origin) => [origin.adcode, origin.id]));
  const originAreas = [...geography.provinces, ...geography.prefectures]
    .filter((area) => originByAdcode.has(area.properties.id))
    .map((area) => ({ ...area, properties: { origin: originByAdcode.get(area.properties.id)! } }));

  return {
    countries: collectionOf(countries),
    countryLabels: collectionOf(countryLabels),
    links: collectionOf(links),
    hubs: collectionOf(hubs),
    spokes: collectionOf(spokes),
    places: collectionOf(atlas.places.map((place) => point([place.lon, place.lat], {
      adcode: place.adcode, origin: place.origin, zh: place.zh, en: place.en, seat: originByAdcode.has(place.adcode),
    }))),
    sites: collectionOf(atlas.sites.map((site) => point([site.lon, site.lat], {
      id: site.id, origin: site.origin, precision: site.precision, zh: site.zh, en: site.en,
    }))),
    originAreas: collectionOf(originAreas),
    originLabels: collectionOf(atlas.origins.map((origin) => point([origin.lon, origin.lat], {
      origin: origin.id, zh: origin.zh, en: origin.en,
    }))),
    tieClasses: classes,
    bounds: boundsOfLines([...links, ...spokes].map((feature) => feature.geometry.coordinates as LonLat[])),
  };
}
