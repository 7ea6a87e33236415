// Tours wired to the store: a tour file is fetched when a link or a button asks for it and
// checked against the dataset (core/tour.ts); entering a step sets its view in one store update
// and moves the camera. The step bar shows where the tour is, and a live region announces each
// step. Presentation mode and the kiosk (presenter.ts, kiosk.ts) drive the player.
import { memoLast } from '../core/memo.ts';
import type { AtlasModel } from '../core/model.ts';
import type { MapSummary } from '../core/summary.ts';
import { parseTour, setsView, stepBar, stepWithin, type ParsedTour, type Tour } from '../core/tour.ts';
import { DEFAULT_TOUR, type AppState, type Mode, type Reading, type ViewState } from '../core/view-state.ts';
import type { Localizer } from '../i18n/localizer.ts';
import { findFile } from '../load/files.ts';
import type { MapView } from '../map/map-view.ts';
import { noticeText, tourProblemText } from '../ui/notice-text.ts';
import '../ui/step-bar.ts';
import { bind } from './bind.ts';
import type { NoticeBoard } from './notices.ts';
import { publishStatus } from './status.ts';
import type { Store } from './store.ts';

/** A tour's file as text, or why it could not be had: not there, or not loaded (with the reason). */
type TourFile = string | { missing: true } | { failed: string };

async function fetchTour(id: string): Promise<TourFile> {
  const file = await findFile(new URL(`tours/${id}.json`, document.baseURI).href, 'application/json');
  return 'text' in file ? file.text : file;
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
export async function openWithTour(view: ViewState, model: AtlasModel, notices: NoticeBoard): Promise<{ view: ViewState; tour: Tour | null }> {
  if (!view.tour) return { view, tour: null };
  const { id } = view.tour;
  const parsed = readTour(await fetchTour(id), id, model);
  if (!parsed.ok) {
    notices.add((loc) => tourProblemText(loc, id, parsed.problem));
    return { view: { ...view, mode: 'explore', tour: null }, tour: null };
  }
  const { step, notice } = stepWithin(parsed.tour, view.tour.step);
  if (notice) notices.add((loc) => loc.t('notices.lead'), [(loc) => noticeText(loc, notice)]);
  const stepView = setsView(view) ? {} : parsed.tour.steps[step - 1]!.view;
  return { view: { ...view, ...stepView, tour: { id, step } }, tour: parsed.tour };
}

export interface PlayerWiring {
  store: Store;
  model: AtlasModel;
  map: MapView;
  loc: () => Localizer;
  notices: NoticeBoard;
  /** The tour the page opened with, already checked; null if none. */
  opened: Tour | null;
  openReader(passage: Omit<Reading, 'script'>): void;
}

export class TourPlayer {
  private readonly store: Store;
  private readonly map: MapView;
  private readonly model: AtlasModel;
  private readonly notices: NoticeBoard;
  private readonly tours = new Map<string, Tour>();
  /** Tours being fetched, by id. */
  private readonly loading = new Map<string, Promise<Tour | null>>();
  private readonly bar = document.querySelector('atlas-step-bar')!;
  /** Called whenever a step is entered (the kiosk times its pace from it). */
  onStep: () => void = () => undefined;

  constructor({ store, model, map, loc, notices, opened, openReader }: PlayerWiring) {
    this.store = store;
    this.model = model;
    this.map = map;
    this.notices = notices;
    if (opened) this.tours.set(opened.id, opened);
    const { bar } = this;
    const announcer = document.getElementById('announcer')!;

    // The bar shows the tour's step and the counts of the view as it is now.
    const barOf = memoLast(
      (shown: { tour: Tour; step: number; summary: MapSummary } | null) =>
        shown && stepBar(shown.tour, shown.step, shown.summary),
      (a, b) => a?.tour === b?.tour && a?.step === b?.step && a?.summary === b?.summary,
    );
    bind(store, (s) => {
      const tour = this.tourOf(s);
      return barOf(tour && s.tour ? { tour, step: s.tour.step, summary: model.summary(s.filters) } : null);
    }, (shown) => {
      bar.hidden = !shown;
      bar.bar = shown;
    });
    bind(store, (s) => s.lang, () => (bar.loc = loc()));
    bind(store, (s) => s.mode, (mode) => (bar.mode = mode));
    // Each step is announced as the room sees it; the region is in the page from the start, so
    // that its first text is announced too.
    bind(store, (s) => (this.tourOf(s) ? `${s.lang}:${s.tour!.step}` : null), () => {
      const state = store.get();
      const tour = this.tourOf(state);
      if (!tour || !state.tour) return void (announcer.textContent = '');
      const l = loc();
      announcer.textContent = `${l.t('tour.step', { step: state.tour.step, count: tour.steps.length })}: ${tour.steps[state.tour.step - 1]!.caption[l.lang]}`;
    });

    new ResizeObserver(() => this.measureBar()).observe(bar);
    publishStatus({ stepDrawn: 0 });
    const { tour: openedAt, camera } = store.get();
    if (opened && openedAt) {
      // The step's view is in the store already (openWithTour); once the bar is laid out (before
      // the map's first frame), the camera frames the step's ties unless the link has a camera.
      void bar.updateComplete.then(() => {
        this.measureBar();
        if (!camera) map.moveTo(null, false);
        this.whenDrawn(openedAt.step);
      });
    }

    bar.addEventListener('tour-step', (event) => this.goTo((event as CustomEvent<number>).detail));
    bar.addEventListener('present', () => this.present());
    bar.addEventListener('read', (event) => openReader((event as CustomEvent<Omit<Reading, 'script'>>).detail));
    bar.addEventListener('tour-leave', () => store.update({ mode: 'explore', tour: null }));
  }

  /** The tour being played and its step; null when none is. */
  current(state: AppState = this.store.get()): { tour: Tour; step: number } | null {
    const tour = this.tourOf(state);
    return tour && state.tour ? { tour, step: state.tour.step } : null;
  }

  /** Keeps what the bar covers clear when a step frames its ties, and the table's drawer above it (index.html). */
  private measureBar(): void {
    const height = this.bar.hidden ? 0 : this.bar.getBoundingClientRect().height;
    this.map.setFooter(height && height + 16);
    document.body.style.setProperty('--step-bar-height', `${height}px`);
  }

  private tourOf(state: AppState): Tour | null {
    return (state.tour && this.tours.get(state.tour.id)) ?? null;
  }

  /**
   * Enters a step of the current tour: its view in one update, then the camera (a flight, or a
   * jump under reduced motion). Whatever the viewer opened (the reader, a hover) closes.
   */
  goTo(step: number): void {
    const shown = this.current();
    if (!shown || step < 1 || step > shown.tour.steps.length) return;
    const { view } = shown.tour.steps[step - 1]!;
    publishStatus({ stepDrawn: 0 });
    // A step shows the map: a matrix or a timeline a visitor opened closes with the reader.
    this.store.update({ ...view, view: 'map', tour: { id: shown.tour.id, step }, reading: null, hover: null });
    this.onStep();
    // The camera once the bar shows this step (a microtask): a step framing its ties keeps clear
    // of the bar as it is now, which a longer caption or a room's size may have changed.
    void this.bar.updateComplete.then(() => {
      if (this.store.get().tour?.step !== step) return;
      this.measureBar();
      this.map.moveTo(view.camera);
      this.whenDrawn(step);
    });
  }

  /**
   * Opens a tour at a step, in a mode: fetched and checked the first time (a second press while
   * it is on its way waits for the same fetch), and again after a failure, the file perhaps mended.
   */
  async play(id: string, step: number, mode: Mode): Promise<void> {
    let loading = this.loading.get(id);
    if (!loading) {
      loading = this.tours.has(id) ? Promise.resolve(this.tours.get(id)!) : this.load(id);
      this.loading.set(id, loading);
      void loading.finally(() => this.loading.delete(id));
    }
    const tour = await loading;
    if (!tour) return;
    this.store.update({ mode, tour: { id, step: stepWithin(tour, step).step } });
    this.goTo(this.store.get().tour!.step);
  }

  private async load(id: string): Promise<Tour | null> {
    const parsed = readTour(await fetchTour(id), id, this.model);
    if (!parsed.ok) {
      this.notices.add((l) => tourProblemText(l, id, parsed.problem));
      return null;
    }
    this.tours.set(id, parsed.tour);
    return parsed.tour;
  }

  /** Presentation mode, at the tour's current step (the step's view again), or the default tour's first. */
  present(): void {
    const { tour, mode } = this.store.get();
    // A kiosk's visitor cannot turn it into a presentation (the header's button is hidden there too).
    if (mode === 'kiosk') return;
    void this.play(tour?.id ?? DEFAULT_TOUR, tour?.step ?? 1, 'present');
  }

  /** Marks the step drawn once the camera rests and every tile is in: what `npm run bench` times from the key. */
  private whenDrawn(step: number): void {
    void this.map.drawn().then(() => {
      if (this.store.get().tour?.step !== step) return;
      performance.clearMarks('step-drawn');
      performance.mark('step-drawn');
      publishStatus({ stepDrawn: step });
    });
  }
}
