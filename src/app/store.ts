// Application state in one place. Views read it through selectors and send events back here;
// nothing else keeps a copy.
import type { Selection } from '../core/selection.ts';
import type { ViewState } from '../core/url-state.ts';
import type { Pointer } from '../map/atlas-map.ts';

/** The shareable view (kept in the URL: language, filters, selection, projection, camera, reading) and what is not shared. */
export interface AppState extends ViewState {
  hover: { target: Selection; at: Pointer } | null;
  /** Whether the links' flow moves; starts off where the user prefers reduced motion. */
  playing: boolean;
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
