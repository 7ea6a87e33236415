// Tours, presentation mode and the kiosk, wired to the store. A tour file is fetched when a link
// or a button asks for it and checked against the dataset (core/tour.ts); entering a step sets
// its view in one store update and moves the camera. Presentation mode hides the chrome but for
// the step bar and draws for a room; the presenter's keys (core/presenter-keys.ts) move through
// the steps. The kiosk plays the tour by itself, and returns to it when visitors leave
// (core/kiosk.ts).
import { kioskDue, type KioskClock } from '../core/kiosk.ts';
import type { AtlasModel } from '../core/model.ts';
import { pressKey, stepAfter, type PresenterAction } from '../core/presenter-keys.ts';
import { linkSetsView, nextStep, parseTour, stepBar, stepWithin, type ParsedTour, type Tour } from '../core/tour.ts';
import { DEFAULT_TOUR, type AppState, type Mode, type Reading, type ViewState } from '../core/view-state.ts';
import type { Localizer } from '../i18n/localizer.ts';
import type { AtlasMap } from '../map/atlas-map.ts';
import { noticeText, tourProblemText } from '../ui/notice-text.ts';
import '../ui/step-bar.ts';
import { bind, watch } from './bind.ts';
import type { NoticeBoard } from './notices.ts';
import { publishStatus } from './status.ts';
import type { Store } from './store.ts';

/** A tour's file as text, or why it could not be had: not there, or not loaded (with the reason). */
type TourFile = string | { missing: true } | { failed: string };

export async function fetchTour(id: string): Promise<TourFile> {
  try {
    const response = await fetch(new URL(`tours/${id}.json`, document.baseURI), { headers: { Accept: 'application/json' } });
    // A server that answers every path with the app's page (a single-page fallback) has no such file either.
    if (response.status === 404 || (response.headers.get('content-type') ?? '').includes('text/html')) return { missing: true };
    return response.ok ? await response.text() : { failed: `${response.status} ${response.statusText}`.trim() };
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

function readTour(file: TourFile, id: string, model: AtlasModel): ParsedTour {
  if (typeof file === 'string') return parseTour(file, id, model);
  return { ok: false, problem: 'missing' in file ? { code: 'missing', values: {} } : { code: 'load', values: { detail: file.failed } } };
}

/**
 * The view a link opens with its tour: the step as the tour has it, unless the link sets a view
 * of its own (one the app wrote: the step's and whatever the viewer changed after). A tour that
 * cannot be played is reported, and the atlas opens as the explorer.
 */
export async function openWithTour(
  view: ViewState,
  file: Promise<TourFile> | null,
  model: AtlasModel,
  notices: NoticeBoard,
): Promise<{ view: ViewState; tour: Tour | null }> {
  if (!view.tour || !file) return { view, tour: null };
  const { id } = view.tour;
  const parsed = readTour(await file, id, model);
  if (!parsed.ok) {
    notices.add((loc) => tourProblemText(loc, id, parsed.problem));
    return { view: { ...view, mode: 'explore', tour: null }, tour: null };
  }
  const { step, notice } = stepWithin(parsed.tour, view.tour.step);
  if (notice) notices.add((loc) => loc.t('notices.lead'), [(loc) => noticeText(loc, notice)]);
  const stepView = linkSetsView(location.search) ? {} : parsed.tour.steps[step - 1]!.view;
  return { view: { ...view, ...stepView, tour: { id, step } }, tour: parsed.tour };
}

/** How long the pointer may rest before it hides, in a room: nothing on the screen but the map. */
const CURSOR_REST_MS = 2500;

/** Whether a key belongs to what has the focus rather than to the presenter. */
function keyBelongsToTarget(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return true;
  const path = event.composedPath();
  if (path.some((node) => node instanceof HTMLDialogElement && node.open)) return true;
  const target = path[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return true;
  // A focused button, link or summary is pressed with Space and Enter.
  return [' ', 'Enter'].includes(event.key) && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}

interface Wiring {
  store: Store;
  model: AtlasModel;
  map: AtlasMap;
  loc: () => Localizer;
  notices: NoticeBoard;
  /** The tour the page opened with, already checked; null if none. */
  tour: Tour | null;
  openReader(passage: Omit<Reading, 'script'>): void;
}

export function wirePresentation({ store, model, map, loc, notices, tour: opened, openReader }: Wiring): void {
  const bar = document.querySelector('atlas-step-bar')!;
  const blank = document.getElementById('blank')!;
  const tours = new Map<string, Tour>(opened ? [[opened.id, opened]] : []);
  const startLanguage = store.get().lang;
  let typed = '';
  let clock: KioskClock = { shownAt: performance.now(), touchedAt: null };

  const tourOf = (state: AppState) => (state.tour && tours.get(state.tour.id)) ?? null;

  /** Marks the step drawn once the camera rests and every tile is in: what `npm run bench` times from the key. */
  const whenDrawn = (step: number) =>
    void map.drawn().then(() => {
      if (store.get().tour?.step !== step) return;
      performance.mark('step-drawn');
      publishStatus({ stepDrawn: step });
    });

  /** Enters a step: its view in one update, then the camera (a flight, or a jump under reduced motion). */
  const goTo = (tour: Tour, step: number) => {
    const { view } = tour.steps[step - 1]!;
    publishStatus({ stepDrawn: 0 });
    clock = { ...clock, shownAt: performance.now() };
    store.update({ ...view, tour: { id: tour.id, step }, reading: null, hover: null });
    map.showStep(view.camera);
    whenDrawn(step);
  };

  /** Opens a tour (fetching and checking it the first time) at a step, in a mode. */
  const play = async (id: string, step: number, mode: Mode) => {
    let tour = tours.get(id);
    if (!tour) {
      const parsed = readTour(await fetchTour(id), id, model);
      if (!parsed.ok) {
        notices.add((l) => tourProblemText(l, id, parsed.problem));
        return;
      }
      tour = parsed.tour;
      tours.set(id, tour);
    }
    store.update({ mode });
    goTo(tour, stepWithin(tour, step).step);
  };

  // The step bar shows the tour's step and the counts of the view as it is now.
  bind(store, (s) => s.lang, () => (bar.loc = loc()));
  bind(store, (s) => s.mode, (mode) => {
    bar.mode = mode;
    document.body.dataset.mode = mode;
    map.setRoom(mode !== 'explore');
    if (mode === 'explore') blank.hidden = true;
  });
  bind(store, (s) => {
    const tour = tourOf(s);
    return tour && s.tour ? `${tour.id}:${s.tour.step}` : null;
  }, () => {
    const state = store.get();
    const tour = tourOf(state);
    bar.hidden = !tour;
    bar.bar = tour && state.tour ? stepBar(tour, state.tour.step, model.summary(state.filters)) : null;
  });
  watch(store, (s) => model.summary(s.filters), (summary) => {
    const state = store.get();
    const tour = tourOf(state);
    if (tour && state.tour) bar.bar = stepBar(tour, state.tour.step, summary);
  });
  // What the bar covers is kept clear when a step frames its ties.
  const measureBar = () => {
    const height = bar.hidden ? 0 : bar.getBoundingClientRect().height;
    map.setFooter(height && height + 16);
    // The table's drawer opens above the bar (index.html).
    document.body.style.setProperty('--step-bar-height', `${height}px`);
  };
  new ResizeObserver(measureBar).observe(bar);
  publishStatus({ stepDrawn: 0 });
  const { tour: openedAt, camera } = store.get();
  if (opened && openedAt) {
    // The step's view is in the store already (openWithTour); once the bar is laid out (before
    // the map's first frame), the camera frames the step's ties unless the link has a camera.
    void bar.updateComplete.then(() => {
      measureBar();
      if (!camera) map.showStep(null, false);
      whenDrawn(openedAt.step);
    });
  }

  bar.addEventListener('tour-step', (event) => {
    const tour = tourOf(store.get());
    const step = (event as CustomEvent<number>).detail;
    if (tour && step >= 1 && step <= tour.steps.length) goTo(tour, step);
  });
  bar.addEventListener('present', () => {
    const { tour } = store.get();
    if (tour) store.update({ mode: 'present' });
  });
  bar.addEventListener('read', (event) => openReader((event as CustomEvent<Omit<Reading, 'script'>>).detail));
  bar.addEventListener('tour-leave', () => store.update({ mode: 'explore', tour: null }));
  document.querySelector('atlas-header')!.addEventListener('present', () => {
    const { tour } = store.get();
    void play(tour?.id ?? DEFAULT_TOUR, tour?.step ?? 1, 'present');
  });

  const act = (action: PresenterAction) => {
    const state = store.get();
    const tour = tourOf(state);
    if (!tour || !state.tour) return;
    const step = stepAfter(action, state.tour.step, tour.steps.length);
    if (step !== null) {
      if (step !== state.tour.step) goTo(tour, step);
      return;
    }
    switch (action.kind) {
      case 'blank':
        blank.hidden = !blank.hidden;
        break;
      case 'read': {
        const { evidence } = tour.steps[state.tour.step - 1]!.cite;
        openReader({ doc: evidence.doc, start: evidence.start, end: evidence.end });
        break;
      }
      case 'fullscreen':
        // Browsers allow it from a key press (a user gesture) only, which this is. A kiosk's
        // visitor may not take it out of full screen.
        if (!document.fullscreenElement) document.documentElement.requestFullscreen().catch(() => undefined);
        else if (state.mode === 'present') document.exitFullscreen().catch(() => undefined);
        break;
      case 'exit':
        // A kiosk is not left from its own keyboard: Esc only closes what a visitor opened.
        if (state.mode === 'present') store.update({ mode: 'explore' });
        break;
    }
  };

  addEventListener('keydown', (event) => {
    const { mode } = store.get();
    if (mode === 'explore' || keyBelongsToTarget(event)) return;
    // A blanked screen comes back with any key; only B and "." are also the key that blanks it.
    if (!blank.hidden) {
      blank.hidden = true;
      event.preventDefault();
      return;
    }
    const pressed = pressKey(event.key, typed);
    typed = bar.typed = pressed.typed;
    if (pressed.action) {
      event.preventDefault();
      act(pressed.action);
    }
  });

  // A room hides the pointer while it rests; it comes back as soon as it moves.
  let cursorTimer = 0;
  addEventListener('pointermove', () => {
    document.body.classList.remove('cursor-resting');
    clearTimeout(cursorTimer);
    if (store.get().mode !== 'explore') cursorTimer = window.setTimeout(() => document.body.classList.add('cursor-resting'), CURSOR_REST_MS);
  });

  // The kiosk: one timer, set again after every step and every touch.
  let kioskTimer = 0;
  const schedule = () => {
    clearTimeout(kioskTimer);
    const state = store.get();
    if (state.mode !== 'kiosk' || !tourOf(state)) return;
    const due = kioskDue(state.kiosk, clock);
    kioskTimer = window.setTimeout(() => {
      const now = store.get();
      const tour = tourOf(now);
      if (now.mode !== 'kiosk' || !tour || !now.tour) return;
      if (due.action === 'advance') goTo(tour, nextStep(tour, now.tour.step));
      else returnToTour(tour, now.tour.step);
      schedule();
    }, Math.max(0, due.at - performance.now()));
  };
  /** The visitor has gone: everything they opened closes, and the tour goes on from its step. */
  const returnToTour = (tour: Tour, step: number) => {
    clock = { shownAt: performance.now(), touchedAt: null };
    document.body.dataset.visitor = 'false';
    for (const drawer of document.querySelectorAll('details')) drawer.open = false;
    document.getElementById('notices')!.hidden = true;
    blank.hidden = true;
    if (store.get().lang !== startLanguage) store.update({ lang: startLanguage });
    goTo(tour, step);
  };
  const touched = () => {
    if (store.get().mode !== 'kiosk') return;
    clock = { ...clock, touchedAt: performance.now() };
    document.body.dataset.visitor = 'true';
    schedule();
  };
  for (const type of ['pointerdown', 'wheel', 'keydown'] as const) addEventListener(type, touched, { capture: true, passive: true });
  // Nothing a visitor does may take the kiosk off the atlas: no link to another site (the map's
  // credits link to their sources), no context menu.
  addEventListener('click', (event) => {
    if (store.get().mode !== 'kiosk') return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.href !== '');
    if (link && (link.origin !== location.origin || link.target === '_blank')) event.preventDefault();
  }, { capture: true });
  addEventListener('contextmenu', (event) => store.get().mode === 'kiosk' && event.preventDefault());
  watch(store, (s) => s.mode, schedule);
  watch(store, (s) => s.tour, schedule);
  schedule();
}
