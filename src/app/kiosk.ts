// The kiosk: the tour plays by itself at its pace, round and round (core/kiosk.ts keeps the
// clock). A visitor's touch, click or key pauses it and brings the explorer's controls back;
// once they have been idle for the set time, everything they opened closes, the step's view
// and the kiosk's language and motion come back, and the tour plays on. Nothing a visitor does
// takes the page off the atlas.
import { kioskDue, type KioskClock } from '../core/kiosk.ts';
import type { Language } from '../core/languages.ts';
import { nextStep } from '../core/tour.ts';
import { watch } from './bind.ts';
import { closeDrawers } from './drawers.ts';
import type { NoticeBoard } from './notices.ts';
import type { Store } from './store.ts';
import type { TourPlayer } from './tour-player.ts';

/** `setLanguage` is the app's one way to change the language (a 繁體 table still on its way for the visitor is dropped). */
export function runKiosk(store: Store, player: TourPlayer, notices: NoticeBoard, setLanguage: (lang: Language) => void): void {
  const { lang, playing } = store.get();
  let clock: KioskClock = { shownAt: performance.now(), touchedAt: null };
  let timer = 0;

  const schedule = () => {
    clearTimeout(timer);
    const state = store.get();
    if (state.mode !== 'kiosk' || !player.current(state)) return;
    const due = kioskDue(state.kiosk, clock);
    timer = window.setTimeout(() => (due.action === 'advance' ? advance() : returnToTour()), Math.max(0, due.at - performance.now()));
  };
  const advance = () => {
    const shown = player.current();
    if (shown) player.goTo(nextStep(shown.tour, shown.step));
  };
  /** The visitor has gone: what they opened closes, and the tour goes on from its step, as it was. */
  const returnToTour = () => {
    clock = { ...clock, touchedAt: null };
    document.body.dataset.visitor = 'false';
    closeDrawers();
    notices.dismiss();
    setLanguage(lang);
    store.update({ playing });
    const shown = player.current();
    if (shown) player.goTo(shown.step);
    schedule();
  };
  player.onStep = () => {
    clock = { ...clock, shownAt: performance.now() };
    schedule();
  };
  const touched = () => {
    if (store.get().mode !== 'kiosk') return;
    clock = { ...clock, touchedAt: performance.now() };
    document.body.dataset.visitor = 'true';
    schedule();
  };
  for (const type of ['pointerdown', 'wheel', 'keydown'] as const) addEventListener(type, touched, { capture: true, passive: true });
  // No link to another site (the map's credits link to their sources), no context menu.
  addEventListener('click', (event) => {
    if (store.get().mode !== 'kiosk') return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.href !== '');
    if (link && (link.origin !== location.origin || link.target === '_blank')) event.preventDefault();
  }, { capture: true });
  addEventListener('contextmenu', (event) => store.get().mode === 'kiosk' && event.preventDefault());
  watch(store, (s) => s.mode, schedule);
  schedule();
}
