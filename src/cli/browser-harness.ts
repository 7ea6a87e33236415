// Building the app, serving it on a free local port and driving Debian's Chromium: shared by the
// browser tests and the benchmark, so both measure the same thing the same way.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page, type Worker } from 'playwright-core';
import { build, preview, type InlineConfig } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Chromium on a machine without a GPU: WebGL2 through SwiftShader, and every host name except
 * 127.0.0.1 unresolvable, so that a request leaving the machine fails and shows up.
 */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** Builds with the project's Vite config (or `config` on top of it) into `outDir`. */
export async function buildApp(outDir: string, config: InlineConfig = {}): Promise<void> {
  await build({ root: ROOT, logLevel: 'warn', ...config, build: { outDir, emptyOutDir: true, ...config.build } });
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves a built directory on 127.0.0.1 at a port the system picks. */
export async function serve(outDir: string): Promise<Served> {
  const server = await preview({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`vite preview of ${outDir} reported no address`);
  return { url, close: () => server.close() };
}

/**
 * Serves a copy of a built directory, changed first by `change` (given the copy's path): the same
 * build with other data. Closing it removes the copy.
 */
export async function serveCopy(outDir: string, change: (dir: string) => void): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-copy-'));
  cpSync(outDir, dir, { recursive: true });
  change(dir);
  const served = await serve(dir);
  return { url: served.url, close: () => served.close().finally(() => rmSync(dir, { recursive: true, force: true })) };
}

/** Chromium with no WebGL at all: `getContext('webgl2')` is null and MapLibre cannot start (the SVG map's case). */
const NO_WEBGL_ARGS = ['--disable-webgl', '--disable-webgl2', '--disable-3d-apis'];

export function launchChromium({ webgl = true } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: webgl ? CHROMIUM_ARGS : [...CHROMIUM_ARGS, ...NO_WEBGL_ARGS],
  });
}

/** A built app served on a free local port, and a Chromium to open it in: what a browser test starts from. */
export interface RunningApp {
  served: Served;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves the app built in `outDir` and starts a Chromium for it. */
export async function startApp(outDir: string): Promise<RunningApp> {
  const served = await serve(outDir);
  const browser = await launchChromium();
  return {
    served,
    browser,
    close: async () => {
      await browser.close();
      await served.close();
    },
  };
}

/** A page and everything it did that tests check at the end: console errors, uncaught errors, requests. */
export interface WatchedPage {
  page: Page;
  errors: string[];
  requests: string[];
}

export async function openWatched(browser: Browser, options: Parameters<Browser['newPage']>[0] = {}): Promise<WatchedPage> {
  const page = await browser.newPage(options);
  const watched: WatchedPage = { page, errors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('request', (request) => watched.requests.push(request.url()));
  return watched;
}

/** The worker that draws the app's comets (map/comet-worker.ts), once the flow has started. */
export async function flowWorker(page: Page): Promise<Worker> {
  const isComets = (worker: Worker) => /comet-worker[^/]*\.js$/.test(worker.url());
  const started = page.waitForEvent('worker', { predicate: isComets, timeout: 30_000 });
  const running = page.workers().find(isComets);
  if (!running) return started;
  started.catch(() => undefined);
  return running;
}

/**
 * The frames the app's comets are drawn in, in `ms` (each starts by clearing the canvas), with the
 * map repainted at every animation frame meanwhile if asked, as a hover would have it: the
 * animation's frames, for the browser tests and the benchmark alike. The canvas's context is kept
 * in the worker for flowPixels.
 */
export async function flowFrames(page: Page, ms: number, { repaintMap = false } = {}): Promise<number> {
  const worker = await flowWorker(page);
  // Strings: tsx would wrap named functions in a helper the page and the worker do not have.
  const repainting = repaintMap
    ? page.evaluate(`(() => {
        const end = performance.now() + ${ms};
        const repaint = () => {
          window.atlas.map.triggerRepaint();
          if (performance.now() < end) requestAnimationFrame(repaint);
        };
        repaint();
      })()`)
    : Promise.resolve();
  const frames = worker.evaluate<number>(`(async () => {
    const proto = OffscreenCanvasRenderingContext2D.prototype;
    const clear = proto.clearRect;
    let frames = 0;
    proto.clearRect = function (...args) {
      frames++;
      self.flowContext = this;
      return clear.apply(this, args);
    };
    await new Promise((resolve) => setTimeout(resolve, ${ms}));
    proto.clearRect = clear;
    return frames;
  })()`);
  await repainting;
  return frames;
}

/**
 * A canvas context's pixels: a checksum, which changes when a comet moves, and the share of them
 * painted. A string, to run in the page or in a worker.
 */
const PIXELS = `(context) => {
  const pixels = new Uint32Array(context.getImageData(0, 0, context.canvas.width, context.canvas.height).data.buffer);
  let hash = 2166136261;
  let painted = 0;
  for (const pixel of pixels) {
    hash = Math.imul(hash ^ pixel, 16777619);
    if (pixel !== 0) painted++;
  }
  return { hash: hash >>> 0, share: painted / pixels.length };
}`;

export interface FlowPixels {
  hash: number;
  share: number;
}

/** The comets' pixels in their worker; flowFrames must have seen a frame. */
export async function flowPixels(page: Page): Promise<FlowPixels> {
  return (await flowWorker(page)).evaluate<FlowPixels>(`(() => {
    if (!self.flowContext) throw new Error('flowPixels: no comet frame seen yet (call flowFrames first)');
    return (${PIXELS})(self.flowContext);
  })()`);
}

/** The comets' pixels where the page draws them itself (see FlowOverlay: no worker). */
export function pageFlowPixels(page: Page): Promise<FlowPixels> {
  return page.evaluate<FlowPixels>(`(${PIXELS})(document.querySelector('canvas.atlas-flow').getContext('2d'))`);
}

/** Waits until the page reports the map drawn (window.atlas.ready) or failed, then returns the status and the links it draws. */
export async function waitForAtlas(page: Page, timeout = 60_000): Promise<{ ready: boolean; linksDrawn: number; error: string | null }> {
  await page.waitForFunction(() => window.atlas?.ready || window.atlas?.error, undefined, { timeout });
  return page.evaluate(() => {
    let linksDrawn: number;
    try {
      linksDrawn = window.atlas.countLinks();
    } catch {
      // A count that fails is -1, which no test expects.
      linksDrawn = -1;
    }
    return { ready: window.atlas.ready, linksDrawn, error: window.atlas.error };
  });
}

/**
 * Puts axe-core in the page. Evaluated by the harness rather than added as a <script>: the page's
 * Content Security Policy refuses inline scripts, as it should, and the audit does not need it lifted.
 */
export async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.evaluate(`${readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8')};0`);
}
