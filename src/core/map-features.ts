// The dataset and the geography turned into the GeoJSON the map draws, in three collections:
// `base` (areas and the lines that bound them), `lines` (link arcs and bloc spokes) and `points`
// (markers, sites and label points). Built once per load, from every link; what the filters keep
// (keptStates) and interaction then only change feature state, never the shapes: re-tiling a
// source costs software rendering hundreds of milliseconds, a change of state one repaint. Each
// collection is one source for the style's layers to filter: every source is tiled and delivered
// on its own, and each delivery costs a frame.
import type { Feature, FeatureCollection, Geometry, LineString, Point } from 'geojson';
import { linkArc, type LonLat } from './arc.ts';
import type { AtlasIndex } from './atlas-index.ts';
import { boundsOfLines, type Bounds } from './camera.ts';
import { linkWidth, tieClasses, type CountClass } from './scales.ts';
import { bendsForSharedEnds } from './shared-paths.ts';
import { BUNDLE_MAX_WIDTH, bundleOf, groupByBundle, isBundled, type BundleId } from './bundles.ts';
import { drawnLinks, isCollective, linksByCountry } from './country-links.ts';
import type { Link, Names, OriginId, SitePrecision } from './types.ts';
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

/** A link; a bloc's spoke to a member; a bundle of an origin's links to one partner (core/bundles.ts). */
export type LineKind = 'link' | 'spoke' | 'bundle';
export interface LineProperties {
  kind: LineKind;
  /** The link's id; for a spoke, its bloc's; for a bundle, origin>partner. */
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
  /**
   * Each line has a numeric feature id, the key of its feature state: a link's is its own, a
   * bloc's spokes share one. MapLibre hashes a string id on every look-up, and a filter change
   * looks up every line it shows or hides: numbers make that twice as fast for 10,000 lines.
   */
  lines: FeatureCollection<LineString, LineProperties>;
  points: FeatureCollection<Point, PointProperties>;
  /** What the features show of their own, without feature state: every link kept (its tie classes shade the countries). */
  kept: KeptStates;
  /**
   * Whether the links are drawn in bundles below BUNDLE_ZOOM (core/bundles.ts): an atlas of
   * more than BUNDLE_FROM drawn links. Then `lines` holds one `bundle` line per origin and partner
   * besides the links.
   */
  bundled: boolean;
  /** The bundle each drawn link belongs to. */
  bundleOfLink: Map<string, BundleId>;
  /** The box that holds every link and spoke: the default camera. */
  bounds: Bounds;
  /** The middle of the origins' seats: where the globe turns to. */
  originsCentre: LonLat;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export const pointKey = (kind: PointKind, id: string) => `${kind}:${id}`;

/**
 * What the map shows of a set of kept links (all of them, or those the filters keep), as the
 * values the drawn features take through feature state. A link, hub or country that is absent
 * is hidden; its shape stays where it was, so nothing moves when the filters change.
 *
 * A link keeps the width of all its evidence, whatever the filters keep of it: the width says
 * how much the texts say about the tie, the filters say which ties show (the table and the
 * cards count what they keep). A width in feature state would also make every filter change
 * re-evaluate three paint properties per line instead of one, which ten thousand lines feel.
 */
export interface KeptStates {
  /** Classes of the countries' tie counts, for the shading and the legend. */
  tieClasses: CountClass[];
  /** Kept links per country (alpha-3), for those with any. */
  countryTies: Map<string, number>;
  /** The kept links the map draws. */
  links: Set<string>;
  /** Kept links per bundle (origin>partner), for those with any: drawn below BUNDLE_ZOOM in a bundled atlas. */
  bundles: Map<BundleId, number>;
  /** Kept links drawn to each bloc or region, for those with any: its hub and spokes show. */
  hubLinks: Map<string, number>;
}

export function keptStates(index: AtlasIndex, kept: readonly Link[]): KeptStates {
  const countryTies = new Map([...linksByCountry(index, kept)].map(([iso3, links]) => [iso3, links.length]));
  const links = new Set<string>();
  const hubLinks = new Map<string, number>();
  const bundles = new Map<BundleId, number>();
  for (const link of drawnLinks(index, kept)) {
    links.add(link.id);
    const bundle = bundleOf(link);
    bundles.set(bundle, (bundles.get(bundle) ?? 0) + 1);
    if (isCollective(index.partners.get(link.partner)!)) hubLinks.set(link.partner, (hubLinks.get(link.partner) ?? 0) + 1);
  }
  return { tieClasses: tieClasses(Math.max(0, ...countryTies.values())), countryTies, links, hubLinks, bundles };
}

/** The shade (index into the tie classes) of a country with `ties` kept links; -1 for none. */
export const shadeOf = (classes: readonly CountClass[], ties: number) =>
  ties === 0 ? -1 : classes.findIndex((c) => ties >= c.min && ties <= c.max);

const collectionOf = <F extends Feature>(features: F[]) => ({ type: 'FeatureCollection' as const, features });
const feature = <G extends Geometry, P>(geometry: G, properties: P): Feature<G, P> => ({ type: 'Feature', geometry, properties });

export function atlasFeatures(index: AtlasIndex, geography: Geography): AtlasFeatures {
  const { atlas } = index;
  // Every link kept: the features' own properties are what the map shows without filters.
  const all = keptStates(index, atlas.links);
  const classes = all.tieClasses;
  const originByAdcode = new Map(atlas.origins.map((origin) => [origin.adcode, origin.id]));

  const area = (shape: Area, kind: BaseKind, ties = 0) => {
    const origin = originByAdcode.get(shape.properties.id) ?? null;
    return feature(shape.geometry, { kind, id: origin ?? shape.properties.id, origin, ties, shade: shadeOf(classes, ties) });
  };
  const boundary = (geometry: Geometry, kind: BaseKind) => feature(geometry, { kind, id: null, origin: null, ties: 0, shade: -1 });
  const base = [
    ...geography.countries.map((shape) => area(shape, 'country', all.countryTies.get(shape.properties.id))),
    ...geography.provinces.filter((shape) => !originByAdcode.has(shape.properties.id)).map((shape) => area(shape, 'province')),
    ...[...geography.provinces, ...geography.prefectures].filter((shape) => originByAdcode.has(shape.properties.id)).map((shape) => area(shape, 'origin')),
    boundary(geography.borders, 'border'),
    boundary(geography.provinceBorders, 'province-border'),
    ...geography.nation.features.map((nation) => boundary(nation.geometry, 'china')),
    ...geography.dashLine.features.map((dash) => boundary(dash.geometry, 'dash')),
  ];

  // Partners without an anchor (developed countries, innovation cities) are listed, not drawn.
  const drawn = drawnLinks(index);
  const bundled = isBundled(drawn.length);
  const ends = drawn.map((link) => {
    const place = index.places.get(link.place)!;
    return { id: link.id, from: [place.lon, place.lat] as LonLat, to: index.partners.get(link.partner)!.anchor! };
  });
  const bends = bendsForSharedEnds(ends);
  const arc = (i: number): LineString => ({ type: 'LineString', coordinates: linkArc(ends[i]!.from, ends[i]!.to, bends.get(drawn[i]!.id)) });
  const links = drawn.map((link, i) => {
    const line = {
      ...feature<LineString, LineProperties>(bundled ? (null as unknown as LineString) : arc(i), {
        kind: 'link',
        id: link.id,
        origin: link.origin,
        width: linkWidth(link.evidence.length),
        collective: isCollective(index.partners.get(link.partner)!),
      }),
      id: i,
    };
    // A bundled atlas draws its links from BUNDLE_ZOOM only: their arcs (some 400,000 vertices
    // for 10,000 links) are worked out when first read, after the first picture (AtlasMap.finishDrawing).
    if (bundled) {
      let geometry: LineString | null = null;
      Object.defineProperty(line, 'geometry', { enumerable: true, get: () => (geometry ??= arc(i)) });
    }
    return line;
  });
  const bundleLines = bundled ? bundleFeatures(index, drawn, links.length) : [];
  const collectives = atlas.partners.filter((partner) => all.hubLinks.has(partner.id));
  const spokes = collectives.flatMap((partner, i) =>
    partner.members.map((iso3) => ({
      ...feature<LineString, LineProperties>(
        { type: 'LineString', coordinates: linkArc(partner.anchor!, index.countries.get(iso3)!.anchor) },
        { kind: 'spoke', id: partner.id, origin: null, width: 0, collective: true },
      ),
      id: links.length + bundleLines.length + i,
    })),
  );

  const point = (at: LonLat, kind: PointKind, id: string, names: Names, rest: Partial<PointProperties>) =>
    feature<Point, PointProperties>({ type: 'Point', coordinates: at }, {
      kind, id, key: pointKey(kind, id), zh: names.zh, en: names.en, origin: null, links: 0, precision: null, rank: 0, minzoom: 0, ...rest,
    });
  const points = [
    ...atlas.origins.map((origin) => point([origin.lon, origin.lat], 'seat', origin.id, origin, { origin: origin.id, rank: 0 })),
    ...collectives.map((partner) =>
      point(partner.anchor!, 'hub', partner.id, partner, { links: all.hubLinks.get(partner.id)!, rank: 1 }),
    ),
    ...[...all.countryTies].flatMap(([iso3, ties]) => {
      const anchor = geography.countryAnchor(iso3);
      const names = geography.countryNames.get(iso3);
      return anchor && names ? [point(anchor, 'country', iso3, names, { links: ties, rank: 10 - ties })] : [];
    }),
    ...atlas.places.map((place) => point([place.lon, place.lat], 'place', place.adcode, place, { origin: place.origin, rank: 20, minzoom: 3 })),
    ...atlas.sites.map((site) =>
      point([site.lon, site.lat], 'site', site.id, site, { origin: site.origin, precision: site.precision, rank: 30, minzoom: 5 }),
    ),
  ];

  return {
    base: collectionOf(base),
    lines: collectionOf([...links, ...bundleLines, ...spokes]),
    points: collectionOf(points),
    kept: all,
    bundled,
    bundleOfLink: new Map(drawn.map((link) => [link.id, bundleOf(link)])),
    // A bundled atlas's box is its bundles' (the links' arcs are not made yet; they start within an
    // origin's province, where its bundles do).
    bounds: boundsOfLines([...(bundled ? bundleLines : links), ...spokes].map((line) => line.geometry.coordinates as LonLat[])),
    originsCentre: [mean(atlas.origins.map((origin) => origin.lon)), mean(atlas.origins.map((origin) => origin.lat))],
  };
}

/**
 * One line per origin and partner, from the origin's seat: its links' evidence gives its width
 * (up to BUNDLE_MAX_WIDTH), and bundles that end at one partner are bent apart as links are.
 * Feature ids follow the links' (`first` on).
 */
function bundleFeatures(index: AtlasIndex, drawn: readonly Link[], first: number): Feature<LineString, LineProperties>[] {
  const groups = [...groupByBundle(drawn, bundleOf)];
  const ends = groups.map(([id, [link]]) => {
    const origin = index.origins.get(link!.origin)!;
    return { id, from: [origin.lon, origin.lat] as LonLat, to: index.partners.get(link!.partner)!.anchor! };
  });
  const bends = bendsForSharedEnds(ends);
  return groups.map(([id, group], i) => ({
    ...feature<LineString, LineProperties>({ type: 'LineString', coordinates: linkArc(ends[i]!.from, ends[i]!.to, bends.get(id)) }, {
      kind: 'bundle',
      id,
      origin: group[0]!.origin,
      width: Math.min(BUNDLE_MAX_WIDTH, linkWidth(group.reduce((sum, link) => sum + link.evidence.length, 0))),
      collective: isCollective(index.partners.get(group[0]!.partner)!),
    }),
    id: first + i,
  }));
}

/** The box that holds every link and spoke the filters keep; every tie's box when they keep none. */
export function keptBounds(features: AtlasFeatures, kept: KeptStates): Bounds {
  // A bundled atlas frames its kept bundles, which hold its kept links.
  const tie = features.bundled ? 'bundle' : 'link';
  const shown = features.lines.features.filter(({ properties: line }) =>
    line.kind === 'spoke' ? kept.hubLinks.has(line.id) : line.kind === tie && (tie === 'link' ? kept.links.has(line.id) : kept.bundles.has(line.id as BundleId)),
  );
  return shown.length > 0 ? boundsOfLines(shown.map((line) => line.geometry.coordinates as LonLat[])) : features.bounds;
}
