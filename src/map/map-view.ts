// What the app asks of a map, whichever draws it: MapLibre (atlas-map.ts) or, where WebGL is
// missing, the static SVG (svg-map.ts). The app wires one of the two and never asks which.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LonLat } from '../core/arc.ts';
import type { KeptStates } from '../core/map-features.ts';
import type { Language } from '../core/languages.ts';
import type { Selection } from '../core/selection.ts';
import type { Camera, Pointer, Projection } from '../core/view-state.ts';
import type { TraditionalTable } from '../i18n/localizer.ts';
import type { StaticCamera } from './static-map.ts';

/** Room around the ties when framing them: less on a phone, where every pixel counts. */
export const framePadding = (width: number) => (width < 600 ? 12 : 48);

/** Where the map looks from, and its size on screen in CSS pixels: what a still picture of it needs. */
export interface MapSight {
  camera: StaticCamera;
  width: number;
  height: number;
}

/** Why a picture could not be made, for a message in the reader's language. */
export type FigureFailure = 'size' | 'gpu' | 'timeout' | 'encode' | 'other';

export class FigureError extends Error {
  constructor(
    readonly failure: FigureFailure,
    detail: string,
  ) {
    super(detail);
  }
}

export interface MapEvents {
  hover(target: Selection | null, at: Pointer): void;
  select(target: Selection | null): void;
}

export interface MapView {
  /** MapLibre's own map, for tests and the benchmark; null where the map is SVG. */
  readonly map: MapLibreMap | null;
  /** Resolves once the map has first drawn its links. */
  linksDrawn(): Promise<void>;
  /** The number of distinct links on screen now, drawn one by one or in a bundle. For tests and the bench: it costs a query of what was drawn. */
  linksShown(): number;
  /** Adds what waits until the links are shown (the labels once their fonts are in, a bundled atlas's closer links); resolves once everything is drawn. */
  finishDrawing(): Promise<void>;
  showKept(kept: KeptStates): void;
  /** Marks the selection and the links related to it; everything else fades while one is shown. */
  select(selection: Selection | null, relatedLinks: string[]): void;
  setLanguage(lang: Language, traditional?: TraditionalTable): void;
  setProjection(projection: Projection): void;
  /** The globe's own first view. */
  showGlobe(): void;
  setMotion(playing: boolean): void;
  /** Draws for a room (presentation mode) or for a screen. */
  setRoom(room: boolean): void;
  /** Keeps the bottom `px` clear when framing the ties. */
  setFooter(px: number): void;
  /** Moves to a camera, or frames what the filters keep when there is none. */
  moveTo(camera: Camera | null, animate?: boolean): void;
  flyTo(centre: LonLat, zoom: number): void;
  frameTies(animate?: boolean): void;
  /** Resolves once the view is at rest and fully drawn. */
  drawn(): Promise<void>;
  /** Calls `listener` with the camera after every move. */
  onMoveEnd(listener: (camera: Camera) => void): void;
  /**
   * The map drawn again at `scale` times its CSS pixels, for a PNG; null where the map is SVG (the
   * picture then draws the static map itself).
   */
  pixels(scale: number): Promise<HTMLCanvasElement | null>;
  /** Where the map looks from now, and its size on screen. */
  view(): MapSight;
}
