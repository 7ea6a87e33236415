// The camera between the map and the store: a link's camera (or the globe's own view) at start,
// and the map's camera written back after every move, for the address to keep.
import type { AtlasMap } from '../map/atlas-map.ts';
import type { Store } from './store.ts';

export function followCamera(map: AtlasMap, store: Store): void {
  const { camera, projection } = store.get();
  if (camera) map.moveTo(camera, false);
  else if (projection === 'globe') map.showGlobe();
  map.map.on('moveend', () => {
    const { lng, lat } = map.map.getCenter();
    store.update({ camera: { lon: lng, lat, zoom: map.map.getZoom(), bearing: map.map.getBearing(), pitch: map.map.getPitch() } });
  });
}
