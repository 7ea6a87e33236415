// The state of the view, apart from how it is stored: what the URL codec (url-state.ts) reads
// and writes, and what the app's store holds besides. Plain, serialisable records.
import { NO_FILTERS, type Filters } from './filters.ts';
import type { Language } from './languages.ts';
import type { Selection } from './selection.ts';

export const PROJECTIONS = ['mercator', 'globe'] as const;
export type Projection = (typeof PROJECTIONS)[number];

export const SCRIPTS = ['original', 'zh-Hans', 'zh-Hant'] as const;
export type Script = (typeof SCRIPTS)[number];

export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
  bearing: number;
  pitch: number;
}

/** The source reader: a document, the passage in view, and the script it is shown in. */
export interface Reading {
  doc: string;
  start: number;
  end: number;
  script: Script;
}

export interface ViewState {
  lang: Language;
  filters: Filters;
  selection: Selection | null;
  projection: Projection;
  camera: Camera | null;
  reading: Reading | null;
}

export const DEFAULT_VIEW: ViewState = {
  lang: 'zh-Hans',
  filters: NO_FILTERS,
  selection: null,
  projection: 'mercator',
  camera: null,
  reading: null,
};

/** A point on the screen, in CSS pixels from the map's top left. */
export interface Pointer {
  x: number;
  y: number;
}

/** The shareable view (kept in the URL) and what is not shared: the hover and the flow's motion. */
export interface AppState extends ViewState {
  hover: { target: Selection; at: Pointer } | null;
  /** Whether the links' flow moves; starts off where the user prefers reduced motion. */
  playing: boolean;
}
