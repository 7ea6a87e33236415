// The live map's labels (labels.ts) as HTML over its canvas: the browser draws their text in the
// page's own font, off the map's WebGL canvas, so that showing them, or changing their words,
// costs no picture of the map. They are laid out again whenever the map draws from another
// camera or at another size, in the task that draws it, so they move with the map frame by frame.
import { arcDistance, type LonLat } from '../core/arc.ts';
import type { AtlasFeatures, KeptStates, PointProperties } from '../core/map-features.ts';
import { ANCHOR_SHIFT } from '../core/label-placement.ts';
import type { Localizer } from '../i18n/localizer.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { horizonAngle } from './globe-camera.ts';
import { LABEL_FAMILY, LABEL_STYLE, labelAlign, labelFont, labelScale, labelShown, labelWords, LINE_HEIGHT, mapLabels, paintLabels, SECOND_LINE_SCALE, type MapLabel } from './labels.ts';
import { PAPER } from './palette.ts';
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

/** How long labels wait for their font files before they show in the browser's fallback: a stalled network must not hold the map. */
const FONT_WAIT_MS = 4000;

/**
 * Loads the font files that draw these lines, in their weights; resolves when they are in, when
 * one fails, or after FONT_WAIT_MS, whichever comes first.
 */
function loadFonts(lines: { bold: boolean; text: string }[]): Promise<void> {
  const byFont = new Map<string, string>();
  for (const { bold, text } of lines) {
    const font = labelFont({ bold }, 16);
    byFont.set(font, (byFont.get(font) ?? '') + text);
  }
  const loads = Promise.all([...byFont].map(([font, text]) => document.fonts.load(font, text)));
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FONT_WAIT_MS);
    loads.then(
      () => resolve(),
      () => resolve(),
    ).finally(() => clearTimeout(timer));
  });
}

/** The labels placed for a picture of the map, to paint on its pixels. */
export interface PlacedLabels {
  /** Paints them, once their font files are in, on a canvas `scale` times their pixels. */
  paint(canvas: HTMLCanvasElement, scale: number): Promise<void>;
}

/** What the labels show from the start: what the filters keep, the language, the room. */
export interface LabelState {
  kept: KeptStates;
  loc: Localizer;
  room: boolean;
}

export class LabelOverlay {
  private readonly layer = document.createElement('div');
  private readonly points: { coordinates: LonLat; properties: PointProperties }[];
  private readonly shown = new Map<string, Shown>();
  private kept: KeptStates;
  private loc: Localizer;
  private room: boolean;
  private visible = false;
  /** Set once the map is removed: nothing may ask it for its camera after. */
  private removed = false;
  /** The camera and size the labels were laid out for. */
  private laidOutFor = '';
  private placed: MapLabel[] = [];
  /** Widths of texts at MEASURED_SIZE, by font and text; emptied when a font file comes in. */
  private readonly widths = new Map<string, number>();
  private readonly measurer = document.createElement('canvas').getContext('2d')!;

  constructor(
    private readonly map: MapLibreMap,
    features: AtlasFeatures,
    { kept, loc, room }: LabelState,
  ) {
    [this.kept, this.loc, this.room] = [kept, loc, room];
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
    const container = map.getContainer();
    container.insertBefore(this.layer, container.querySelector('.maplibregl-control-container'));
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
    });
  }

  /**
   * Shows the labels (the first picture comes without them, see AtlasMap.finishDrawing) once the
   * font files of every label's words are in: measured and drawn once, in their own font, rather
   * than first in a fallback the browser would have to find, load and shape with (see loadFonts).
   */
  async show(): Promise<void> {
    await loadFonts(this.points.flatMap(({ properties: point }) => labelWords(point, this.loc).map((text) => ({ bold: LABEL_STYLE[point.kind].bold, text }))));
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

  /** Places the labels anew at the next look, whatever the camera, and now while they show. */
  private placeAgain(): void {
    this.laidOutFor = '';
    this.layOut();
  }

  /** The labels placed for the map as it is now, shown yet or not: a picture of the map at this camera and size draws them. */
  current(): PlacedLabels {
    this.place();
    const labels = this.placed;
    return {
      paint: async (canvas, scale) => {
        await loadFonts(labels.flatMap((label) => label.lines.map((text) => ({ bold: label.bold, text }))));
        paintLabels(canvas.getContext('2d')!, labels, scale);
      },
    };
  }

  /** Places the labels and writes them into the page, while shown. */
  private layOut(): void {
    if (!this.visible || this.removed) return;
    this.place();
    this.write();
  }

  /** Places the labels for the map's camera and size, unless they are placed for them already. */
  private place(): void {
    if (this.removed) return;
    const { map } = this;
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    const centre = map.getCenter();
    const zoom = map.getZoom();
    const globe = map.getProjection()?.type === 'globe';
    const camera = [centre.lng, centre.lat, zoom, map.getBearing(), globe, width, height].join();
    if (camera === this.laidOutFor) return;
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
    const scale = labelScale(width) * (this.room ? ROOM_SCALE.labels : 1);
    this.placed = mapLabels(points, { zoom, width, height, loc: this.loc, scale, kept: this.kept, project, measure: (text, font, size) => this.measure(text, font, size) });
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
        element.style.fontWeight = label.bold ? '600' : '400';
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
      this.setVisible(shown, label.shown);
    }
    for (const [key, shown] of this.shown) if (!placed.has(key)) this.setVisible(shown, false);
  }

  private setVisible(shown: Shown, visible: boolean): void {
    if (shown.visible === visible) return;
    shown.visible = visible;
    shown.element.style.visibility = visible ? '' : 'hidden';
  }
}
