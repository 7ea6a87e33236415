// The map's labels: which points are named at a zoom, in which words, how large, in what colour,
// and where each goes (core/label-placement.ts). One model for every picture of the map: the live
// map lays it out as HTML over its canvas (label-overlay.ts), a PNG paints it (paintLabels), the
// SVG writes it as text (static-map.ts). None of them asks MapLibre: symbol layers would need
// font files and glyphs before a label shows, and make it draw the whole map again for each
// batch of them, a few hundred milliseconds a picture in software rendering.
import { ANCHOR_SHIFT, placeLabels, type LabelAnchor, type LabelSpot } from '../core/label-placement.ts';
import type { LonLat } from '../core/arc.ts';
import type { KeptStates, PointKind, PointProperties } from '../core/map-features.ts';
import type { Localizer } from '../i18n/localizer.ts';
import { inkedOriginColour, PAPER } from './palette.ts';

/** The second line (the other language) against the first. */
export const SECOND_LINE_SCALE = 0.78;
/** A line's height, in ems. */
export const LINE_HEIGHT = 1.12;
/** The halo around each letter, in pixels: what keeps a label readable over links and shading. */
export const HALO_WIDTH = 1.5;

/**
 * Per kind of label: size at zoom 1 and 6, weight, and the spots it may take around its point,
 * tried in order until one is free: origins, crowded together in eastern China, get four.
 */
export const LABEL_STYLE: Record<PointKind, { size: [number, number]; bold: boolean; spots: LabelSpot[] }> = {
  seat: {
    size: [12.5, 17],
    bold: true,
    spots: [
      { anchor: 'right', offset: [-0.7, 0] },
      { anchor: 'left', offset: [0.7, 0] },
      { anchor: 'top', offset: [0, 0.6] },
      { anchor: 'bottom', offset: [0, -0.6] },
    ],
  },
  hub: { size: [10.5, 14], bold: true, spots: [{ anchor: 'top', offset: [0, 0.9] }, { anchor: 'bottom', offset: [0, -0.9] }] },
  country: { size: [10, 14], bold: false, spots: [{ anchor: 'center', offset: [0, 0] }] },
  place: { size: [10.5, 14], bold: false, spots: [{ anchor: 'left', offset: [0.6, 0] }, { anchor: 'right', offset: [-0.6, 0] }] },
  site: { size: [10, 12], bold: false, spots: [{ anchor: 'left', offset: [0.9, 0] }] },
};

/** Labels grow on very large screens (a 4K display at 100 %, a wall), as the panels do (index.html). */
export const labelScale = (viewportWidth: number) => (viewportWidth >= 2400 ? 1.5 : 1);

/** A kind's font size at a zoom: linear between zoom 1 and 6, constant beyond. */
export function labelSize(kind: PointKind, zoom: number, scale = 1): number {
  const [z1, z6] = LABEL_STYLE[kind].size;
  return (z1 + (z6 - z1) * Math.min(1, Math.max(0, (zoom - 1) / 5))) * scale;
}

/** Roughly how wide a text is: a Chinese character a full em, anything else a little over half. */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const char of text) ems += char.codePointAt(0)! >= 0x2e80 ? 1 : 0.56;
  return ems * size;
}

/**
 * A label's two lines: the name in the reader's language over the other language's, smaller.
 * Both stay in every language, so labels keep their size and places when it changes. In 繁體 a
 * name the table lacks (or one shown before the table is loaded) stays as it is.
 */
export function labelWords(point: Pick<PointProperties, 'zh' | 'en'>, loc: Pick<Localizer, 'lang' | 'name'>): [string, string] {
  return loc.lang === 'en' ? [point.en, point.zh] : [loc.name(point), point.en];
}

/** A label's colour: an origin's name in its inked colour (at least 4.5:1 against the halo), countries muted. */
export function labelColour(point: Pick<PointProperties, 'kind' | 'origin'>): string {
  if (point.kind === 'seat') return inkedOriginColour(point.origin!);
  return point.kind === 'country' ? PAPER.textMuted : PAPER.text;
}

/** Whether the filters leave a point something to name: a bloc's hub and a country with no kept tie keep their place, unseen. */
export function labelShown(point: Pick<PointProperties, 'kind' | 'id'>, kept: KeptStates): boolean {
  if (point.kind === 'hub') return kept.hubLinks.has(point.id);
  if (point.kind === 'country') return kept.countryTies.has(point.id);
  return true;
}

/** A label placed on a picture. */
export interface MapLabel {
  /** The point's key (`kind:id`, and `@n` for a copy of the world). */
  key: string;
  kind: PointKind;
  /** The partner, adcode, origin, site or country it names. */
  id: string;
  lines: [string, string];
  /** Font size of the first line, in pixels. */
  size: number;
  bold: boolean;
  colour: string;
  anchor: LabelAnchor;
  /** Where the anchor lands, in pixels from the picture's top left. */
  x: number;
  y: number;
  /** Its box, as placed (the text's measure is an estimate, see textWidth). */
  left: number;
  top: number;
  width: number;
  height: number;
  /** False for a label the filters hide: it keeps its place, so that labels never jump as they change. */
  shown: boolean;
}

export interface LabelView {
  zoom: number;
  width: number;
  height: number;
  loc: Pick<Localizer, 'lang' | 'name'>;
  /** Times the kind's size: labelScale, and ROOM_SCALE.labels in a room. */
  scale: number;
  kept: KeptStates;
  /** Where a point is on the picture, or null where it is not drawn (behind the globe). */
  project(at: LonLat): [number, number] | null;
  /** How wide a line is in `font` (labelFont), in pixels: measured where a browser can, else estimated (textWidth). */
  measure?(text: string, font: (size: number) => string, size: number): number;
}

/**
 * Every point's label that fits, placed by rank (core/label-placement.ts), for one picture. A
 * point given more than once (a copy of the world) keeps its first key; later ones get `@n`.
 */
export function mapLabels(points: readonly { coordinates: LonLat; properties: PointProperties }[], view: LabelView): MapLabel[] {
  const named: Omit<MapLabel, 'anchor' | 'x' | 'y' | 'left' | 'top'>[] = [];
  const candidates = [];
  const seen = new Map<string, number>();
  const ordered = points.filter((point) => view.zoom >= point.properties.minzoom).sort((a, b) => a.properties.rank - b.properties.rank);
  for (const { coordinates, properties: point } of ordered) {
    const at = view.project(coordinates);
    if (!at) continue;
    const size = labelSize(point.kind, view.zoom, view.scale);
    const lines = labelWords(point, view.loc);
    const style = LABEL_STYLE[point.kind];
    const font = (px: number) => labelFont(style, px);
    const measure = view.measure ?? ((text: string, _: unknown, px: number) => textWidth(text, px));
    const width = Math.max(measure(lines[0], font, size), measure(lines[1], font, size * SECOND_LINE_SCALE));
    const height = (size + size * SECOND_LINE_SCALE) * LINE_HEIGHT;
    const copies = (seen.get(point.key) ?? 0) + 1;
    seen.set(point.key, copies);
    named.push({ key: copies === 1 ? point.key : `${point.key}@${copies - 1}`, kind: point.kind, id: point.id, lines, size, bold: style.bold, colour: labelColour(point), width, height, shown: labelShown(point, view.kept) });
    candidates.push({ x: at[0], y: at[1], width, height, em: size, spots: style.spots });
  }
  return placeLabels(candidates, view.width, view.height).map(({ index, ...place }) => ({ ...named[index]!, ...place }));
}

/** Which side of its box a label's lines are aligned to: the side its anchor touches. */
export function labelAlign(anchor: LabelAnchor): 'left' | 'right' | 'center' {
  const [shift] = ANCHOR_SHIFT[anchor];
  return shift === 0 ? 'left' : shift === 1 ? 'right' : 'center';
}

/** A line of a placed label: its text, size, where its aligned side is (x) and its middle (y), in the label's pixels. */
export interface LabelLine {
  text: string;
  size: number;
  x: number;
  middle: number;
}

/** The two lines of a placed label, each in a box LINE_HEIGHT ems high, one under the other. */
export function labelLines(label: MapLabel): LabelLine[] {
  const x = label.left + ANCHOR_SHIFT[label.anchor][0] * label.width;
  const sizes = [label.size, label.size * SECOND_LINE_SCALE];
  let top = label.top;
  return label.lines.map((text, i) => {
    const size = sizes[i]!;
    const line = { text, size, x, middle: top + (size * LINE_HEIGHT) / 2 };
    top += size * LINE_HEIGHT;
    return line;
  });
}

/** What paintLabels needs of a canvas's 2D context. */
type TextContext = Pick<
  CanvasRenderingContext2D,
  'save' | 'restore' | 'font' | 'textAlign' | 'textBaseline' | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'lineJoin' | 'fillText' | 'strokeText'
>;

/** The family labels are drawn in: the page's (index.html). */
export const LABEL_FAMILY = "'Noto Sans SC', sans-serif";

/** The weight of a label's lines: the font's, 400 or 600. */
export const labelWeight = (label: Pick<MapLabel, 'bold'>) => (label.bold ? 600 : 400);

/** The CSS font of a line of a label `size` pixels high. */
export const labelFont = (label: Pick<MapLabel, 'bold'>, size: number) => `${labelWeight(label)} ${size.toFixed(2)}px ${LABEL_FAMILY}`;

/**
 * Paints the shown labels on a 2D canvas whose pixels are `scale` times the labels' (a PNG's):
 * each line aligned to its anchor's side, over a halo in the paper's colour.
 */
export function paintLabels(context: TextContext, labels: readonly MapLabel[], scale: number): void {
  context.save();
  // The middle of the em box, as CSS centres a line's letters in its line box.
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  context.strokeStyle = PAPER.halo;
  context.lineWidth = 2 * HALO_WIDTH * scale;
  for (const label of labels) {
    if (!label.shown) continue;
    context.textAlign = labelAlign(label.anchor);
    context.fillStyle = label.colour;
    for (const line of labelLines(label)) {
      context.font = labelFont(label, line.size * scale);
      context.strokeText(line.text, line.x * scale, line.middle * scale);
      context.fillText(line.text, line.x * scale, line.middle * scale);
    }
  }
  context.restore();
}
