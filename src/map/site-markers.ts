// The sites' markers: a diamond at each site, filled where its place is exact, hollow where it is
// known only roughly (MapLibre draws the translucent halo of that uncertainty, style.ts). One
// model for every picture of the map: the live map lays the diamonds out as HTML over its canvas
// with the labels (label-overlay.ts), a PNG paints them (paintSiteMarkers), the SVG map writes
// them as paths (static-map.ts). MapLibre does not draw them: an icon layer makes the worker wait
// for the icons' images from the page's main thread, busy with the first pictures, so that the
// points' tile came a second late and the map was drawn twice more for it (some 700 ms of main
// thread on a machine without a GPU, measured by the long tasks of a load).
import type { PointProperties } from '../core/map-features.ts';
import type { Selection } from '../core/selection.ts';
import { ORIGIN_COLOURS, PAPER } from './palette.ts';
import { siteRadius } from './site-size.ts';

/** The outline's width, in pixels. */
export const SITE_STROKE_WIDTH = 2;
/** A faded marker's opacity (another selection shows), as for the map's faded lines and hubs. */
export const FADED_SITE_OPACITY = 0.35;

export interface SiteMarker {
  /** The site's id, and a key for this copy of it (the flat map repeats the world sideways). */
  id: string;
  key: string;
  x: number;
  y: number;
  radius: number;
  fill: string;
  stroke: string;
  /** Whether another selection shows, and the pointer is not on the site: the marker fades, as the lines and hubs not related to it do. */
  faded: boolean;
}

/** The colours of a site's diamond: the origin's colour filled for an exact place, as outline for a rough one. */
function siteColours(point: Pick<PointProperties, 'origin' | 'precision'>): { fill: string; stroke: string } {
  const colour = ORIGIN_COLOURS[point.origin!];
  return point.precision === 'site' ? { fill: colour, stroke: PAPER.hub } : { fill: PAPER.hub, stroke: colour };
}

/**
 * The marker of a site point at a place on screen, for a zoom, a selection and the site under the
 * pointer (which shows in full, as hovered lines and hubs do).
 */
export function siteMarker(
  point: PointProperties,
  key: string,
  [x, y]: [number, number],
  zoom: number,
  selection: Selection | null,
  hovered: string | null = null,
): SiteMarker {
  return {
    id: point.id,
    key,
    x,
    y,
    radius: siteRadius(zoom),
    ...siteColours(point),
    faded: selection !== null && !(selection.kind === 'site' && selection.id === point.id) && hovered !== point.id,
  };
}

/** A diamond of half-diagonal `radius` around (x, y), as SVG path data. */
export function diamondPath(x: number, y: number, radius: number): string {
  const [left, right, top, bottom] = [x - radius, x + radius, y - radius, y + radius].map((v) => v.toFixed(1));
  return `M${x.toFixed(1)} ${top}L${right} ${y.toFixed(1)}L${x.toFixed(1)} ${bottom}L${left} ${y.toFixed(1)}Z`;
}

/** What paintSiteMarkers needs of a canvas's 2D context. */
type ShapeContext = Pick<
  CanvasRenderingContext2D,
  'save' | 'restore' | 'globalAlpha' | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'lineJoin' | 'beginPath' | 'moveTo' | 'lineTo' | 'closePath' | 'fill' | 'stroke'
>;

/** Paints the markers on a 2D canvas whose pixels are `scale` times the map's (a PNG's). */
export function paintSiteMarkers(context: ShapeContext, markers: readonly SiteMarker[], scale: number): void {
  context.save();
  context.lineJoin = 'round';
  context.lineWidth = SITE_STROKE_WIDTH * scale;
  for (const marker of markers) {
    const [x, y, radius] = [marker.x * scale, marker.y * scale, marker.radius * scale];
    context.globalAlpha = marker.faded ? FADED_SITE_OPACITY : 1;
    context.fillStyle = marker.fill;
    context.strokeStyle = marker.stroke;
    context.beginPath();
    context.moveTo(x, y - radius);
    context.lineTo(x + radius, y);
    context.lineTo(x, y + radius);
    context.lineTo(x - radius, y);
    context.closePath();
    context.fill();
    context.stroke();
  }
  context.restore();
}
