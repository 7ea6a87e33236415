// Start-up: load the dataset and the two maps, build what the map draws, then wire the views to
// the store. Data flows one way: store → selectors (core/) → views; views send events back.
import chinaUrl from '../../geo/china.topo.json?url';
import worldUrl from '../../geo/world.topo.json?url';
import type { Topology } from 'topojson-specification';
import { indexAtlas } from '../core/atlas-index.ts';
import { filterIndex, keptSelector } from '../core/filters.ts';
import { parseAtlas } from '../core/parse-atlas.ts';
import { cardFor, summaryOf } from '../core/cards.ts';
import { sameSelection, type Selection } from '../core/selection.ts';
import { ORIGIN_IDS } from '../core/types.ts';
import type { Language } from '../core/languages.ts';
import type { Projection, Reading, Script } from '../core/url-state.ts';
import { atlasFeatures } from '../map/atlas-features.ts';
import { AtlasMap } from '../map/atlas-map.ts';
import { readGeography } from '../map/geography.ts';
import { ORIGIN_COLOURS, PAPER, tieShades } from '../map/palette.ts';
import { atlasStyle } from '../map/style.ts';
import '../ui/detail-card.ts';
import '../ui/header.ts';
import '../ui/legend.ts';
import '../ui/tooltip.ts';
import { localizer, type TraditionalTable } from '../ui/i18n.ts';
import { applyPageLanguage, chooseLanguage, rememberLanguage, traditionalTable } from './language.ts';
import { showCaption } from './caption.ts';
import { showFiltersOnMap } from './filters-on-map.ts';
import { keepViewInUrl, showNotices, viewFromUrl } from './url-sync.ts';
import { loadFullFont, mapFontFaces, registerPageFonts } from './fonts.ts';
import { loadJson, loadText } from './load.ts';
import { publishStatus } from './status.ts';
import { Store } from './store.ts';

const element = <K extends keyof HTMLElementTagNameMap>(selector: K) => document.querySelector(selector)!;

/** Colours the UI shares with the map, from the one palette. */
function applyPalette(): void {
  const root = document.documentElement.style;
  root.setProperty('--ink', PAPER.text);
  root.setProperty('--ink-muted', PAPER.textMuted);
  for (const id of ORIGIN_IDS) root.setProperty(`--origin-${id}`, ORIGIN_COLOURS[id]);
}

function showError(message: string): void {
  const box = document.getElementById('message')!;
  box.querySelector('p')!.textContent = message;
  box.hidden = false;
  publishStatus({ error: message });
}

async function start(): Promise<void> {
  registerPageFonts();
  applyPalette();
  // The caption is optional: a missing or broken caption file must not stop the map.
  showCaption(document.getElementById('caption')!).catch(() => undefined);

  // The URL's language, else the remembered one, else the browser's; 繁體 needs its table first.
  const lang = chooseLanguage(new URLSearchParams(location.search).get('lang'));
  let table: TraditionalTable = {};
  const [data, world, china] = await Promise.all([
    loadText(new URL('data/atlas.json', document.baseURI).href, 'The dataset (data/atlas.json)'),
    loadJson(worldUrl, 'The world map'),
    loadJson(chinaUrl, 'The China map'),
    lang === 'zh-Hant' ? traditionalTable().then((loaded) => (table = loaded)) : null,
  ]);
  const parsed = parseAtlas(data);
  if (!parsed.ok) throw new Error(`The dataset (data/atlas.json) cannot be used: ${parsed.error}.`);
  const index = indexAtlas(parsed.atlas);
  const originAdcodes = new Set(parsed.atlas.origins.map((origin) => origin.adcode));
  const geography = readGeography(world as Topology, china as Topology, (adcode) => originAdcodes.has(adcode));
  const features = atlasFeatures(index, geography);

  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const { view, notices } = viewFromUrl(parsed.atlas);
  // The selection and the reader from a link are applied once the map is drawn.
  const store = new Store({ ...view, lang, selection: null, reading: null, hover: null, playing: !reducedMotion.matches });
  const select = (selection: Selection | null) => {
    if (!sameSelection(selection, store.get().selection)) store.update({ selection });
  };

  const header = element('atlas-header');
  const legend = element('atlas-legend');
  const card = element('atlas-card');
  const tooltip = element('atlas-tooltip');
  const reader = element('atlas-reader');
  reader.atlas = parsed.atlas;
  legend.origins = index.atlas.origins;
  legend.classes = features.kept.tieClasses;
  legend.shades = tieShades(features.kept.tieClasses.length);

  const style = atlasStyle(features, mapFontFaces(), store.get().projection);
  const map = new AtlasMap(document.getElementById('map')!, style, features, {
    hover: (target, at) => store.update({ hover: target && { target, at } }),
    select,
  });
  const { camera } = store.get();
  if (camera) map.map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch });
  else if (store.get().projection === 'globe') map.showGlobe();
  map.map.on('moveend', () => {
    const { lng, lat } = map.map.getCenter();
    store.update({ camera: { lon: lng, lat, zoom: map.map.getZoom(), bearing: map.map.getBearing(), pitch: map.map.getPitch() } });
  });
  const loc = () => localizer(store.get().lang, table);
  const wordNotices = showNotices(document.getElementById('notices')!, notices);
  const showLanguage = () => {
    const l = loc();
    applyPageLanguage(l);
    wordNotices(l);
    header.loc = legend.loc = card.loc = tooltip.loc = reader.loc = l;
    map.setLanguage(l.lang, table);
    document.querySelector('#explore > summary')!.textContent = l.t('drawer.explore');
    document.querySelector('#ties > summary')!.textContent = l.t('drawer.ties');
  };
  showLanguage();
  const ties = filterIndex(parsed.atlas);
  const kept = keptSelector(ties);
  showFiltersOnMap(store, index, kept, map);
  const linksDrawn = map.linksDrawn();

  const cardOf = (selection: Selection) => cardFor(index, selection, geography.countryNames);
  let ready = false;
  store.subscribe((state, previous) => {
    if (state.selection !== previous.selection) {
      const selected = state.selection && cardOf(state.selection);
      card.card = selected;
      legend.selectedOrigin = state.selection?.kind === 'origin' ? state.selection.id : null;
      map.select(state.selection, selected ? [...selected.links, ...selected.blocLinks].map((row) => row.link.id) : []);
      if (selected) void loadFullFont();
    }
    if (!sameSelection(state.hover?.target ?? null, previous.hover?.target ?? null)) {
      const hovered = state.hover && cardOf(state.hover.target);
      tooltip.content = hovered && summaryOf(hovered);
    }
    if (state.hover) Object.assign(tooltip, state.hover.at);
    if (state.projection !== previous.projection) {
      header.projection = state.projection;
      map.setProjection(state.projection);
    }
    if (state.playing !== previous.playing) {
      header.playing = state.playing;
      if (ready) map.setMotion(state.playing);
    }
    if (state.reading !== previous.reading) {
      // The reader's code, like the texts it shows, is loaded the first time a passage is opened
      // (from a card, the table or a link's `read`).
      if (state.reading) void import('../ui/source-reader.ts');
      reader.reading = state.reading;
    }
    if (state.lang !== previous.lang) showLanguage();
  });

  header.playing = store.get().playing;
  header.projection = store.get().projection;
  header.addEventListener('projection', (event) => store.update({ projection: (event as CustomEvent<Projection>).detail }));
  header.addEventListener('motion', (event) => store.update({ playing: (event as CustomEvent<boolean>).detail }));
  header.addEventListener('frame', () => map.frameTies());
  header.addEventListener('language', (event) => {
    const next = (event as CustomEvent<Language>).detail;
    rememberLanguage(next);
    // The table first, so that every view switches at once, already in Traditional.
    (next === 'zh-Hant' ? traditionalTable() : Promise.resolve(table))
      .then((loaded) => {
        table = loaded;
        store.update({ lang: next });
      })
      .catch((error: unknown) => console.warn('繁體中文 could not be loaded', error));
  });
  for (const view of [card, legend]) {
    view.addEventListener('select', (event) => select((event as CustomEvent<Selection | null>).detail));
  }
  const openReader = (passage: Omit<Reading, 'script'>) => store.update({ reading: { ...passage, script: 'original' } });
  card.addEventListener('read', (event) => openReader((event as CustomEvent<Omit<Reading, 'script'>>).detail));
  element('atlas-table').addEventListener('open-reader', (event) => openReader(event.detail));
  reader.addEventListener('reader-close', () => store.update({ reading: null }));
  reader.addEventListener('reader-script', (event) => {
    const { reading } = store.get();
    if (reading) store.update({ reading: { ...reading, script: (event as CustomEvent<Script>).detail } });
  });
  reducedMotion.addEventListener('change', () => store.update({ playing: !reducedMotion.matches }));
  addEventListener('keydown', (event) => {
    if (event.key === 'Escape') select(null);
  });

  const drawn = await linksDrawn;
  // What `npm run bench` times, from navigation (the bare baseline page sets the same mark),
  // and then the time to all drawn.
  performance.mark('links-drawn');
  // The controls and panels come with the links, not before: the text they show would have the
  // page fetch and lay out its fonts while the map is still being drawn.
  header.hidden = legend.hidden = false;
  document.getElementById('atlas')!.removeAttribute('aria-busy');
  store.update({ selection: view.selection, reading: view.reading });
  // From here on the address follows the view: the link's selection and passage are in it now.
  keepViewInUrl(store);
  publishStatus({ linksDrawn: drawn, map: map.map });
  // The map works without the panels: if their chunk cannot be loaded, the drawers stay hidden.
  const panels = import('./explore.ts')
    .then(({ wireExplore }) => {
      wireExplore({
        store,
        index,
        ties,
        kept,
        loc,
        flyTo: (center, zoom) => map.map.flyTo({ center, zoom }),
      });
      showDrawers([...document.querySelectorAll<HTMLDetailsElement>('#explore, #ties')]);
    })
    .catch((error: unknown) => console.warn('The explore panels could not be loaded; the map works without them.', error));
  await Promise.all([map.addDetails(), panels]);
  performance.mark('all-drawn');
  ready = true;
  map.setMotion(store.get().playing);
  publishStatus({ ready: true });
}

/**
 * Unhides the drawers. Beside each other on a wide screen (index.html), they would cover each
 * other on a narrow one: there, opening one closes the other.
 */
function showDrawers(drawers: HTMLDetailsElement[]): void {
  // The complement of index.html's (min-width: 900px), fractional widths included.
  const narrow = matchMedia('not (min-width: 900px)');
  const keepOne = (open: HTMLDetailsElement) => {
    for (const other of drawers) if (other !== open) other.open = false;
  };
  for (const drawer of drawers) {
    drawer.hidden = false;
    drawer.addEventListener('toggle', () => drawer.open && narrow.matches && keepOne(drawer));
  }
  // Narrowed with both open: the first (the filters) stays.
  narrow.addEventListener('change', () => {
    const open = drawers.find((drawer) => drawer.open);
    if (narrow.matches && open) keepOne(open);
  });
}

start().catch((error: unknown) => showError(error instanceof Error ? error.message : String(error)));
