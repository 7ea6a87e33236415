// Offline after one visit, in Chromium: the first visit hands the page to the worker (sw.js), which
// caches the app, its data and maps but not the seed texts; with the network cut a second visit
// opens the atlas, reads a passage read before and says, in the reader's language, that another
// cannot be shown. A new deployment is offered with a Reload button and never mixed into the page
// that runs the old one. Served from a copy of the build, which the test deploys a new build over.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, launchChromium, openWatched, ROOT, serve, waitForAtlas, type Served, type WatchedPage } from '../../src/cli/browser-harness.ts';
import type { Atlas, Evidence } from '../../src/core/types.ts';
import { MESSAGES } from '../../src/i18n/messages.ts';

const atlas: Atlas = JSON.parse(readFileSync(join(ROOT, 'public/data/atlas.json'), 'utf8'));

/** A passage of each of two documents: the first is read online, the second never before the network is cut. */
const [read, unread] = (() => {
  const passages = atlas.links.flatMap((link) => link.evidence);
  const first = passages[0]!;
  return [first, passages.find((passage) => passage.doc !== first.doc)!];
})();
const readQuery = (passage: Evidence) => `?read=${passage.doc}:${passage.start}-${passage.end}`;
const fileOf = (passage: Evidence) => atlas.documents.find((doc) => doc.id === passage.doc)!.file.replace(/\.txt$/, '');

const temporary: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `atlas-offline-${name}-`));
  temporary.push(dir);
  return dir;
};

/** The served copy of the build. */
let site: string;
let served: Served;
let browser: Browser;
let watched: WatchedPage;
let page: Page;
let context: BrowserContext;
/** Every request of the context, the worker's included (the page's own list leaves those out). */
const requests: string[] = [];
const uncaught: string[] = [];
/** Loads that failed (the console's words), counted when the network is cut and when it is back. */
const failedLoads = () => watched.errors.filter((error) => error.startsWith('Failed to load resource')).length;
const failed = { beforeOffline: -1, whileOffline: -1 };

beforeAll(async () => {
  site = tempDir('site');
  cpSync(inject('appDist'), site, { recursive: true });
  served = await serve(site);
  browser = await launchChromium();
  // A reader whose browser prefers Simplified Chinese; reduced motion keeps the comets still and the cores free.
  watched = await openWatched(browser, { viewport: { width: 1280, height: 800 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  ({ page } = watched);
  context = page.context();
  context.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => uncaught.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** Paths (from the site's root) of everything the page's origin has in its caches. */
const cachedPaths = () =>
  page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname.slice(1));
    }
    return paths.sort();
  });

/** The links of the dataset that the page's own fetch gets now: the version it runs on. */
const datasetLinks = () => page.evaluate(() => fetch('data/atlas.json').then((response) => response.json() as Promise<{ links: unknown[] }>).then((data) => data.links.length));

/** The text the open source reader marks as the passage, once it is shown. */
async function readerMarked(): Promise<string> {
  const marks = page.locator('atlas-reader dialog[open] mark');
  await marks.first().waitFor({ timeout: 60_000 });
  return (await marks.allTextContents()).join('');
}

describe('offline after one visit', () => {
  let markedOnline = '';

  it('the first visit draws the atlas, then hands the page to the worker, which caches the app, its data and maps', async () => {
    await page.goto(served.url);
    const status = await waitForAtlas(page);
    expect(status.error).toBeNull();
    expect(status.linksDrawn).toBe(atlas.links.length);
    // No reload: the worker takes over the page it was registered from (clients.claim).
    const controller = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      return navigator.serviceWorker.controller!.scriptURL;
    });
    expect(controller).toBe(new URL('sw.js', served.url).href);

    const cached = await cachedPaths();
    for (const file of ['index.html', 'favicon.svg', 'map-caption.json', 'data/atlas.json', 'tours/default.json']) expect(cached, file).toContain(file);
    for (const pattern of [/^assets\/index-[\w-]+\.js$/, /^assets\/maplibre-gl-worker-[\w-]+\.mjs$/, /^assets\/world\.topo-[\w-]+\.json$/, /^assets\/china\.topo-[\w-]+\.json$/, /\.css$/, /\.woff2$/]) {
      expect(cached.some((path) => pattern.test(path)), String(pattern)).toBe(true);
    }
    // Every chunk, the ones loaded later too (the reader, 繁體, the panels), for a visit without the network.
    const chunks = readdirSync(join(site, 'assets')).filter((file) => file.endsWith('.js'));
    expect(chunks.filter((file) => !cached.includes(`assets/${file}`))).toEqual([]);
    // The seed texts only once read.
    expect(cached.filter((path) => path.endsWith('.txt'))).toEqual([]);
  });

  it('a passage read online is cached as it is read, its text only', async () => {
    await page.goto(`${served.url}${readQuery(read)}`);
    await waitForAtlas(page);
    markedOnline = await readerMarked();
    expect(markedOnline.length).toBeGreaterThan(10);
    const texts = (await cachedPaths()).filter((path) => path.endsWith('.txt'));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(fileOf(read));
  });

  it('with the network cut, a second visit opens the atlas, reads that passage, and says another cannot be shown', async () => {
    failed.beforeOffline = failedLoads();
    await context.setOffline(true);
    // A file the worker leaves to the network (its own script, asked with a query) cannot be had.
    expect(await page.evaluate(() => fetch(`sw.js?${Date.now()}`, { cache: 'no-store' }).then(() => 'online', () => 'offline'))).toBe('offline');

    await page.reload();
    const status = await waitForAtlas(page);
    expect(status.error).toBeNull();
    expect(status.linksDrawn).toBe(atlas.links.length);
    expect(await readerMarked()).toBe(markedOnline);

    await page.goto(`${served.url}${readQuery(unread)}`);
    expect((await waitForAtlas(page)).linksDrawn).toBe(atlas.links.length);
    const problem = page.locator('atlas-reader dialog[open] .problem');
    await problem.waitFor({ timeout: 60_000 });
    expect(await problem.textContent()).toContain(MESSAGES['reader.error'].zh);
    expect(await page.evaluate(() => window.atlas.error)).toBeNull();
    failed.whileOffline = failedLoads() - failed.beforeOffline;
    await context.setOffline(false);
  });

  it('a new deployment is offered, not mixed in: the page runs the old version whole until Reload, then the new one', { timeout: 240_000 }, async () => {
    // The new deployment: the same app built with one link fewer, copied over the served files as a
    // plain upload would (old hashed files stay, index.html, the data and sw.js are replaced).
    const publicDir = tempDir('public');
    cpSync(join(ROOT, 'public'), publicDir, { recursive: true });
    writeFileSync(join(publicDir, 'data/atlas.json'), JSON.stringify({ ...atlas, links: atlas.links.slice(0, -1) }));
    const build = tempDir('build');
    await buildApp(build, { publicDir });
    const oldWorker = readFileSync(join(site, 'sw.js'), 'utf8');
    cpSync(build, site, { recursive: true });
    expect(readFileSync(join(site, 'sw.js'), 'utf8')).not.toBe(oldWorker);

    await page.goto(served.url);
    expect((await waitForAtlas(page)).linksDrawn).toBe(atlas.links.length);
    const prompt = page.locator('atlas-update');
    const reload = prompt.getByRole('button', { name: MESSAGES['update.reload'].zh });
    await reload.waitFor({ timeout: 120_000 });
    expect(await prompt.getByRole('status').textContent()).toContain(MESSAGES['update.ready'].zh);
    // While the new version waits, what the page fetches is still the old version's.
    expect(await datasetLinks()).toBe(atlas.links.length);

    await page.screenshot({ path: join(ROOT, 'test-results/offline-update-prompt.png') });
    const reloaded = page.waitForEvent('load', { timeout: 120_000 });
    await reload.click();
    await reloaded;
    expect((await waitForAtlas(page)).linksDrawn).toBe(atlas.links.length - 1);
    expect(await datasetLinks()).toBe(atlas.links.length - 1);
    expect(await page.locator('atlas-update').count()).toBe(0);
    // The old version's files are gone from the caches; the passage read before is kept.
    const datasets = await page.evaluate(async () => {
      const counts: number[] = [];
      for (const name of await caches.keys()) {
        const response = await (await caches.open(name)).match('data/atlas.json');
        if (response) counts.push(((await response.json()) as { links: unknown[] }).links.length);
      }
      return counts;
    });
    expect(datasets).toEqual([atlas.links.length - 1]);
    expect((await cachedPaths()).filter((path) => path.endsWith('.txt'))).toHaveLength(1);
  });

  it('asks nothing of the outside world and throws nothing', () => {
    // The worker's requests are in the list: the 繁體 table's chunk, which only the worker asked for here.
    expect(requests.some((url) => /\/assets\/cn2t-[\w-]+\.js$/.test(url))).toBe(true);
    expect(watched.requests.some((url) => /\/assets\/cn2t-[\w-]+\.js$/.test(url))).toBe(false);
    expect(requests.filter((url) => !url.startsWith(served.url) && !/^(data|blob):/.test(url))).toEqual([]);
    expect(uncaught).toEqual([]);
    // Nothing failed to load but, offline, the probe and the text never read: not a font, not a chunk.
    expect(failed).toEqual({ beforeOffline: 0, whileOffline: 2 });
    expect(failedLoads()).toBe(2);
  });
});
