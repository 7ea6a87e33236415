// The atlas drawn once, as SVG, with d3-geo: from the same features and kept states as the live
// map (core/map-features.ts), in its colours and widths (palette.ts, style.ts), at the live map's
// camera. Real paths and text, never a raster: the SVG export and the printed handout use it, and
// so does the page where WebGL is missing (svg-map.ts). A pure function of its scene, without the
// DOM, so that the unit tests read its output.
import { BUNDLE_ZOOM, bundlePartner, type BundleId } from '../core/bundles.ts';
import type { Feature, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import { geoArea, geoDistance, geoMercator, geoOrthographic, geoPath, type GeoProjection } from 'd3-geo';
import type { LonLat } from '../core/arc.ts';
import type { AtlasFeatures, BaseProperties, KeptStates, PointProperties } from '../core/map-features.ts';
import { shadeOf } from '../core/map-features.ts';
import type { Selection } from '../core/selection.ts';
import type { OriginId } from '../core/types.ts';
import type { Projection } from '../core/view-state.ts';
import type { Localizer } from '../i18n/localizer.ts';
import { inkedOriginColour, ORIGIN_COLOURS, PAPER, tieShades, tint } from './palette.ts';
import { horizonAngle } from './globe-camera.ts';
import { HALO_WIDTH, labelAlign, labelLines, labelScale, labelShown, labelWeight, mapLabels, type LabelView } from './labels.ts';
import { diamondPath, FADED_SITE_OPACITY, SITE_STROKE_WIDTH, siteMarker, type SiteMarker } from './site-markers.ts';
import { linkWidthAt, ROOM_SCALE } from './style.ts';

/** Where the picture looks from: the live map's camera (MapLibre's zoom, 512-pixel world at zoom 0). */
export interface StaticCamera {
  centre: LonLat;
  zoom: number;
  projection: Projection;
  /** Degrees clockwise from north of what is up, as MapLibre's bearing (a link's `cam` may set one); 0 by default. */
  bearing?: number;
}

export interface StaticScene {
  features: AtlasFeatures;
  kept: KeptStates;
  selection: Selection | null;
  /** The links that belong to the selection (AtlasModel.highlighted): full strength while the rest fade. */
  related: ReadonlySet<string>;
  camera: StaticCamera;
  /** The map's size in CSS pixels: the SVG's user units. */
  width: number;
  height: number;
  loc: Localizer;
  /** Drawn for a room, as the live map is in presentation mode (wider, darker links, larger labels). */
  room: boolean;
  /** Gives each link a wider, invisible stroke that takes the pointer: for the page's own map, not for files. */
  hits?: boolean;
}

/** The family the SVG names: the app's own font, then the names it has where it is installed. */
export const FIGURE_FONT = "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

/**
 * What XML 1.0 cannot hold at all, not even as a character reference: the C0 controls other than
 * tab, line feed and carriage return (a vertical tab, Word's line break, comes with pasted text),
 * unpaired surrogates, U+FFFE and U+FFFF. One in a name would make the whole SVG unreadable.
 */
const NOT_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text and attribute values, escaped: names and passages are data, never markup. */
export const escapeXml = (text: string) =>
  text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** Drawn past the picture's edge by this much, so that no stroke ends inside it. */
const BLEED = 40;
const RADIANS = Math.PI / 180;
/** MapLibre's vertical field of view, in degrees (its default; the atlas does not change it). */
const GLOBE_FOV = 36.87;
/** Round the globe: the page's background there (index.html). */
const SPACE = '#cfd8de';

/**
 * d3's projection for the live map's camera: Web Mercator, or MapLibre's globe, whose radius at
 * the centre keeps the Mercator scale there (globe-camera.ts) and whose camera sees the cap
 * within the horizon, a little less than a hemisphere.
 */
export function staticProjection({ centre: [lon, lat], zoom, projection, bearing = 0 }: StaticCamera, width: number, height: number): GeoProjection {
  const scale = (512 * 2 ** zoom) / (2 * Math.PI);
  // The cut at the antimeridian goes opposite the centre, as MapLibre's repeated worlds never show one.
  const base =
    projection === 'globe'
      ? geoOrthographic()
          .rotate([-lon, -lat])
          .clipAngle(horizonAngle(zoom, lat, GLOBE_FOV, height) / RADIANS)
          .scale(scale / Math.cos(Math.min(Math.abs(lat), 85) * RADIANS))
      : geoMercator().rotate([-lon, 0]).center([0, lat]).scale(scale);
  return base.angle(bearing).translate([width / 2, height / 2]).clipExtent([[-BLEED, -BLEED], [width + BLEED, height + BLEED]]);
}

/**
 * The map files wind their rings either way; d3 reads a ring wound the wrong way as the whole
 * sphere less the area. Each polygon so wound is turned round, once, and remembered.
 */
const rewound = new WeakMap<Geometry, Geometry>();
function spherical(geometry: Polygon | MultiPolygon): Geometry {
  let turned = rewound.get(geometry);
  if (!turned) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const rightWay = polygons.map((rings) =>
      geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings,
    );
    turned = geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: rightWay[0] } : { type: 'MultiPolygon', coordinates: rightWay };
    rewound.set(geometry, turned);
  }
  return turned;
}

const attrs = (values: Record<string, string | number | null | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');

/** A value between two stops, linear and constant beyond them, as the style interpolates a marker's size. */
const between = (zoom: number, [z0, v0]: [number, number], [z1, v1]: [number, number]) =>
  v0 + ((v1 - v0) * Math.min(1, Math.max(0, (zoom - z0) / (z1 - z0))));

/** The kind of line that draws the ties at a zoom: a bundled atlas's bundles below BUNDLE_ZOOM, else links. */
const tieKindAt = (features: AtlasFeatures, zoom: number) => (features.bundled && zoom < BUNDLE_ZOOM ? 'bundle' : 'link');

/** The shapes' paths at one camera and size: what costs the time, the same whatever is kept or selected. */
interface Projected {
  key: string;
  base: (string | null)[];
  lines: (string | null)[];
}
const projectedLast = new WeakMap<AtlasFeatures, Projected>();

/** The paths of every area, boundary and line at the camera, kept for the next picture from the same camera. */
function projectedPaths(features: AtlasFeatures, camera: StaticCamera, width: number, height: number): Projected {
  const key = JSON.stringify([camera, width, height]);
  const last = projectedLast.get(features);
  if (last?.key === key) return last;
  const path = geoPath(staticProjection(camera, width, height)).digits(1);
  // Areas, and the dashes of the South China Sea line, which are small polygons too.
  const polygonal = (geometry: Geometry) => (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon' ? spherical(geometry) : geometry);
  const projected = {
    key,
    base: features.base.features.map((area) => path(polygonal(area.geometry))),
    // A bundled atlas draws either its bundles or its links at a zoom: the other kind costs nothing.
    lines: features.lines.features.map((line) => (line.properties.kind === tieKindAt(features, camera.zoom) || line.properties.kind === 'spoke' ? path(line.geometry) : null)),
  };
  projectedLast.set(features, projected);
  return projected;
}

export function staticMapLayers(scene: StaticScene): string {
  const { features, kept, camera, width, height, loc, room } = scene;
  const projection = staticProjection(camera, width, height);
  const paths = projectedPaths(features, camera, width, height);
  const focus = scene.selection !== null;
  // On the globe the sea is the sphere, in the page's space colour; on the flat map it is everything.
  const out: string[] =
    camera.projection === 'globe'
      ? [`<rect class="space" width="${width}" height="${height}" fill="${SPACE}"/>`, `<path class="sea" d="${geoPath(projection)({ type: 'Sphere' })}" fill="${PAPER.sea}"/>`]
      : [`<rect class="sea" width="${width}" height="${height}" fill="${PAPER.sea}"/>`];

  // Areas: partner countries shaded by their kept ties, China's provinces, the origins tinted.
  const shades = tieShades(kept.tieClasses.length);
  const selectedOrigin = scene.selection?.kind === 'origin' ? scene.selection.id : null;
  const selectedCountry = scene.selection?.kind === 'country' ? scene.selection.iso3 : null;
  const areaFill = ({ kind, id, origin }: BaseProperties) => {
    if (kind === 'country') {
      const shade = shadeOf(kept.tieClasses, kept.countryTies.get(id!) ?? 0);
      return shade < 0 ? PAPER.land : shades[shade];
    }
    if (kind === 'origin') return tint(PAPER.china, ORIGIN_COLOURS[origin!], origin === selectedOrigin ? 0.42 : 0.22);
    return PAPER.china;
  };
  out.push('<g class="areas">');
  const lines: string[] = [];
  features.base.features.forEach((area, i) => {
    const { kind, id, origin } = area.properties;
    const d = paths.base[i];
    if (!d) return;
    if (kind === 'country' || kind === 'province' || kind === 'origin') {
      const data = kind === 'country' && kept.countryTies.has(id!) ? { 'data-country': id } : kind === 'origin' ? { 'data-origin': origin } : {};
      out.push(`<path d="${d}"${attrs({ fill: areaFill(area.properties), ...data })}/>`);
      if (kind === 'origin') lines.push(`<path d="${d}" fill="none"${attrs({ stroke: ORIGIN_COLOURS[origin!], 'stroke-width': 1.1 })}/>`);
    } else {
      const stroke = { border: [PAPER.border, 0.6], 'province-border': [PAPER.province, 0.5], china: [PAPER.chinaOutline, 0.9], dash: [PAPER.chinaOutline, 1.1] }[kind];
      lines.push(`<path d="${d}" fill="none"${attrs({ stroke: stroke[0], 'stroke-width': stroke[1], 'stroke-dasharray': kind === 'dash' ? '4.4 2.2' : null })}/>`);
    }
  });
  // Only areas, links and markers answer the pointer (data-*); what lies over them lets it through.
  out.push('</g>', `<g class="boundaries" pointer-events="none">${lines.join('')}</g>`);
  if (selectedCountry) {
    const d = paths.base[features.base.features.findIndex((area) => area.properties.kind === 'country' && area.properties.id === selectedCountry)];
    if (d) out.push(`<path class="highlight" d="${d}" fill="none" stroke="${PAPER.hubStroke}" stroke-width="1.4" pointer-events="none"/>`);
  }

  // Links (or, in a bundled atlas at low zoom, bundles): what the filters keep, each one path
  // (cut where the projection cuts the sphere).
  const tieKind = tieKindAt(features, camera.zoom);
  const relatedBundles = new Set([...scene.related].flatMap((link) => features.bundleOfLink.get(link) ?? []));
  const widthFactor = room ? ROOM_SCALE.links : 1;
  const colour = (origin: OriginId) => (room ? inkedOriginColour(origin) : ORIGIN_COLOURS[origin]);
  out.push('<g class="links" fill="none" stroke-linecap="round">');
  features.lines.features.forEach((line, i) => {
    const { kind, id, origin, width: evidenceWidth, collective } = line.properties;
    const d = paths.lines[i];
    if (kind !== tieKind || !d) return;
    const bundle = kind === 'bundle';
    if (bundle ? !kept.bundles.has(id as BundleId) : !kept.links.has(id)) return;
    const strong = bundle ? relatedBundles.has(id as BundleId) : scene.related.has(id);
    const opacity = focus && !strong ? (collective ? 0.1 : 0.08) : strong || room ? 0.9 : collective ? 0.75 : 0.5;
    const w = linkWidthAt(camera.zoom, evidenceWidth) * widthFactor;
    // A tie to a bloc or region is a hollow tube, as on the live map: two rails either side.
    const rails = collective ? `<path d="${d}"${attrs({ stroke: PAPER.land, 'stroke-width': w.toFixed(2) })}/>` : '';
    const hit = scene.hits ? `<path d="${d}" stroke="transparent" stroke-width="${(w + 10).toFixed(1)}"/>` : '';
    out.push(
      `<g class="${kind}"${attrs(bundle ? { 'data-bundle': id, 'data-partner': bundlePartner(id as BundleId), opacity } : { 'data-link': id, opacity })}><path d="${d}"${attrs({ stroke: colour(origin!), 'stroke-width': (collective ? w + 2 * widthFactor : w).toFixed(2) })}/>${rails}${hit}</g>`,
    );
  });
  out.push('</g>');

  // Bloc members' spokes, then markers: hubs, cities, the origins' seats, sites.
  out.push(`<g class="spokes" pointer-events="none" fill="none" stroke="${PAPER.spoke}" stroke-width="0.8" stroke-dasharray="0.8 2" stroke-linecap="round" opacity="${focus ? 0.15 : 0.7}">`);
  features.lines.features.forEach((line, i) => {
    const d = paths.lines[i];
    if (line.properties.kind === 'spoke' && kept.hubLinks.has(line.properties.id) && d) out.push(`<path d="${d}"/>`);
  });
  out.push('</g>');

  const centre = camera.centre;
  const horizon = horizonAngle(camera.zoom, centre[1], GLOBE_FOV, height) - 0.01;
  const place = (at: LonLat): [number, number] | null => {
    if (camera.projection === 'globe' && geoDistance(at, centre) > horizon) return null;
    const xy = projection(at);
    return xy && xy[0] >= -BLEED && xy[0] <= width + BLEED && xy[1] >= -BLEED && xy[1] <= height + BLEED ? (xy as [number, number]) : null;
  };
  out.push('<g class="markers">');
  for (const { geometry, properties: point } of features.points.features) {
    if (!labelShown(point, kept)) continue;
    const xy = place(geometry.coordinates as LonLat);
    if (!xy) continue;
    const [x, y] = xy.map((v) => v.toFixed(1));
    if (point.kind === 'hub') {
      const r = between(kept.hubLinks.get(point.id) ?? 1, [1, 5], [6, 9]);
      const selected = scene.selection?.kind === 'partner' && scene.selection.id === point.id;
      out.push(`<circle${attrs({ 'data-partner': point.id, cx: x, cy: y, r: r.toFixed(1), fill: PAPER.hub, stroke: PAPER.hubStroke, 'stroke-width': selected ? 2.6 : 1.6, opacity: focus && !selected ? 0.35 : null })}/>`);
    } else if (point.kind === 'seat') {
      out.push(`<circle${attrs({ 'data-origin': point.id, cx: x, cy: y, r: 3.8, fill: ORIGIN_COLOURS[point.origin!], stroke: PAPER.hub, 'stroke-width': 1.3 })}/>`);
    } else if (point.kind === 'place') {
      out.push(`<circle${attrs({ cx: x, cy: y, r: 2.6, fill: PAPER.hub, stroke: PAPER.hubStroke, 'stroke-width': 1.1 })}/>`);
    } else if (point.kind === 'site') {
      out.push(siteSvg(siteMarker(point, point.key, [Number(x), Number(y)], camera.zoom, scene.selection), point, camera.zoom));
    }
  }
  out.push('</g>');

  out.push(labels(features.points.features, place, { zoom: camera.zoom, width, height, loc, scale: labelScale(width) * (room ? ROOM_SCALE.labels : 1), kept }));
  return out.join('');
}

/** A site's diamond (site-markers.ts), in a halo of its place's uncertainty where that is not exact. */
function siteSvg(marker: SiteMarker, point: PointProperties, zoom: number): string {
  const { x, y } = marker;
  const colour = ORIGIN_COLOURS[point.origin!];
  const spread = { district: [5, 16], city: [8, 30], province: [13, 60] }[point.precision as string] ?? [18, 80];
  const halo =
    point.precision === 'site'
      ? ''
      : `<circle${attrs({ cx: x.toFixed(1), cy: y.toFixed(1), r: between(zoom, [2, spread[0]], [8, spread[1]]).toFixed(1), fill: colour, 'fill-opacity': 0.12, stroke: colour, 'stroke-width': 0.8, 'stroke-opacity': 0.5 })}/>`;
  const shape = `<path${attrs({ d: diamondPath(x, y, marker.radius), fill: marker.fill, stroke: marker.stroke, 'stroke-width': SITE_STROKE_WIDTH, 'stroke-linejoin': 'round' })}/>`;
  return `<g${attrs({ 'data-site': point.id, opacity: marker.faded ? FADED_SITE_OPACITY : null })}>${halo}${shape}</g>`;
}

/** From the middle of a line's em box down to its baseline, in ems (Noto Sans: ascent 0.88, descent 0.12). */
const MIDDLE_TO_BASELINE = 0.38;

/**
 * The labels (labels.ts), placed in the live map's order and by its rules, each line aligned to
 * the side its anchor touches. A label the filters hide keeps its place, unwritten, as on the
 * live map. Text is measured by estimate (textWidth): this runs where no browser may measure.
 */
function labels(points: Feature<Point, PointProperties>[], project: (at: LonLat) => [number, number] | null, view: Omit<LabelView, 'project'>): string {
  const out: string[] = [];
  const halos: string[] = [];
  const placed = mapLabels(points.map((point) => ({ coordinates: point.geometry.coordinates as LonLat, properties: point.properties })), { ...view, project });
  for (const label of placed.filter((shown) => shown.shown)) {
    const anchor = { left: 'start', right: 'end', center: null }[labelAlign(label.anchor)];
    const [first, second] = labelLines(label);
    const x = first!.x.toFixed(1);
    const text = (colour: string | null) =>
      `<text${attrs({ x, y: (first!.middle + first!.size * MIDDLE_TO_BASELINE).toFixed(1), 'text-anchor': anchor, 'font-size': first!.size.toFixed(1), 'font-weight': labelWeight(label), fill: colour })}>` +
      `${escapeXml(first!.text)}<tspan${attrs({ x, y: (second!.middle + second!.size * MIDDLE_TO_BASELINE).toFixed(1), 'font-size': second!.size.toFixed(1) })}>${escapeXml(second!.text)}</tspan></text>`;
    halos.push(text(null));
    out.push(text(label.colour));
  }
  // The halos are a stroked copy of the labels beneath them, rather than paint-order, which some
  // editors (Illustrator) ignore and would then stroke over the letters.
  return (
    `<g class="halos" text-anchor="middle" fill="none" stroke="${PAPER.halo}" stroke-width="${2 * HALO_WIDTH}" stroke-linejoin="round" pointer-events="none">${halos.join('')}</g>` +
    `<g class="labels" text-anchor="middle" pointer-events="none">${out.join('')}</g>`
  );
}

/** The map alone, as a whole SVG: what the page draws where WebGL is missing. */
export function staticMapSvg(scene: StaticScene, label: string): string {
  const { width, height } = scene;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ class: 'static-map', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, 'font-family': FIGURE_FONT })}>` +
    `${staticMapLayers(scene)}</svg>`
  );
}
