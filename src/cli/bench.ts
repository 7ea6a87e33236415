// npm run bench: the app against a bare MapLibre page (src/bench/) that shows the same geo files
// and links with nothing else, both built and served here, in Debian's Chromium (SwiftShader, no
// GPU). Prints load time and frame rate as ratios, the JS heap, and the bytes shipped before
// the links are drawn, raw and gzipped, by kind; Lighthouse's main-thread figures beside the bare
// page's and axe-core on every view (lighthouse-bench.ts); first picture, hover, click, frame rate
// and the legend on 10,000 synthetic links beside the real data (scale-bench.ts). Figures are
// printed as measured, met or not.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { parseAtlas } from '../core/parse-atlas.ts';
import { COMET_FPS } from '../map/comet-painter.ts';
import { buildApp, flowFrames, launchChromium, ROOT, serve, type Served } from './browser-harness.ts';
import { extractFigures } from './extract-bench.ts';
import { axeFigures, lighthouseFigures } from './lighthouse-bench.ts';
import { measureBareJumps, measureStepKeys } from './step-bench.ts';
import { filterSequence, measureFilterChanges, percentile, syntheticAtlas, type FilterTiming } from './filter-bench.ts';
import { scaleFigures } from './scale-bench.ts';
import type { Atlas } from '../core/types.ts';

const RUNS = 7;
/** Loads that measure the heap and the frame rate, apart from the timed ones. */
const ANIMATION_RUNS = 3;
/** `npm run bench -- --load`, `-- --filters`, `-- --steps`, `-- --scale`, `-- --lighthouse`, `-- --axe` or `-- --extract`: those figures only (any of them); all by default. */
const PARTS = ['load', 'filters', 'steps', 'scale', 'lighthouse', 'axe', 'extract'].filter((part) => process.argv.includes(`--${part}`));
const runs = (part: string) => PARTS.length === 0 || PARTS.includes(part);
const SYNTHETIC_LINKS = 10_000;
const FPS_SECONDS = 3;
const VIEWPORT = { width: 1280, height: 800 };

type Kind = 'app code and libraries (not MapLibre)' | 'MapLibre (JS, worker, CSS)' | 'geo and data' | 'fonts' | 'page (HTML, icon, caption)';

/** What the page fetched: `data:` URLs (inlined assets) weigh nothing extra. */
function kindOf(url: string): Kind {
  const path = new URL(url).pathname;
  if (/maplibre/.test(path)) return 'MapLibre (JS, worker, CSS)';
  if (/\.topo.*\.json$|\/data\/atlas\.json$/.test(path)) return 'geo and data';
  if (/\.woff2?$/.test(path)) return 'fonts';
  if (/\.(js|mjs|css)$/.test(path)) return 'app code and libraries (not MapLibre)';
  return 'page (HTML, icon, caption)';
}

interface Run {
  linksDrawnMs: number;
  /** Until the labels are shown too, with their font files (they come once the links are drawn); the bare page has none. */
  readyMs: number;
}

interface Animation {
  fps: number;
  heapBytes: number;
}

interface Shipped {
  url: string;
  raw: number;
  gzip: number;
}

/**
 * The files a page asked for before its links were drawn (the page itself, and the resources its
 * timeline shows requested before the mark), with their sizes raw and gzipped, from a load of
 * its own: reading every response's body through the DevTools protocol takes the browser's time,
 * which the timed loads must not lose.
 */
async function shippedBeforeLinks(browser: Browser, url: string): Promise<Shipped[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const pending: Promise<Shipped | null>[] = [];
  page.on('response', (response) => {
    if (!response.url().startsWith('http')) return;
    pending.push(
      response.body().then(
        (body) => ({ url: response.url(), raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
        () => null,
      ),
    );
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('links-drawn').length > 0, undefined, { timeout: 120_000 });
  const requested = new Set(
    await page.evaluate(() => {
      const mark = performance.getEntriesByName('links-drawn')[0]!.startTime;
      const resources = performance.getEntriesByType('resource').filter((e) => e.startTime <= mark);
      return [performance.getEntriesByType('navigation')[0]!.name.split('#')[0]!, ...resources.map((e) => e.name)];
    }),
  );
  const shipped = (await Promise.all(pending)).filter((entry): entry is Shipped => entry !== null && requested.has(entry.url));
  await context.close();
  return shipped;
}

/** Opens a page, waits until its links are drawn and then everything, and closes it: nothing else runs meanwhile. */
async function timeLoad(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('links-drawn').length > 0, undefined, { timeout: 120_000 });
  const linksDrawnMs = await page.evaluate(() => performance.getEntriesByName('links-drawn')[0].startTime);
  await page.waitForFunction(() => !window.atlas || window.atlas.ready, undefined, { timeout: 120_000 });
  const readyMs = await page.evaluate(() => performance.getEntriesByName('all-drawn')[0]?.startTime ?? 0);
  await context.close();
  return { linksDrawnMs, readyMs };
}

/**
 * The JS heap once a page is ready, and the frames it shows per second while the links move: the
 * app runs its flow; the bare page, which has none, repaints its map every frame, the least an
 * animation in the map costs. Kept apart from the timed loads: a page that has just repainted for
 * seconds leaves the GPU process busy, and the next load would pay for it.
 */
async function measureAnimation(browser: Browser, url: string): Promise<Animation> {
  // No service worker: its one-time caching of the app (some 8 MB, after everything is drawn)
  // would fall in the seconds the frames are counted, which measure the steady state.
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.bareMap || window.atlas?.ready, undefined, { timeout: 120_000 });
  await page.waitForFunction(() => performance.getEntriesByName('links-drawn').length > 0, undefined, { timeout: 120_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  // The app's animation is its comets: the frames counted are those their worker draws, not the
  // page's. The bare page's animation is its map, repainted at every animation frame.
  const fps = (await page.evaluate(() => Boolean(window.atlas)))
    ? (await flowFrames(page, FPS_SECONDS * 1000)) / FPS_SECONDS
    : await bareRepaintRate(page);
  await context.close();
  return { fps, heapBytes: usedSize };
}

/** The bare page's map repainted at every animation frame: the frames it shows a second. */
function bareRepaintRate(page: Page): Promise<number> {
  // A string: tsx would wrap named functions in a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    window.bareMap.repaint = true;
    let frames = 0;
    const end = performance.now() + ${FPS_SECONDS * 1000};
    const count = (now) => {
      frames++;
      if (now < end) requestAnimationFrame(count);
      else resolve(frames / ${FPS_SECONDS});
    };
    requestAnimationFrame(count);
  })`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (text: string, width: number) => text.padEnd(width);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

const out = join(ROOT, 'test-results', 'bench');

async function buildAndServe(): Promise<[Served, Served]> {
  await buildApp(join(out, 'app'));
  await buildApp(join(out, 'bare'), {
    root: join(ROOT, 'src/bench'),
    configFile: false,
    base: './',
    publicDir: join(ROOT, 'public'),
    build: { chunkSizeWarningLimit: 1200 },
  });
  return Promise.all([serve(join(out, 'app')), serve(join(out, 'bare'))]);
}

// Every part but extraction opens the pages; `--extract` alone builds and serves nothing (and
// none of the parts that would read these placeholders runs).
const nothingServed: Served = { url: '', close: async () => {} };
const [app, bare] = PARTS.length === 0 || PARTS.some((part) => part !== 'extract') ? await buildAndServe() : [nothingServed, nothingServed];

/**
 * A copy of the built app serving 10,000 synthetic links made from the real data (a synthetic
 * data/atlas.json), served beside it: made once, for the filter and scale parts alike, and closed
 * with the other servers.
 */
type SyntheticApp = { served: Served; real: Atlas; synthetic: Atlas };
// Typed by `as`: a plain `= null` would have TypeScript take it for null where it is closed.
let syntheticCopy = null as Promise<SyntheticApp> | null;
function syntheticApp(): Promise<SyntheticApp> {
  return (syntheticCopy ??= (async () => {
    const real = parseAtlas(await readFile(join(out, 'app', 'data', 'atlas.json'), 'utf8'));
    if (!real.ok) throw new Error(JSON.stringify(real.problem));
    const made = syntheticAtlas(real.atlas, SYNTHETIC_LINKS);
    const json = JSON.stringify(made);
    const checked = parseAtlas(json);
    if (!checked.ok) throw new Error(`the synthetic dataset is invalid: ${JSON.stringify(checked.problem)}`);
    const dir = join(out, 'app-synthetic');
    await cp(join(out, 'app'), dir, { recursive: true });
    await writeFile(join(dir, 'data', 'atlas.json'), json);
    return { served: await serve(dir), real: real.atlas, synthetic: made };
  })());
}

async function withChromium<T>(use: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}

/** The bare page at the app's camera, read from a first load of the app, so that both draw the same view. */
async function bareAtAppCamera(browser: Browser): Promise<string> {
  const cameraPage = await browser.newPage({ viewport: VIEWPORT });
  await cameraPage.goto(app.url);
  await cameraPage.waitForFunction(() => window.atlas?.ready);
  const camera = await cameraPage.evaluate(() => {
    const map = window.atlas.map!;
    return [map.getCenter().lng, map.getCenter().lat, map.getZoom()].join(',');
  });
  await cameraPage.close();
  return `${bare.url}#${camera}`;
}

/** Load time, frame rate, heap and bytes, the app beside the bare page. */
function loadFigures(): Promise<void> {
  return withChromium(async (browser) => {
    const bareUrl = await bareAtAppCamera(browser);
    const runs: { app: Run[]; bare: Run[] } = { app: [], bare: [] };
    const animations: { app: Animation[]; bare: Animation[] } = { app: [], bare: [] };
    // App and bare page in turn, so that a slower spell of the machine weighs on both.
    for (let i = 0; i < RUNS; i++) {
      runs.app.push(await timeLoad(browser, app.url));
      runs.bare.push(await timeLoad(browser, bareUrl));
    }
    for (let i = 0; i < ANIMATION_RUNS; i++) {
      animations.app.push(await measureAnimation(browser, app.url));
      animations.bare.push(await measureAnimation(browser, bareUrl));
    }
    report(runs, animations, await shippedBeforeLinks(browser, app.url));
  });
}

try {
  if (runs('load')) await loadFigures();
  // A Chromium of its own: the bare page's repainting leaves the GPU process busy for a while,
  // and the first filter changes would pay for it.
  if (runs('filters')) await withChromium(filterFigures);
  if (runs('steps')) await withChromium(stepFigures);
  if (runs('scale')) {
    const { served, real, synthetic } = await syntheticApp();
    await withChromium((browser) =>
      scaleFigures(browser, { name: `real data (${real.links.length} links)`, url: app.url }, { name: `synthetic (${synthetic.links.length} links)`, url: served.url }),
    );
  }
  // Lighthouse starts a Chromium of its own for each run; Playwright's reads only the app's camera.
  if (runs('lighthouse')) await lighthouseFigures(app.url, await withChromium(bareAtAppCamera));
  if (runs('axe')) await withChromium((browser) => axeFigures(browser, app.url));
} finally {
  await Promise.all([app.close(), bare.close(), syntheticCopy?.then(({ served }) => served.close(), () => {})]);
}
// Last, with the servers closed and no browser running, so that nothing else of the bench's takes the CPU.
if (runs('extract')) extractFigures();

function report(runs: { app: Run[]; bare: Run[] }, animations: { app: Animation[]; bare: Animation[] }, shipped: Shipped[]): void {
  const figure = (key: keyof Run, side: 'app' | 'bare') => median(runs[side].map((run) => run[key]));
  const animation = (key: keyof Animation, side: 'app' | 'bare') => median(animations[side].map((run) => run[key]));
  const load = { app: figure('linksDrawnMs', 'app'), bare: figure('linksDrawnMs', 'bare') };
  const fps = { app: animation('fps', 'app'), bare: animation('fps', 'bare') };
  // The comets' pace is 30 frames a second by design: a bare page faster than that (any machine
  // with a GPU) is compared at 30, the most the app's animation is meant to show.
  const fpsRatio = fps.app / Math.min(fps.bare, COMET_FPS);
  const spread = (side: 'app' | 'bare') => {
    const values = runs[side].map((run) => run.linksDrawnMs);
    return `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
  };
  console.log(`Cooperation Atlas benchmark: Chromium with SwiftShader, ${VIEWPORT.width}×${VIEWPORT.height}, median of ${RUNS} loads each (app and bare in turn, each in a fresh context); frame rate and heap: median of ${ANIMATION_RUNS} more`);
  console.log('');
  console.log(`navigation → links drawn   app ${load.app.toFixed(0)} ms   bare ${load.bare.toFixed(0)} ms   ratio ${(load.app / load.bare).toFixed(2)} (target ≤ 1.2: ${verdict(load.app / load.bare <= 1.2)})`);
  console.log(`                           (runs: app ${spread('app')} ms, bare ${spread('bare')} ms)`);
  console.log(`navigation → all drawn     app ${figure('readyMs', 'app').toFixed(0)} ms (labels added after the links)`);
  console.log(`frame rate, animating      app ${fps.app.toFixed(1)} fps   bare ${fps.bare.toFixed(1)} fps   ratio ${fpsRatio.toFixed(2)} (target ≥ 0.9: ${verdict(fpsRatio >= 0.9)})`);
  console.log(`                           (app: comet frames drawn on a 2D overlay, ${COMET_FPS} a second by design, the map at rest; bare: the map`);
  console.log(`                           repainted every frame, counted up to ${COMET_FPS} a second in the ratio)`);
  console.log(`JS heap after load         app ${kb(animation('heapBytes', 'app'))}   bare ${kb(animation('heapBytes', 'bare'))}`);
  console.log('');

  const byKind = new Map<Kind, { raw: number; gzip: number; files: number }>();
  for (const entry of shipped) {
    const kind = kindOf(entry.url);
    const sum = byKind.get(kind) ?? { raw: 0, gzip: 0, files: 0 };
    byKind.set(kind, { raw: sum.raw + entry.raw, gzip: sum.gzip + entry.gzip, files: sum.files + 1 });
  }
  const targets: Partial<Record<Kind, number>> = {
    'app code and libraries (not MapLibre)': 60 * 1024,
    'geo and data': 300 * 1024,
  };
  console.log('bytes shipped by the app before its links are drawn');
  console.log(`  ${pad('', 40)}${pad('files', 7)}${pad('raw', 12)}gzip`);
  for (const [kind, sum] of [...byKind].sort((a, b) => b[1].gzip - a[1].gzip)) {
    const target = targets[kind];
    const note = target ? `  (target ≤ ${kb(target)} gzip: ${verdict(sum.gzip <= target)})` : '';
    console.log(`  ${pad(kind, 40)}${pad(String(sum.files), 7)}${pad(kb(sum.raw), 12)}${kb(sum.gzip)}${note}`);
  }
  const total = shipped.reduce((sum, entry) => ({ raw: sum.raw + entry.raw, gzip: sum.gzip + entry.gzip }), { raw: 0, gzip: 0 });
  console.log(`  ${pad('total', 40)}${pad(String(shipped.length), 7)}${pad(kb(total.raw), 12)}${kb(total.gzip)}`);
  const early = shipped.filter((entry) => /\/400-[^/]*\.css$|\.txt$/.test(entry.url));
  console.log('');
  console.log(
    `full-text font and document texts before first render: ${early.length === 0 ? 'none (the font comes when a card opens, a text when a passage is opened)' : early.map((entry) => entry.url).join(', ')}`,
  );
  console.log('');
}

/**
 * Filter change → map and table updated, on the real data and on 10,000 synthetic links (a copy
 * of the built app serving a synthetic data/atlas.json), with the explore panel and the table
 * open. Each change is a `filters-change` from <atlas-filters>, timed with performance.now() in
 * the page from the dispatch until every explore view's render has committed (updateComplete)
 * and MapLibre has rendered a frame showing the change (see FilterTiming).
 */
async function filterFigures(browser: Browser): Promise<void> {
  const { served, real, synthetic } = await syntheticApp();
  const cases = [
    { name: `real data (${real.links.length} links)`, url: app.url, atlas: real, target: 16 },
    { name: `synthetic (${synthetic.links.length} links)`, url: served.url, atlas: synthetic, target: 100 },
  ];
  console.log('filter change → map and table updated, ms: from the dispatch of filters-change until the table, filters, legend,');
  console.log('summary and downloads have rendered (updateComplete) and the map has rendered a frame showing the change;');
  console.log('explore panel and table open');
  for (const { name, url, atlas, target } of cases) {
    // Three times through the sequence: a p95 over some eighty changes (the fifth slowest),
    // which one stray slow change moves less than it would the second slowest of thirty.
    const sequence = [...filterSequence(atlas), ...filterSequence(atlas), ...filterSequence(atlas)];
    const timings = await measureFilterChanges(browser, url, sequence);
    const stat = (key: keyof FilterTiming) => {
      const values = timings.map((t) => t[key]);
      return `${median(values).toFixed(1)} / ${percentile(values, 95).toFixed(1)}`;
    };
    const p95 = percentile(timings.map((t) => t.totalMs), 95);
    console.log(`  ${pad(name, 28)}median / p95 ${stat('totalMs')}   (target p95 ≤ ${target} ms: ${verdict(p95 <= target)}), ${timings.length} changes`);
    console.log(`  ${pad('', 28)}store and selectors ${stat('syncMs')}, views rendered ${stat('viewsMs')}, map drawn ${stat('mapMs')}`);
  }
}

/** Presentation mode: a key press to the next step drawn, beside the bare page jumping to the same cameras (see step-bench.ts). */
async function stepFigures(browser: Browser): Promise<void> {
  const { times, cameras } = await measureStepKeys(browser, app.url);
  const bareTimes = await measureBareJumps(browser, bare.url, cameras);
  const figures = (values: number[]) => `${median(values).toFixed(0)} / ${percentile(values, 95).toFixed(0)} ms`;
  console.log('');
  console.log('presentation: key press → step drawn (1920×1080, reduced motion: each step a jump; camera at rest, every tile in)');
  console.log(`  app   median / p95 ${figures(times)}, ${times.length} presses through the default tour and back`);
  console.log(`  bare  median / p95 ${figures(bareTimes)}, jumping to the same cameras   ratio of medians ${(median(times) / median(bareTimes)).toFixed(2)}`);
}
