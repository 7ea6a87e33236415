// The site markers the style uses, drawn here rather than loaded from a sprite.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { ORIGIN_IDS, type OriginId } from '../core/types.ts';
import { ORIGIN_COLOURS } from './palette.ts';
import { siteImageId } from './style.ts';

/** A diamond: filled for a site whose position is exact, hollow for one known only roughly. */
function siteMarker(colour: string, exact: boolean, pixelRatio: number): ImageData {
  const size = 14 * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  // Read back once: a software canvas spares a GPU round trip.
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const half = size / 2;
  const radius = half - 1.5 * pixelRatio;
  context.beginPath();
  context.moveTo(half, half - radius);
  context.lineTo(half + radius, half);
  context.lineTo(half, half + radius);
  context.lineTo(half - radius, half);
  context.closePath();
  context.lineJoin = 'round';
  context.lineWidth = 2 * pixelRatio;
  context.fillStyle = exact ? colour : '#ffffff';
  context.strokeStyle = exact ? '#ffffff' : colour;
  context.fill();
  context.stroke();
  if (exact) {
    context.lineWidth = 0.8 * pixelRatio;
    context.strokeStyle = 'rgba(0, 0, 0, 0.45)';
    context.stroke();
  }
  return context.getImageData(0, 0, size, size);
}

/** Adds the marker images the style names, one filled and one hollow per origin. */
export function addSiteMarkers(map: MapLibreMap): void {
  const pixelRatio = 2;
  for (const origin of ORIGIN_IDS as readonly OriginId[]) {
    for (const exact of [true, false]) {
      map.addImage(siteImageId(origin, exact), siteMarker(ORIGIN_COLOURS[origin], exact, pixelRatio), { pixelRatio });
    }
  }
}
