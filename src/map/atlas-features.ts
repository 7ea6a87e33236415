// The dataset and the geography turned into the GeoJSON the map draws, in three collections:
// `base` (areas and the lines that bound them), `lines` (link arcs and bloc spokes) and `points`
// (markers, sites and label points). Built once per load; interaction then only changes feature
// state. Each collection is one source for the style's layers to filter: every source is tiled
// and delivered on its own, and each delivery costs a frame, which software rendering feels.
import type { Feature, FeatureCollection, Geometry, LineString, Point } from 'geojson';
import { linkArc, type LonLat } from '../core/arc.ts';
import type { AtlasIndex } from '../core/atlas-index.ts';
import { boundsOfLines, type Bounds } from '../core/camera.ts';
import { linkWidth, tieClasses, type CountClass } from '../core/scales.ts';
import { bendsForSharedEnds } from '../core/shared-paths.ts';
import { drawnLinks, isCollective, linksByCountry } from '../core/ties.ts';
import type { Names, OriginId, SitePrecision } from '../core/types.ts';
import type { Area, Geography } from './geography.ts';

/**
 * Filled: countries (China's provinces in China's place) and, over them, the origin areas.
 * Lines only: borders between countries and between provinces, China's outline, the dash line.
 * Origin areas are both filled and outlined.
 */
export type BaseKind = 'country' | 'province' | 'origin' | 'border' | 'province-border' | 'china' | 'dash';
export interface BaseProperties {
  kind: BaseKind;
  /** ISO alpha-3 code, adcode or origin id, never alike; none for lines. */
  id: string | null;
  origin: OriginId | null;
  ties: number;
  /** Index into the tie classes, -1 for an area without ties. */
  shade: number;
}

export type LineKind = 'link' | 'spoke';
export interface LineProperties {
  kind: LineKind;
  /** The link's id; for a spoke, its bloc's. */
  id: string;
  origin: OriginId | null;
  /** Line width at world zoom, from the amount of evidence. */
  width: number;
  /** A tie to a bloc or region rather than to one country. */
  collective: boolean;
}

/**
 * Bloc and region hubs, cities the texts name, the origins' seats, sites, and countries (a label
 * point only). Each is also a label.
 */
export type PointKind = 'hub' | 'place' | 'seat' | 'site' | 'country';
export interface PointProperties extends Names {
  kind: PointKind;
  /** The partner, adcode, origin, site or country the point stands for. */
  id: string;
  /** `kind:id`, unique across kinds: the feature id that feature state is set on. */
  key: string;
  origin: OriginId | null;
  /** Links drawn to a hub; ties of a country. */
  links: number;
  precision: SitePrecision | null;
  /** Label placement order: lower first, so that it wins a collision. */
  rank: number;
  /** The zoom from which the label shows. */
  minzoom: number;
}

export interface AtlasFeatures {
  base: FeatureCollection<Geometry, BaseProperties>;
  lines: FeatureCollection<LineString, LineProperties>;
  points: FeatureCollection<Point, PointProperties>;
  tieClasses: CountClass[];
  /** The box that holds every link and spoke: the default camera. */
  bounds: Bounds;
  /** The middle of the origins' seats: where the globe turns to. */
  originsCentre: LonLat;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export const pointKey = (kind: PointKind, id: string) => `${kind}:${id}`;

const collectionOf = <F extends Feature>(features: F[]) => ({ type: 'FeatureCollection' as const, features });
const feature = <G extends Geometry, P>(geometry: G, properties: P): Feature<G, P> => ({ type: 'Feature', geometry, properties });

export function atlasFeatures(index: AtlasIndex, geography: Geography): AtlasFeatures {
  const { atlas } = index;
  const countryLinks = linksByCountry(index);
  const classes = tieClasses(Math.max(0, ...[...countryLinks.values()].map((links) => links.length)));
  const shadeOf = (ties: number) => (ties === 0 ? -1 : classes.findIndex((c) => ties >= c.min && ties <= c.max));
  const originByAdcode = new Map(atlas.origins.map((origin) => [origin.adcode, origin.id]));

  const area = (shape: Area, kind: BaseKind, ties = 0) => {
    const origin = originByAdcode.get(shape.properties.id) ?? null;
    return feature(shape.geometry, { kind, id: origin ?? shape.properties.id, origin, ties, shade: shadeOf(ties) });
  };
  const boundary = (geometry: Geometry, kind: BaseKind) => feature(geometry, { kind, id: null, origin: null, ties: 0, shade: -1 });
  const base = [
    ...geography.countries.map((shape) => area(shape, 'country', countryLinks.get(shape.properties.id)?.length)),
    ...geography.provinces.filter((shape) => !originByAdcode.has(shape.properties.id)).map((shape) => area(shape, 'province')),
    ...[...geography.provinces, ...geography.prefectures].filter((shape) => originByAdcode.has(shape.properties.id)).map((shape) => area(shape, 'origin')),
    boundary(geography.borders, 'border'),
    boundary(geography.provinceBorders, 'province-border'),
    ...geography.nation.features.map((nation) => boundary(nation.geometry, 'china')),
    ...geography.dashLine.features.map((dash) => boundary(dash.geometry, 'dash')),
  ];

  // Partners without an anchor (developed countries, innovation cities) are listed, not drawn.
  const drawn = drawnLinks(index);
  const ends = drawn.map((link) => {
    const place = index.places.get(link.place)!;
    return { id: link.id, from: [place.lon, place.lat] as LonLat, to: index.partners.get(link.partner)!.anchor! };
  });
  const bends = bendsForSharedEnds(ends);
  const links = drawn.map((link, i) =>
    feature<LineString, LineProperties>({ type: 'LineString', coordinates: linkArc(ends[i].from, ends[i].to, bends.get(link.id)) }, {
      kind: 'link',
      id: link.id,
      origin: link.origin,
      width: linkWidth(link.evidence.length),
      collective: isCollective(index.partners.get(link.partner)!),
    }),
  );
  const drawnPartners = new Set(drawn.map((link) => link.partner));
  const collectives = atlas.partners.filter((partner) => isCollective(partner) && drawnPartners.has(partner.id));
  const spokes = collectives.flatMap((partner) =>
    partner.members.map((iso3) =>
      feature<LineString, LineProperties>(
        { type: 'LineString', coordinates: linkArc(partner.anchor!, index.countries.get(iso3)!.anchor) },
        { kind: 'spoke', id: partner.id, origin: null, width: 0, collective: true },
      ),
    ),
  );

  const point = (at: LonLat, kind: PointKind, id: string, names: Names, rest: Partial<PointProperties>) =>
    feature<Point, PointProperties>({ type: 'Point', coordinates: at }, {
      kind, id, key: pointKey(kind, id), zh: names.zh, en: names.en, origin: null, links: 0, precision: null, rank: 0, minzoom: 0, ...rest,
    });
  const points = [
    ...atlas.origins.map((origin) => point([origin.lon, origin.lat], 'seat', origin.id, origin, { origin: origin.id, rank: 0 })),
    ...collectives.map((partner) =>
      point(partner.anchor!, 'hub', partner.id, partner, { links: drawn.filter((link) => link.partner === partner.id).length, rank: 1 }),
    ),
    ...[...countryLinks].flatMap(([iso3, countryTies]) => {
      const anchor = geography.countryAnchors.get(iso3);
      const names = geography.countryNames.get(iso3);
      return anchor && names ? [point(anchor, 'country', iso3, names, { links: countryTies.length, rank: 10 - countryTies.length })] : [];
    }),
    ...atlas.places.map((place) => point([place.lon, place.lat], 'place', place.adcode, place, { origin: place.origin, rank: 20, minzoom: 3 })),
    ...atlas.sites.map((site) =>
      point([site.lon, site.lat], 'site', site.id, site, { origin: site.origin, precision: site.precision, rank: 30, minzoom: 5 }),
    ),
  ];

  return {
    base: collectionOf(base),
    lines: collectionOf([...links, ...spokes]),
    points: collectionOf(points),
    tieClasses: classes,
    bounds: boundsOfLines([...links, ...spokes].map((line) => line.geometry.coordinates as LonLat[])),
    originsCentre: [mean(atlas.origins.map((origin) => origin.lon)), mean(atlas.origins.map((origin) => origin.lat))],
  };
}
