// Where labels go on a picture of the map: each tries the spots around its point in turn and takes
// the first whose box is inside the picture and clear of every label placed before it; one that
// fits nowhere is left out. Labels come in order of importance, so an origin's name is never
// pushed aside by a city's. The same placement serves the live map, the PNG and the SVG, so that
// each shows the same labels in the same places.

/** Which side of the label touches its point (`center`: the label sits on it). */
export type LabelAnchor = 'center' | 'left' | 'right' | 'top' | 'bottom';

/** One place a label may take around its point: the anchor, moved by `offset` (in ems, x right, y down). */
export interface LabelSpot {
  anchor: LabelAnchor;
  offset: readonly [number, number];
}

export interface LabelCandidate {
  /** The point, in pixels from the picture's top left. */
  x: number;
  y: number;
  /** The label's box, in pixels. */
  width: number;
  height: number;
  /** Its font size in pixels: what a spot's offset is counted in. */
  em: number;
  spots: readonly LabelSpot[];
}

export interface PlacedLabel {
  /** Index of the candidate in the list given. */
  index: number;
  anchor: LabelAnchor;
  /** Where the anchor lands: the point moved by the spot's offset. */
  x: number;
  y: number;
  /** The label's box. */
  left: number;
  top: number;
}

/** Room kept clear around each label, in pixels. */
const LABEL_PADDING = 3;

/** The share of a box's width (x) and height (y) that lies before its anchor. */
export const ANCHOR_SHIFT: Record<LabelAnchor, readonly [number, number]> = {
  center: [0.5, 0.5],
  left: [0, 0.5],
  right: [1, 0.5],
  top: [0.5, 0],
  bottom: [0.5, 1],
};

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Cells of this many pixels index the placed boxes, so that a check looks at its neighbours only. */
const CELL = 64;

/**
 * Places `candidates` in the order given on a picture `width` × `height` pixels: each label at its
 * first spot whose box, padded, lies inside the picture and overlaps no label placed so far.
 */
export function placeLabels(candidates: readonly LabelCandidate[], width: number, height: number, padding = LABEL_PADDING): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const grid = new Map<number, Box[]>();
  const cells = (box: Box, visit: (key: number) => boolean | void) => {
    for (let cx = Math.floor(box.x0 / CELL); cx <= Math.floor(box.x1 / CELL); cx++) {
      for (let cy = Math.floor(box.y0 / CELL); cy <= Math.floor(box.y1 / CELL); cy++) if (visit(cx * 65_536 + cy)) return true;
    }
    return false;
  };
  candidates.forEach((label, index) => {
    for (const { anchor, offset } of label.spots) {
      const x = label.x + offset[0] * label.em;
      const y = label.y + offset[1] * label.em;
      const left = x - ANCHOR_SHIFT[anchor][0] * label.width;
      const top = y - ANCHOR_SHIFT[anchor][1] * label.height;
      const box = { x0: left - padding, y0: top - padding, x1: left + label.width + padding, y1: top + label.height + padding };
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
      if (cells(box, (key) => grid.get(key)?.some((other) => overlaps(box, other)))) continue;
      cells(box, (key) => void (grid.get(key) ?? grid.set(key, []).get(key)!).push(box));
      placed.push({ index, anchor, x, y, left, top });
      return;
    }
  });
  return placed;
}
