// Application state in one place. Views read it through selectors and send events back here;
// nothing else keeps a copy.
import type { Selection } from '../core/selection.ts';
import type { Projection, Reading } from '../core/url-state.ts';
import type { Pointer } from '../map/atlas-map.ts';

export interface AppState {
  selection: Selection | null;
  hover: { target: Selection; at: Pointer } | null;
  projection: Projection;
  /** Whether the links' flow moves; starts off where the user prefers reduced motion. */
  playing: boolean;
  /** The document open in the source reader, if any. */
  reading: Reading | null;
}

type Listener = (state: AppState, previous: AppState) => void;

export class Store {
  private listeners: Listener[] = [];

  constructor(private state: AppState) {}

  get(): AppState {
    return this.state;
  }

  update(patch: Partial<AppState>): void {
    const previous = this.state;
    this.state = { ...previous, ...patch };
    for (const listener of this.listeners) listener(this.state, previous);
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }
}
