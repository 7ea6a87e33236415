// Application state in one place. Views read it through selectors and send events back here;
// nothing else keeps a copy.
import type { AppState } from '../core/view-state.ts';

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
