// The flow along the links: comets that run from each link's start to its partner, drawn on a
// 2D canvas over the map. The map itself stays still; only this canvas is redrawn each frame,
// which costs a few milliseconds where re-rendering the map (as an animated line pattern or
// dash would) costs a hundred in software rendering. While paused, the comets stay where they
// are, their tails still showing the way each link runs.
//
// Each frame must stay small, and make little garbage: it shares the main thread with the map
// and the panels, and a collection it provokes lands in whatever they do next. A link's vertices
// are projected to the screen once per camera, not once per comet per frame; comets move along
// the projected polyline (its vertices lie a degree and a half apart, so straight steps between
// them follow the curve).
import { arcDistance } from '../core/arc.ts';
import type { Feature, LineString } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LonLat } from '../core/arc.ts';
import type { LineProperties } from '../core/map-features.ts';
import { horizonAngle } from './globe-camera.ts';
import { mapSize } from './map-size.ts';
import { ORIGIN_COLOURS, tint } from './palette.ts';
import { linkWidthAt } from './style.ts';

/** Time for a comet to travel from one to the next along a link, in milliseconds. */
const PERIOD = 2600;
/** One comet per this many degrees of a link's length, at least one. */
const SPACING = 28;
/** A comet's length in degrees, at most a third of its link. */
const LENGTH = 9;
const TAIL_POINTS = 5;
/**
 * The most comets drawn in a frame: past it (thousands of links, never the real data's hundred)
 * only every n-th link runs comets, so that the frame stays a few milliseconds and the map, the
 * table and the pointer keep the main thread.
 */
const MAX_COMETS = 1500;
/**
 * The comets advance 30 times a second, not at the display's rate: they move slowly and
 * steadily, and every new overlay frame is composited over the whole map (in software where
 * there is no GPU), on cores the map and the panels need. When the camera moves, the overlay
 * follows it in every frame the map draws.
 */
export const COMET_FPS = 30;
const COMET_FRAME_MS = 1000 / COMET_FPS;
/** Slack for the display's frame times, which jitter around their period. */
const FRAME_SLACK_MS = 2;

interface Track {
  id: string;
  coordinates: LonLat[];
  /** Length along the path from its start to each vertex, in degrees (of unwrapped lon/lat). */
  along: number[];
  width: number;
  comets: number;
  colour: string;
  head: string;
}

function track({ geometry, properties }: Feature<LineString, LineProperties>): Track {
  const coordinates = geometry.coordinates as LonLat[];
  const along = [0];
  for (let i = 1; i < coordinates.length; i++) {
    const [x0, y0] = coordinates[i - 1];
    const [x1, y1] = coordinates[i];
    along.push(along[i - 1] + Math.hypot(x1 - x0, y1 - y0));
  }
  const colour = ORIGIN_COLOURS[properties.origin!];
  return {
    id: properties.id,
    coordinates,
    along,
    width: properties.width,
    comets: Math.max(1, Math.round(along[along.length - 1] / SPACING)),
    colour,
    head: tint(colour, '#ffffff', 0.5),
  };
}

/** A track's vertices on screen for one camera; `hidden` marks those behind the globe's horizon. */
interface Projected {
  x: Float64Array;
  y: Float64Array;
  hidden: Uint8Array;
}

/** The index of the segment of `along` (cumulative lengths) that holds `distance`: 1 for the first. */
function segmentAt(along: number[], distance: number): number {
  let low = 1;
  let high = along.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (along[middle]! < distance) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class FlowOverlay {
  private readonly canvas = document.createElement('canvas');
  // A canvas in main memory: where the browser composites without a GPU, a GPU canvas would be
  // read back every frame, and that readback costs more than all the drawing.
  private readonly context = this.canvas.getContext('2d', { willReadFrequently: true })!;
  /** Every link's track, built once; `shown` those the filters keep and the focus, if any, holds. */
  private tracks: Track[];
  private shown: Track[];
  private kept: ReadonlySet<string> | null = null;
  private playing = false;
  /** Where the comets are, 0–1 of the way to the next; frozen while paused. */
  private phase = 0;
  private startedAt = 0;
  private focus: Set<string> | null = null;
  /** How much wider than on screen the comets are drawn: as the links are, for a room. */
  private widthScale = 1;
  private frame = 0;
  /** When the comets last advanced, and for which camera. */
  private drawnAt = -Infinity;
  private drawnFor = '';
  /** Whether the next frame must be drawn whatever the time: the size, the tracks or the motion changed. */
  private stale = true;
  /** Whether the overlay draws: from start() until the map is removed. */
  private drawing = false;
  private removed = false;
  /** Screen positions of the tracks' vertices, and the camera they were projected for. */
  private projected = new Map<Track, Projected>();
  private projectedFor = '';
  /** One comet's tail on screen, reused from comet to comet. */
  private readonly tailX = new Float64Array(TAIL_POINTS);
  private readonly tailY = new Float64Array(TAIL_POINTS);

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
    this.canvas.className = 'atlas-flow';
    this.canvas.setAttribute('aria-hidden', 'true');
    // The canvas holds device pixels (see resize); its box is the map's, in CSS pixels.
    Object.assign(this.canvas.style, { position: 'absolute', inset: '0', width: '100%', height: '100%', pointerEvents: 'none' });
    // Over the map, under its controls.
    const container = map.getContainer();
    container.insertBefore(this.canvas, container.querySelector('.maplibregl-control-container'));

    // A map given up for the SVG map (main.ts) takes its comets with it: no frame may ask it for its camera.
    map.once('remove', () => {
      this.drawing = false;
      this.removed = true;
      cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.canvas.remove();
    });
  }

  /**
   * Draws from now on: from the first setPlaying, which the app calls once the map is all drawn
   * (main.ts). Comets over a map still loading would show nothing useful, and each frame of
   * theirs would take the main thread from it.
   */
  private start(): void {
    if (this.drawing || this.removed) return;
    this.drawing = true;
    this.map.on('resize', () => this.requestDraw());
    // The map also renders for what does not move the comets (a hover, a selection):
    // the frame checks whether the camera moved (see requestDraw).
    this.map.on('render', () => this.requestDraw(false));
    this.requestDraw();
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
    this.startedAt = performance.now() - this.phase * PERIOD;
    this.requestDraw();
  }

  /** Shows the comets of these links only (the selection's), or of all links for null. */
  setFocus(links: Set<string> | null): void {
    this.focus = links;
    this.updateShown();
  }

  /** Draws the comets `scale` times their width on screen (ROOM_SCALE.links while presenting). */
  setWidthScale(scale: number): void {
    this.widthScale = scale;
    this.requestDraw();
  }

  /** The tracks the comets run on, chosen when the filters or the focus change rather than in every frame. */
  private updateShown(): void {
    const { kept, focus } = this;
    this.shown = this.tracks.filter((track) => (!kept || kept.has(track.id)) && (!focus || focus.has(track.id)));
    this.requestDraw();
  }

  private requestDraw(stale = true): void {
    this.stale ||= stale;
    if (!this.drawing) return;
    this.frame ||= requestAnimationFrame((now) => {
      this.frame = 0;
      const camera = this.camera();
      const due = this.playing && now - this.drawnAt > COMET_FRAME_MS - FRAME_SLACK_MS;
      if (this.stale || due || camera !== this.drawnFor) {
        this.stale = false;
        this.drawnAt = now;
        this.drawnFor = camera;
        this.draw(camera);
      }
      if (this.playing) this.requestDraw(false);
    });
  }

  private resize(): void {
    const ratio = devicePixelRatio * this.resolution;
    const { width, height } = mapSize(this.map);
    if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
    }
    this.context.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  /** The vertices of `track` on screen, projected again only when the camera or the size changed. */
  private onScreen(track: Track, camera: string, hiddenAt: (lon: number, lat: number) => boolean): Projected {
    if (camera !== this.projectedFor) {
      this.projected.clear();
      this.projectedFor = camera;
    }
    let projected = this.projected.get(track);
    if (!projected) {
      const n = track.coordinates.length;
      projected = { x: new Float64Array(n), y: new Float64Array(n), hidden: new Uint8Array(n) };
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

  /**
   * Puts the comet's tail (TAIL_POINTS points ending `head` degrees along the track, `length`
   * long) into tailX/tailY; false when part of it is behind the globe.
   */
  private tail(track: Track, { x, y, hidden }: Projected, head: number, length: number): boolean {
    for (let i = 0; i < TAIL_POINTS; i++) {
      const distance = Math.max(0, head - length * (1 - i / (TAIL_POINTS - 1)));
      const segment = segmentAt(track.along, distance);
      if (hidden[segment - 1] || hidden[segment]) return false;
      const t = (distance - track.along[segment - 1]!) / (track.along[segment]! - track.along[segment - 1]! || 1);
      this.tailX[i] = x[segment - 1]! + (x[segment]! - x[segment - 1]!) * t;
      this.tailY[i] = y[segment - 1]! + (y[segment]! - y[segment - 1]!) * t;
    }
    return true;
  }

  /** The map's camera as a key: comets follow it in every frame it changes. */
  private camera(): string {
    const { map } = this;
    const { lng, lat } = map.getCenter();
    return [lng, lat, map.getZoom(), map.getBearing(), map.getPitch(), map.getProjection()?.type].join();
  }

  private draw(camera: string): void {
    if (this.playing) this.phase = ((performance.now() - this.startedAt) % PERIOD) / PERIOD;
    this.resize();
    const { context, map, tailX, tailY } = this;
    const width = this.canvas.width / (devicePixelRatio * this.resolution);
    const height = this.canvas.height / (devicePixelRatio * this.resolution);
    context.clearRect(0, 0, width, height);
    context.lineCap = 'round';
    const zoom = map.getZoom();
    const centre = map.getCenter();
    const globe = map.getProjection()?.type === 'globe';
    const projectedFor = `${camera},${width},${height}`;
    // On the globe, what lies beyond the horizon (less a little, for the comet's width) is hidden.
    const horizon = horizonAngle(zoom, centre.lat, map.getVerticalFieldOfView(), height) - 0.03;
    const hiddenAt = (lon: number, lat: number) => globe && arcDistance([centre.lng, centre.lat], [lon, lat]) > horizon;
    // A flat map repeats the world sideways, a turn of longitude apart: each comet shows on every copy in view.
    const origin = map.project([0, 0]);
    const turn = map.project([360, 0]);
    const copies: [number, number][] = globe ? [[0, 0]] : [-1, 0, 1].map((k) => [k * (turn.x - origin.x), k * (turn.y - origin.y)]);
    const { shown } = this;
    const comets = shown.reduce((sum, track) => sum + track.comets, 0);
    const stride = Math.max(1, Math.ceil(comets / MAX_COMETS));
    for (const [i, track] of shown.entries()) {
      if (i % stride !== 0) continue;
      const projected = this.onScreen(track, projectedFor, hiddenAt);
      const total = track.along[track.along.length - 1]!;
      const length = Math.min(LENGTH, total / 3);
      const lineWidth = Math.max(2, linkWidthAt(zoom, track.width) * 1.3 * this.widthScale);
      context.lineWidth = lineWidth;
      context.fillStyle = track.head;
      for (let comet = 0; comet < track.comets; comet++) {
        const head = ((this.phase + comet / track.comets) % 1) * total;
        if (!this.tail(track, projected, head, length)) continue;
        const last = TAIL_POINTS - 1;
        for (const [dx, dy] of copies) {
          const tipX = tailX[last]! + dx;
          const tipY = tailY[last]! + dy;
          if (tipX < -20 || tipX > width + 20 || tipY < -20 || tipY > height + 20) continue;
          const gradient = context.createLinearGradient(tailX[0]! + dx, tailY[0]! + dy, tipX, tipY);
          gradient.addColorStop(0, `${track.colour}00`);
          gradient.addColorStop(1, track.colour);
          context.strokeStyle = gradient;
          context.beginPath();
          context.moveTo(tailX[0]! + dx, tailY[0]! + dy);
          for (let p = 1; p < TAIL_POINTS; p++) context.lineTo(tailX[p]! + dx, tailY[p]! + dy);
          context.stroke();
          context.beginPath();
          context.arc(tipX, tipY, lineWidth * 0.45, 0, 2 * Math.PI);
          context.fill();
        }
      }
    }
  }
}
