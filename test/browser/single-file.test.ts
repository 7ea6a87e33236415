// The single-file build (npm run build:single) in Debian's Chromium: the one HTML file, alone in
// a fresh folder and opened from file://, draws every link, opens a passage of a seed text in the
// source reader, switches to 繁體, plays the default tour and says that a tour it does not carry
// is missing, and asks for nothing: no request but the page itself.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, launchChromium, openWatched, ROOT, waitForAtlas, type WatchedPage } from '../../src/cli/browser-harness.ts';
import type { Atlas } from '../../src/core/types.ts';

const RESULTS = join(ROOT, 'test-results');
const SINGLE_DIST = join(RESULTS, 'single-dist');
const PAGE = 'cooperation-atlas.html';
const atlas: Atlas = JSON.parse(readFileSync(join(ROOT, 'public/data/atlas.json'), 'utf8'));

let browser: Browser;
/** The folder the page is copied to, alone. */
let stick: string;
let pageUrl: string;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  // What `npm run build:single` runs: vite build --mode single.
  const started = performance.now();
  await buildApp(SINGLE_DIST, { mode: 'single' });
  console.log(`single file built in ${Math.round(performance.now() - started)} ms: ${statSync(join(SINGLE_DIST, PAGE)).size} bytes`);
  stick = mkdtempSync(join(tmpdir(), 'atlas-stick-'));
  copyFileSync(join(SINGLE_DIST, PAGE), join(stick, PAGE));
  pageUrl = pathToFileURL(join(stick, PAGE)).href;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (stick) rmSync(stick, { recursive: true, force: true });
});

/**
 * A page of the single file, with every address Chromium's network layer was asked for (data:
 * URLs included, which Playwright's own request event leaves out).
 */
async function openSingle(query: string): Promise<WatchedPage & { address: string; seen: string[] }> {
  const watched = await openWatched(browser, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', locale: 'zh-CN' });
  const seen: string[] = [];
  const cdp = await watched.page.context().newCDPSession(watched.page);
  cdp.on('Network.requestWillBeSent', (event) => seen.push(event.request.url));
  await cdp.send('Network.enable');
  await watched.page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { violations: string[] }).violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`));
  });
  const address = `${pageUrl}${query}`;
  await watched.page.goto(address);
  return { ...watched, address, seen };
}

/** What the network layer saw besides the page and data: URLs (which are decoded in memory): nothing, we expect. */
const beyondThePage = (seen: string[], page: string) => seen.filter((url) => url !== page && !url.startsWith('data:'));

/** data: URLs by type, counted, for the log. */
const dataKinds = (seen: string[]) =>
  Object.entries(
    seen.filter((url) => url.startsWith('data:')).reduce<Record<string, number>>((kinds, url) => {
      const kind = /^data:([^;,]*)/.exec(url)![1] || 'text/plain';
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      return kinds;
    }, {}),
  );

describe('the single file', () => {
  it('is one file, which refers to nothing beside it', () => {
    expect(readdirSync(SINGLE_DIST)).toEqual([PAGE]);
    const html = readFileSync(join(SINGLE_DIST, PAGE), 'utf8');
    // The page's own tags (outside its inline script and style) point to nothing but data: URLs.
    const tags = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>|<style\b[^>]*>[\s\S]*?<\/style>/g, '');
    expect([...tags.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((url) => !url!.startsWith('data:'))).toEqual([]);
    expect(html.match(/<script\b/g)).toHaveLength(1);
  });

  it('runs under a Content Security Policy that allows its one script by its hash, and no eval', () => {
    const html = readFileSync(join(SINGLE_DIST, PAGE), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(policy).toBeDefined();
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(policy).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}';`);
    expect(policy).toMatch(/^default-src 'none';/);
    expect(policy).not.toMatch(/unsafe-|https?:|\*/);
  });

  describe('opened from file:// in Chromium', () => {
    // A passage of the dataset, to open in the reader from the link.
    const passage = atlas.links[0]!.evidence[0]!;
    let desk: Awaited<ReturnType<typeof openSingle>>;

    beforeAll(async () => {
      desk = await openSingle(`?lang=en&tour=nope&read=${passage.doc}:${passage.start}-${passage.end}`);
    });
    afterAll(() => desk?.page.close());

    it('draws every link of the dataset', async () => {
      const status = await waitForAtlas(desk.page);
      expect(status.error).toBeNull();
      expect(status.linksDrawn).toBe(atlas.links.length);
      const linksDrawn = await desk.page.evaluate(() => performance.getEntriesByName('links-drawn')[0]?.startTime);
      console.log(`file://: links drawn ${Math.round(linksDrawn ?? NaN)} ms after navigation`);
      await desk.page.screenshot({ path: join(RESULTS, 'single-file.png') });
    });

    it('opens the link’s passage in the source reader: the seed text is in the page', async () => {
      const mark = desk.page.locator('atlas-reader .column mark');
      await mark.waitFor({ timeout: 60_000 });
      expect(await mark.textContent()).toBe(passage.quote);
      await desk.page.keyboard.press('Escape');
      await desk.page.locator('atlas-reader dialog[open]').waitFor({ state: 'detached' });
    });

    it('says the tour it does not carry is missing, and plays the one it does', async () => {
      const notices = desk.page.locator('#notices');
      await notices.waitFor({ state: 'visible' });
      expect(await notices.textContent()).toContain('there is no file tours/nope.json');
      await desk.page.locator('atlas-header').getByRole('button', { name: 'Present', exact: true }).click();
      await desk.page.waitForFunction(() => window.atlas.stepDrawn === 1, undefined, { timeout: 60_000 });
      expect(await desk.page.evaluate(() => document.body.dataset.mode)).toBe('present');
      await desk.page.keyboard.press('Escape');
      await desk.page.waitForFunction(() => document.body.dataset.mode === 'explore');
    });

    it('switches to 繁體: the Traditional table is in the page', async () => {
      await desk.page.getByRole('radio', { name: '繁體中文' }).check();
      await desk.page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
      const title = await desk.page.evaluate(() => document.querySelector('atlas-header')!.shadowRoot!.querySelector('h1')!.textContent!.trim());
      expect(title).toMatch(/^科技合作地圖/);
      // The address follows the view on file:// too, so that a copied link opens the same view.
      await expect.poll(() => desk.page.evaluate(() => location.search)).toContain('lang=zh-Hant');
    });

    it('asks for nothing but the page itself, and logs no error', () => {
      console.log(`file://: data: URLs decoded in memory: ${dataKinds(desk.seen).map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
      expect(desk.requests).toEqual([desk.address]);
      expect(beyondThePage(desk.seen, desk.address)).toEqual([]);
      expect(desk.errors).toEqual([]);
    });

    it('asks for nothing its Content Security Policy refuses', async () => {
      expect(await desk.page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    });
  });
});
