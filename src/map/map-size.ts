// The map's size on screen, for what is drawn over it frame by frame (the comets, the labels) and its pictures.
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The map's size in CSS pixels as MapLibre sized its canvas for the frame it draws, read from the
 * canvas's style, which MapLibre sets itself. The container's clientWidth would make the browser
 * lay out the page there and then, mid-task, whenever anything changed since its last layout:
 * some 30 ms without a GPU in the task that shows the labels, as much when the comets started.
 */
export function mapSize(map: MapLibreMap): { width: number; height: number } {
  const { style } = map.getCanvas();
  return { width: parseFloat(style.width) || 0, height: parseFloat(style.height) || 0 };
}
