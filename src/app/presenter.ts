// Presentation mode: a room sees the map and the step bar only, drawn for a projector, and the
// presenter's keys (core/presenter-keys.ts) move through the tour. The keys apply in a room
// (presentation and kiosk) and leave alone what the page's own controls use.
import { pressKey, stepAfter, type PresenterAction } from '../core/presenter-keys.ts';
import type { Reading } from '../core/view-state.ts';
import type { MapView } from '../map/map-view.ts';
import { bind } from './bind.ts';
import type { Store } from './store.ts';
import type { TourPlayer } from './tour-player.ts';

/** How long the pointer may rest before it hides, in a room: nothing on the screen but the map. */
const CURSOR_REST_MS = 2500;

/**
 * Whether a key belongs to what has the focus (a field, a dialog, a focused button's Space or
 * Enter) rather than to the presenter; Enter after digits is the presenter's, whatever has the focus.
 */
function keyBelongsToTarget(event: KeyboardEvent, typed: string): boolean {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return true;
  const path = event.composedPath();
  if (path.some((node) => node instanceof HTMLDialogElement && node.open)) return true;
  const target = path[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return true;
  if (event.key === 'Enter' && typed !== '') return false;
  return [' ', 'Enter'].includes(event.key) && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}

/** Draws for a room while presenting or in a kiosk: the map and the pointer (the page's chrome follows body[data-mode], index.html). */
export function showRoom(store: Store, map: MapView): void {
  let resting = 0;
  const rest = () => {
    clearTimeout(resting);
    document.body.classList.remove('cursor-resting');
    if (store.get().mode !== 'explore') resting = window.setTimeout(() => document.body.classList.add('cursor-resting'), CURSOR_REST_MS);
  };
  bind(store, (s) => s.mode, (mode) => {
    map.setRoom(mode !== 'explore');
    rest();
  });
  // The pointer shows as soon as it moves, and hides again once it rests.
  addEventListener('pointermove', rest);
}

interface PresenterWiring {
  store: Store;
  player: TourPlayer;
  openReader(passage: Omit<Reading, 'script'>): void;
}

export function listenToPresenter({ store, player, openReader }: PresenterWiring): void {
  const blank = document.getElementById('blank')!;
  const bar = document.querySelector('atlas-step-bar')!;
  let typed = '';
  const type = (next: string) => (typed = bar.typed = next);
  bind(store, (s) => s.mode, (mode) => {
    type('');
    if (mode !== 'present') blank.hidden = true;
  });

  /** Does what the action says; whether it did anything (else the key is left to the page). */
  const act = (action: PresenterAction): boolean => {
    const state = store.get();
    const shown = player.current(state);
    if (!shown) return false;
    const step = stepAfter(action, shown.step, shown.tour.steps.length);
    if (step !== null) {
      if (step !== shown.step) player.goTo(step);
      return true;
    }
    const presenting = state.mode === 'present';
    switch (action.kind) {
      case 'blank':
        // A kiosk is never blanked: no one would bring it back.
        if (presenting) blank.hidden = !blank.hidden;
        return presenting;
      case 'read': {
        const { evidence } = shown.tour.steps[shown.step - 1]!.cite;
        openReader({ doc: evidence.doc, start: evidence.start, end: evidence.end });
        return true;
      }
      case 'fullscreen':
        // Browsers allow it from a key press (a user gesture) only, which this is. A kiosk's
        // visitor may not take it out of full screen.
        if (!document.fullscreenElement) document.documentElement.requestFullscreen().catch(() => undefined);
        else if (presenting) document.exitFullscreen().catch(() => undefined);
        return true;
      case 'exit':
        // Esc leaves a presentation, its step's view kept; a kiosk is not left from its own
        // keyboard, and its Esc closes the card a visitor opened, as in the explorer.
        store.update(presenting ? { mode: 'explore' } : { selection: null });
        return true;
      default:
        return false;
    }
  };

  addEventListener('keydown', (event) => {
    if (store.get().mode === 'explore' || keyBelongsToTarget(event, typed)) return;
    // A blanked screen comes back with any key, B and "." among them.
    if (!blank.hidden) {
      blank.hidden = true;
      event.preventDefault();
      return;
    }
    const pressed = pressKey(event.key, typed);
    type(pressed.typed);
    const used = pressed.action ? act(pressed.action) : pressed.used;
    if (used) event.preventDefault();
  });
  // A click brings a blanked screen back too.
  addEventListener('pointerdown', () => (blank.hidden = true), { capture: true });
}
