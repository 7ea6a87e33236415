// The MapLibre map: created from the atlas style, it reports what is hovered and clicked, and
// shows the selection, projection and motion it is told. It holds no application state.
import type { Feature } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Selection } from '../core/selection.ts';
import { ORIGIN_IDS, type LinkId, type OriginId, type SiteId } from '../core/types.ts';
import type { Language } from '../core/languages.ts';
import type { Camera, Projection } from '../core/view-state.ts';
import { localizer, type TraditionalTable } from '../i18n/localizer.ts';
import type { LonLat } from '../core/arc.ts';
import { BUNDLE_ZOOM, bundleId, bundlePartner, groupByBundle, type BundleId } from '../core/bundles.ts';
import { keptBounds, pointKey, type AtlasFeatures, type BaseKind, type KeptStates, type PointKind } from '../core/map-features.ts';
import { askedFor } from '../load/asked-for.ts';
import { nextTask } from '../load/next-task.ts';
import { FlowOverlay } from './flow-overlay.ts';
import { mapSize } from './map-size.ts';
import type { LabelOverlay } from './label-overlay.ts';
import { FigureError, framePadding, type MapEvents, type MapSight, type MapView } from './map-view.ts';
import { KeptStateWriter } from './kept-state.ts';
import { globeZoom } from './globe-camera.ts';
import {
  FADED_STATE,
  INTERACTIVE_LAYERS,
  KEPT_STATE,
  firstTieLayer,
  ROOM_SCALE,
  ROOM_STATE,
  roomLayers,
  SOURCES,
} from './style.ts';

// Vite does not see the worker on its own; without this the map draws nothing.
maplibregl.setWorkerUrl(workerUrl);
// The worker starts now, while the page fetches the data and builds the features, rather than
// once the map is created: its script is large and software rendering's machines are slow. A
// browser that will not start it (a page from file:// under a strict policy) must not stop the
// page here: the map's constructor then fails too, and the app draws the SVG map instead.
try {
  maplibregl.prewarm();
} catch (error) {
  console.warn('MapLibre could not start its worker', error);
}


interface FeatureRef {
  source: string;
  id: string | number;
}

const featureKey = (feature: FeatureRef) => `${feature.source}:${feature.id}`;

/** How far from the pointer a thin line or a small marker still counts as hit, in pixels. */
const HIT_TOLERANCE = 6;

function selectionOf(layer: string, properties: Record<string, string>): Selection | null {
  switch (layer) {
    case INTERACTIVE_LAYERS.sites: return { kind: 'site', id: properties.id as SiteId };
    case INTERACTIVE_LAYERS.links: return { kind: 'link', id: properties.id as LinkId };
    // A bundle holds an origin's ties to one partner: the partner, whose card lists them.
    case INTERACTIVE_LAYERS.bundles: return { kind: 'partner', id: bundlePartner(properties.id as BundleId) };
    case INTERACTIVE_LAYERS.areas: {
      const kind = properties.kind as BaseKind;
      if (kind === 'country') return { kind: 'country', iso3: properties.id };
      if (kind === 'origin') return { kind: 'origin', id: properties.origin as OriginId };
      return null;
    }
    case INTERACTIVE_LAYERS.markers: {
      const kind = properties.kind as PointKind;
      if (kind === 'hub') return { kind: 'partner', id: properties.id };
      if (kind === 'seat') return { kind: 'origin', id: properties.id as OriginId };
      return null;
    }
    default: return null;
  }
}


/**
 * Whether the map is drawn without a GPU (SwiftShader, llvmpipe): the comets are then drawn at half
 * resolution, since handing a full-screen canvas to the compositor every frame costs more there
 * than all the drawing. The map's own context answers (getContext returns the one it has).
 */
function drawnInSoftware(map: maplibregl.Map): boolean {
  const gl = map.getCanvas().getContext('webgl2');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
  return /swiftshader|llvmpipe|software/i.test(renderer);
}

/**
 * The pixels of a WebGL canvas without stopping the page: a read into a buffer that the GPU fills
 * in its own time, polled until it has. Drawing the canvas into a 2D one instead would wait for
 * the GPU there and then: 24 seconds for 4× under software rendering.
 */
async function readPixels(canvas: HTMLCanvasElement): Promise<HTMLCanvasElement> {
  const gl = canvas.getContext('webgl2');
  if (!gl || gl.isContextLost()) throw new FigureError('gpu', 'the map lost its WebGL context');
  const { width, height } = canvas;
  const buffer = gl.createBuffer();
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
  gl.bufferData(gl.PIXEL_PACK_BUFFER, width * height * 4, gl.STREAM_READ);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, 0);
  const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)!;
  gl.flush();
  let waited = gl.clientWaitSync(fence, 0, 0);
  while (waited === gl.TIMEOUT_EXPIRED) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    waited = gl.clientWaitSync(fence, 0, 0);
  }
  gl.deleteSync(fence);
  if (waited !== gl.ALREADY_SIGNALED && waited !== gl.CONDITION_SATISFIED) throw new FigureError('gpu', 'the GPU did not finish the picture');
  const data = new Uint8ClampedArray(width * height * 4);
  gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, data);
  gl.deleteBuffer(buffer);
  // WebGL's rows run bottom up: turned over in place.
  const row = width * 4;
  const swap = new Uint8ClampedArray(row);
  for (let top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
    swap.set(data.subarray(top * row, (top + 1) * row));
    data.copyWithin(top * row, bottom * row, (bottom + 1) * row);
    data.set(swap, bottom * row);
  }
  const pixels = document.createElement('canvas');
  [pixels.width, pixels.height] = [width, height];
  pixels.getContext('2d')!.putImageData(new ImageData(data, width, height), 0, 0);
  return pixels;
}

/** How long the first picture may take before the map is given up for the SVG map: ten times its slowest seen here. */
const FIRST_PICTURE_TIMEOUT = 60_000;

/** The most pixels a picture's map is drawn with (a 1920 × 1080 screen at 4× is 33 million). */
const MAX_PICTURE_PIXELS = 40e6;
/** How long the map drawn off screen may take before the picture is given up: minutes under software rendering. */
const PICTURE_TIMEOUT = 180_000;

/** Resolves when `map` has drawn everything; rejects if its context is lost, it reports an error, or it takes too long. */
function drawnOffScreen(map: maplibregl.Map): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new FigureError('timeout', `not drawn in ${PICTURE_TIMEOUT / 1000} s`)), PICTURE_TIMEOUT);
    const settle = (done: () => void) => () => {
      clearTimeout(timer);
      done();
    };
    map.once('idle', settle(resolve));
    map.once('webglcontextlost', settle(() => reject(new FigureError('gpu', 'the map lost its WebGL context'))));
    map.once('error', (event) => settle(() => reject(new FigureError('gpu', String(event.error?.message ?? event.error))))());
  });
}


export class AtlasMap implements MapView {
  readonly map: maplibregl.Map;
  private readonly flow: FlowOverlay;
  private readonly countries: Map<string, Feature>;
  /** The feature id of each link's line, and of each bloc's spokes (see AtlasFeatures.lines). */
  private readonly lineIds: Map<string, number>;
  private linksOfBundle: Map<BundleId, string[]> | null = null;
  private selection: Selection | null = null;
  /** The site under the pointer, whose marker shows in full while others fade. */
  private hoveredSite: SiteId | null = null;
  /** The features that show the selection through feature state: its own, and the lines related to it. */
  private selected: FeatureRef[] = [];
  private hovered: FeatureRef | null = null;
  private hoveredBundles: FeatureRef[] = [];
  private highlighted = { hover: null as string | null, selected: null as string | null };
  /** What the filters keep (every link until they say otherwise), and what shows it through feature state. */
  private kept: KeptStates;
  private readonly keptWriter: KeptStateWriter;
  /** Whether the style has loaded its sources: feature state can be set from then on. */
  private sourcesReady = false;
  /** Height of what covers the map's foot (a tour's step bar), kept clear when framing the ties. */
  private footer = 0;
  /** Whether the map is drawn for a room (see setRoom). */
  private room = false;
  /** What fades while something is selected, by `source:id` (see select). */
  private faded = new Map<string, FeatureRef>();
  /** The lines and hubs drawn at each zoom's kind of line, made at the first selection there (see fadeable). */
  private fadeableFeatures: Partial<Record<'link' | 'bundle', FeatureRef[]>> = {};
  /** The features that stay in view while something is selected, by `source:id`; null for no selection. */
  private focused: Set<string> | null = null;
  /** The labels, a chunk of their own made once the links are drawn (see finishDrawing). */
  private labels: LabelOverlay | null = null;
  /** The labels' code, asked for once the links are drawn (see askForLabelCode). */
  private labelCode: Promise<typeof import('./label-overlay.ts')> | null = null;
  /** The language the labels are in (see setLanguage). */
  private loc = localizer('zh-Hans', {});

  constructor(
    container: HTMLElement,
    style: maplibregl.StyleSpecification,
    private readonly features: AtlasFeatures,
    events: MapEvents,
  ) {
    this.kept = features.kept;
    this.keptWriter = new KeptStateWriter(features);
    this.lineIds = new Map(features.lines.features.map((line) => [line.properties.id, line.id as number]));
    this.countries = new Map(
      features.base.features.filter((area) => area.properties.kind === 'country').map((country) => [country.properties.id!, country as Feature]),
    );
    this.map = new maplibregl.Map({
      container,
      style,
      bounds: features.bounds,
      fitBoundsOptions: { padding: framePadding(container.clientWidth) },
      // Below zoom 0 a whole world fits a phone's width.
      minZoom: -1,
      attributionControl: { compact: true },
      // The style is the project's own and checked against the style specification by the unit
      // tests (test/map/map-features.test.ts); checking it again on every load costs the first
      // picture time on a slow machine.
      validateStyle: false,
      maxPitch: 0,
      dragRotate: false,
      // Dash patterns (the spokes, the dash line) switch at once when the zoom crosses a whole
      // number, rather than cross-fade, on every machine: each frame of a fade is a repaint of the
      // whole map, which without a GPU holds the page's main thread for a few hundred
      // milliseconds, and whether there is one is known only once the map has its context.
      fadeDuration: 0,
    });
    // A north-up map only: the static pictures (static-map.ts) draw north up.
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    // Filters from a shared link arrive before the style has added its sources; states set once
    // it has are applied to each tile as it loads, so the first picture already shows them.
    this.map.once('style.load', () => {
      this.sourcesReady = true;
      this.applyKept();
      this.applyRoom();
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // A bundled atlas runs its comets along what is drawn at the zoom: the bundles at world scale
    // (thousands of links would cost every frame), the links from BUNDLE_ZOOM on.
    this.flowKind = features.bundled && this.map.getZoom() < BUNDLE_ZOOM ? 'bundle' : 'link';
    this.flow = new FlowOverlay(this.map, this.linesOf(this.flowKind), drawnInSoftware(this.map));
    // As the zoom crosses BUNDLE_ZOOM, not once it comes to rest: the other kind of line is drawn from that frame on.
    if (features.bundled) this.map.on('zoom', () => this.followZoom());

    this.map.on('mousemove', (event) => {
      const target = this.targetAt(event.point);
      this.map.getCanvas().style.cursor = target ? 'pointer' : '';
      this.setHover(target);
      events.hover(target, event.point);
    });
    this.map.on('mouseout', () => {
      this.setHover(null);
      events.hover(null, { x: 0, y: 0 });
    });
    this.map.on('click', (event) => events.select(this.targetAt(event.point)));
  }

  /**
   * What is under the pointer, in order of precedence: sites and markers, then links (both with
   * some tolerance, being small), then the area right under it (an origin before its country).
   */
  private targetAt(point: maplibregl.Point): Selection | null {
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [point.x - HIT_TOLERANCE, point.y - HIT_TOLERANCE],
      [point.x + HIT_TOLERANCE, point.y + HIT_TOLERANCE],
    ];
    // Only a bundled atlas has a layer of bundles.
    const layers = [INTERACTIVE_LAYERS.sites, INTERACTIVE_LAYERS.markers, INTERACTIVE_LAYERS.links, INTERACTIVE_LAYERS.bundles];
    const near = this.map.queryRenderedFeatures(box, { layers: layers.filter((id) => this.map.getLayer(id)) });
    const under = this.map.queryRenderedFeatures(point, { layers: [INTERACTIVE_LAYERS.areas] });
    for (const feature of [...near, ...under]) {
      if (feature.state[KEPT_STATE.hidden]) continue;
      const selection = selectionOf(feature.layer.id, feature.properties);
      if (selection) return selection;
    }
    return null;
  }

  /**
   * Resolves at the first picture with the links: the first frame drawn once the areas' and the
   * lines' sources have loaded (markers may still be on their way; labels come after, see
   * finishDrawing, their code asked for then: askForLabelCode). Rejects if MapLibre cannot draw
   * them: its WebGL context lost, a source that failed to load, or no links in a minute.
   */
  linksDrawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      // A source that fails to load (its workers never started: MapLibre only reports it) leaves
      // the map to come to rest with nothing drawn.
      let failed: unknown = null;
      const sourceError = (event: maplibregl.ErrorEvent & { sourceId?: string }) => {
        if (event.sourceId) failed ??= event.error;
      };
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        this.map.off('webglcontextlost', lost);
        this.map.off('error', sourceError);
        this.map.off('render', drawn);
        this.map.off('idle', finish);
        outcome();
      };
      const timer = setTimeout(() => settle(() => reject(new Error(`MapLibre drew nothing in ${FIRST_PICTURE_TIMEOUT / 1000} s`))), FIRST_PICTURE_TIMEOUT);
      const lost = () => settle(() => reject(new Error('MapLibre lost its WebGL context before its first picture')));
      const finish = () =>
        settle(() => {
          if (failed) return reject(new Error(`MapLibre could not load its sources: ${String((failed as Error)?.message ?? failed)}`));
          // In a task of its own: a lazy import adds its chunks' preload links to the page.
          void nextTask().then(() => this.askForLabelCode());
          resolve();
        });
      // A frame drawn after both sources' tiles came in has the links on it.
      const drawn = () => {
        if (failed || (this.map.isSourceLoaded(SOURCES.base) && this.map.isSourceLoaded(SOURCES.lines))) finish();
      };
      this.map.on('webglcontextlost', lost);
      this.map.on('error', sourceError);
      this.map.on('render', drawn);
      // At rest, whatever could be drawn is.
      this.map.on('idle', finish);
    });
  }

  /**
   * The links on screen now, rendered and not hidden by the filters: drawn one by one, or in a
   * bundle. Asked for by tests and the bench, never at load: MapLibre's query of what it drew takes
   * 30–70 ms without a GPU.
   */
  linksShown(): number {
    const layers = (this.features.bundled ? [INTERACTIVE_LAYERS.links, INTERACTIVE_LAYERS.bundles] : [INTERACTIVE_LAYERS.links]).filter((id) => this.map.getLayer(id));
    const shown = new Set<string>();
    for (const feature of this.map.queryRenderedFeatures({ layers })) {
      if (feature.state[KEPT_STATE.hidden]) continue;
      const id = feature.properties.id as string;
      if (feature.layer.id === INTERACTIVE_LAYERS.links) shown.add(id);
      else for (const link of this.bundleLinks().get(id as BundleId) ?? []) if (this.kept.links.has(link)) shown.add(link);
    }
    return shown.size;
  }

  /** The kind of line the comets run along now (see followZoom). */
  private flowKind: 'link' | 'bundle' = 'link';
  /** The links related to the selection, whose comets alone run while one is shown; null for none. */
  private focusLinks: readonly string[] | null = null;

  private linesOf(kind: 'link' | 'bundle') {
    return this.features.lines.features.filter((line) => line.properties.kind === kind);
  }

  /** The kept lines of the kind the comets run along. */
  private flowKept(): ReadonlySet<string> {
    return this.flowKind === 'bundle' ? new Set(this.kept.bundles.keys()) : this.kept.links;
  }

  /** The selection's lines of the kind the comets run along, or null for no selection. */
  private flowFocus(): Set<string> | null {
    if (!this.focusLinks) return null;
    return new Set(this.flowKind === 'bundle' ? this.bundlesOf(this.focusLinks) : this.focusLinks);
  }

  /** A bundled atlas's comets follow the layer the zoom shows: bundles below BUNDLE_ZOOM, links from it. */
  private followZoom(): void {
    const kind = this.map.getZoom() < BUNDLE_ZOOM ? 'bundle' : 'link';
    if (kind === this.flowKind) return;
    this.flowKind = kind;
    this.applyFade();
    this.flow.setTracks(this.linesOf(kind));
    this.flow.setKept(this.flowKept());
    this.flow.setFocus(this.flowFocus());
  }

  /** The bundles that hold these links (a bundled atlas only). */
  private bundlesOf(links: readonly string[]): BundleId[] {
    return [...new Set(links.flatMap((id) => this.features.bundleOfLink.get(id) ?? []))];
  }

  /** Each bundle's links, made at the first look. */
  private bundleLinks(): Map<BundleId, string[]> {
    const { bundleOfLink } = this.features;
    this.linksOfBundle ??= groupByBundle(bundleOfLink.keys(), (link) => bundleOfLink.get(link)!);
    return this.linksOfBundle;
  }

  /**
   * The labels' code, asked for in the task after the one that draws the links, before the panels'
   * chunks (main.ts), not once the font code has come: on a slow network it came after the
   * thirty-odd font files of the first view, and the labels with it. A failure is reported where
   * the code is used (finishDrawing).
   */
  private askForLabelCode(): Promise<typeof import('./label-overlay.ts')> {
    return (this.labelCode ??= askedFor(import('./label-overlay.ts')));
  }

  /**
   * Shows the labels (label-overlay.ts) and gives a bundled atlas its links for the zooms that
   * draw them (see style.ts firstLines); resolves once everything is drawn, the labels' font
   * files in.
   */
  finishDrawing(): Promise<void> {
    // The map works without its labels: if their chunk cannot be loaded, it says so and goes on.
    const labelled = this.askForLabelCode()
      .then(({ LabelOverlay }) => {
        this.labels = new LabelOverlay(this.map, this.features, { kept: this.kept, loc: this.loc, room: this.room, selection: this.selection, hoveredSite: this.hoveredSite });
        return this.labels.show();
      })
      .catch((error: unknown) => console.warn('The map’s labels could not be loaded:', error));
    if (!this.features.bundled) return labelled;
    // The closer lines join the first picture's bundles.
    this.map.getSource<maplibregl.GeoJSONSource>(SOURCES.lines)!.setData(this.features.lines);
    const closer = new Promise((resolve) => this.map.once('idle', resolve));
    return Promise.all([labelled, closer]).then(() => undefined);
  }

  /** The feature that shows `selection` as selected or hovered through feature state, if any. */
  private stateFeature(selection: Selection): FeatureRef | null {
    switch (selection.kind) {
      case 'origin': return { source: SOURCES.base, id: selection.id };
      case 'partner': return { source: SOURCES.points, id: pointKey('hub', selection.id) };
      // A site's marker is the overlay's (site-markers.ts), which shows its hover and selection.
      case 'site': return null;
      case 'link': return this.lineRef(selection.id)[0] ?? null;
      case 'country': return null;
    }
  }

  /** The line of a link, or the spokes of a bloc, by id: none for a link the map does not draw. */
  private lineRef(id: string): FeatureRef[] {
    const line = this.lineIds.get(id);
    return line === undefined ? [] : [{ source: SOURCES.lines, id: line }];
  }

  /** Marks the selection and the links related to it; everything else fades while one is shown. */
  select(selection: Selection | null, relatedLinks: string[]): void {
    for (const feature of this.selected) this.map.setFeatureState(feature, { selected: false, related: false });
    const own = selection && this.stateFeature(selection);
    // A bloc's spokes carry its id: they stay in view with it.
    const bundles = this.features.bundled ? this.bundlesOf(relatedLinks) : [];
    const related = [...relatedLinks, ...bundles, ...(selection?.kind === 'partner' ? [selection.id] : [])].flatMap((id) => this.lineRef(id));
    this.selected = [...(own ? [own] : []), ...related];
    if (own) this.map.setFeatureState(own, { selected: true });
    for (const line of related) this.map.setFeatureState(line, { related: true });
    this.focused = selection === null ? null : new Set(this.selected.map(featureKey));
    this.applyFade();
    this.focusLinks = selection ? relatedLinks : null;
    this.flow.setFocus(this.flowFocus());
    this.selection = selection;
    this.labels?.setSelection(selection);
    this.highlight({ selected: selection?.kind === 'country' ? selection.iso3 : null });
  }

  /** Fades what the map draws at this zoom and the selection leaves out; nothing without one. */
  private applyFade(): void {
    const { focused } = this;
    this.fade(focused === null ? [] : this.fadeable().filter((feature) => !focused.has(featureKey(feature))));
  }

  /**
   * The lines and hubs the map draws at this zoom: what it fades while something is selected (the
   * overlay fades the sites' markers). A bundled atlas draws its bundles or its links, by zoom
   * (see followZoom): the other kind's thousands of lines fade when the zoom brings them, not
   * with every click.
   */
  private fadeable(): FeatureRef[] {
    const undrawn = this.features.bundled ? (this.flowKind === 'bundle' ? 'link' : 'bundle') : null;
    return (this.fadeableFeatures[this.flowKind] ??= [
      ...this.features.lines.features.filter((line) => line.properties.kind !== undrawn).map((line) => ({ source: SOURCES.lines, id: line.id as number })),
      ...this.features.points.features.filter((point) => point.properties.kind === 'hub').map((point) => ({ source: SOURCES.points, id: point.properties.key })),
    ]);
  }

  /** Fades `features` and nothing else, changing only the feature state that differs. */
  private fade(features: FeatureRef[]): void {
    const next = new Map(features.map((feature) => [featureKey(feature), feature]));
    for (const [key, feature] of this.faded) if (!next.has(key)) this.map.setFeatureState(feature, { [FADED_STATE]: false });
    for (const [key, feature] of next) if (!this.faded.has(key)) this.map.setFeatureState(feature, { [FADED_STATE]: true });
    this.faded = next;
  }

  private setHover(target: Selection | null): void {
    this.highlight({ hover: target?.kind === 'country' ? target.iso3 : null });
    this.hoveredSite = target?.kind === 'site' ? target.id : null;
    this.labels?.setHoveredSite(this.hoveredSite);
    const next = target && this.stateFeature(target);
    if (this.hovered?.source === next?.source && this.hovered?.id === next?.id) return;
    if (this.hovered) this.map.setFeatureState(this.hovered, { hover: false });
    this.hovered = next;
    if (next) this.map.setFeatureState(next, { hover: true });
    // In a bundled atlas a partner is hovered on its bundles (a country partner has no hub to show it).
    for (const line of this.hoveredBundles) this.map.setFeatureState(line, { hover: false });
    this.hoveredBundles = target?.kind === 'partner' && this.features.bundled ? this.partnerBundles(target.id) : [];
    for (const line of this.hoveredBundles) this.map.setFeatureState(line, { hover: true });
  }

  /** The bundles that run to a partner, one from each origin that has ties to it. */
  private partnerBundles(partner: string): FeatureRef[] {
    return ORIGIN_IDS.flatMap((origin) => this.lineRef(bundleId(origin, partner)));
  }

  /** Outlines the hovered and the selected country (a source of their own: one or two shapes). */
  private highlight(change: Partial<AtlasMap['highlighted']>): void {
    const next = { ...this.highlighted, ...change };
    if (next.hover === this.highlighted.hover && next.selected === this.highlighted.selected) return;
    this.highlighted = next;
    const outlined = [...new Set([next.selected, next.hover])].flatMap((iso3) => {
      const country = iso3 ? this.countries.get(iso3) : undefined;
      return country ? [{ ...country, properties: { selected: iso3 === next.selected } }] : [];
    });
    this.map.getSource<maplibregl.GeoJSONSource>(SOURCES.highlight)!.setData({ type: 'FeatureCollection', features: outlined });
  }

  /**
   * Switches between the flat map, framed on every tie, and the globe, turned to the origins and
   * as large as the screen allows (at the flat map's zoom it would look lost in space).
   */
  setProjection(projection: Projection): void {
    this.map.setProjection({ type: projection });
    if (projection === 'mercator') this.frameTies();
    else this.map.easeTo(this.globeCamera());
  }

  /** The globe's own first view, for a page that opens on the globe without a camera of its own. */
  showGlobe(): void {
    this.map.jumpTo(this.globeCamera());
  }

  private globeCamera(): { center: LonLat; zoom: number } {
    const { clientWidth, clientHeight } = this.map.getContainer();
    const centre = this.features.originsCentre;
    return { center: centre, zoom: globeZoom(clientWidth, clientHeight, centre[1]) };
  }

  /** Runs or stops the flow along the links. */
  setMotion(playing: boolean): void {
    this.flow.setPlaying(playing);
  }

  /**
   * Shows what the filters keep, through feature state only (see core/map-features.ts): links, spokes,
   * hubs with nothing kept are hidden, hubs take their kept counts and
   * countries their shades. Only states that differ from those set before are set again.
   */
  showKept(kept: KeptStates): void {
    this.kept = kept;
    this.flow.setKept(this.flowKept());
    this.labels?.setKept(kept);
    // Drawn at once, in the task of the change: the next frame the browser paints shows the map
    // and the panels changed together, whatever else waits for that frame.
    if (this.applyKept()) this.map.redraw();
  }

  /** Sets the states that changed since last time; whether any did (none before the sources exist). */
  private applyKept(): boolean {
    if (!this.sourcesReady) return false;
    return this.keptWriter.write(this.kept, (target, state) => this.map.setFeatureState(target, state)) > 0;
  }

  /**
   * Shows the labels, and the titles of MapLibre's own controls, in `lang`; `traditional` is the
   * Simplified → Traditional table (virtual:zh-hant), needed for zh-Hant only. The map itself is
   * not drawn again: its labels are HTML.
   */
  setLanguage(lang: Language, traditional: TraditionalTable = {}): void {
    const loc = localizer(lang, traditional);
    this.loc = loc;
    this.labels?.setLanguage(loc);
    const container = this.map.getContainer();
    const title = (selector: string, text: string) => {
      for (const element of container.querySelectorAll(selector)) {
        element.setAttribute('title', text);
        element.setAttribute('aria-label', text);
      }
    };
    title('.maplibregl-ctrl-zoom-in', loc.t('map.zoomIn'));
    title('.maplibregl-ctrl-zoom-out', loc.t('map.zoomOut'));
    title('.maplibregl-ctrl-attrib-button', loc.t('map.attribution'));
    this.map.getCanvas().setAttribute('aria-label', loc.t('map.canvas'));
  }

  /**
   * Draws for a room (presentation mode) or for a screen: wider, darker, cased links and larger
   * labels (see ROOM_STATE in style.ts), and comets as wide as the links.
   */
  setRoom(room: boolean): void {
    this.room = room;
    this.flow.setWidthScale(room ? ROOM_SCALE.links : 1);
    this.labels?.setRoom(room);
    // A presenter's arrows move the tour, not the map.
    if (room) this.map.keyboard.disable();
    else this.map.keyboard.enable();
    this.applyRoom();
  }

  /** Draws for the room or the screen as last asked, once the style can be changed. */
  private applyRoom(): void {
    if (!this.sourcesReady) return;
    this.map.setGlobalStateProperty(ROOM_STATE, this.room);
    for (const layer of roomLayers(this.features.bundled)) {
      // Under the ties it cases.
      if (this.room && !this.map.getLayer(layer.id)) this.map.addLayer(layer, firstTieLayer(this.features.bundled));
      if (!this.room && this.map.getLayer(layer.id)) this.map.removeLayer(layer.id);
    }
  }

  /** Keeps the bottom `px` clear when framing the ties: a bar covers it. */
  setFooter(px: number): void {
    this.footer = px;
  }

  /**
   * Moves to a camera (a link's, a tour step's), or frames what the filters keep when there is
   * none; animated as a flight unless `animate` is false, and skipped where the reader prefers
   * reduced motion (MapLibre's own rule).
   */
  moveTo(camera: Camera | null, animate = true): void {
    if (camera) this.map.flyTo({ center: [camera.lon, camera.lat], zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch, animate });
    else this.frameTies(animate);
  }

  /** Resolves once the camera has come to rest and the map has drawn every tile of the view, its sources loaded. */
  drawn(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        // loaded(): the style, the sources and their tiles (before the sources have any tiles,
        // there are none to be missing).
        if (this.map.isMoving() || !this.map.loaded()) return;
        this.map.off('render', check);
        resolve();
      };
      this.map.on('render', check);
      this.map.triggerRepaint();
    });
  }

  flyTo(centre: LonLat, zoom: number): void {
    this.map.flyTo({ center: centre, zoom });
  }

  onMoveEnd(listener: (camera: Camera) => void): void {
    this.map.on('moveend', () => {
      const { lng, lat } = this.map.getCenter();
      listener({ lon: lng, lat, zoom: this.map.getZoom(), bearing: this.map.getBearing(), pitch: this.map.getPitch() });
    });
  }

  view(): MapSight {
    const { lng, lat } = this.map.getCenter();
    // As MapLibre sized its canvas: the container's clientWidth would lay the page out there and
    // then (40 ms without a GPU when the picture panel first asks, as the map finishes drawing).
    const { width, height } = mapSize(this.map);
    const projection = this.map.getProjection()?.type === 'globe' ? 'globe' : 'mercator';
    return { camera: { centre: [lng, lat], zoom: this.map.getZoom(), projection }, width, height };
  }

  /**
   * The map as it is now, drawn again off screen at `scale` times its CSS pixels, with what
   * the filters keep, the selection, the room's drawing and the labels as placed on screen; for a PNG. The comets are left out: a
   * still picture has no flow. Where the GPU cannot draw that many pixels MapLibre draws fewer:
   * the canvas's size says how many.
   */
  async pixels(asked: number): Promise<HTMLCanvasElement> {
    const { width, height, camera } = this.view();
    if (width === 0 || height === 0) throw new FigureError('size', 'the map has no size on screen');
    const scale = Math.min(asked, Math.sqrt(MAX_PICTURE_PIXELS / (width * height)));
    // What shows now: a filter changed while the picture is drawn must not reach it.
    const style = this.map.getStyle();
    const kept = this.kept;
    const states = [...this.selected, ...this.faded.values()].map((feature) => ({ feature, state: this.map.getFeatureState(feature) }));
    const [room, bearing] = [this.room, this.map.getBearing()];
    // The labels as they are placed now: the copy has the same camera and size in CSS pixels.
    const labels = this.labels?.current() ?? null;
    const holder = document.createElement('div');
    holder.setAttribute('aria-hidden', 'true');
    Object.assign(holder.style, { position: 'fixed', left: `${-width - 64}px`, top: '0', width: `${width}px`, height: `${height}px`, pointerEvents: 'none' });
    document.body.append(holder);
    const copy = new maplibregl.Map({
      container: holder,
      style,
      center: camera.centre,
      zoom: camera.zoom,
      bearing,
      pixelRatio: scale,
      maxCanvasSize: [16384, 16384],
      interactive: false,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      fadeDuration: 0,
      validateStyle: false,
    });
    try {
      await copy.once('style.load');
      new KeptStateWriter(this.features).write(kept, (target, state) => copy.setFeatureState(target, state));
      for (const { feature, state } of states) copy.setFeatureState(feature, state);
      copy.setGlobalStateProperty(ROOM_STATE, room);
      await drawnOffScreen(copy);
      const picture = await readPixels(copy.getCanvas());
      await labels?.paint(picture, picture.width / width);
      return picture;
    } finally {
      copy.remove();
      holder.remove();
    }
  }


  /** Back to the view that holds every tie the filters keep (every tie, if they keep none). */
  frameTies(animate = true): void {
    const bounds = keptBounds(this.features, this.kept);
    const padding = framePadding(this.map.getContainer().clientWidth);
    this.map.fitBounds(bounds, { padding: { top: padding, left: padding, right: padding, bottom: padding + this.footer }, animate });
  }
}
