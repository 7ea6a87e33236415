// The built app in Debian's Chromium: it draws, it draws every link, a click opens the right
// card, and it neither logs errors nor asks anything of the outside world.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { flowFrames, flowPixels, flowWorker, openWatched, pageFlowPixels, ROOT, startApp, waitForAtlas, type Served, type WatchedPage } from '../../src/cli/browser-harness.ts';
import type { Atlas } from '../../src/core/types.ts';

const RESULTS = join(ROOT, 'test-results');
const atlas: Atlas = JSON.parse(readFileSync(join(ROOT, 'public/data/atlas.json'), 'utf8'));

let served: Served;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

// A reader whose browser prefers Simplified Chinese: with no `lang` in the URL and nothing
// remembered, the atlas speaks the browser's language (src/app/language.ts).
const open = (options: Parameters<Browser['newPage']>[0] = {}) => openWatched(browser, { locale: 'zh-CN', ...options });

/** A page for one test, closed when it ends: an open page's map and comets would go on drawing, on the cores the next test needs. */
async function openForTest(options: Parameters<Browser['newPage']>[0] = {}): Promise<WatchedPage> {
  const watched = await open(options);
  onTestFinished(() => watched.page.close());
  return watched;
}

const outside = (watched: WatchedPage) =>
  watched.requests.filter((url) => !url.startsWith(served.url) && !/^(data|blob):/.test(url));

/** Share of pixels unlike the top-left one, and the number of distinct colours, in a screenshot. */
async function pixelVariety(page: Page, png: Buffer): Promise<{ distinct: number; unlike: number }> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const colours = new Set<number>();
    let unlike = 0;
    for (let i = 0; i < data.length; i += 4) {
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) unlike++;
    }
    return { distinct: colours.size, unlike: unlike / (data.length / 4) };
  }, png.toString('base64'));
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  ({ served, browser, close } = await startApp(inject('appDist')));
});

afterAll(() => close?.());

describe('the atlas in Chromium', () => {
  let desk: WatchedPage;

  beforeAll(async () => {
    desk = await open({ viewport: { width: 1280, height: 800 } });
    await desk.page.goto(served.url);
  });
  afterAll(() => desk.page.close());

  it('draws the map, with as many links as the dataset holds', async () => {
    const status = await waitForAtlas(desk.page);
    expect(status.error).toBeNull();
    expect(atlas.links.length).toBeGreaterThan(0);
    expect(status.linksDrawn).toBe(atlas.links.length);

    const png = await desk.page.screenshot({ path: join(RESULTS, 'atlas-desktop.png') });
    const variety = await pixelVariety(desk.page, png);
    expect(variety.distinct).toBeGreaterThan(200);
    expect(variety.unlike).toBeGreaterThan(0.3);
  });

  it('opens Israel’s card with the Shandong passage when Israel is clicked', async () => {
    const { page } = desk;
    // Inside Israel, in the Negev: away from Jerusalem, where the links end.
    const negev: [number, number] = [34.85, 30.9];
    const point = await page.evaluate(
      (at) =>
        new Promise<{ x: number; y: number }>((resolve) => {
          const map = window.atlas.map!;
          map.once('idle', () => resolve(map.project(at)));
          map.jumpTo({ center: at, zoom: 6 });
        }),
      negev,
    );
    await page.mouse.click(point.x, point.y);
    const card = page.locator('atlas-card aside');
    await card.waitFor();
    const text = (await card.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain('以色列');
    const shandongQuotes = atlas.links
      .filter((link) => link.origin === 'shandong' && atlas.partners.find((p) => p.id === link.partner)?.iso3 === 'ISR')
      .flatMap((link) => link.evidence.map((evidence) => evidence.quote));
    expect(shandongQuotes.length).toBeGreaterThan(0);
    expect(shandongQuotes.some((quote) => text.includes(quote))).toBe(true);
    const shandongDoc = atlas.documents.find((doc) => doc.origin === 'shandong')!;
    expect(text).toContain(shandongDoc.zh);
    expect(text).toContain(shandongDoc.date);
    await page.screenshot({ path: join(RESULTS, 'atlas-israel-card.png') });
  });

  it('loads a document’s text only when a passage is opened in it', async () => {
    const { page } = desk;
    const texts = () => desk.requests.filter((url) => /\/[0-9]{3}_[0-9a-f]+[^/]*\.txt$/.test(url));
    expect(texts()).toEqual([]);
    await page.locator('atlas-card button.read').first().click();
    const mark = page.locator('atlas-reader mark').first();
    await mark.waitFor();
    expect(texts()).toHaveLength(1);
    expect((await mark.textContent())!.length).toBeGreaterThan(10);
    await page.screenshot({ path: join(RESULTS, 'atlas-reader.png') });
    await page.keyboard.press('Escape');
    await page.locator('atlas-reader dialog[open]').waitFor({ state: 'detached' });
    // The card stays: Esc closed only the reader.
    expect(await page.locator('atlas-card aside').count()).toBe(1);
  });

  it('asks for the dataset and the two maps from the page itself, each once (preloaded, then used)', () => {
    const html = readFileSync(join(inject('appDist'), 'index.html'), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin[^>]*>/g)].map((m) => m[1]);
    expect(preloaded).toContain('data/atlas.json');
    expect(preloaded.filter((href) => /^assets\/(world|china)\.topo-[\w-]+\.json$/.test(href))).toHaveLength(2);
    for (const href of preloaded) expect(desk.requests.filter((url) => url === new URL(href, served.url).href), href).toHaveLength(1);
  });

  /** The page's font files as its resource timings and its font set see them, once the atlas is ready and its legend shown (its fonts in). */
  async function fontsSeen(page: Page) {
    expect((await waitForAtlas(page)).error).toBeNull();
    await page.waitForFunction(() => !document.querySelector('atlas-legend')!.hidden);
    return page.evaluate(() => {
      const mark = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
      const fonts = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.woff2')) as PerformanceResourceTiming[];
      const faces = [...document.fonts].filter((face) => face.family.replace(/"/g, '') === 'Noto Sans SC');
      return {
        linksDrawn: mark('links-drawn'),
        allDrawn: mark('all-drawn'),
        fonts: fonts.map((entry) => ({ url: entry.name, start: entry.startTime, by: entry.initiatorType })),
        // The header's title is drawn in the page's own font, both weights' files in.
        title: document.fonts.check("600 16px 'Noto Sans SC'", '科技合作地图') && document.fonts.check("400 16px 'Noto Sans SC'", '科技合作地图'),
        faces: faces.map((face) => ({ key: `${face.weight} ${face.unicodeRange}`, status: face.status })),
      };
    });
  }

  it('shows its header before the links are drawn, in the browser’s sans serif, and in the page’s font once its files are in', async () => {
    const { page, errors } = await openForTest({ viewport: { width: 1280, height: 800 } });
    // When the header first shows, and in which font family.
    await page.addInitScript(() => {
      const watch = new MutationObserver(() => {
        const header = document.querySelector('atlas-header');
        if (!header || header.hidden) return;
        watch.disconnect();
        (window as unknown as { headerShown: object }).headerShown = { at: performance.now(), font: getComputedStyle(header).getPropertyValue('--font').trim() };
      });
      watch.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
    });
    await page.goto(served.url);
    expect((await waitForAtlas(page)).error).toBeNull();
    await page.waitForFunction(() => !document.querySelector('atlas-legend')!.hidden);
    const seen = await page.evaluate(() => ({
      linksDrawn: performance.getEntriesByName('links-drawn')[0]!.startTime,
      shown: (window as unknown as { headerShown: { at: number; font: string } }).headerShown,
      font: getComputedStyle(document.querySelector('atlas-header')!).getPropertyValue('--font').trim(),
    }));
    expect(seen.shown.at).toBeLessThan(seen.linksDrawn);
    expect(seen.shown.font).toBe('sans-serif');
    expect(seen.font).toMatch(/^["']Noto Sans SC["']/);
    expect(errors).toEqual([]);
  });

  it('fetches the font files of its first view itself, once the links are drawn, and leaves the rest to the browser after', async () => {
    const { page, errors } = await openForTest({ viewport: { width: 1280, height: 800 } });
    await page.goto(served.url);
    const seen = await fontsSeen(page);
    // Fetched by the app once the links are drawn and before everything is; none by the browser for text before then.
    const early = seen.fonts.filter(({ start }) => start < seen.allDrawn);
    expect(early.length).toBeGreaterThan(10);
    for (const font of early) {
      expect(font.by).toBe('fetch');
      expect(font.start).toBeGreaterThanOrEqual(seen.linksDrawn);
    }
    expect(seen.title).toBe(true);
    // Each file fetched once and made a face once; the others are faces the browser fetches when text needs them.
    expect(new Set(seen.fonts.map(({ url }) => url)).size).toBe(seen.fonts.length);
    expect(new Set(seen.faces.map(({ key }) => key)).size).toBe(seen.faces.length);
    expect(seen.faces.filter(({ status }) => status === 'loaded')).toHaveLength(seen.fonts.length);
    expect(seen.faces.filter(({ status }) => status === 'unloaded').length).toBeGreaterThan(100);
    expect(errors).toEqual([]);
  });

  it('asks for the labels’ code once the links are drawn, before the panels’ code and the font files', async () => {
    const { page, errors } = await openForTest({ viewport: { width: 1280, height: 800 } });
    await page.goto(served.url);
    await fontsSeen(page);
    const starts = await page.evaluate(() => {
      const resources = performance.getEntriesByType('resource');
      const start = (pattern: RegExp) => resources.filter((entry) => pattern.test(new URL(entry.name).pathname)).map((entry) => entry.startTime);
      return {
        linksDrawn: performance.getEntriesByName('links-drawn')[0]!.startTime,
        labels: start(/\/label-overlay-[\w-]+\.js$/),
        panels: start(/\/explore-[\w-]+\.js$/),
        fontFiles: start(/\.woff2$/),
      };
    });
    expect(starts.labels).toHaveLength(1);
    expect(starts.panels).toHaveLength(1);
    expect(starts.fontFiles.length).toBeGreaterThan(10);
    // Not before the picture (the code the first picture waits for is weighed by the bench), and then first.
    expect(starts.labels[0]).toBeGreaterThanOrEqual(starts.linksDrawn);
    expect(starts.labels[0]).toBeLessThan(starts.panels[0]!);
    expect(starts.labels[0]).toBeLessThan(Math.min(...starts.fontFiles));
    expect(errors).toEqual([]);
  });

  it('starts as usual when a font file of its first view cannot be fetched, and leaves that file to the browser', async () => {
    const { page, errors } = await openForTest({ viewport: { width: 1280, height: 800 } });
    let refused: string | null = null;
    // The first file asked for is refused, once.
    await page.route(/noto-sans-sc-[\w-]*-400-normal-[\w-]+\.woff2$/, (route) => {
      if (refused) return route.continue();
      refused = route.request().url();
      return route.fulfill({ status: 404, body: 'not here' });
    });
    await page.goto(served.url);
    const seen = await fontsSeen(page);
    expect(refused).not.toBeNull();
    expect(new Set(seen.faces.map(({ key }) => key)).size).toBe(seen.faces.length);
    // Asked for by the app and refused; asked for again when text next needs it (the labels', or
    // the browser's for the face it was left), and had.
    const asked = () =>
      page.evaluate((url) => performance.getEntriesByName(url).map((entry) => ({ by: (entry as PerformanceResourceTiming).initiatorType, status: (entry as PerformanceResourceTiming).responseStatus })), refused!);
    await expect.poll(asked).toHaveLength(2);
    const [first, second] = await asked();
    expect(first).toEqual({ by: 'fetch', status: 404 });
    expect(second!.status).toBe(200);
    // The browser reports the 404 itself; nothing else goes wrong (no unhandled rejection).
    expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
  });

  it('logs no error and requests nothing outside 127.0.0.1', () => {
    expect(desk.errors).toEqual([]);
    expect(desk.requests.length).toBeGreaterThan(0);
    expect(outside(desk)).toEqual([]);
  });
});

describe('the flow along the links', () => {
  it('runs its comets at 30 frames a second at most, stops them on pause, and still follows the camera', async () => {
    const viewer = await openForTest({ viewport: { width: 1024, height: 700 } });
    await viewer.page.goto(served.url);
    expect((await waitForAtlas(viewer.page)).ready).toBe(true);
    const frames = await flowFrames(viewer.page, 1000);
    expect(frames).toBeGreaterThan(0);
    expect(frames).toBeLessThanOrEqual(31);
    const { hash: moving } = await flowPixels(viewer.page);
    await expect.poll(async () => (await flowPixels(viewer.page)).hash).not.toBe(moving);

    await viewer.page.getByRole('button', { name: '暂停' }).click();
    // The worker hears of the pause by message: a frame it was drawing then still comes.
    await expect.poll(() => flowFrames(viewer.page, 100)).toBe(0);
    const { hash: paused } = await flowPixels(viewer.page);
    expect(await flowFrames(viewer.page, 500)).toBe(0);
    // Nor when the map repaints without moving (a hover, a selection).
    expect(await flowFrames(viewer.page, 500, { repaintMap: true })).toBe(0);
    expect((await flowPixels(viewer.page)).hash).toBe(paused);

    // Paused comets stay on their links when the map moves under them.
    await viewer.page.evaluate(() => window.atlas.map!.jumpTo({ center: [60, 30], zoom: 2.5 }));
    await viewer.page.waitForFunction(() => !window.atlas.map!.isMoving());
    await expect.poll(async () => (await flowPixels(viewer.page)).hash).not.toBe(paused);
    expect(viewer.errors).toEqual([]);
  });
  it('lays its comets over the map on a screen of two device pixels to the CSS pixel, at half resolution without a GPU', async () => {
    const retina = await openForTest({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
    await retina.page.goto(served.url);
    expect((await waitForAtlas(retina.page)).ready).toBe(true);
    const boxes = await retina.page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.atlas-flow')!;
      const { width, height } = canvas.getBoundingClientRect();
      const map = window.atlas.map!.getCanvas().getBoundingClientRect();
      const gl = window.atlas.map!.getCanvas().getContext('webgl2')!;
      const renderer = String(gl.getParameter(gl.getExtension('WEBGL_debug_renderer_info')!.UNMASKED_RENDERER_WEBGL));
      return { flow: [width, height], map: [map.width, map.height], renderer };
    });
    // The canvas's pixels, as the comets' worker sizes it for the frames it draws.
    expect(await flowFrames(retina.page, 200)).toBeGreaterThan(0);
    const pixels = await (await flowWorker(retina.page)).evaluate('[self.flowContext.canvas.width, self.flowContext.canvas.height]');
    expect(boxes.flow).toEqual(boxes.map);
    // This machine draws WebGL with SwiftShader: the comets' canvas holds half the device pixels.
    expect(boxes.renderer).toMatch(/SwiftShader/);
    expect(pixels).toEqual(boxes.map.map((side) => Math.round(side * 2 * 0.5)));
  });
  // Where the browser cannot hand a canvas to a worker, and where the worker's file cannot be had.
  const withoutWorker = {
    'no OffscreenCanvas transfer': (page: Page) =>
      page.addInitScript(() => {
        delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
      }),
    'the worker file unreachable': (page: Page) => page.route(/comet-worker[^/]*\.js$/, (route) => route.abort()),
  };
  for (const [how, prepare] of Object.entries(withoutWorker)) {
    it(`draws its comets on the page itself with ${how}`, async () => {
      const viewer = await openForTest({ viewport: { width: 800, height: 600 } });
      await prepare(viewer.page);
      await viewer.page.goto(served.url);
      expect((await waitForAtlas(viewer.page)).ready).toBe(true);
      await expect.poll(async () => (await pageFlowPixels(viewer.page)).share).toBeGreaterThan(0.001);
      const { hash } = await pageFlowPixels(viewer.page);
      await expect.poll(async () => (await pageFlowPixels(viewer.page)).hash).not.toBe(hash);
      // One canvas, the page's.
      expect(await viewer.page.locator('canvas.atlas-flow').count()).toBe(1);
      expect(viewer.errors.filter((error) => !/comet-worker/.test(error))).toEqual([]);
    });
  }
});

describe('the atlas on a phone, for someone who prefers reduced motion', () => {
  it('draws every link and keeps the flow still until asked', async () => {
    const phone = await openForTest({ viewport: { width: 360, height: 740 }, reducedMotion: 'reduce', hasTouch: true, isMobile: true });
    await phone.page.goto(served.url);
    const status = await waitForAtlas(phone.page);
    expect(status.linksDrawn).toBe(atlas.links.length);
    expect(await phone.page.locator('atlas-header').evaluate((header: HTMLElementTagNameMap['atlas-header']) => header.playing)).toBe(false);
    await phone.page.screenshot({ path: join(RESULTS, 'atlas-phone.png') });
    expect(phone.errors).toEqual([]);
    expect(outside(phone)).toEqual([]);
  });
});

describe('a broken data file', () => {
  const real = () => JSON.parse(readFileSync(join(inject('appDist'), 'data', 'atlas.json'), 'utf8')) as Atlas;
  const withoutIsrael = () => {
    const atlas = real();
    return JSON.stringify({ ...atlas, partners: atlas.partners.filter((p) => p.id !== 'ISR') });
  };
  // Each case as a reader meets it: the file the server gives, the page's language, and the message, word for word.
  const cases: { name: string; body: () => string; status?: number; lang: string; message: string | RegExp }[] = [
    {
      name: 'cut short (a copy that did not finish)',
      body: () => JSON.stringify(real()).slice(0, 20_000),
      lang: 'en',
      message: 'The dataset (data/atlas.json) cannot be used: the file is cut short after 20000 characters (a copy or a download that did not finish?).',
    },
    {
      name: 'of another version',
      body: () => JSON.stringify({ ...real(), version: 2 }),
      lang: 'zh-Hans',
      message: '数据文件 data/atlas.json 无法使用:文件的格式版本是 2,本版地图只能读取版本 1。请用本版的 npm run extract 重新生成数据,或使用与该文件配套的地图版本。',
    },
    {
      name: 'with a link to a partner it does not hold',
      body: withoutIsrael,
      lang: 'en',
      message: 'The dataset (data/atlas.json) cannot be used: the link shandong:370000:ISR names a partner, ISR, that the file does not hold.',
    },
    {
      name: 'with a link to a partner it does not hold, in 繁體',
      body: withoutIsrael,
      lang: 'zh-Hant',
      message: '數據文件 data/atlas.json 無法使用:連線 shandong:370000:ISR 指向的合作伙伴 ISR 不在文件中。',
    },
    { name: 'not JSON', body: () => '{"version": 1}}', lang: 'en', message: /^The dataset \(data\/atlas\.json\) cannot be used: the file is not valid JSON \(.+\)\.$/ },
    { name: 'missing', body: () => 'Not found', status: 404, lang: 'zh-Hans', message: '无法载入 data/atlas.json:服务器回答 404 Not Found。' },
  ];

  it.each(cases)('$name: a message naming what is wrong, in the reader’s language, instead of a blank map', async ({ body, status: code, lang, message }) => {
    const broken = await openForTest();
    await broken.page.route('**/data/atlas.json', (route) => route.fulfill({ status: code ?? 200, contentType: 'application/json', body: body() }));
    await broken.page.goto(`${served.url}?lang=${lang}`);
    const status = await waitForAtlas(broken.page);
    expect(status.ready).toBe(false);
    const box = broken.page.locator('#message');
    await box.waitFor();
    const text = await box.locator('p').textContent();
    if (typeof message === 'string') expect(text).toBe(message);
    else expect(text).toMatch(message);
    expect(await box.getAttribute('lang')).toBe(lang);
    expect(status.error).toBe(text);
    if (lang === 'en') await broken.page.screenshot({ path: join(RESULTS, 'atlas-broken-data.png') });
  });
});
