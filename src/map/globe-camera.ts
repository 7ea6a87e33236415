// MapLibre's globe seen from its camera, looking straight down: how much of it is in view (for
// what is drawn over the globe, which must leave out what lies behind it) and the zoom at which
// it fills the screen. MapLibre's globe has a radius of worldSize / 2π at the equator, grown by
// 1 / cos(latitude) so that the centre keeps the Mercator scale; its camera sits
// 0.5 / tan(fov / 2) viewport heights above the centre.

const TILE_SIZE = 512;
const RADIANS = Math.PI / 180;
const secant = (latitude: number) => 1 / Math.cos(Math.min(Math.abs(latitude), 85) * RADIANS);

/**
 * The angular radius, in radians, of the cap of the globe in view: points further than this from
 * the map's centre are behind the horizon.
 */
export function horizonAngle(zoom: number, latitude: number, fovDegrees: number, viewportHeight: number): number {
  const radius = ((TILE_SIZE * 2 ** zoom) / (2 * Math.PI)) * secant(latitude);
  const cameraHeight = (0.5 / Math.tan((fovDegrees * RADIANS) / 2)) * viewportHeight;
  return Math.acos(radius / (radius + cameraHeight));
}

/** The zoom at which the globe's diameter is `share` of the viewport's shorter side. */
export function globeZoom(viewportWidth: number, viewportHeight: number, latitude: number, share = 0.86): number {
  const diameter = share * Math.min(viewportWidth, viewportHeight);
  return Math.log2((diameter * Math.PI) / (TILE_SIZE * secant(latitude)));
}
