// One binding per view: a selector of the state (memoised in the core, so an unchanged input
// gives the very same output) and the view it is shown in. The view is given a new output only
// when a state change gives a different one.
import type { AppState } from '../core/view-state.ts';
import type { Store } from './store.ts';

/** Shows the selector's output in a view whenever it changes, from the next state change on. */
export function watch<T>(store: Store, select: (state: AppState) => T, show: (value: T) => void): void {
  let shown = select(store.get());
  store.subscribe((state) => {
    const next = select(state);
    if (next === shown) return;
    shown = next;
    show(next);
  });
}

/** As watch, and shows the current output at once. */
export function bind<T>(store: Store, select: (state: AppState) => T, show: (value: T) => void): void {
  show(select(store.get()));
  watch(store, select, show);
}
