// Start-up: load the dataset and the two maps, make the model and the map, then bind each view
// to the store through the model's selectors. Data flows one way: store → selectors (core/) →
// views; views send events back to the store.
import { readerIndex } from '../core/reader.ts';
import { sameSelection, type Selection } from '../core/selection.ts';
import type { Language } from '../core/languages.ts';
import { DEFAULT_TOUR, type Projection, type Reading, type Script, type View } from '../core/view-state.ts';
import { localizer } from '../i18n/localizer.ts';
import { AtlasMap } from '../map/atlas-map.ts';
import type { MapEvents, MapView } from '../map/map-view.ts';
import { tieShades } from '../map/palette.ts';
import { atlasStyle } from '../map/style.ts';
import '../ui/header.ts';
import '../ui/legend.ts';
import '../ui/tooltip.ts';
import { bind, watch } from './bind.ts';
import { DatasetError, loadAtlas } from './boot.ts';
import { followCamera } from './camera.ts';
import { showCaption } from './caption.ts';
import { nameDrawers, showDrawers } from './drawers.ts';
import { applyPageLanguage, chooseLanguage, rememberLanguage, traditionalTable } from './language.ts';
import { applyPalette } from './page-colours.ts';
import { NoticeBoard } from './notices.ts';
import type { Presentation } from './presentation.ts';
import { keepViewInUrl, viewFromUrl } from './url-sync.ts';
import { loadProblemText, noticeText, tourProblemText } from '../ui/notice-text.ts';
import { atlasProblemText } from '../i18n/atlas-problem.ts';
import { askedFor } from '../load/asked-for.ts';
import { LoadError } from '../load/files.ts';
import { publishStatus } from './status.ts';
import { Store } from './store.ts';
import { yieldToPage } from './yield-to-page.ts';

const element = <K extends keyof HTMLElementTagNameMap>(selector: K) => document.querySelector(selector)!;

/** How long the controls wait for the font code (a chunk of its own) before they show in the browser's fonts; its files have a wait of their own. */
const FONT_CODE_WAIT_MS = 4000;

/**
 * Why the atlas cannot start, in the reader's language (繁體 when its table can be had), in the
 * page's one message box: a file that could not be loaded, a dataset refused and why, or else the
 * error itself.
 */
async function showError(error: unknown): Promise<void> {
  const lang = chooseLanguage(new URLSearchParams(location.search).get('lang'));
  const loc = localizer(lang, lang === 'zh-Hant' ? await traditionalTable().catch(() => ({})) : {});
  const message =
    error instanceof DatasetError
      ? atlasProblemText(loc, error.problem)
      : loc.t('start.problem', { problem: error instanceof LoadError ? loadProblemText(loc, error.problem) : String(error instanceof Error ? error.message : error) });
  const box = document.getElementById('message')!;
  box.lang = loc.tag;
  box.querySelector('p')!.textContent = message;
  box.hidden = false;
  publishStatus({ error: message });
  // The atlas stops here: its text fetches its font files as it shows (in the browser's fonts till then).
  import('./fonts.ts')
    .then(({ leaveFontFilesToBrowser }) => leaveFontFilesToBrowser())
    .catch(() => undefined);
}

async function start(): Promise<void> {
  applyPalette();
  // The caption is optional: a missing or broken caption file must not stop the map. Pictures of the map carry it too.
  let caption: string | null = null;
  showCaption(document.getElementById('caption')!)
    .then((text) => (caption = text))
    .catch(() => undefined);

  // The URL's language, else the remembered one, else the browser's; 繁體 needs its table first.
  const lang = chooseLanguage(new URLSearchParams(location.search).get('lang'));
  const loaded = await loadAtlas(lang);
  const { model, features } = loaded;
  let { traditional } = loaded;

  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const fromUrl = viewFromUrl(model.atlas);
  const notices = new NoticeBoard(document.getElementById('notices')!);
  if (fromUrl.notices.length > 0) notices.add((l) => l.t('notices.lead'), fromUrl.notices.map((notice) => (l) => noticeText(l, notice)));
  // Tours and presentation mode are a chunk of their own; if it cannot be loaded, the page says so
  // and the atlas works as the explorer.
  const presentationFailed = (id: string, error: unknown) =>
    notices.add((l) => tourProblemText(l, id, { code: 'load', values: { detail: (error as Error).message } }));
  // A presentation's or a kiosk's tour is checked before the first picture, which shows its step.
  const { view, tour } = fromUrl.view.tour
    ? await import('./presentation.ts')
        .then(({ openWithTour }) => openWithTour(fromUrl.view, model, notices))
        .catch((error: unknown) => {
          presentationFailed(fromUrl.view.tour!.id, error);
          return { view: { ...fromUrl.view, mode: 'explore' as const, tour: null }, tour: null };
        })
    : { view: fromUrl.view, tour: null };
  // The selection and the reader from a link are applied once the map is drawn.
  const store = new Store({ ...view, lang, selection: null, reading: null, hover: null, playing: !reducedMotion.matches });
  const select = (selection: Selection | null) => {
    if (!sameSelection(selection, store.get().selection)) store.update({ selection });
  };

  const [header, legend, card, tooltip, reader] = [element('atlas-header'), element('atlas-legend'), element('atlas-card'), element('atlas-tooltip'), element('atlas-reader')];
  reader.index = readerIndex(model.index);
  legend.origins = model.atlas.origins;

  const events: MapEvents = { hover: (target, at) => store.update({ hover: target && { target, at } }), select };
  const container = document.getElementById('map')!;
  // Where MapLibre cannot draw (no WebGL2, a worker the browser will not start, a context lost
  // before the first picture), the static map instead, and a line that says so.
  const drawAsSvg = async (error: unknown): Promise<MapView> => {
    console.warn('The map is drawn as SVG:', error);
    container.className = '';
    const { SvgMap } = await import('../map/svg-map.ts');
    const noWebgl = !document.createElement('canvas').getContext('webgl2');
    notices.add((l) => l.t(noWebgl ? 'map.fallback' : 'map.fallback.failed'));
    return new SvgMap(container, features, events, store.get().projection);
  };
  // Creating the map (its WebGL context, its painter) is a step of its own.
  await yieldToPage();
  let current: MapView;
  try {
    current = new AtlasMap(container, atlasStyle(features, store.get().projection), features, events);
  } catch (error) {
    current = await drawAsSvg(error);
  }
  // Everything that holds the map (bindings, the tour player, the pictures) holds this, which
  // answers with whichever map draws now: MapLibre may still give way to the SVG map (below).
  const map = new Proxy(current, {
    get: (_, key) => {
      const value = Reflect.get(current, key) as unknown;
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
  followCamera(map, store);
  const loc = () => localizer(store.get().lang, traditional);

  bind(store, (s) => s.lang, () => {
    const l = loc();
    applyPageLanguage(l);
    notices.word(l);
    header.loc = legend.loc = card.loc = tooltip.loc = reader.loc = l;
    map.setLanguage(l.lang, traditional);
    nameDrawers(l);
  });
  bind(store, (s) => model.mapState(s.filters), (shown) => {
    map.showKept(shown);
    legend.classes = shown.tieClasses;
    legend.shades = tieShades(shown.tieClasses.length);
  });
  bind(store, (s) => model.card(s.selection), (shown) => {
    card.card = shown;
    if (shown) import('./fonts.ts').then(({ loadFullFont }) => loadFullFont()).catch((error: unknown) => console.warn('The full font could not be loaded:', error));
  });
  watch(store, (s) => model.highlighted(s.selection), (links) => map.select(store.get().selection, links));
  bind(store, (s) => (s.selection?.kind === 'origin' ? s.selection.id : null), (origin) => (legend.selectedOrigin = origin));
  bind(store, (s) => model.tooltip(s.hover?.target ?? null), (summary) => (tooltip.content = summary));
  bind(store, (s) => s.hover, (hover) => hover && Object.assign(tooltip, hover.at));
  // The page's chrome follows the mode (index.html: a room shows the map and the step bar only).
  bind(store, (s) => s.mode, (mode) => (document.body.dataset.mode = mode));
  bind(store, (s) => s.projection, (projection) => (header.projection = projection));
  // The matrix or the timeline beside the map (index.html shows the one the view names).
  bind(store, (s) => s.view, (view) => (header.view = document.body.dataset.view = view));
  watch(store, (s) => s.projection, (projection) => map.setProjection(projection));
  bind(store, (s) => s.playing, (playing) => (header.playing = playing));
  // The reader's code, like the texts it shows, is loaded the first time a passage is opened
  // (from a card, the table or a link's `read`).
  bind(store, (s) => s.reading, (reading) => {
    if (reading) void import('../ui/source-reader.ts');
    reader.reading = reading;
  });

  header.addEventListener('projection', (event) => store.update({ projection: (event as CustomEvent<Projection>).detail }));
  header.addEventListener('motion', (event) => store.update({ playing: (event as CustomEvent<boolean>).detail }));
  header.addEventListener('frame', () => map.frameTies());
  header.addEventListener('view', (event) => store.update({ view: (event as CustomEvent<View>).detail }));
  // The one way the language changes after start (the header, a kiosk going back to its own).
  // 繁體's table comes first, so that every view switches at once, already in Traditional; a
  // table that arrives after another language was asked for is not applied.
  let askedLanguage: Language = lang;
  const setLanguage = (next: Language) => {
    askedLanguage = next;
    (next === 'zh-Hant' ? traditionalTable() : Promise.resolve(traditional))
      .then((loaded) => {
        if (askedLanguage !== next) return;
        traditional = loaded;
        store.update({ lang: next });
      })
      .catch((error: unknown) => console.warn('繁體中文 could not be loaded', error));
  };
  header.addEventListener('language', (event) => {
    const next = (event as CustomEvent<Language>).detail;
    rememberLanguage(next);
    setLanguage(next);
  });
  for (const view of [card, legend]) view.addEventListener('select', (event) => select((event as CustomEvent<Selection | null>).detail));
  const openReader = (passage: Omit<Reading, 'script'>) => store.update({ reading: { ...passage, script: 'original' } });
  card.addEventListener('read', (event) => openReader((event as CustomEvent<Omit<Reading, 'script'>>).detail));
  element('atlas-table').addEventListener('open-reader', (event) => openReader(event.detail));
  reader.addEventListener('reader-close', () => store.update({ reading: null }));
  reader.addEventListener('reader-script', (event) => {
    const { reading } = store.get();
    if (reading) store.update({ reading: { ...reading, script: (event as CustomEvent<Script>).detail } });
  });
  // Tours and presentation mode: wired now when the link plays a tour (its step bar and the
  // room's drawing show with the first picture), else when Present is first pressed. The
  // presenter's keys and the kiosk's clock listen once the link's view is all applied (below).
  let presentation = null as Promise<Presentation> | null;
  let listening = false;
  const presenting = () =>
    (presentation ??= import('./presentation.ts').then(({ wirePresentation }) => {
      const wired = wirePresentation({ store, model, map, loc, notices, opened: tour, openReader, setLanguage });
      if (listening) wired.listen();
      return wired;
    }));
  if (tour) await presenting();
  header.addEventListener('present', () => {
    presenting()
      .then(({ player }) => player.present())
      .catch((error: unknown) => {
        // Tried again at the next press: the chunk may come then.
        presentation = null;
        presentationFailed(store.get().tour?.id ?? DEFAULT_TOUR, error);
      });
  });
  reducedMotion.addEventListener('change', () => store.update({ playing: !reducedMotion.matches }));
  // Esc clears the selection in the explorer; in a room it is the presenter's (presenter.ts).
  addEventListener('keydown', (event) => event.key === 'Escape' && store.get().mode === 'explore' && !event.defaultPrevented && select(null));
  // The title and the controls, wired, show before the map's first frames, in the browser's own
  // sans serif until the page's font files come with the links (below, and index.html): laid out
  // now, while the map's files and tiles are still on their way, the page has its largest text on
  // screen at once.
  header.hidden = false;

  try {
    await map.linksDrawn();
  } catch (error) {
    // The new map is shown what the old one was shown so far.
    current.map?.remove();
    current = await drawAsSvg(error);
    followCamera(map, store);
    map.setLanguage(store.get().lang, traditional);
    map.showKept(model.mapState(store.get().filters));
    await map.linksDrawn();
  }
  // What `npm run bench` times, from navigation (the bare baseline page sets the same mark),
  // and then the time to all drawn.
  performance.mark('links-drawn');
  // The legend and the panels come with the links, not before: the text they show would have the
  // page fetch and lay out its fonts while the map is still being drawn. The legend shows, and the
  // header takes the page's font, once the files of the chrome's characters are in (see
  // loadFontsFor); the rest goes on meanwhile. The font code is asked for here, in the task that
  // ends the picture (see load/font-files.ts). Without it, or while it does not come, the text
  // shows in the browser's own fonts.
  const fonts = Promise.race([
    import('./fonts.ts').catch((error: unknown) => console.warn('The font files cannot be loaded:', error)),
    new Promise<void>((resolve) => setTimeout(resolve, FONT_CODE_WAIT_MS)),
  ]);
  // What follows (the chrome, the selection, the panels' code) in tasks of their own, not in the
  // frame's; the map asks for its labels' code first (AtlasMap.askForLabelCode).
  await yieldToPage();
  // The card's code comes after the links, not before: a selection (the link's own, below, or a
  // click on the map before now) shows once it is in, its properties kept by the element.
  import('../ui/detail-card.ts').catch((error: unknown) => console.warn('The detail card could not be loaded:', error));
  // Each lazy import adds the links that preload its chunks to the page: some 20–40 ms without a
  // GPU, as the map's last frames are drawn. Each gets a task of its own.
  await yieldToPage();
  document.getElementById('atlas')!.removeAttribute('aria-busy');
  store.update({ selection: view.selection, reading: view.reading });
  // From here on the address follows the view: the link's selection and passage are in it now.
  keepViewInUrl(store);
  listening = true;
  if (presentation) (await presentation).listen();
  publishStatus({ map: map.map });
  // The panels' and the offline worker's code is asked for before the font files: on a slow
  // network, behind some thirty of them, it came last, and the panels with it.
  await yieldToPage();
  const exploreCode = askedFor(import('./explore.ts'));
  await yieldToPage();
  const figuresCode = askedFor(import('./figures.ts'));
  await yieldToPage();
  const insightCode = askedFor(import('./insight.ts'));
  await yieldToPage();
  const offlineCode = askedFor(import('./offline.ts'));
  const chromeFonts = Promise.all([fonts, header.updateComplete, legend.updateComplete])
    .then(([loaded]) => loaded?.loadFontsFor([header, legend, ...document.querySelectorAll('#caption, #notices, atlas-step-bar, #explore > summary, #ties > summary')]))
    .catch((error: unknown) => console.warn('The controls show before their fonts:', error));
  void chromeFonts.then(() => {
    document.body.dataset.fonts = 'in';
    legend.hidden = false;
  });
  // The map works without the panels: if their chunk cannot be loaded, the drawers stay hidden.
  await yieldToPage();
  const panels = exploreCode
    .then(({ wireExplore }) => wireExplore({ store, model, loc, flyTo: (centre, zoom) => map.flyTo(centre, zoom) }))
    .then(() => {
      showDrawers();
      return Promise.all([figuresCode, insightCode]);
    })
    .then(async ([{ wireFigures }, { wireInsight }]) => {
      wireFigures({ store, model, features, map, loc, caption: () => caption });
      await yieldToPage();
      wireInsight({ store, model, loc });
    })
    .catch((error: unknown) => console.warn('The explore panels could not be loaded; the map works without them.', error));
  // The labels measure their text once their font files are in, fetched through the font code.
  const loadedFonts = await fonts;
  await Promise.all([map.finishDrawing(), panels]);
  performance.mark('all-drawn');
  // Whatever text comes next (a card, the table, a tooltip) has the browser fetch its font files.
  await loadedFonts?.leaveFontFilesToBrowser();
  // Offline after one visit: the worker fetches the app's files (some 8 MB) once everything is
  // drawn, not while the labels and panels still need the network and the cores. Its code (and
  // the update prompt's) is a chunk of its own, asked for above.
  offlineCode
    .then(({ keepOffline }) => keepOffline(store, loc))
    .catch((error: unknown) => console.warn('The atlas cannot be kept for offline use:', error));
  // The flow starts once the details are drawn, and follows the play button from then on.
  bind(store, (s) => s.playing, (playing) => map.setMotion(playing));
  publishStatus({ countLinks: () => map.linksShown(), ready: true });
}

start().catch(showError);
