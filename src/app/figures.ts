// Pictures of the map as it is now (PNG at 1×, 2× or 4×, SVG) and the printed handout: the view's
// facts from the model (core/figure.ts), worded and laid out by map/figure.ts, the map from the
// map view (MapLibre's pixels, or the static SVG), saved by the downloads panel.
import { chosenFacets, figureFacts, figureName, figureSubject, type FigureFacts, type FigureFormat } from '../core/figure.ts';
import { localDay } from '../core/downloads.ts';
import { formatViewState } from '../core/url-state.ts';
import type { AtlasFeatures } from '../core/map-features.ts';
import type { AtlasModel } from '../core/model.ts';
import type { Localizer } from '../i18n/localizer.ts';
import { figureSvg, figureText, type FigureText } from '../map/figure.ts';
import { figurePng } from '../map/figure-png.ts';
import { FigureError, type FigureFailure, type MapSight, type MapView } from '../map/map-view.ts';
import { staticMapLayers, type StaticScene } from '../map/static-map.ts';
import '../ui/print-sheet.ts';
import { FIGURE_SCALES, type FigureScale } from '../ui/downloads.ts';
import { bind, watch } from './bind.ts';
import { embeddedFontCss } from './font-embedding.ts';
import { idleOnce } from './idle.ts';
import type { Store } from './store.ts';

export interface FigureContext {
  store: Store;
  model: AtlasModel;
  features: AtlasFeatures;
  map: MapView;
  loc: () => Localizer;
  /** The deployment's map caption (审图号), null for none. */
  caption: () => string | null;
}

export interface Figure {
  format: FigureFormat;
  name: string;
  blob: Blob;
  width: number;
  height: number;
  /** Fewer pixels than asked: the largest the browser could draw. */
  capped: boolean;
}

/** The link back to the view in a picture: the view as the store holds it (the address follows it a moment later). */
const permalink = (store: Store) => new URL(formatViewState(store.get()), location.href).href;

/** The facts of the view now: what the filters chose and keep, and the documents it rests on. */
function currentFacts({ store, model }: FigureContext): FigureFacts {
  const { filters } = store.get();
  return figureFacts(chosenFacets(filters, model.facetOptions), model.tableRows(filters), model.summary(filters));
}

/** What the frame of a picture of the view says now, in the page's language. */
function currentFigureText(context: FigureContext, facts = currentFacts(context)): FigureText {
  const { store, model, loc, caption } = context;
  const { tieClasses } = model.mapState(store.get().filters);
  return figureText(loc(), { facts, origins: model.atlas.origins, tieClasses, caption: caption(), day: localDay(new Date()), permalink: permalink(store) });
}

/** The static map of the view now, as the live map shows it: at its size, or at `size`, as much of the world across. */
function currentMapLayers({ store, model, features, loc }: FigureContext, view: MapSight, size?: { width: number; height: number }): string {
  const { filters, selection, mode } = store.get();
  const scene: StaticScene = {
    features,
    kept: model.mapState(filters),
    selection,
    related: new Set(model.highlighted(selection)),
    camera: size ? { ...view.camera, zoom: view.camera.zoom + Math.log2(size.width / view.width) } : view.camera,
    width: size?.width ?? view.width,
    height: size?.height ?? view.height,
    loc: loc(),
    room: mode !== 'explore',
  };
  return staticMapLayers(scene);
}

/** The name of a picture of the view now, made today. */
function currentFigureName({ store, model }: FigureContext, format: FigureFormat, scale = 1): string {
  const { filters, selection } = store.get();
  return figureName(figureSubject(model.index, filters, selection), localDay(new Date()), format, scale);
}

/** The size in pixels a PNG of the view would have at each scale: one layout of its frame, scaled. */
function figureSizes(context: FigureContext, view: MapSight): Record<FigureScale, { width: number; height: number }> {
  const { layout } = figureSvg(currentFigureText(context), view.width, view.height, null);
  const sized = (scale: number) => ({ width: Math.round(layout.width * scale), height: Math.round(layout.height * scale) });
  return Object.fromEntries(FIGURE_SCALES.map((scale) => [scale, sized(scale)])) as Record<FigureScale, { width: number; height: number }>;
}

async function makeFigure(context: FigureContext, format: FigureFormat, scale = 1): Promise<Figure> {
  const name = currentFigureName(context, format, scale);
  const text = currentFigureText(context);
  const view = context.map.view();
  const { width, height } = view;
  if (format === 'svg') {
    const layers = currentMapLayers(context, view);
    const plain = figureSvg(text, width, height, layers).svg;
    const { svg, layout } = figureSvg(text, width, height, layers, await embeddedFontCss(plain));
    return { format, name, blob: new Blob([svg], { type: 'image/svg+xml' }), width: layout.width, height: layout.height, capped: false };
  }
  const pixels = await context.map.pixels(scale);
  // Where the GPU drew fewer pixels than asked, the whole picture takes the scale it could.
  const drawn = pixels ? Math.min(scale, pixels.width / width) : scale;
  const layers = pixels ? null : currentMapLayers(context, view);
  const plain = figureSvg(text, width, height, layers);
  const frame = figureSvg(text, width, height, layers, await embeddedFontCss(plain.svg));
  const png = await figurePng(frame, drawn, pixels);
  return { format, name, ...png, capped: drawn < scale - 1e-6 };
}

/** The printed figure's map: 1280 × 640, centred where the live map is, as wide a stretch of the world. */
const PRINTED_MAP = { width: 1280, height: 640 };

/**
 * Wires the picture buttons of the downloads panel and the printed handout. The handout is filled
 * as printing begins (Ctrl+P, the panel's button, or a print preview's media), from the view then.
 */
export function wireFigures(context: FigureContext): void {
  const downloads = document.querySelector('atlas-downloads')!;
  const sheet = document.querySelector('atlas-print-sheet')!;
  const { store, map } = context;
  // The map as last seen on screen: printing hides it (index.html), and the SVG map, hidden, has
  // no size (MapLibre's keeps the size it last drew at).
  let seen = map.view();
  const look = () => {
    const view = map.view();
    if (view.width > 0 && view.height > 0) seen = view;
    return seen;
  };
  // Laying out the frame's text takes a while on a large atlas: the sizes follow the view in the
  // next pause, not in the frame that answers a click, and only while the panel's drawer is open
  // (they are read nowhere else), not as the page loads. A change while it is closed drops them:
  // the picture buttons wait for the next measure rather than offer sizes of another view.
  const drawer = downloads.closest('details');
  const measure = idleOnce(() => (downloads.figureSizes = figureSizes(context, look())), 1000);
  const sizes = () => {
    if (drawer?.open ?? true) measure();
    else downloads.figureSizes = null;
  };
  drawer?.addEventListener('toggle', sizes);
  // The sizes depend on the frame's lines: filters, language, and the link (selection, camera).
  bind(store, (s) => s.filters, sizes);
  for (const part of ['lang', 'selection', 'camera'] as const) watch(store, (s) => s[part], sizes);
  addEventListener('resize', sizes);

  downloads.addEventListener('figure-request', ({ detail: { format, scale } }) => {
    const name = currentFigureName(context, format, scale);
    downloads.figureStarted(name);
    makeFigure(context, format, scale)
      .then((figure) => downloads.figureMade(figure))
      .catch((error: unknown) => {
        // The reader gets the reason in their language; the details go to the console.
        console.error(`${name} could not be made`, error);
        const failure: FigureFailure = error instanceof FigureError ? error.failure : 'other';
        downloads.figureFailed(name, context.loc().t(`export.reason.${failure}`));
      });
  });

  // Filled once as printing begins (the print media and beforeprint both announce it), from the view then.
  let filled = false;
  const fillSheet = () => {
    if (!filled) {
      const facts = currentFacts(context);
      const layers = currentMapLayers(context, look(), PRINTED_MAP);
      sheet.loc = context.loc();
      sheet.facts = facts;
      sheet.figure = figureSvg(currentFigureText(context, facts), PRINTED_MAP.width, PRINTED_MAP.height, layers).svg;
      filled = true;
    }
    return sheet.updateComplete;
  };
  const printed = () => (filled = false);
  addEventListener('beforeprint', () => void fillSheet());
  addEventListener('afterprint', printed);
  matchMedia('print').addEventListener('change', (event) => (event.matches ? void fillSheet() : printed()));
  downloads.addEventListener('print-request', () => {
    // The faces of the sheet's characters are fetched as it is laid out: printed once they are in.
    void fillSheet()
      .then(() => document.fonts.ready)
      .then(() => print());
  });
}
