// The camera between the map and the store: a link's camera (or the globe's own view) at start,
// and the map's camera written back after every move, for the address to keep.
import type { MapView } from '../map/map-view.ts';
import type { Store } from './store.ts';

export function followCamera(map: MapView, store: Store): void {
  const { camera, projection } = store.get();
  if (camera) map.moveTo(camera, false);
  else if (projection === 'globe') map.showGlobe();
  map.onMoveEnd((moved) => store.update({ camera: moved }));
}
