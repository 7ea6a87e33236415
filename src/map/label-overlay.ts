// The live map's labels (labels.ts) and sites' markers (site-markers.ts) as HTML over its canvas:
// the browser draws them off the map's WebGL canvas, the labels' text in the page's own font, so
// that showing them, or changing their words, costs no picture of the map. They are laid out
// again whenever the map draws from another camera or at another size, in the task that draws it,
// so they move with the map frame by frame.
import { arcDistance, type LonLat } from '../core/arc.ts';
import type { AtlasFeatures, KeptStates, PointProperties } from '../core/map-features.ts';
import { ANCHOR_SHIFT } from '../core/label-placement.ts';
import type { Selection } from '../core/selection.ts';
import type { Localizer } from '../i18n/localizer.ts';
import { loadFontFiles } from '../load/font-files.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { horizonAngle } from './globe-camera.ts';
import { mapSize } from './map-size.ts';
import { inSlices, nextTask } from '../load/next-task.ts';
import { LABEL_FAMILY, LABEL_STYLE, labelAlign, labelFont, labelScale, labelShown, labelWeight, labelWords, LINE_HEIGHT, mapLabels, paintLabels, SECOND_LINE_SCALE, type MapLabel } from './labels.ts';
import { PAPER } from './palette.ts';
import { diamondPath, FADED_SITE_OPACITY, paintSiteMarkers, SITE_STROKE_WIDTH, siteMarker, type SiteMarker } from './site-markers.ts';
import { ROOM_SCALE } from './style.ts';

/** Text is measured in this size and scaled: widths grow in proportion, and one measure serves every zoom. */
const MEASURED_SIZE = 100;

/** What a label's element shows now, so that only what changed is written. */
interface Shown {
  element: HTMLElement;
  text: string;
  style: string;
  transform: string;
  visible: boolean;
}

/** Loads the font files that draw these lines, in their weights (see loadFontFiles). */
const loadFonts = (lines: { bold: boolean; text: string }[]) => loadFontFiles(lines.map(({ bold, text }) => ({ weight: labelWeight({ bold }), text })));

/** What a site marker's element shows now, so that only what changed is written. */
interface ShownMarker {
  element: SVGSVGElement;
  path: SVGPathElement;
  look: string;
  transform: string;
  faded: boolean;
  visible: boolean;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The labels and site markers placed for a picture of the map, to paint on its pixels. */
export interface PlacedLabels {
  /** Paints them, once the labels' font files are in, on a canvas `scale` times their pixels. */
  paint(canvas: HTMLCanvasElement, scale: number): Promise<void>;
}

/** What the overlay shows from the start: what the filters keep, the language, the room, the selection, the site under the pointer. */
export interface LabelState {
  kept: KeptStates;
  loc: Localizer;
  room: boolean;
  selection: Selection | null;
  hoveredSite: string | null;
}

/** A point on screen, on one copy of the world: `key` tells the copies apart (see place). */
interface OnScreen {
  properties: PointProperties;
  key: string;
  at: [number, number];
}

export class LabelOverlay {
  private readonly layer = document.createElement('div');
  /** The sites' markers, under the labels, shown from the start (they need no font). */
  private readonly siteLayer = document.createElement('div');
  private readonly points: { coordinates: LonLat; properties: PointProperties }[];
  private readonly shown = new Map<string, Shown>();
  private readonly shownMarkers = new Map<string, ShownMarker>();
  private kept: KeptStates;
  private loc: Localizer;
  private room: boolean;
  private selection: Selection | null;
  private hoveredSite: string | null;
  /** Whether the labels show: once their font files are in (see show). */
  private visible = false;
  /** Set once the map is removed: nothing may ask it for its camera after. */
  private removed = false;
  /** The camera and size the markers (and the labels, if they show) were laid out for. */
  private laidOutFor = '';
  private placed: MapLabel[] = [];
  /** The sites on screen at that camera, and the markers placed there for the selection. */
  private sites: OnScreen[] = [];
  private markers: SiteMarker[] = [];
  /** Widths of texts at MEASURED_SIZE, by font and text; emptied when a font file comes in. */
  private readonly widths = new Map<string, number>();
  private readonly measurer = document.createElement('canvas').getContext('2d')!;

  constructor(
    private readonly map: MapLibreMap,
    features: AtlasFeatures,
    { kept, loc, room, selection, hoveredSite }: LabelState,
  ) {
    [this.kept, this.loc, this.room, this.selection, this.hoveredSite] = [kept, loc, room, selection, hoveredSite];
    this.points = features.points.features.map((point) => ({ coordinates: point.geometry.coordinates as LonLat, properties: point.properties }));
    this.layer.className = 'atlas-labels';
    // The map is described to assistive technology as a whole (its canvas's label and the table).
    this.layer.setAttribute('aria-hidden', 'true');
    this.layer.style.setProperty('--halo', PAPER.halo);
    // The lines' heights as the placement counts them (labels.ts), for the stylesheet (index.html).
    this.layer.style.setProperty('--label-line-height', String(LINE_HEIGHT));
    this.layer.style.setProperty('--label-second-line', `${SECOND_LINE_SCALE}em`);
    // The family the labels are measured in (see measure), whatever the map's own stylesheet says.
    this.layer.style.fontFamily = LABEL_FAMILY;
    this.layer.hidden = true;
    this.siteLayer.className = 'atlas-sites';
    this.siteLayer.setAttribute('aria-hidden', 'true');
    const container = map.getContainer();
    const controls = container.querySelector('.maplibregl-control-container');
    container.insertBefore(this.siteLayer, controls);
    container.insertBefore(this.layer, controls);
    map.on('render', () => this.layOut());
    // Until its font file is in, a text is measured in the browser's fallback.
    const measureAgain = () => {
      this.widths.clear();
      this.placeAgain();
    };
    document.fonts.addEventListener('loadingdone', measureAgain);
    // A map given up for the SVG map (main.ts) takes its labels with it.
    map.once('remove', () => {
      document.fonts.removeEventListener('loadingdone', measureAgain);
      this.removed = true;
      this.layer.remove();
      this.siteLayer.remove();
    });
    this.layOut();
  }

  /**
   * Shows the labels (the first picture comes without them, see AtlasMap.finishDrawing) once the
   * font files of every label's words are in: measured and drawn once, in their own font, rather
   * than first in a fallback the browser would have to find, load and shape with (see loadFonts).
   */
  async show(): Promise<void> {
    // After the markers' first layout (the constructor's), in a task of its own.
    await nextTask();
    if (this.removed) return;
    const lines = this.points.flatMap(({ properties: point }) => labelWords(point, this.loc).map((text) => ({ bold: LABEL_STYLE[point.kind].bold, text })));
    await loadFonts(lines);
    // Measured a slice a task, before the first placement: all at once, with the placement, they
    // held the page some 70 ms without a GPU, a click waiting behind them.
    await inSlices(lines, ({ bold, text }) => {
      if (!this.removed) this.measure(text, (size) => labelFont({ bold }, size), MEASURED_SIZE);
    });
    if (this.removed) return;
    this.visible = true;
    this.layer.hidden = false;
    this.placeAgain();
  }

  setLanguage(loc: Localizer): void {
    this.loc = loc;
    this.placeAgain();
  }

  /**
   * Shows what the filters keep. A hidden label keeps its place, so the placement stands: only
   * which labels show changes (a filter change answers within a frame, see `npm run bench`).
   */
  setKept(kept: KeptStates): void {
    this.kept = kept;
    this.placed = this.placed.map((label) => ({ ...label, shown: labelShown(label, kept) }));
    if (this.visible && !this.removed) this.write();
  }

  setRoom(room: boolean): void {
    this.room = room;
    this.placeAgain();
  }

  /** Fades the site markers that another selection leaves out, as the map fades its lines and hubs. */
  setSelection(selection: Selection | null): void {
    this.selection = selection;
    this.markAgain();
  }

  /** Shows in full the marker of the site under the pointer, faded or not. */
  setHoveredSite(site: string | null): void {
    if (site === this.hoveredSite) return;
    this.hoveredSite = site;
    this.markAgain();
  }

  private markAgain(): void {
    if (this.removed) return;
    this.markSites();
    this.writeMarkers();
  }

  /** Places the labels anew at the next look, whatever the camera, and now while they show. */
  private placeAgain(): void {
    this.laidOutFor = '';
    this.layOut();
  }

  /** The labels and markers placed for the map as it is now, shown yet or not: a picture of the map at this camera and size draws them. */
  current(): PlacedLabels {
    this.layOut(true);
    const { placed: labels, markers } = this;
    return {
      paint: async (canvas, scale) => {
        await loadFonts(labels.flatMap((label) => label.lines.map((text) => ({ bold: label.bold, text }))));
        const context = canvas.getContext('2d')!;
        paintSiteMarkers(context, markers, scale);
        paintLabels(context, labels, scale);
      },
    };
  }

  /**
   * Places the markers, and the labels while they show, and writes them into the page: only when
   * the camera or the size changed, not in every frame the map draws (a hover, a selection).
   * What changes without the camera (the filters, the selection) writes itself. A picture
   * places the labels whether they show or not.
   */
  private layOut(withLabels = this.visible): void {
    if (!this.place(withLabels)) return;
    this.writeMarkers();
    if (this.visible) this.write();
  }

  /**
   * Places the markers, and the labels if asked, for the map's camera and size, unless they are
   * placed for them already (false then). Labels are placed only once they show (or for a
   * picture): placing them costs tens of milliseconds, and their words are measured in their font.
   */
  private place(withLabels: boolean): boolean {
    if (this.removed) return false;
    const { map } = this;
    const { width, height } = mapSize(map);
    const centre = map.getCenter();
    const zoom = map.getZoom();
    const globe = map.getProjection()?.type === 'globe';
    const camera = [centre.lng, centre.lat, zoom, map.getBearing(), globe, width, height, withLabels].join();
    if (camera === this.laidOutFor) return false;
    this.laidOutFor = camera;
    // On the globe, what lies beyond the horizon is hidden. The flat map repeats the world
    // sideways: each point on the copy nearest the centre first, then on as many copies either
    // side as the screen shows (their labels come after the nearest copy's, and are keyed `@n`).
    const horizon = globe ? horizonAngle(zoom, centre.lat, map.getVerticalFieldOfView(), height) - 0.03 : Math.PI;
    const worldWidth = 512 * 2 ** zoom;
    const sides = globe ? 0 : Math.ceil(width / worldWidth / 2);
    const copies = [0, ...Array.from({ length: sides }, (_, i) => [-(i + 1), i + 1]).flat()];
    const points = copies.flatMap((copy) =>
      this.points.map(({ coordinates: [lon, lat], properties }) => ({
        coordinates: [globe ? lon : lon + 360 * (Math.round((centre.lng - lon) / 360) + copy), lat] as LonLat,
        properties,
      })),
    );
    const project = ([lon, lat]: LonLat): [number, number] | null => {
      if (globe && arcDistance([centre.lng, centre.lat], [lon, lat]) > horizon) return null;
      const { x, y } = map.project([lon, lat]);
      return [x, y];
    };
    // A marker is at most some 9 px from its point to its edge.
    const margin = 10;
    this.sites = [];
    points.forEach(({ coordinates, properties }, i) => {
      if (properties.kind !== 'site') return;
      const at = project(coordinates);
      if (at && at[0] > -margin && at[0] < width + margin && at[1] > -margin && at[1] < height + margin) {
        const copy = Math.floor(i / this.points.length);
        this.sites.push({ properties, key: copy === 0 ? properties.key : `${properties.key}@${copy}`, at });
      }
    });
    this.markSites();
    if (withLabels) {
      const scale = labelScale(width) * (this.room ? ROOM_SCALE.labels : 1);
      this.placed = mapLabels(points, { zoom, width, height, loc: this.loc, scale, kept: this.kept, project, measure: (text, font, size) => this.measure(text, font, size) });
    }
    return true;
  }

  /** The markers of the sites on screen, faded or not for the selection. */
  private markSites(): void {
    const zoom = this.map.getZoom();
    this.markers = this.sites.map(({ properties, key, at }) => siteMarker(properties, key, at, zoom, this.selection, this.hoveredSite));
  }

  /** How wide `text` is drawn in `font` at `size` pixels, as the browser measures it. */
  private measure(text: string, font: (size: number) => string, size: number): number {
    const key = `${font(MEASURED_SIZE)}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.measurer.font = font(MEASURED_SIZE);
      width = this.measurer.measureText(text).width;
      this.widths.set(key, width);
    }
    return (width * size) / MEASURED_SIZE;
  }

  /** Writes the placed labels into their elements, touching only what changed; hides the rest. */
  private write(): void {
    const placed = new Set<string>();
    for (const label of this.placed) {
      placed.add(label.key);
      let shown = this.shown.get(label.key);
      if (!shown) {
        const element = document.createElement('div');
        element.className = 'atlas-label';
        element.dataset.key = label.key;
        element.style.visibility = 'hidden';
        element.append(document.createElement('span'), document.createElement('span'));
        this.layer.append(element);
        shown = { element, text: '', style: '', transform: '', visible: false };
        this.shown.set(label.key, shown);
      }
      const { element } = shown;
      const text = label.lines.join('\n');
      if (text !== shown.text) {
        shown.text = text;
        // Names are data: set as text, never as markup.
        label.lines.forEach((line, i) => (element.children[i]!.textContent = line));
      }
      const [shiftX, shiftY] = ANCHOR_SHIFT[label.anchor];
      const style = `${label.bold} ${label.size.toFixed(1)} ${label.colour} ${label.anchor}`;
      if (style !== shown.style) {
        shown.style = style;
        element.style.fontWeight = String(labelWeight(label));
        element.style.fontSize = `${label.size.toFixed(1)}px`;
        element.style.color = label.colour;
        element.style.textAlign = labelAlign(label.anchor);
      }
      // The anchor's point, then the box moved by its own size: the text's real size, whatever the placement's estimate.
      const transform = `translate(${label.x.toFixed(1)}px, ${label.y.toFixed(1)}px) translate(${-shiftX * 100}%, ${-shiftY * 100}%)`;
      if (transform !== shown.transform) {
        shown.transform = transform;
        element.style.transform = transform;
      }
      setVisible(shown, label.shown);
    }
    for (const [key, shown] of this.shown) if (!placed.has(key)) setVisible(shown, false);
  }

  /** Writes the markers into their elements, touching only what changed; hides the rest. */
  private writeMarkers(): void {
    const placed = new Set<string>();
    for (const marker of this.markers) {
      placed.add(marker.key);
      let shown = this.shownMarkers.get(marker.key);
      if (!shown) {
        const element = document.createElementNS(SVG, 'svg');
        element.classList.add('atlas-site');
        element.dataset.site = marker.id;
        const path = document.createElementNS(SVG, 'path');
        path.setAttribute('stroke-width', String(SITE_STROKE_WIDTH));
        path.setAttribute('stroke-linejoin', 'round');
        element.append(path);
        this.siteLayer.append(element);
        shown = { element, path, look: '', transform: '', faded: false, visible: true };
        this.shownMarkers.set(marker.key, shown);
      }
      // The diamond in a box of its own, with room for its outline; the box moves with the site.
      const half = Math.ceil(marker.radius + SITE_STROKE_WIDTH);
      const look = `${half} ${marker.radius} ${marker.fill} ${marker.stroke}`;
      if (look !== shown.look) {
        shown.look = look;
        shown.element.setAttribute('width', String(2 * half));
        shown.element.setAttribute('height', String(2 * half));
        shown.path.setAttribute('d', diamondPath(half, half, marker.radius));
        shown.path.setAttribute('fill', marker.fill);
        shown.path.setAttribute('stroke', marker.stroke);
      }
      const transform = `translate(${(marker.x - half).toFixed(1)}px, ${(marker.y - half).toFixed(1)}px)`;
      if (transform !== shown.transform) {
        shown.transform = transform;
        shown.element.style.transform = transform;
      }
      if (marker.faded !== shown.faded) {
        shown.faded = marker.faded;
        shown.element.style.opacity = marker.faded ? String(FADED_SITE_OPACITY) : '';
      }
      setVisible(shown, true);
    }
    for (const [key, shown] of this.shownMarkers) if (!placed.has(key)) setVisible(shown, false);
  }
}

/** Shows or hides a label's or a marker's element, keeping its place; touches it only if that changes. */
function setVisible(shown: { element: ElementCSSInlineStyle; visible: boolean }, visible: boolean): void {
  if (shown.visible === visible) return;
  shown.visible = visible;
  shown.element.style.visibility = visible ? '' : 'hidden';
}
