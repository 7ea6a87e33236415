// The state of the view, apart from how it is stored: what the URL codec (url-state.ts) reads
// and writes, and what the app's store holds besides. Plain, serialisable records.
import { NO_FILTERS, type Filters } from './filters.ts';
import type { Language } from './languages.ts';
import type { Selection } from './selection.ts';

export const PROJECTIONS = ['mercator', 'globe'] as const;
export type Projection = (typeof PROJECTIONS)[number];

/** What the atlas shows beside the map: nothing, the partner × origin matrix, or the documents' timeline. */
export const VIEWS = ['map', 'matrix', 'timeline'] as const;
export type View = (typeof VIEWS)[number];

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

/**
 * How the atlas is shown: the explorer, a presentation driven by a presenter's keys (the chrome
 * hidden but for the step bar), or a kiosk that plays the tour by itself and returns to it when
 * visitors leave.
 */
export const MODES = ['explore', 'present', 'kiosk'] as const;
export type Mode = (typeof MODES)[number];

/** Where a tour is: its id (the file tours/<id>.json) and the step shown, counted from 1. */
export interface TourPosition {
  id: string;
  step: number;
}

/** The kiosk's timings, in seconds: how long a step stays, and how long after the last touch it returns to the tour. */
export interface KioskTiming {
  pace: number;
  idle: number;
}

/** The tour a presentation or a kiosk opens when the link names none. */
export const DEFAULT_TOUR = 'default';

export interface ViewState {
  lang: Language;
  filters: Filters;
  selection: Selection | null;
  projection: Projection;
  view: View;
  camera: Camera | null;
  reading: Reading | null;
  mode: Mode;
  tour: TourPosition | null;
  kiosk: KioskTiming;
}

export const DEFAULT_VIEW: ViewState = {
  lang: 'zh-Hans',
  filters: NO_FILTERS,
  selection: null,
  projection: 'mercator',
  view: 'map',
  camera: null,
  reading: null,
  mode: 'explore',
  tour: null,
  kiosk: { pace: 12, idle: 60 },
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
