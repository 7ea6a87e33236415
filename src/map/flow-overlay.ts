// The flow along the links: comets that run from each link's start to its partner, drawn on a
// 2D canvas over the map. The map itself stays still; only this canvas is redrawn each frame,
// where re-rendering the map (as an animated line pattern or dash would) costs hundreds of
// milliseconds in software rendering. While paused, the comets stay where they
// are, their tails still showing the way each link runs.
//
// The overlay projects the links onto the screen, once per camera, into a comet scene; the
// comets' painter (map/comet-painter.ts) draws scenes on its own clock. Where the browser can
// hand the canvas to a worker (map/comet-worker.ts) the painter runs there, and the main thread
// does no work for the comets unless the camera, the size or the tracks change: without a GPU,
// a comet frame on the page cost 25 ms of drawing and as much again handing it to the compositor,
// 30 times a second, in the same thread as the map, the panels and the pointer.
import { arcDistance } from '../core/arc.ts';
import type { Feature, LineString } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LonLat } from '../core/arc.ts';
import type { LineProperties } from '../core/map-features.ts';
import type { CometMessage, CometScene } from './comet-painter.ts';
import CometWorker from './comet-worker.ts?worker';
import { horizonAngle } from './globe-camera.ts';
import { mapSize } from './map-size.ts';
import { ORIGIN_COLOURS, tint } from './palette.ts';
import { linkWidthAt } from './style.ts';

/** One comet per this many degrees of a link's length, at least one. */
const SPACING = 28;
/**
 * The most comets drawn in a frame: past it (thousands of links, never the real data's hundred)
 * only every n-th link runs comets, so that a frame stays a few milliseconds.
 */
const MAX_COMETS = 1500;

interface Track {
  id: string;
  coordinates: LonLat[];
  /** Length along the path from its start to each vertex, in degrees (of unwrapped lon/lat). */
  along: number[];
  width: number;
  comets: number;
  colour: string;
}

function track({ geometry, properties }: Feature<LineString, LineProperties>): Track {
  const coordinates = geometry.coordinates as LonLat[];
  const along = [0];
  for (let i = 1; i < coordinates.length; i++) {
    const [x0, y0] = coordinates[i - 1];
    const [x1, y1] = coordinates[i];
    along.push(along[i - 1] + Math.hypot(x1 - x0, y1 - y0));
  }
  return {
    id: properties.id,
    coordinates,
    along,
    width: properties.width,
    comets: Math.max(1, Math.round(along[along.length - 1] / SPACING)),
    colour: ORIGIN_COLOURS[properties.origin!],
  };
}

/** A track's vertices on screen for one camera; `hidden` marks those behind the globe's horizon. */
interface Projected {
  x: Float32Array;
  y: Float32Array;
  hidden: Uint8Array;
}

/** Where the comets are drawn: a worker holding the canvas, or a painter on the page. */
interface CometDrawer {
  send(message: CometMessage, transfer?: Transferable[]): void;
  stop(): void;
}

/**
 * A painter in a worker, drawing on the canvas handed to it; null where the browser cannot.
 * `failed` is called if the worker stops later (its file not found, an error in it).
 */
function inWorker(canvas: HTMLCanvasElement, failed: () => void): CometDrawer | null {
  if (typeof canvas.transferControlToOffscreen !== 'function') return null;
  let worker: Worker | null = null;
  try {
    worker = new CometWorker({ name: 'comets' });
    const offscreen = canvas.transferControlToOffscreen();
    worker.postMessage({ canvas: offscreen } satisfies CometMessage, [offscreen]);
  } catch (error) {
    console.warn('The comets cannot be drawn in a worker; they are drawn on the page.', error);
    worker?.terminate();
    return null;
  }
  const running = worker;
  running.addEventListener('error', (event) => {
    console.warn('The comets\' worker stopped; they are drawn on the page from now on.', event.message);
    running.terminate();
    failed();
  });
  return { send: (message, transfer = []) => running.postMessage(message, transfer), stop: () => running.terminate() };
}

/**
 * A painter on the page's own canvas, for browsers that cannot hand a canvas to a worker. Its code
 * loads when first needed: most browsers never need it, and the page's first chunk is kept small.
 */
function onPage(canvas: HTMLCanvasElement): CometDrawer {
  let stopped = false;
  const painter = import('./comet-painter.ts').then(
    ({ cometPainter }) => cometPainter(canvas, (callback) => requestAnimationFrame((now) => stopped || callback(now))),
    (error: unknown) => {
      console.warn('The comets could not be loaded; the map works without them.', error);
      return null;
    },
  );
  return {
    // In the order sent: each waits for the painter, then for those before it.
    send: (message) =>
      void painter.then((comets) => {
        if (!comets) return;
        if ('scene' in message) comets.setScene(message.scene);
        else if ('playing' in message) comets.setPlaying(message.playing);
      }),
    stop: () => {
      stopped = true;
    },
  };
}

/** The arrays a scene's message hands over to the worker rather than copies. */
function transferables(scene: CometScene): ArrayBuffer[] {
  const { copies, start, comets, lineWidth, colour, x, y, hidden, along } = scene;
  return [copies, start, comets, lineWidth, colour, x, y, hidden, along].map((array) => array.buffer as ArrayBuffer);
}

/** The comets' canvas: device pixels (see CometScene.ratio) in the map's box, over the map and under its controls. */
function overlayCanvas(map: MapLibreMap): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.className = 'atlas-flow';
  canvas.setAttribute('aria-hidden', 'true');
  Object.assign(canvas.style, { position: 'absolute', inset: '0', width: '100%', height: '100%', pointerEvents: 'none' });
  const container = map.getContainer();
  container.insertBefore(canvas, container.querySelector('.maplibregl-control-container'));
  return canvas;
}

export class FlowOverlay {
  private canvas: HTMLCanvasElement;
  private drawer: CometDrawer | null = null;
  /** Every link's track, built once; `shown` those the filters keep and the focus, if any, holds. */
  private tracks: Track[];
  private shown: Track[];
  private kept: ReadonlySet<string> | null = null;
  private focus: Set<string> | null = null;
  private playing = false;
  /** How much wider than on screen the comets are drawn: as the links are, for a room. */
  private widthScale = 1;
  private frame = 0;
  /** The camera the painter's scene was projected for. */
  private sentFor = '';
  /** Whether the next scene must be sent whatever the camera: the tracks or their widths changed. */
  private stale = true;
  private removed = false;
  /** Screen positions of the tracks' vertices, for the camera the last scene was sent for. */
  private readonly projected = new Map<Track, Projected>();

  /** Canvas pixels per device pixel: 1, or ½ where the map is drawn in software (see AtlasMap). */
  private readonly resolution: number;

  constructor(
    private readonly map: MapLibreMap,
    links: Feature<LineString, LineProperties>[],
    software = false,
  ) {
    this.resolution = software ? 0.5 : 1;
    this.tracks = links.map(track);
    this.shown = this.tracks;
    this.canvas = overlayCanvas(map);

    // A map given up for the SVG map (main.ts) takes its comets with it: no frame may ask it for its camera.
    map.once('remove', () => {
      this.removed = true;
      cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.drawer?.stop();
      this.canvas.remove();
    });
  }

  /**
   * Draws from now on: from the first setPlaying, which the app calls once the map is all drawn
   * (main.ts). Comets over a map still loading would show nothing useful, and each frame of
   * theirs would take the main thread from it; so would starting their worker.
   */
  private start(): void {
    if (this.drawer || this.removed) return;
    this.drawer = inWorker(this.canvas, () => this.drawOnPage()) ?? onPage(this.canvas);
    this.map.on('resize', () => this.requestScene());
    // In the frame the map drew, so that the comets keep up with a moving map. The map also draws
    // for what does not move the comets (a hover, a selection): sendScene checks the camera.
    this.map.on('render', () => this.sendScene());
    this.requestScene();
  }

  /** The worker stopped: the comets go on on the page, on a new canvas (the old one is the worker's). */
  private drawOnPage(): void {
    if (this.removed) return;
    const canvas = overlayCanvas(this.map);
    this.canvas.replaceWith(canvas);
    this.canvas = canvas;
    this.drawer = onPage(canvas);
    this.drawer.send({ playing: this.playing });
    this.requestScene();
  }

  /** Runs comets along the kept links only (see KeptStates.links). */
  setKept(links: ReadonlySet<string>): void {
    this.kept = links;
    this.updateShown();
  }

  /** Runs the comets along other lines (a bundled atlas's links from BUNDLE_ZOOM, its bundles below). */
  setTracks(links: Feature<LineString, LineProperties>[]): void {
    this.tracks = links.map(track);
    this.projected.clear();
    this.updateShown();
  }

  /** Runs or stops the comets. */
  setPlaying(playing: boolean): void {
    this.start();
    if (playing === this.playing) return;
    this.playing = playing;
    this.drawer?.send({ playing });
  }

  /** Shows the comets of these links only (the selection's), or of all links for null. */
  setFocus(links: Set<string> | null): void {
    this.focus = links;
    this.updateShown();
  }

  /** Draws the comets `scale` times their width on screen (ROOM_SCALE.links while presenting). */
  setWidthScale(scale: number): void {
    this.widthScale = scale;
    this.requestScene();
  }

  /** The tracks the comets run on, chosen when the filters or the focus change rather than in every frame. */
  private updateShown(): void {
    const { kept, focus } = this;
    this.shown = this.tracks.filter((track) => (!kept || kept.has(track.id)) && (!focus || focus.has(track.id)));
    this.requestScene();
  }

  /** Sends the painter a new scene in the next frame: the tracks, their widths or the size changed. */
  private requestScene(): void {
    this.stale = true;
    if (!this.drawer || this.removed) return;
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.sendScene();
    });
  }

  /** Sends the painter the scene for the map as it is now, if the camera moved or the scene is stale. */
  private sendScene(): void {
    if (!this.drawer || this.removed) return;
    const camera = this.camera();
    if (!this.stale && camera === this.sentFor) return;
    if (camera !== this.sentFor) this.projected.clear();
    this.stale = false;
    this.sentFor = camera;
    const scene = this.scene();
    this.drawer.send({ scene }, transferables(scene));
  }

  /** The map's camera, its size and the screen's pixel ratio as a key: the comets follow each change. */
  private camera(): string {
    const { map } = this;
    const { lng, lat } = map.getCenter();
    const { width, height } = mapSize(map);
    return [lng, lat, map.getZoom(), map.getBearing(), map.getPitch(), map.getProjection()?.type, width, height, devicePixelRatio].join();
  }

  /** The vertices of `track` on screen, projected again only when the camera or the size changed (see sendScene). */
  private onScreen(track: Track, hiddenAt: (lon: number, lat: number) => boolean): Projected {
    let projected = this.projected.get(track);
    if (!projected) {
      const n = track.coordinates.length;
      projected = { x: new Float32Array(n), y: new Float32Array(n), hidden: new Uint8Array(n) };
      track.coordinates.forEach(([lon, lat], i) => {
        const { x, y } = this.map.project([lon, lat]);
        projected!.x[i] = x;
        projected!.y[i] = y;
        projected!.hidden[i] = hiddenAt(lon, lat) ? 1 : 0;
      });
      this.projected.set(track, projected);
    }
    return projected;
  }

  /** The shown tracks on screen for this camera, packed for the painter. */
  private scene(): CometScene {
    const { map } = this;
    const { width, height } = mapSize(map);
    const zoom = map.getZoom();
    const centre = map.getCenter();
    const globe = map.getProjection()?.type === 'globe';
    // On the globe, what lies beyond the horizon (less a little, for the comet's width) is hidden.
    const horizon = horizonAngle(zoom, centre.lat, map.getVerticalFieldOfView(), height) - 0.03;
    const hiddenAt = (lon: number, lat: number) => globe && arcDistance([centre.lng, centre.lat], [lon, lat]) > horizon;
    // A flat map repeats the world sideways, a turn of longitude apart: each comet shows on every copy in view.
    const origin = map.project([0, 0]);
    const turn = map.project([360, 0]);
    const copies = globe ? [0, 0] : [-1, 0, 1].flatMap((k) => [k * (turn.x - origin.x), k * (turn.y - origin.y)]);
    const comets = this.shown.reduce((sum, track) => sum + track.comets, 0);
    const stride = Math.max(1, Math.ceil(comets / MAX_COMETS));
    const tracks = this.shown.filter((_, i) => i % stride === 0);
    const vertices = tracks.reduce((sum, track) => sum + track.coordinates.length, 0);
    const colours: string[] = [];
    const scene: CometScene = {
      width,
      height,
      ratio: devicePixelRatio * this.resolution,
      copies: Float64Array.from(copies),
      start: new Uint32Array(tracks.length + 1),
      comets: new Uint16Array(tracks.length),
      lineWidth: new Float32Array(tracks.length),
      colour: new Uint8Array(tracks.length),
      x: new Float32Array(vertices),
      y: new Float32Array(vertices),
      hidden: new Uint8Array(vertices),
      along: new Float32Array(vertices),
      colours,
      heads: [],
    };
    let offset = 0;
    for (const [i, track] of tracks.entries()) {
      const { x, y, hidden } = this.onScreen(track, hiddenAt);
      scene.start[i] = offset;
      scene.comets[i] = track.comets;
      scene.lineWidth[i] = Math.max(2, linkWidthAt(zoom, track.width) * 1.3 * this.widthScale);
      if (!colours.includes(track.colour)) colours.push(track.colour);
      scene.colour[i] = colours.indexOf(track.colour);
      scene.x.set(x, offset);
      scene.y.set(y, offset);
      scene.hidden.set(hidden, offset);
      scene.along.set(track.along, offset);
      offset += track.coordinates.length;
    }
    scene.start[tracks.length] = offset;
    scene.heads = colours.map((colour) => tint(colour, '#ffffff', 0.5));
    return scene;
  }
}
