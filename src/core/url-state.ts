import { documentYears, FACETS, NO_FILTERS, type Facet } from './filters.ts';
import type { Selection } from './selection.ts';
import { DEFAULT_TOUR, DEFAULT_VIEW, MODES, SCRIPTS, VIEWS, type Camera, type KioskTiming, type Mode, type Projection, type Reading, type Script, type View, type ViewState } from './view-state.ts';
import type { Atlas } from './types.ts';
import { languageOf, type Language } from './languages.ts';

// The shareable view lives in the URL. Each parameter parses to a value, to a notice saying why
// it was dropped, or to nothing (the default). Old spellings migrate to the current ones, so a
// link shared before a rename still opens the same view.

/**
 * Why a parameter was dropped: a code the interface words in each language (`notices.reason.<code>`
 * in src/i18n/messages.ts), and the values that wording names. No prose here: the core speaks no language.
 */
export type ReasonCode =
  | 'lang'
  | `unknown.${Facet}`
  | 'sel.syntax'
  | 'sel.kind'
  | `missing.${Selection['kind']}`
  | 'proj'
  | 'view'
  | 'cam.syntax'
  | 'cam.numbers'
  | `range.${keyof Camera}`
  | 'read.syntax'
  | 'missing.doc'
  | 'read.passage'
  | 'script'
  | 'script.unread'
  | 'tour.syntax'
  | 'step'
  | 'step.range'
  | `range.${keyof KioskTiming}`
  | 'kiosk.unused';

export interface Reason {
  code: ReasonCode;
  values: Readonly<Record<string, string | number>>;
}

export interface Notice {
  param: string;
  value: string;
  reason: Reason;
}

const MODE_ALIASES: Record<string, Mode> = { ...Object.fromEntries(MODES.map((mode) => [mode, mode])), presentation: 'present' };

/** Whether a value of `mode` says how the atlas is shown (present, kiosk), not a mode of cooperation. */
export const isDisplayMode = (value: string): boolean => Object.hasOwn(MODE_ALIASES, value.toLowerCase());

/** A tour's id names its file (tours/<id>.json): letters, digits and hyphens only. */
const TOUR_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The kiosk's timings in seconds: short enough to try out, long enough not to be a loop of flashes. */
const KIOSK_LIMITS: Record<keyof KioskTiming, readonly [number, number]> = { pace: [1, 600], idle: [1, 3600] };

const PROJECTION_ALIASES: Record<string, Projection> = { mercator: 'mercator', flat: 'mercator', globe: 'globe' };

/**
 * Partner ids renamed since the dataset was first published: old → current. Partners only: the
 * region group that holds Central and West Asia kept the old partner's id, `central-west-asia`.
 */
const RENAMED_PARTNERS: Record<string, string> = { 'central-west-asia': 'central-and-west-asia' };

type Parsed<T> = { value: T } | { reason: Reason };

const because = (code: ReasonCode, values: Reason['values'] = {}) => ({ reason: { code, values } });

/** The ids each facet accepts, from the dataset. */
function facetOptions(atlas: Atlas): Record<Facet, Set<string>> {
  return {
    origin: new Set(atlas.origins.map((o) => o.id)),
    field: new Set(atlas.fields.map((f) => f.id)),
    mode: new Set(atlas.modes.map((m) => m.id)),
    kind: new Set(atlas.partners.map((p) => p.kind)),
    group: new Set(atlas.groups.map((g) => g.id)),
    doc: new Set(atlas.documents.map((d) => d.id)),
    year: new Set(documentYears(atlas)),
  };
}

function parseSelection(raw: string, atlas: Atlas): Parsed<Selection> {
  const colon = raw.indexOf(':');
  const kind = raw.slice(0, colon);
  const written = raw.slice(colon + 1);
  const id = kind === 'partner' && Object.hasOwn(RENAMED_PARTNERS, written) ? RENAMED_PARTNERS[written]! : written;
  if (colon < 0 || id === '') return because('sel.syntax');
  switch (kind) {
    case 'country': {
      const iso3 = id.toUpperCase();
      return atlas.countries.some((c) => c.iso3 === iso3) ? { value: { kind, iso3 } } : because('missing.country', { id });
    }
    case 'link':
      {
      const link = atlas.links.find((l) => l.id === id);
      return link ? { value: { kind, id: link.id } } : because('missing.link', { id });
    }
    case 'site':
      {
      const site = atlas.sites.find((s) => s.id === id);
      return site ? { value: { kind, id: site.id } } : because('missing.site', { id });
    }
    case 'origin': {
      const origin = atlas.origins.find((o) => o.id === id);
      return origin ? { value: { kind, id: origin.id } } : because('missing.origin', { id });
    }
    case 'partner':
      return atlas.partners.some((p) => p.id === id) ? { value: { kind, id } } : because('missing.partner', { id });
    default:
      return because('sel.kind', { kind });
  }
}

const LIMITS = { lon: [-540, 540], lat: [-85, 85], zoom: [0, 22], bearing: [-360, 360], pitch: [0, 85] } as const;

function parseCamera(raw: string): Parsed<Camera> {
  const parts = raw.split(',');
  if (parts.length !== 3 && parts.length !== 5) return because('cam.syntax');
  const numbers = parts.map((p) => (/^-?\d+(\.\d+)?$/.test(p.trim()) ? Number(p) : NaN));
  if (numbers.some((n) => !Number.isFinite(n))) return because('cam.numbers');
  const [lon, lat, zoom, bearing = 0, pitch = 0] = numbers as [number, number, number, number?, number?];
  const camera: Camera = { lon, lat, zoom, bearing, pitch };
  for (const [key, [min, max]] of Object.entries(LIMITS) as [keyof Camera, readonly [number, number]][]) {
    const n = camera[key];
    if (n < min || n > max) return because(`range.${key}`, { n, min, max });
  }
  return { value: camera };
}

function parseReading(raw: string, atlas: Atlas): Parsed<Reading> {
  const m = /^([\w-]+)(?::(\d+)-(\d+))?$/.exec(raw);
  if (!m) return because('read.syntax');
  const doc = atlas.documents.find((d) => d.id === m[1]);
  if (!doc) return because('missing.doc', { id: m[1]! });
  const start = m[2] ? Number(m[2]) : 0;
  const end = m[3] ? Number(m[3]) : 0;
  if (start > end || end > doc.length) return because('read.passage', { start, end });
  return { value: { doc: doc.id, start, end, script: 'original' } };
}

/** Reads the view from a query string; what cannot be used is dropped with a notice. */
export function parseViewState(search: string, atlas: Atlas): { state: ViewState; notices: Notice[] } {
  const params = new URLSearchParams(search);
  const notices: Notice[] = [];
  const state: ViewState = { ...DEFAULT_VIEW, filters: { ...NO_FILTERS } };
  const take = <T>(param: string, parse: (raw: string) => Parsed<T>, set: (value: T) => void) => {
    const raw = params.get(param);
    if (raw === null || raw === '') return;
    const parsed = parse(raw);
    if ('value' in parsed) set(parsed.value);
    else notices.push({ param, value: raw, reason: parsed.reason });
  };

  // Every tag the app honours (languages.ts), written back as the language's own tag.
  take<Language>('lang', (raw) => {
    const lang = languageOf(raw);
    return lang ? { value: lang } : because('lang');
  }, (lang) => (state.lang = lang));

  // `mode` holds two things: how the atlas is shown (present, kiosk) and the modes-of-cooperation
  // filter (park, expo…), told apart by value; the first came after links with the second were shared.
  const modeValues = (params.get('mode') ?? '').split(',');
  const shownAs = modeValues.filter(isDisplayMode);
  if (shownAs.length > 0) {
    state.mode = MODE_ALIASES[shownAs[shownAs.length - 1]!.toLowerCase()]!;
    params.set('mode', modeValues.filter((value) => !shownAs.includes(value)).join(','));
  }

  const options = facetOptions(atlas);
  for (const facet of FACETS) {
    take(facet, (raw) => {
      const values = raw.split(',');
      const unknown = values.filter((v) => !options[facet].has(v));
      if (unknown.length > 0) notices.push({ param: facet, value: unknown.join(','), ...because(`unknown.${facet}`) });
      return { value: [...new Set(values.filter((v) => options[facet].has(v)))] };
    }, (values) => (state.filters = { ...state.filters, [facet]: values }));
  }

  take('sel', (raw) => parseSelection(raw, atlas), (selection) => (state.selection = selection));
  take<Projection>('proj', (raw) => {
    const projection = Object.hasOwn(PROJECTION_ALIASES, raw.toLowerCase()) ? PROJECTION_ALIASES[raw.toLowerCase()] : undefined;
    return projection ? { value: projection } : because('proj');
  }, (projection) => (state.projection = projection));
  take<View>('view', (raw) => {
    const view = VIEWS.find((id) => id === raw.toLowerCase());
    return view ? { value: view } : because('view');
  }, (view) => (state.view = view));
  take('cam', parseCamera, (camera) => (state.camera = camera));
  take('read', (raw) => parseReading(raw, atlas), (reading) => (state.reading = reading));
  // The script is the reader's: without a passage open it has nothing to apply to.
  take<Reading>('script', (raw) => {
    if (!(SCRIPTS as readonly string[]).includes(raw)) return because('script');
    return state.reading ? { value: { ...state.reading, script: raw as Script } } : because('script.unread');
  }, (reading) => (state.reading = reading));

  // A presentation or a kiosk always plays a tour, and a step alone is a step of the default one.
  let tour = state.mode !== 'explore' || params.has('step') ? DEFAULT_TOUR : null;
  take('tour', (raw) => (TOUR_ID.test(raw) ? { value: raw } : because('tour.syntax')), (id) => (tour = id));
  let step = 1;
  take('step', (raw) => (/^[1-9]\d{0,3}$/.test(raw) ? { value: Number(raw) } : because('step')), (n) => (step = n));
  state.tour = tour === null ? null : { id: tour, step };
  for (const key of ['pace', 'idle'] as const) {
    take(key, (raw) => {
      if (state.mode !== 'kiosk') return because('kiosk.unused');
      const n = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
      const [min, max] = KIOSK_LIMITS[key];
      return n >= min && n <= max ? { value: n } : because(`range.${key}`, { n: raw, min, max });
    }, (n) => (state.kiosk = { ...state.kiosk, [key]: n }));
  }
  return { state, notices };
}

const round = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/**
 * Writes the view as a query string in a stable order: the language always (a link without one
 * opens in the reader's own language), everything else only where it differs from the default.
 */
export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  params.set('lang', state.lang);
  for (const facet of FACETS) {
    const values = facet === 'mode' && state.mode !== 'explore' ? [state.mode, ...state.filters.mode] : state.filters[facet];
    if (values.length > 0) params.set(facet, values.join(','));
  }
  const sel = state.selection;
  if (sel) params.set('sel', `${sel.kind}:${sel.kind === 'country' ? sel.iso3 : sel.id}`);
  if (state.projection !== DEFAULT_VIEW.projection) params.set('proj', state.projection === 'globe' ? 'globe' : 'flat');
  if (state.view !== DEFAULT_VIEW.view) params.set('view', state.view);
  const c = state.camera;
  if (c) {
    const parts = [round(c.lon, 4), round(c.lat, 4), round(c.zoom, 2)];
    if (c.bearing !== 0 || c.pitch !== 0) parts.push(round(c.bearing, 1), round(c.pitch, 1));
    params.set('cam', parts.join(','));
  }
  const r = state.reading;
  if (r) {
    params.set('read', r.end > r.start ? `${r.doc}:${r.start}-${r.end}` : r.doc);
    if (r.script !== 'original') params.set('script', r.script);
  }
  if (state.tour) {
    params.set('tour', state.tour.id);
    params.set('step', String(state.tour.step));
  }
  if (state.mode === 'kiosk') {
    for (const key of ['pace', 'idle'] as const) if (state.kiosk[key] !== DEFAULT_VIEW.kiosk[key]) params.set(key, String(state.kiosk[key]));
  }
  return `?${params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
}
