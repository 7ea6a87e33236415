// The map where WebGL is missing or MapLibre cannot start: the static SVG (static-map.ts) drawn
// into the page, redrawn whenever what it shows changes, and answering the pointer as the live
// map does (hover, click, drag to pan, wheel to zoom), so that filters, selection, cards, the
// reader and the table work as they do over MapLibre.
import type { LonLat } from '../core/arc.ts';
import { fitBounds, panBy } from '../core/camera.ts';
import { keptBounds, type AtlasFeatures, type KeptStates } from '../core/map-features.ts';
import type { Language } from '../core/languages.ts';
import type { Selection } from '../core/selection.ts';
import type { LinkId, OriginId, SiteId } from '../core/types.ts';
import type { Camera, Projection } from '../core/view-state.ts';
import { localizer, type Localizer, type TraditionalTable } from '../i18n/localizer.ts';
import { globeZoom } from './globe-camera.ts';
import { framePadding, type MapEvents, type MapSight, type MapView } from './map-view.ts';
import { staticMapSvg, type StaticCamera } from './static-map.ts';

const MIN_ZOOM = -1;
const MAX_ZOOM = 8;

/** What the pointer is over, from the data attributes the static map writes. */
function selectionAt(target: EventTarget | null): Selection | null {
  const element = target instanceof Element ? target.closest('[data-link],[data-partner],[data-origin],[data-site],[data-country]') : null;
  if (!element) return null;
  const data = (element as SVGElement).dataset;
  if (data.link) return { kind: 'link', id: data.link as LinkId };
  if (data.partner) return { kind: 'partner', id: data.partner };
  if (data.origin) return { kind: 'origin', id: data.origin as OriginId };
  if (data.site) return { kind: 'site', id: data.site as SiteId };
  return { kind: 'country', iso3: data.country! };
}

export class SvgMap implements MapView {
  readonly map = null;
  private kept: KeptStates;
  private selection: Selection | null = null;
  private related = new Set<string>();
  private loc: Localizer = localizer('zh-Hans', {});
  private room = false;
  private footer = 0;
  private camera: StaticCamera;
  private readonly moveListeners: ((camera: Camera) => void)[] = [];
  private frame = 0;

  /** Where the SVG is drawn: the container also holds the zoom buttons. */
  private readonly surface = document.createElement('div');
  private readonly zoomButtons: HTMLButtonElement[];

  constructor(
    private readonly container: HTMLElement,
    private readonly features: AtlasFeatures,
    events: MapEvents,
    projection: Projection,
  ) {
    this.kept = features.kept;
    container.classList.add('svg-map');
    this.surface.className = 'svg-map-surface';
    // Zoom buttons where MapLibre has its own: the only zoom for touch and for a mouse without a wheel.
    const controls = document.createElement('div');
    controls.className = 'svg-map-zoom';
    this.zoomButtons = [1, -1].map((by) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = by > 0 ? '+' : '−';
      button.addEventListener('click', () => this.zoomBy(by));
      controls.append(button);
      return button;
    });
    container.replaceChildren(this.surface, controls);
    this.camera = { ...this.framing(features.bounds), projection };
    this.surface.addEventListener('click', (event) => events.select(selectionAt(event.target)));
    this.surface.addEventListener('pointermove', (event) => {
      if (event.buttons !== 0) return;
      const target = selectionAt(event.target);
      this.surface.style.cursor = target ? 'pointer' : '';
      const box = container.getBoundingClientRect();
      events.hover(target, { x: event.clientX - box.left, y: event.clientY - box.top });
    });
    this.surface.addEventListener('pointerleave', () => events.hover(null, { x: 0, y: 0 }));
    this.listenToGestures();
    // A new size (a turned phone, a resized window) is drawn anew, the camera's centre kept.
    new ResizeObserver(() => this.setCamera({})).observe(container);
    this.draw();
  }

  private zoomBy(by: number): void {
    this.setCamera({ zoom: Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, this.camera.zoom + by)) });
    this.moved();
  }

  /**
   * Drag to pan (the drawn picture follows the pointer and is drawn anew when it lets go), wheel
   * to zoom about the pointer, and the keys MapLibre answers to.
   */
  private listenToGestures(): void {
    const { container, surface } = this;
    container.tabIndex = 0;
    container.addEventListener('keydown', (event) => {
      // A presenter's arrows move the tour, not the map.
      if (this.room || event.altKey || event.ctrlKey || event.metaKey || event.target !== container) return;
      const step = 100;
      const pan: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      const zoom = { '+': 1, '=': 1, '-': -1, _: -1 }[event.key];
      if (event.key in pan) {
        this.setCamera({ centre: panBy(this.camera.centre, this.camera.zoom, ...pan[event.key]) });
        this.moved();
      } else if (zoom) this.zoomBy(zoom);
      else return;
      event.preventDefault();
    });
    let drag: { pointer: number; x: number; y: number; moved: boolean } | null = null;
    surface.addEventListener('pointerdown', (event) => {
      // One pointer drags; a second finger does not take over.
      if (!drag) drag = { pointer: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
    });
    surface.addEventListener('pointermove', (event) => {
      if (!drag || event.pointerId !== drag.pointer) return;
      const [dx, dy] = [event.clientX - drag.x, event.clientY - drag.y];
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) surface.setPointerCapture(event.pointerId);
      drag.moved = true;
      surface.style.transform = `translate(${dx}px, ${dy}px)`;
    });
    const release = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.pointer) return;
      const { x, y, moved } = drag;
      drag = null;
      if (!moved) return;
      // The click that ends a drag is not a choice.
      surface.addEventListener('click', (click) => click.stopImmediatePropagation(), { capture: true, once: true });
      this.setCamera({ centre: panBy(this.camera.centre, this.camera.zoom, x - event.clientX, y - event.clientY) });
      this.moved();
    };
    surface.addEventListener('pointerup', release);
    surface.addEventListener('pointercancel', release);
    surface.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const box = container.getBoundingClientRect();
        const [px, py] = [event.clientX - box.left - box.width / 2, event.clientY - box.top - box.height / 2];
        // Lines and pages, as some mice and systems report them, in pixels.
        const pixels = event.deltaY * (event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? box.height : 1);
        const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, this.camera.zoom - pixels / 300));
        // The point under the pointer stays under it.
        const scale = 2 ** (zoom - this.camera.zoom);
        const centre = panBy(this.camera.centre, this.camera.zoom, px - px / scale, py - py / scale);
        this.setCamera({ centre, zoom });
        this.moved();
      },
      { passive: false },
    );
  }

  private size() {
    return { width: this.container.clientWidth || 1, height: this.container.clientHeight || 1 };
  }

  private framing(bounds: Parameters<typeof fitBounds>[0]): { centre: LonLat; zoom: number } {
    const { width, height } = this.size();
    const padding = framePadding(width);
    const fitted = fitBounds(bounds, width, height - this.footer, padding);
    // Framed above the footer: the centre moves down by half of it.
    return { centre: panBy(fitted.centre, fitted.zoom, 0, this.footer / 2), zoom: Math.max(MIN_ZOOM, fitted.zoom) };
  }

  private setCamera(change: Partial<StaticCamera>): void {
    this.camera = { ...this.camera, ...change };
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private moved(): void {
    const { centre, zoom } = this.camera;
    for (const listener of this.moveListeners) listener({ lon: centre[0], lat: centre[1], zoom, bearing: 0, pitch: 0 });
  }

  private draw(): void {
    const { width, height } = this.size();
    this.surface.style.transform = '';
    this.surface.innerHTML = staticMapSvg(
      {
        features: this.features,
        kept: this.kept,
        selection: this.selection,
        related: this.related,
        camera: this.camera,
        width,
        height,
        loc: this.loc,
        room: this.room,
        hits: true,
      },
      this.loc.t('app.map.label'),
    );
  }

  /** Drawn as soon as made. */
  linksDrawn(): Promise<void> {
    return Promise.resolve();
  }

  /** The links drawn, one by one or (a bundled atlas at world scale) in a bundle: the kept links the drawn bundles hold. */
  linksShown(): number {
    const drawn = new Set([...this.surface.querySelectorAll<SVGElement>('[data-link]')].map((link) => link.dataset.link!));
    const bundles = new Set([...this.surface.querySelectorAll<SVGElement>('[data-bundle]')].map((bundle) => bundle.dataset.bundle!));
    for (const [link, bundle] of this.features.bundleOfLink) if (bundles.has(bundle) && this.kept.links.has(link)) drawn.add(link);
    return drawn.size;
  }

  finishDrawing(): Promise<void> {
    return Promise.resolve();
  }

  showKept(kept: KeptStates): void {
    this.kept = kept;
    this.draw();
  }

  select(selection: Selection | null, relatedLinks: string[]): void {
    this.selection = selection;
    this.related = new Set(relatedLinks);
    this.draw();
  }

  setLanguage(lang: Language, traditional: TraditionalTable = {}): void {
    this.loc = localizer(lang, traditional);
    for (const [button, key] of [[this.zoomButtons[0], 'map.zoomIn'], [this.zoomButtons[1], 'map.zoomOut']] as const) {
      button.title = this.loc.t(key);
      button.setAttribute('aria-label', this.loc.t(key));
    }
    this.draw();
  }

  setProjection(projection: Projection): void {
    this.camera = { ...this.camera, projection };
    if (projection === 'globe') this.showGlobe();
    else this.frameTies();
  }

  showGlobe(): void {
    const { width, height } = this.size();
    const centre = this.features.originsCentre;
    this.setCamera({ centre, zoom: globeZoom(width, height, centre[1]) });
    this.moved();
  }

  /** Nothing moves on a still map. */
  setMotion(): void {}

  setRoom(room: boolean): void {
    this.room = room;
    this.draw();
  }

  setFooter(px: number): void {
    this.footer = px;
  }

  moveTo(camera: Camera | null): void {
    if (!camera) return this.frameTies();
    this.setCamera({ centre: [camera.lon, camera.lat], zoom: camera.zoom });
    this.moved();
  }

  flyTo(centre: LonLat, zoom: number): void {
    this.setCamera({ centre, zoom });
    this.moved();
  }

  frameTies(): void {
    this.setCamera(this.framing(keptBounds(this.features, this.kept)));
    this.moved();
  }

  drawn(): Promise<void> {
    return new Promise((resolve) => requestAnimationFrame(() => resolve()));
  }

  onMoveEnd(listener: (camera: Camera) => void): void {
    this.moveListeners.push(listener);
  }

  pixels(): Promise<null> {
    return Promise.resolve(null);
  }

  view(): MapSight {
    return { camera: this.camera, ...this.size() };
  }
}
