// The scale part of `npm run bench`: the built app on its real data beside the same build serving
// 10,000 synthetic links (bench.ts makes that copy), on what a reader meets: the first picture,
// a hover and a click on a drawn line, the flow's frame rate, and whether the legend fits.
// Everything is read through the app's public behaviour only (pointer events, window.atlas, the
// DOM and the MapLibre map it exposes), never its modules: the map may draw many links as bundled
// or clustered flows, and the bench must measure whatever it draws.
import type { Browser, Page } from 'playwright-core';
import { flowFrames } from './browser-harness.ts';
import { percentile } from './filter-bench.ts';

const VIEWPORT = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** Fresh-context loads per side for the first picture, real and synthetic in turn. */
const LOADS = 5;
/** Loads per side whose flow is counted (as the load part counts the app's). */
const ANIMATION_RUNS = 3;
const FPS_SECONDS = 3;
const HOVERS = 20;
const CLICKS = 10;
/** Ratios the issue sets: synthetic over real. */
const TARGET = { firstPicture: 1.5, hover: 1.5, click: 1.5, fps: 0.8 } as const;
/** Generous: a synthetic load under software rendering is slow, and a timeout only reports failure. */
const LOAD_TIMEOUT = 180_000;
/** How long one hover or click may take before it is counted as unanswered rather than timed. */
const ANSWER_TIMEOUT = 20_000;

export interface ScaleSide {
  name: string;
  url: string;
}

interface Rendered {
  layers: string[];
  /** Rendered features by layer, for the layers that have any. */
  byLayer: Record<string, number>;
  features: number;
  distinct: number;
  linksDrawn: number;
}

interface Interactions {
  hover: number[];
  click: number[];
  missed: { hover: number; click: number };
  rendered: Rendered;
  /** At VIEWPORT, then at PHONE. */
  legend: LegendCheck[];
}

interface LegendCheck {
  viewport: { width: number; height: number };
  problems: string[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '—');

/**
 * The bench's helpers, installed in the page once it is ready. A string: tsx would wrap named
 * functions in a helper the page does not have.
 *
 * Target lines: the map's line layers whose id names links, bundles, flows, clusters, arcs or
 * routes (read from the style at run time, so that a layer added for aggregated flows counts
 * too), minus the room's casing and the country highlight. A target point lies on a segment of
 * a rendered feature of those layers, picked by a seeded generator, then checked: rendered
 * features of those layers within 2 px, no circle or symbol (markers, sites, which the app puts
 * before lines) within 12 px, and the map canvas the topmost element there (no panel over it;
 * the labels' HTML lets the pointer through, and elementFromPoint passes it too). The resting point has no rendered feature but the background within 12 px, so the
 * tooltip there is empty.
 */
const HELPERS = `(() => {
  const map = window.atlas.map;
  const canvas = map.getCanvas();
  const LINE_NAMES = /link|bundle|flow|cluster|arc|route/i;
  const NOT_TARGETS = /casing|highlight/i;
  const lineLayers = () => map.getStyle().layers
    .filter((layer) => layer.type === 'line' && LINE_NAMES.test(layer.id) && !NOT_TARGETS.test(layer.id))
    .map((layer) => layer.id);
  const pointLayers = () => map.getStyle().layers.filter((layer) => layer.type === 'circle' || layer.type === 'symbol').map((layer) => layer.id);
  const box = (x, y, r) => [[x - r, y - r], [x + r, y + r]];
  const onCanvas = (x, y) => {
    const rect = canvas.getBoundingClientRect();
    const [px, py] = [rect.left + x, rect.top + y];
    return x > 16 && y > 16 && x < rect.width - 16 && y < rect.height - 16 && document.elementFromPoint(px, py) === canvas;
  };
  const random = (seed) => {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };
  const segments = (geometry) =>
    geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
  const bench = {
    rendered() {
      const layers = lineLayers();
      const features = map.queryRenderedFeatures({ layers });
      // A feature cut by tile borders comes once per tile: distinct counts each once.
      const ids = new Set(features.map((f) => f.layer.id + ':' + (f.id ?? JSON.stringify(f.properties))));
      const byLayer = {};
      for (const f of features) byLayer[f.layer.id] = (byLayer[f.layer.id] ?? 0) + 1;
      return { layers, byLayer, features: features.length, distinct: ids.size, linksDrawn: window.atlas.countLinks() };
    },
    /** A point (CSS pixels, relative to the page) on a drawn line, different for each seed; null if none. */
    target(seed) {
      const layers = lineLayers();
      const points = pointLayers().filter((id) => map.getLayer(id));
      const features = map.queryRenderedFeatures({ layers });
      if (features.length === 0) return null;
      const next = random(seed);
      const rect = canvas.getBoundingClientRect();
      for (let attempt = 0; attempt < 400; attempt++) {
        const feature = features[Math.floor(next() * features.length)];
        const lines = segments(feature.geometry).filter((line) => line.length > 1);
        if (lines.length === 0) continue;
        const line = lines[Math.floor(next() * lines.length)];
        const i = Math.floor(next() * (line.length - 1));
        const a = map.project(line[i]);
        const b = map.project(line[i + 1]);
        const t = 0.2 + next() * 0.6;
        const [x, y] = [a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t];
        if (!onCanvas(x, y)) continue;
        if (map.queryRenderedFeatures(box(x, y, 2), { layers }).length === 0) continue;
        if (points.length > 0 && map.queryRenderedFeatures(box(x, y, 12), { layers: points }).length > 0) continue;
        return { x: rect.left + x, y: rect.top + y };
      }
      return null;
    },
    /** A point over nothing but the sea (no feature of any layer within 12 px), on a grid; null if none. */
    rest() {
      const rect = canvas.getBoundingClientRect();
      const drawn = map.getStyle().layers.filter((layer) => layer.type !== 'background').map((layer) => layer.id);
      for (let y = 40; y < rect.height - 40; y += 24) {
        for (let x = 40; x < rect.width - 40; x += 24) {
          if (onCanvas(x, y) && map.queryRenderedFeatures(box(x, y, 12), { layers: drawn }).length === 0) return { x: rect.left + x, y: rect.top + y };
        }
      }
      return null;
    },
    tooltipShown: () => Boolean(document.querySelector('atlas-tooltip')?.shadowRoot?.querySelector('[role=tooltip]')),
    cardShown: () => Boolean(document.querySelector('atlas-card')?.shadowRoot?.querySelector('aside')),
    /** The camera at rest and a frame drawn since, so that no earlier change is still on its way. */
    settled: () => new Promise((resolve) => {
      const check = () => (map.isMoving() || !map.loaded() ? map.once('idle', check) : resolve(true));
      map.once('idle', check);
      map.triggerRepaint();
    }),
    pending: null,
    cancel: () => {},
    /**
     * Times the next interaction: from the timestamp of its first pointer event of the kind asked
     * (the browser's time of the input, queueing included) until \`shown\` holds after a change
     * in the element's shadow root, and the frame after that has been drawn (a task queued from
     * the next animation frame runs once that frame's rendering is done; MapLibre draws in its
     * own animation frame callback, asked for before ours).
     */
    arm(kind) {
      const [tag, shown, pointer] = kind === 'hover'
        ? ['atlas-tooltip', bench.tooltipShown, 'pointermove']
        : ['atlas-card', bench.cardShown, 'pointerdown'];
      const root = document.querySelector(tag).shadowRoot;
      bench.pending = new Promise((resolve) => {
        let start = null;
        const onPointer = (event) => {
          if (start !== null) return;
          const now = performance.now();
          start = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
        };
        addEventListener(pointer, onPointer, { capture: true });
        const stop = () => {
          observer.disconnect();
          removeEventListener(pointer, onPointer, { capture: true });
        };
        const observer = new MutationObserver(() => {
          if (start === null || !shown()) return;
          stop();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
        });
        observer.observe(root, { childList: true, subtree: true, characterData: true });
        // Given up (see answer): nothing of this one may time the next.
        bench.cancel = () => {
          stop();
          resolve(null);
        };
      });
    },
  };
  window.__scaleBench = bench;
})()`;

async function openReady(browser: Browser, url: string, viewport = VIEWPORT): Promise<Page> {
  // No service worker: its one-time caching of the app after everything is drawn would fall in the
  // hovers, clicks and frames timed here, which measure the page at rest.
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.atlas?.ready || window.atlas?.error, undefined, { timeout: LOAD_TIMEOUT });
  const error = await page.evaluate(() => window.atlas.error);
  if (error) throw new Error(`the app at ${url} failed: ${error}`);
  return page;
}

async function close(page: Page): Promise<void> {
  await page.context().close();
}

/** Navigation → the app's `links-drawn` mark, in a fresh context. */
async function firstPicture(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('links-drawn').length > 0 || window.atlas?.error, undefined, { timeout: LOAD_TIMEOUT });
  const mark = await page.evaluate(() => performance.getEntriesByName('links-drawn')[0]?.startTime ?? NaN);
  await context.close();
  return mark;
}

/** The comets drawn per second over FPS_SECONDS, the map at rest after ready. */
async function flowRate(browser: Browser, url: string): Promise<number> {
  const page = await openReady(browser, url);
  try {
    await page.evaluate(HELPERS);
    await page.evaluate('window.__scaleBench.settled()');
    return (await flowFrames(page, FPS_SECONDS * 1000)) / FPS_SECONDS;
  } finally {
    await close(page);
  }
}

/** Waits for the pending timing, or gives up after ANSWER_TIMEOUT: null then. */
async function answer(page: Page): Promise<number | null> {
  return page.evaluate(`(() => {
    const bench = window.__scaleBench;
    const timer = setTimeout(() => bench.cancel(), ${ANSWER_TIMEOUT});
    return bench.pending.then((time) => {
      clearTimeout(timer);
      return time;
    });
  })()`);
}

async function point(page: Page, expression: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(expression);
}

/**
 * HOVERS hovers, then CLICKS clicks, on lines drawn at the opening camera, each at a point picked
 * afresh (the map may have changed). Between two, the pointer rests over the sea and the tooltip
 * and the card are empty, and the map has drawn a frame at rest. Then the legend, on the same
 * page: a load of the synthetic data costs many seconds.
 */
async function interactions(browser: Browser, url: string): Promise<Interactions> {
  const page = await openReady(browser, url);
  try {
    await page.evaluate(HELPERS);
    await page.evaluate('window.__scaleBench.settled()');
    const rendered: Rendered = await page.evaluate('window.__scaleBench.rendered()');
    const rest = await point(page, 'window.__scaleBench.rest()');
    if (!rest) throw new Error(`no point over the sea alone at the opening camera of ${url}`);
    const result: Interactions = { hover: [], click: [], missed: { hover: 0, click: 0 }, rendered, legend: [] };
    const atRest = async () => {
      await page.mouse.move(rest.x, rest.y);
      await page.waitForFunction('!window.__scaleBench.tooltipShown() && !window.__scaleBench.cardShown()', undefined, { timeout: ANSWER_TIMEOUT });
      await page.evaluate('window.__scaleBench.settled()');
    };
    await atRest();
    for (let seed = 1, tries = 0; result.hover.length < HOVERS && tries < HOVERS * 2; seed++, tries++) {
      const target = await point(page, `window.__scaleBench.target(${seed})`);
      if (!target) throw new Error(`no drawn line to point at in ${url} (layers ${rendered.layers.join(', ') || 'none'})`);
      await page.evaluate(`window.__scaleBench.arm('hover')`);
      await page.mouse.move(target.x, target.y);
      const time = await answer(page);
      if (time === null) result.missed.hover++;
      else result.hover.push(time);
      await atRest();
    }
    for (let seed = 1001, tries = 0; result.click.length < CLICKS && tries < CLICKS * 2; seed++, tries++) {
      const target = await point(page, `window.__scaleBench.target(${seed})`);
      if (!target) throw new Error(`no drawn line to click in ${url}`);
      // Hovered first, as a mouse comes to a line before pressing: the click alone is timed.
      await page.mouse.move(target.x, target.y);
      const hovered = await page
        .waitForFunction('window.__scaleBench.tooltipShown()', undefined, { timeout: ANSWER_TIMEOUT })
        .then(() => true, () => false);
      if (!hovered) {
        result.missed.click++;
        await atRest();
        continue;
      }
      await page.evaluate('window.__scaleBench.settled()');
      await page.evaluate(`window.__scaleBench.arm('click')`);
      await page.mouse.down();
      await page.mouse.up();
      const time = await answer(page);
      if (time === null) result.missed.click++;
      else result.click.push(time);
      await page.keyboard.press('Escape');
      await atRest();
    }
    result.legend = await legendFits(page, [VIEWPORT, PHONE]);
    return result;
  } finally {
    await close(page);
  }
}

/**
 * Whether the legend's panel holds everything in it: every element (and text) inside within the
 * panel's box, the panel and every list or row in it not wider or taller than it shows, and the
 * panel inside the window. A string, for the same reason as HELPERS.
 */
const LEGEND_CHECK = `(() => {
  const host = document.querySelector('atlas-legend');
  if (!host || !host.shadowRoot) return ['no <atlas-legend> with a shadow root'];
  const root = host.shadowRoot;
  const panel = root.querySelector('.panel') ?? root.firstElementChild;
  if (!panel) return ['the legend has no panel'];
  const problems = [];
  const describe = (node) => {
    if (node === panel) return 'the panel (' + panel.tagName.toLowerCase() + ')';
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const name = element.tagName.toLowerCase() + (element.classList.length ? '.' + [...element.classList].join('.') : '');
    const text = (node.textContent ?? '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return node.nodeType === Node.TEXT_NODE ? 'text "' + text + '" in ' + name : name + (text ? ' "' + text + '"' : '');
  };
  const outside = (inner, outer) => {
    const sides = [];
    if (inner.left < outer.left - 0.5) sides.push('left by ' + (outer.left - inner.left).toFixed(1) + ' px');
    if (inner.right > outer.right + 0.5) sides.push('right by ' + (inner.right - outer.right).toFixed(1) + ' px');
    if (inner.top < outer.top - 0.5) sides.push('top by ' + (outer.top - inner.top).toFixed(1) + ' px');
    if (inner.bottom > outer.bottom + 0.5) sides.push('bottom by ' + (inner.bottom - outer.bottom).toFixed(1) + ' px');
    return sides;
  };
  const box = panel.getBoundingClientRect();
  const window_ = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
  const off = outside(box, window_);
  if (off.length) problems.push('the panel leaves the window (' + off.join(', ') + ')');
  const overflows = (element) => {
    if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) problems.push(describe(element) + ' is wider than it shows (' + element.scrollWidth + ' > ' + element.clientWidth + ' px)');
    if (element.clientHeight > 0 && element.scrollHeight > element.clientHeight + 1) problems.push(describe(element) + ' is taller than it shows (' + element.scrollHeight + ' > ' + element.clientHeight + ' px)');
  };
  overflows(panel);
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (!child.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(child);
        for (const rect of range.getClientRects()) {
          if (rect.width === 0 && rect.height === 0) continue;
          const sides = outside(rect, box);
          if (sides.length) problems.push(describe(child) + ' outside the panel (' + sides.join(', ') + ')');
        }
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const rect = child.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        const sides = outside(rect, box);
        if (sides.length) problems.push(describe(child) + ' outside the panel (' + sides.join(', ') + ')');
        const display = getComputedStyle(child).display;
        if (child.tagName === 'UL' || child.tagName === 'OL' || /flex|grid/.test(display)) overflows(child);
        walk(child);
        if (child.shadowRoot) walk(child.shadowRoot);
      }
    }
  };
  walk(panel);
  return problems;
})()`;

/**
 * The legend at each of `viewports` in turn, on a page already open (the page is resized, which
 * its media queries follow): opened where it is closed (a phone opens it closed: a reader opens it
 * to read it, and then all of it must fit), then checked by LEGEND_CHECK.
 */
async function legendFits(page: Page, viewports: { width: number; height: number }[]): Promise<LegendCheck[]> {
  const checks: LegendCheck[] = [];
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    await page.waitForFunction(
      ({ width, height }) => {
        const legend = document.querySelector('atlas-legend');
        return innerWidth === width && innerHeight === height && legend && !legend.hidden && legend.shadowRoot?.querySelector('summary');
      },
      viewport,
    );
    const closed = await page.evaluate(() => {
      const details = document.querySelector('atlas-legend')!.shadowRoot!.querySelector('details');
      return details ? !details.open : false;
    });
    if (closed) {
      await page.locator('atlas-legend summary').click();
      await page.waitForFunction(() => document.querySelector('atlas-legend')!.shadowRoot!.querySelector('details')!.open);
    }
    // The layout of the new size, with the fonts it uses, done before it is measured.
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
    const problems: string[] = await page.evaluate(LEGEND_CHECK);
    checks.push({ viewport, problems });
  }
  return checks;
}

function timings(values: number[]): string {
  return `median ${ms(median(values))}  p95 ${ms(values.length ? percentile(values, 95) : NaN)}`;
}

/**
 * Measures and prints the scale figures of `real` and `synthetic` (the same build serving other
 * data): first picture, hover, click, frame rate and the legend, each synthetic beside real with
 * the issue's target. Figures are printed as measured, met or not.
 */
export async function scaleFigures(browser: Browser, real: ScaleSide, synthetic: ScaleSide): Promise<void> {
  const sides = [real, synthetic] as const;
  const width = Math.max(...sides.map((side) => side.name.length)) + 2;
  const pad = (text: string) => text.padEnd(width);
  console.log('');
  console.log(`scale: the same build on ${real.name} and on ${synthetic.name}, ${VIEWPORT.width}×${VIEWPORT.height}, each in fresh contexts`);

  // Loads first, real and synthetic in turn, before anything has animated: a page that has just
  // repainted for seconds leaves the GPU process busy, and the next load would pay for it.
  const loads: [number[], number[]] = [[], []];
  for (let i = 0; i < LOADS; i++) {
    for (const [j, side] of sides.entries()) loads[j]!.push(await firstPicture(browser, side.url));
  }
  const load = loads.map(median) as [number, number];
  const loadRatio = load[1] / load[0];
  console.log(`  first picture (navigation → links drawn), median of ${LOADS} loads each`);
  for (const [j, side] of sides.entries()) {
    console.log(`    ${pad(side.name)}${ms(load[j]!)}   (runs ${loads[j]!.map((value) => value.toFixed(0)).join(', ')})`);
  }
  console.log(`    ratio ${loadRatio.toFixed(2)} (target ≤ ${TARGET.firstPicture}: ${verdict(loadRatio <= TARGET.firstPicture)})`);

  const measured: Interactions[] = [];
  for (const side of sides) measured.push(await interactions(browser, side.url));
  console.log('  at the opening camera: line features rendered in the layers pointed at (from queryRenderedFeatures)');
  for (const [j, side] of sides.entries()) {
    const { layers, byLayer, features, distinct, linksDrawn } = measured[j]!.rendered;
    const per = layers.map((id) => `${id} ${byLayer[id] ?? 0}`).join(', ') || 'no layer';
    console.log(`    ${pad(side.name)}${features} features (${per}), ${distinct} distinct; the app reports ${linksDrawn} links drawn`);
  }
  const interaction = (key: 'hover' | 'click', title: string, target: number) => {
    console.log(`  ${title}`);
    for (const [j, side] of sides.entries()) {
      const values = measured[j]![key];
      const missed = measured[j]!.missed[key];
      console.log(`    ${pad(side.name)}${timings(values)}   (${values.length} timed${missed ? `, ${missed} not answered in ${ANSWER_TIMEOUT / 1000} s` : ''})`);
    }
    const ratio = median(measured[1]![key]) / median(measured[0]![key]);
    console.log(`    ratio of medians ${ratio.toFixed(2)} (target ≤ ${target}: ${verdict(ratio <= target)})`);
  };
  interaction('hover', 'hover: pointer move onto a drawn line → tooltip shown and the next frame drawn', TARGET.hover);
  interaction('click', 'click: press on a drawn line → card shown and the next frame drawn (Esc closes it between clicks)', TARGET.click);

  const rates: [number[], number[]] = [[], []];
  for (let i = 0; i < ANIMATION_RUNS; i++) {
    for (const [j, side] of sides.entries()) {
      rates[j]!.push(await flowRate(browser, side.url).catch((error: unknown) => {
        console.log(`    (${side.name}: the flow could not be counted: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
        return NaN;
      }));
    }
  }
  const fps = rates.map(median) as [number, number];
  const fpsRatio = fps[1] / fps[0];
  console.log(`  frame rate of the flow (comet frames a second over ${FPS_SECONDS} s, map at rest after ready), median of ${ANIMATION_RUNS} loads each`);
  for (const [j, side] of sides.entries()) console.log(`    ${pad(side.name)}${fps[j]!.toFixed(1)} fps`);
  console.log(`    ratio ${fpsRatio.toFixed(2)} (target ≥ ${TARGET.fps}: ${verdict(fpsRatio >= TARGET.fps)})`);

  console.log('  legend fits (open, after the interactions, the page resized): every element and text inside its panel, nothing in it');
  console.log('  wider or taller than it shows, the panel inside the window');
  for (const [j, side] of sides.entries()) {
    for (const { viewport, problems } of measured[j]!.legend) {
      console.log(`    ${pad(side.name)}${`${viewport.width}×${viewport.height}`.padEnd(10)}${problems.length === 0 ? 'fits' : 'does NOT fit'}`);
      for (const problem of problems.slice(0, 6)) console.log(`      ${problem}`);
      if (problems.length > 6) console.log(`      … and ${problems.length - 6} more`);
    }
  }
}
