// Pictures of the map and the printed handout, in the built app in Chromium: the downloads panel's
// PNG (1×, 2×, 4×) and SVG buttons save real files of the view as it is, named after it, of the
// size they announce; the SVG is a vector file with one group per link the live map draws; in
// print media the page becomes one A4 or Letter page of map, ties and sources. Without WebGL the
// map is drawn as SVG, and selection, cards, the reader, the table, filters and the pictures work
// as usual. Nothing is asked of the outside world and nothing is logged as an error.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { launchChromium, openWatched, ROOT, serve, waitForAtlas, type Served, type WatchedPage } from '../../src/cli/browser-harness.ts';
import type { Atlas, Link, OriginId } from '../../src/core/types.ts';
import { inkedOriginColour } from '../../src/map/palette.ts';

const atlas: Atlas = JSON.parse(readFileSync(join(ROOT, 'public/data/atlas.json'), 'utf8'));
const partners = new Map(atlas.partners.map((partner) => [partner.id, partner]));

/** The links the map draws at all: those whose partner has a place on it (core/country-links.ts, drawnLinks). */
const drawnLinks = (links: readonly Link[]) => links.filter((link) => partners.get(link.partner)?.anchor);
const keptIds = (origin: OriginId | null) =>
  drawnLinks(atlas.links.filter((link) => origin === null || link.origin === origin))
    .map((link) => link.id)
    .sort();
/** The documents the ties of `links` cite. */
const citedDocuments = (links: readonly Link[]) => new Set(links.flatMap((link) => link.evidence.map((evidence) => evidence.doc))).size;

const pad = (n: number) => String(n).padStart(2, '0');
/** The local day, YYYY-MM-DD, as a file made now is dated. */
const localDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

const VIEWPORT = { width: 1280, height: 720 };
/** Making a PNG through the live map takes 5–30 s here under software rendering (4× the longest). */
const FIGURE_TIMEOUT = 120_000;

let served: Served;

beforeAll(async () => {
  served = await serve(inject('appDist'));
});
afterAll(() => served?.close());

const outside = (watched: WatchedPage) => watched.requests.filter((url) => !url.startsWith(served.url) && !/^(data|blob):/.test(url));

/** Opens `query` on a page that accepts downloads, and waits for the atlas to be ready. */
async function openAtlas(browser: Browser, query: string): Promise<WatchedPage> {
  const watched = await openWatched(browser, { viewport: VIEWPORT, locale: 'en-US', acceptDownloads: true, reducedMotion: 'reduce' });
  await watched.page.goto(`${served.url}${query}`);
  const status = await waitForAtlas(watched.page);
  expect(status.error).toBeNull();
  expect(status.ready).toBe(true);
  return watched;
}

/** The same, closed when the test ends: an open page's map would go on drawing on the cores the next test needs. */
async function openForTest(browser: Browser, query: string): Promise<WatchedPage> {
  const watched = await openAtlas(browser, query);
  onTestFinished(() => watched.page.close());
  return watched;
}

type Sizes = Record<1 | 2 | 4, { width: number; height: number }>;

/** Opens the explore drawer and waits until the panel knows the pictures' sizes (the map is drawn): their buttons work from then. */
async function openDownloads(page: Page): Promise<Sizes> {
  await page.click('#explore > summary');
  const sizes = await page.waitForFunction(() => document.querySelector('atlas-downloads')?.figureSizes ?? null, undefined, { timeout: 60_000 });
  return (await sizes.jsonValue()) as Sizes;
}

const statusText = (page: Page) =>
  page.locator('atlas-downloads').evaluate((panel) => panel.shadowRoot!.querySelector('p.status')!.textContent!.trim());

interface Saved {
  name: string;
  bytes: Buffer;
  /** Every text the panel's status line showed from the click on, with the number of picture buttons waiting (aria-disabled) at the time. */
  statuses: { text: string; disabled: number }[];
  /** The local days at the click and once saved (the same but at midnight). */
  days: string[];
}

/**
 * Clicks the picture button named `name` and returns the file it saves, with what the status line
 * said meanwhile. Fails with the panel's own message if the picture could not be made.
 */
async function saveFigure(page: Page, name: RegExp): Promise<Saved> {
  const button = page.locator('atlas-downloads').getByRole('button', { name });
  expect(await button.isEnabled()).toBe(true);
  await page.locator('atlas-downloads').evaluate((panel) => {
    const root = panel.shadowRoot!;
    const status = root.querySelector('p.status')!;
    const seen: { text: string; disabled: number }[] = [];
    (window as unknown as { figureStatuses: typeof seen }).figureStatuses = seen;
    const group = root.querySelector('[role="group"]')!;
    new MutationObserver(() => {
      const text = status.textContent!.trim();
      if (text !== '' && seen.at(-1)?.text !== text) seen.push({ text, disabled: group.querySelectorAll('button[aria-disabled="true"]').length });
    }).observe(root, { childList: true, characterData: true, subtree: true, attributes: true });
  });
  const before = new Date();
  const failed = page
    .waitForFunction(
      () => {
        const text = document.querySelector('atlas-downloads')!.shadowRoot!.querySelector('p.status')!.textContent!;
        return /could not be made|未能生成/.test(text) && text;
      },
      undefined,
      { timeout: FIGURE_TIMEOUT },
    )
    .then(async (handle) => {
      throw new Error(`the picture failed: ${await handle.jsonValue()}`);
    });
  const [download] = await Promise.all([Promise.race([page.waitForEvent('download', { timeout: FIGURE_TIMEOUT }), failed]), button.click()]);
  expect(await download.failure()).toBeNull();
  const bytes = await readFile((await download.path())!);
  const fileName = download.suggestedFilename();
  // The status names the file once it is saved.
  await page.waitForFunction((file) => {
    const text = document.querySelector('atlas-downloads')!.shadowRoot!.querySelector('p.status')!.textContent!.trim();
    return text.includes(file) && !text.endsWith('…');
  }, fileName);
  const statuses = await page.evaluate(() => (window as unknown as { figureStatuses: { text: string; disabled: number }[] }).figureStatuses);
  return { name: fileName, bytes, statuses, days: [localDay(before), localDay(new Date())] };
}

/** A PNG's size, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature').toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file is named after the view and today: cooperation-atlas-<subject>-<day><@Nx>.<ext>. */
function expectName(saved: Saved, subject: string, suffix: string): void {
  expect(saved.days.map((day) => `cooperation-atlas-${subject}-${day}${suffix}`)).toContain(saved.name);
}

/**
 * Runs `read` in a blank page beside `page`: a saved file is read by the browser as a reader
 * would, not under the app's Content Security Policy (which refuses a fetch of a data: URL).
 */
async function inBlankPage<Result>(page: Page, read: (arg: string) => Promise<Result>, arg: string): Promise<Result> {
  const blank = await page.context().browser()!.newPage();
  try {
    return await blank.evaluate(read, arg);
  } finally {
    await blank.close();
  }
}

/**
 * The middle band of a PNG (inside the map's box, between the frame's title and footer): how many
 * colours it has and how much of it differs from its most common colour. A map drawn has sea,
 * land, borders and coloured links; an empty box has one colour.
 */
async function mapBand(page: Page, png: Buffer, ink = '#000000'): Promise<{ colours: number; unlike: number; inked: number }> {
  return inBlankPage(page, async (args) => {
    const [base64, ink] = JSON.parse(args) as [string, string];
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const [top, height] = [Math.round(bitmap.height * 0.3), Math.round(bitmap.height * 0.4)];
    const canvas = new OffscreenCanvas(bitmap.width, height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, -top);
    const pixels = new Uint32Array(context.getImageData(0, 0, bitmap.width, height).data.buffer);
    const counts = new Map<number, number>();
    for (const pixel of pixels) counts.set(pixel, (counts.get(pixel) ?? 0) + 1);
    const most = Math.max(...counts.values());
    // Pixels in `ink` (#rrggbb), opaque: the bytes of a pixel read as little-endian RGBA.
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(ink.slice(i, i + 2), 16));
    return { colours: counts.size, unlike: 1 - most / pixels.length, inked: counts.get(((255 << 24) | (b! << 16) | (g! << 8) | r!) >>> 0) ?? 0 };
  }, JSON.stringify([png.toString('base64'), ink]));
}

interface SvgFacts {
  parserErrors: number;
  root: string;
  namespace: string | null;
  width: number;
  height: number;
  lang: string | null;
  images: number;
  /** Each link group's id and how many paths with a shape it holds. */
  links: { id: string; paths: number }[];
  title: string | null;
  texts: string[];
  fontFaces: number;
  /** The size the browser gives the file opened as an image. */
  rendered: { width: number; height: number };
}

/** The SVG file read by the browser's XML parser, and opened as an image. */
function readSvg(page: Page, svg: string): Promise<SvgFacts> {
  return inBlankPage(page, async (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    const SVG = 'http://www.w3.org/2000/svg';
    const image = new Image();
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    image.src = url;
    await image.decode();
    URL.revokeObjectURL(url);
    const styles = [...doc.getElementsByTagNameNS(SVG, 'style')].map((style) => style.textContent ?? '').join('');
    return {
      parserErrors: doc.getElementsByTagName('parsererror').length,
      root: root.localName,
      namespace: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      lang: root.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang'),
      images: doc.getElementsByTagNameNS(SVG, 'image').length,
      links: [...doc.querySelectorAll('g.link[data-link]')].map((group) => ({
        id: group.getAttribute('data-link')!,
        paths: [...group.querySelectorAll('path')].filter((path) => (path.getAttribute('d') ?? '').length > 2).length,
      })),
      title: doc.querySelector('text.title')?.textContent ?? null,
      texts: [...doc.getElementsByTagNameNS(SVG, 'text')].map((t) => t.textContent ?? ''),
      fontFaces: (styles.match(/@font-face\s*\{[^}]*url\(data:font\/woff2;base64,/g) ?? []).length,
      rendered: { width: image.naturalWidth, height: image.naturalHeight },
    };
  }, svg);
}

/** The embedded fonts are real WOFF2 files (their signature is wOF2). */
function expectWoff2Fonts(svg: string): void {
  const fonts = [...svg.matchAll(/url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1]!, 'base64'));
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(font.length).toBeGreaterThan(1000);
  }
}

/** The ids of the links the live map shows now: rendered and not hidden by the filters (AtlasMap.shownLinks). */
const liveLinks = (page: Page) =>
  page.evaluate(() => {
    const rendered = window.atlas.map!.queryRenderedFeatures({ layers: ['links'] });
    return [...new Set(rendered.filter((feature) => !feature.state.hidden).map((feature) => feature.properties.id as string))].sort();
  });

/** The ids of the links the static SVG map in the page draws (no WebGL). */
const svgMapLinks = (page: Page) =>
  page.evaluate(() => [...new Set([...document.querySelectorAll('#map svg.static-map g.link[data-link]')].map((g) => g.getAttribute('data-link')!))].sort());

const unique = (ids: string[]) => [...new Set(ids)].sort();

/** The number of pages of a PDF: its page objects (/Type /Page, not /Pages), and its page tree's count. */
function pdfPages(pdf: Buffer): { pages: number; counts: number[] } {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  return {
    pages: (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length,
    counts: [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2])),
  };
}

describe('pictures of the live map (WebGL)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  describe('Yunnan’s ties, in English', () => {
    let view: WatchedPage;
    let sizes: Sizes;
    /** The pictures' sizes once the atlas was ready, before the drawer opened: not measured then. */
    let sizesClosed: unknown;
    const yunnan = keptIds('yunnan');

    beforeAll(async () => {
      view = await openAtlas(browser, '?origin=yunnan&lang=en');
      // After the page's next idle callback: the ones the load asked for come before it.
      sizesClosed = await view.page.evaluate(async () => {
        await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
        return document.querySelector('atlas-downloads')!.figureSizes;
      });
      sizes = await openDownloads(view.page);
    });
    afterAll(() => view?.page.close());

    it('offers PNG at 1×, 2× and 4× with their sizes, SVG and a printed handout, sized from the map', async () => {
      // Measured as the drawer opens, not as the page loads.
      expect(sizesClosed).toBeNull();
      const group = view.page.locator('atlas-downloads').getByRole('group', { name: 'Pictures and print' });
      const names = (await group.getByRole('button').allTextContents()).map((name) => name.replace(/\s+/g, ' ').trim());
      expect(names).toEqual([
        `PNG image 1× ${sizes[1].width} × ${sizes[1].height} pixels`,
        `PNG image 2× ${sizes[2].width} × ${sizes[2].height} pixels`,
        `PNG image 4× ${sizes[4].width} × ${sizes[4].height} pixels`,
        expect.stringMatching(/^SVG vector map /),
        expect.stringMatching(/^Print a handout /),
      ]);
      // As wide as the map, taller by the title band and the footer.
      const map = await view.page.locator('#map').evaluate((element) => ({ width: element.clientWidth, height: element.clientHeight }));
      expect(map.width).toBe(VIEWPORT.width);
      expect(sizes[1].width).toBe(map.width);
      expect(sizes[1].height).toBeGreaterThan(map.height);
      for (const scale of [2, 4] as const) {
        expect(sizes[scale].width).toBe(sizes[1].width * scale);
        expect(Math.abs(sizes[scale].height - sizes[1].height * scale)).toBeLessThanOrEqual(1);
      }
      for (const name of [/^PNG image 1×/, /^PNG image 2×/, /^PNG image 4×/, /^SVG vector map/, /^Print a handout/]) {
        expect(await group.getByRole('button', { name }).isEnabled(), String(name)).toBe(true);
      }
    });

    it('saves an SVG with a group of paths for each link the live map draws, its title, filter and embedded fonts', async () => {
      const { page } = view;
      const saved = await saveFigure(page, /^SVG vector map/);
      expectName(saved, 'yunnan', '.svg');
      expect(saved.statuses.map((s) => s.text)).toContain(`Making ${saved.name}…`);
      expect(await statusText(page)).toBe(`Saved ${saved.name}`);

      const svg = saved.bytes.toString('utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" ')).toBe(true);
      expect(svg).toContain('Cooperation Atlas · International S&amp;T partners in four local plans');
      expectWoff2Fonts(svg);
      const facts = await readSvg(page, svg);
      expect(facts.parserErrors).toBe(0);
      expect(facts.root).toBe('svg');
      expect(facts.namespace).toBe('http://www.w3.org/2000/svg');
      expect(facts.lang).toBe('en');
      expect(facts.images).toBe(0);
      expect({ width: facts.width, height: facts.height }).toEqual(sizes[1]);
      expect(facts.rendered).toEqual(sizes[1]);
      expect(facts.title).toBe('Cooperation Atlas · International S&T partners in four local plans');
      expect(facts.texts).toContain('Origin: Yunnan');
      expect(facts.fontFaces).toBeGreaterThan(0);
      // One group a link, each with its line.
      const ids = facts.links.map((link) => link.id);
      expect(ids.length).toBe(new Set(ids).size);
      for (const link of facts.links) expect(link.paths, link.id).toBeGreaterThan(0);
      // The links the live map draws for this view: Yunnan's, every one of them on screen.
      const live = await liveLinks(page);
      expect(live).toEqual(yunnan);
      expect(unique(ids)).toEqual(live);
    });

    it(
      'saves PNGs at 1× and 2× of the size they announce, named after the view, with the map drawn in them',
      async () => {
        const { page } = view;
        const one = await saveFigure(page, /^PNG image 1×/);
        expectName(one, 'yunnan', '.png');
        const size1 = pngSize(one.bytes);
        expect(size1).toEqual(sizes[1]);
        expect(size1.width).toBe(VIEWPORT.width);
        expect(size1.height).toBeGreaterThan(VIEWPORT.height);
        // Said while it is made, with the buttons waiting; then the size saved.
        expect(one.statuses).toContainEqual({ text: `Making ${one.name}…`, disabled: 5 });
        expect(await statusText(page)).toBe(`Saved ${one.name} (${size1.width} × ${size1.height} pixels)`);
        const band = await mapBand(page, one.bytes, inkedOriginColour('yunnan'));
        expect(band.colours).toBeGreaterThan(100);
        expect(band.unlike).toBeGreaterThan(0.1);
        // The labels are painted on the map's pixels: Yunnan's name, in its inked colour (no line is drawn in it).
        expect(band.inked).toBeGreaterThan(20);

        const two = await saveFigure(page, /^PNG image 2×/);
        expectName(two, 'yunnan', '@2x.png');
        const size2 = pngSize(two.bytes);
        expect(size2.width).toBe(2 * VIEWPORT.width);
        expect(Math.abs(size2.height - 2 * size1.height)).toBeLessThanOrEqual(1);
        expect(size2).toEqual(sizes[2]);
        expect(two.statuses.map((s) => s.text)).toContain(`Making ${two.name}…`);
        expect(await statusText(page)).toBe(`Saved ${two.name} (${size2.width} × ${size2.height} pixels)`);
        // The buttons work again once it is saved.
        expect(await page.locator('atlas-downloads').getByRole('button', { name: /^PNG image 1×/ }).isEnabled()).toBe(true);
      },
      FIGURE_TIMEOUT * 2,
    );

    // The one 4× picture of the live map in this file: about 30 s here, the GPU being software.
    it(
      'saves a PNG at 4× through the live map, four times the 1× size, as announced',
      async () => {
        const { page } = view;
        // The page keeps answering meanwhile: its longest task is measured (a read of the GPU's
        // pixels that waited for them took 24 s here; polled, a frame's work at most).
        await page.evaluate(() => {
          const longest = { ms: 0 };
          (window as unknown as { longestTask: typeof longest }).longestTask = longest;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
          }).observe({ type: 'longtask' });
        });
        const four = await saveFigure(page, /^PNG image 4×/);
        const longestTask = await page.evaluate(() => (window as unknown as { longestTask: { ms: number } }).longestTask.ms);
        expect(longestTask).toBeLessThan(3000);
        expectName(four, 'yunnan', '@4x.png');
        const size4 = pngSize(four.bytes);
        expect(size4.width).toBe(4 * VIEWPORT.width);
        expect(Math.abs(size4.height - 4 * sizes[1].height)).toBeLessThanOrEqual(1);
        expect(size4).toEqual(sizes[4]);
        expect(four.statuses).toContainEqual({ text: `Making ${four.name}…`, disabled: 5 });
        // Not capped: this Chromium draws 5120 pixels wide.
        expect(await statusText(page)).toBe(`Saved ${four.name} (${size4.width} × ${size4.height} pixels)`);
      },
      FIGURE_TIMEOUT,
    );

    it('logs no error and requests nothing outside 127.0.0.1', () => {
      expect(view.errors).toEqual([]);
      expect(outside(view)).toEqual([]);
    });
  });

  it('words the pictures in Chinese: the buttons, the status and the SVG’s title and filters', async () => {
    const { page, ...watched } = await openForTest(browser, '?origin=yunnan&lang=zh-Hans');
    const sizes = await openDownloads(page);
    const panel = page.locator('atlas-downloads');
    for (const scale of [1, 2, 4] as const) {
      const button = panel.getByRole('button', { name: new RegExp(`^PNG 图片 ${scale}×`) });
      expect((await button.textContent())!.replace(/\s+/g, ' ')).toContain(`${sizes[scale].width} × ${sizes[scale].height} 像素`);
      expect(await button.isEnabled()).toBe(true);
    }
    expect(await panel.getByRole('button', { name: /^打印讲义/ }).isEnabled()).toBe(true);

    const saved = await saveFigure(page, /^SVG 矢量图/);
    expectName(saved, 'yunnan', '.svg');
    expect(saved.statuses.map((s) => s.text)).toContain(`正在生成 ${saved.name}…`);
    expect(await statusText(page)).toBe(`已保存 ${saved.name}`);
    const svg = saved.bytes.toString('utf8');
    const facts = await readSvg(page, svg);
    expect(facts.parserErrors).toBe(0);
    expect(facts.images).toBe(0);
    expect(facts.lang).toBe('zh-Hans');
    expect(facts.title).toBe('科技合作地图 · 四地国际科技合作规划中的合作伙伴');
    expect(facts.texts).toContain('规划来源地:云南');
    expectWoff2Fonts(svg);
    expect(unique(facts.links.map((link) => link.id))).toEqual(keptIds('yunnan'));
    expect(watched.errors).toEqual([]);
    expect(outside({ page, ...watched })).toEqual([]);
  });

  describe('the printed handout', () => {
    /** What the page shows in print media, once the handout is filled. */
    async function printed(page: Page) {
      await page.emulateMedia({ media: 'print' });
      await page.waitForFunction(() => document.querySelector('atlas-print-sheet')?.shadowRoot?.querySelector('.figure svg'), undefined, { timeout: 30_000 });
      return page.evaluate(() => {
        const sheet = document.querySelector('atlas-print-sheet')!;
        const root = sheet.shadowRoot!;
        return {
          atlas: getComputedStyle(document.getElementById('atlas')!).display,
          // Inside #atlas: not drawn at all (its own display is its own, its box is none).
          header: document.querySelector('atlas-header')!.checkVisibility(),
          map: document.getElementById('map')!.checkVisibility(),
          sheet: getComputedStyle(sheet).display,
          sheetHeight: sheet.getBoundingClientRect().height,
          ties: [...root.querySelectorAll('.ties li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()),
          sources: [...root.querySelectorAll('.sources li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()),
          more: root.querySelector('.more')?.textContent?.trim() ?? null,
          figureLinks: [...new Set([...root.querySelectorAll('.figure svg g.link[data-link]')].map((g) => g.getAttribute('data-link')!))].sort(),
          title: root.querySelector('.figure svg text.title')?.textContent ?? null,
        };
      });
    }

    async function expectOnePage(page: Page): Promise<void> {
      for (const format of ['A4', 'Letter'] as const) {
        const pages = pdfPages(await page.pdf({ format }));
        expect(pages.pages, format).toBe(1);
        for (const count of pages.counts) expect(count, format).toBe(1);
      }
    }

    it('prints Wuhan’s ties on one A4 and one Letter page: map, every tie and the two documents they cite', async () => {
      const watched = await openForTest(browser, '?origin=wuhan&lang=en');
      const { page } = watched;
      const sheet = await printed(page);
      expect(sheet.atlas).toBe('none');
      expect(sheet.header).toBe(false);
      expect(sheet.map).toBe(false);
      expect(sheet.sheet).toBe('block');
      expect(sheet.sheetHeight).toBeGreaterThan(0);
      expect(sheet.title).toBe('Cooperation Atlas · International S&T partners in four local plans');
      const wuhan = atlas.links.filter((link) => link.origin === 'wuhan');
      expect(sheet.ties).toHaveLength(wuhan.length);
      for (const line of sheet.ties) expect(line).toMatch(/^\d+ (\[\d\])+ Wuhan → /);
      expect(sheet.more).toBeNull();
      expect(sheet.sources).toHaveLength(citedDocuments(wuhan));
      for (const doc of atlas.documents.filter((d) => d.origin === 'wuhan')) expect(sheet.sources.join('\n')).toContain(doc.date);
      // The handout's map draws Wuhan's links, no other.
      expect(sheet.figureLinks.length).toBeGreaterThan(0);
      for (const id of sheet.figureLinks) expect(keptIds('wuhan')).toContain(id);
      await expectOnePage(page);

      // The panel's button fills the handout (emptied here first) and opens the browser's printing
      // (last: headless Chromium's print preview stays open, and the page can make no PDF after it).
      await page.emulateMedia({ media: 'screen' });
      await openDownloads(page);
      await page.evaluate(() => {
        const printSheet = document.querySelector('atlas-print-sheet')!;
        printSheet.facts = null;
        printSheet.figure = '';
        addEventListener('beforeprint', () => document.body.setAttribute('data-test-printing', ''), { once: true });
      });
      await page.waitForFunction(() => !document.querySelector('atlas-print-sheet')!.shadowRoot!.querySelector('.figure'));
      await page.locator('atlas-downloads').getByRole('button', { name: /^Print a handout/ }).click();
      await page.waitForFunction(() => document.body.hasAttribute('data-test-printing'), undefined, { timeout: 30_000 });
      await page.waitForFunction(() => (document.querySelector('atlas-print-sheet')!.shadowRoot!.querySelectorAll('.ties li').length ?? 0) > 0);
      const refilled = await page.evaluate(() => ({
        figure: !!document.querySelector('atlas-print-sheet')!.shadowRoot!.querySelector('.figure svg text.title'),
        ties: document.querySelector('atlas-print-sheet')!.shadowRoot!.querySelectorAll('.ties li').length,
      }));
      expect(refilled).toEqual({ figure: true, ties: wuhan.length });
      expect(watched.errors).toEqual([]);
      expect(outside(watched)).toEqual([]);
    });

    it('prints the whole atlas on one page too: 72 lines, a note of the rest, and every document', async () => {
      const watched = await openForTest(browser, '?lang=en');
      const { page } = watched;
      const sheet = await printed(page);
      expect(sheet.atlas).toBe('none');
      expect(sheet.sheetHeight).toBeGreaterThan(0);
      expect(atlas.links.length).toBeGreaterThan(72);
      expect(sheet.ties).toHaveLength(72);
      expect(sheet.more).toBe(`${atlas.links.length - 72} more lines not listed: see the link.`);
      expect(sheet.sources).toHaveLength(citedDocuments(atlas.links));
      expect(sheet.figureLinks.length).toBeGreaterThan(0);
      await expectOnePage(page);
      expect(watched.errors).toEqual([]);
      expect(outside(watched)).toEqual([]);
    });
  });
});

describe('without WebGL: the map as a still vector picture', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium({ webgl: false });
  });
  afterAll(() => browser?.close());

  const WEBGL_NOTICE =
    'This browser cannot run WebGL, so the map is drawn as a still vector picture; filters, selection, cards, the reader and the table work as usual.';

  it('pans and zooms from the keyboard and its own buttons, as the live map does', async () => {
    const watched = await openForTest(browser, '?lang=en');
    const { page } = watched;
    const camera = async () => {
      await page.waitForFunction(() => window.atlas.addressSettled);
      const [lon, , zoom] = (new URL(page.url()).searchParams.get('cam') ?? '0,0,0').split(',').map(Number);
      return { lon, zoom };
    };
    await page.locator('#map').focus();
    const start = await camera();
    await page.keyboard.press('+');
    await page.waitForFunction((zoom) => Number(new URL(location.href).searchParams.get('cam')?.split(',')[2]) > zoom, start.zoom);
    // The first move writes the camera into the address (a link that frames the ties has none).
    expect(start).toEqual({ lon: 0, zoom: 0 });
    const zoomedIn = await camera();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((lon) => Number(new URL(location.href).searchParams.get('cam')?.split(',')[0]) > lon, zoomedIn.lon);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForFunction((zoom) => Math.abs(Number(new URL(location.href).searchParams.get('cam')?.split(',')[2]) - (zoom - 1)) < 0.01, zoomedIn.zoom);
    // Every link is still drawn at the new camera, from a fresh drawing.
    expect(await page.locator('#map g.link').count()).toBeGreaterThan(0);
    expect(watched.errors).toEqual([]);
  });

  it('draws every link as SVG, says why, and selects, reads, lists and filters as usual', async () => {
    const watched = await openForTest(browser, '?lang=en');
    const { page } = watched;
    const drawn = await page.evaluate(() => ({
      webgl2: document.createElement('canvas').getContext('webgl2') === null ? null : 'context',
      map: window.atlas.map,
      linksDrawn: window.atlas.countLinks(),
      svgMap: document.getElementById('map')!.classList.contains('svg-map'),
      notice: document.querySelector('#notices p')?.textContent ?? null,
      noticeShown: !document.getElementById('notices')!.hidden,
    }));
    expect(drawn.webgl2).toBeNull();
    expect(drawn.map).toBeNull();
    expect(drawn.svgMap).toBe(true);
    expect(drawn.noticeShown).toBe(true);
    expect(drawn.notice).toBe(WEBGL_NOTICE);
    const all = keptIds(null);
    expect(all.length).toBeGreaterThan(0);
    expect(await svgMapLinks(page)).toEqual(all);
    expect(drawn.linksDrawn).toBe(all.length);

    // A click on a link's line selects it: its card, and the address.
    const link = atlas.links.find((l) => l.origin === 'yunnan' && partners.get(l.partner)?.kind === 'country')!;
    const partner = partners.get(link.partner)!;
    await page.locator(`#map g.link[data-link="${link.id}"] path`).first().dispatchEvent('click');
    const card = page.locator('atlas-card aside');
    await card.waitFor();
    const cardText = (await card.textContent())!.replace(/\s+/g, ' ');
    expect(cardText).toContain(`Yunnan → ${partner.en}`);
    expect(link.evidence.some((evidence) => cardText.includes(evidence.quote))).toBe(true);
    const search = await (
      await page.waitForFunction((id) => window.atlas.addressSettled && new URLSearchParams(location.search).get('sel') === `link:${id}` && location.search, link.id)
    ).jsonValue();
    expect(new URLSearchParams(search as string).get('sel')).toBe(`link:${link.id}`);

    // The card opens the passage in the document.
    await page.locator('atlas-card button.read').first().click();
    const mark = page.locator('atlas-reader dialog[open] mark').first();
    await mark.waitFor();
    const marked = (await mark.textContent())!;
    expect(marked.length).toBeGreaterThan(10);
    expect(link.evidence.some((evidence) => evidence.quote.includes(marked) || marked.includes(evidence.quote))).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('atlas-reader dialog[open]').waitFor({ state: 'detached' });

    // The table lists the ties.
    await page.click('#ties > summary');
    await page.waitForFunction(() => (document.querySelector('atlas-table')?.shadowRoot?.querySelectorAll('tbody tr:not(.empty)').length ?? 0) > 0);
    await page.click('#ties > summary');

    // A filter redraws the map with what it keeps.
    await page.click('#explore > summary');
    await page.locator('atlas-filters').getByRole('checkbox', { name: /Yunnan/ }).check();
    const yunnan = keptIds('yunnan');
    await page.waitForFunction((n) => new Set([...document.querySelectorAll('#map g.link[data-link]')].map((g) => g.getAttribute('data-link'))).size === n, yunnan.length);
    expect(await svgMapLinks(page)).toEqual(yunnan);
    expect(yunnan.length).toBeLessThan(all.length);

    expect(watched.errors).toEqual([]);
    expect(outside(watched)).toEqual([]);
  });

  it(
    'saves PNGs made from the SVG map at 2× and 4×, and an SVG of the links it draws',
    async () => {
      const watched = await openForTest(browser, '?origin=yunnan&lang=en');
      const { page } = watched;
      const yunnan = keptIds('yunnan');
      expect(await svgMapLinks(page)).toEqual(yunnan);
      expect(await page.evaluate(() => window.atlas.countLinks())).toBe(yunnan.length);
      const sizes = await openDownloads(page);
      expect(sizes[1].width).toBe(VIEWPORT.width);

      const two = await saveFigure(page, /^PNG image 2×/);
      expectName(two, 'yunnan', '@2x.png');
      const size2 = pngSize(two.bytes);
      expect(size2).toEqual(sizes[2]);
      expect(size2.width).toBe(2 * VIEWPORT.width);
      expect(Math.abs(size2.height - 2 * sizes[1].height)).toBeLessThanOrEqual(1);
      expect(await statusText(page)).toBe(`Saved ${two.name} (${size2.width} × ${size2.height} pixels)`);
      const band = await mapBand(page, two.bytes);
      expect(band.colours).toBeGreaterThan(100);
      expect(band.unlike).toBeGreaterThan(0.1);

      const four = await saveFigure(page, /^PNG image 4×/);
      expectName(four, 'yunnan', '@4x.png');
      const size4 = pngSize(four.bytes);
      expect(size4).toEqual(sizes[4]);
      expect(size4.width).toBe(4 * VIEWPORT.width);
      expect(Math.abs(size4.height - 2 * size2.height)).toBeLessThanOrEqual(1);
      expect(await statusText(page)).toBe(`Saved ${four.name} (${size4.width} × ${size4.height} pixels)`);

      const svgFile = await saveFigure(page, /^SVG vector map/);
      expectName(svgFile, 'yunnan', '.svg');
      const svg = svgFile.bytes.toString('utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" ')).toBe(true);
      const facts = await readSvg(page, svg);
      expect(facts.parserErrors).toBe(0);
      expect(facts.images).toBe(0);
      expect(facts.title).toBe('Cooperation Atlas · International S&T partners in four local plans');
      expect(facts.texts).toContain('Origin: Yunnan');
      for (const link of facts.links) expect(link.paths, link.id).toBeGreaterThan(0);
      expect(unique(facts.links.map((link) => link.id))).toEqual(await svgMapLinks(page));
      expectWoff2Fonts(svg);

      expect(watched.errors).toEqual([]);
      expect(outside(watched)).toEqual([]);
    },
    FIGURE_TIMEOUT,
  );
});

describe('a map that cannot start: MapLibre gives way to the SVG map', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  const FAILED_NOTICE =
    'The interactive map could not start, so it is drawn as a still vector picture; filters, selection, cards, the reader and the table work as usual.';

  /** Opens the atlas with `script` run first in the page, and reports which map drew and what the notice says. */
  async function openWith(script: string): Promise<WatchedPage & { drawn: { svgMap: boolean; links: number; linksDrawn: number; notice: string | null } }> {
    const watched = await openWatched(browser, { viewport: VIEWPORT, locale: 'en-US', reducedMotion: 'reduce' });
    onTestFinished(() => watched.page.close());
    await watched.page.addInitScript(script);
    await watched.page.goto(`${served.url}?lang=en`);
    const status = await waitForAtlas(watched.page);
    expect(status.error).toBeNull();
    const drawn = await watched.page.evaluate(() => ({
      svgMap: document.getElementById('map')!.classList.contains('svg-map'),
      links: new Set([...document.querySelectorAll<SVGElement>('#map g.link')].map((link) => link.dataset.link)).size,
      linksDrawn: window.atlas.countLinks(),
      notice: document.querySelector('#notices p')?.textContent ?? null,
    }));
    return { ...watched, drawn };
  }

  it('draws the SVG map where the browser will not start MapLibre’s worker, and says so', async () => {
    const watched = await openWith(`window.Worker = class { constructor() { throw new DOMException('no workers here', 'SecurityError'); } };`);
    expect(watched.drawn).toEqual({ svgMap: true, links: keptIds(null).length, linksDrawn: keptIds(null).length, notice: FAILED_NOTICE });
    // MapLibre logs the refusal itself; nothing else goes wrong.
    expect(watched.errors.filter((error) => !error.includes('no workers here'))).toEqual([]);
    expect(outside(watched)).toEqual([]);
  });

  it('gives way when MapLibre loses its WebGL context before its first picture', async () => {
    // The map's context is lost as soon as MapLibre has made it.
    const watched = await openWith(`{
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        const context = getContext.call(this, type, ...rest);
        if (type === 'webgl2' && this.classList.contains('maplibregl-canvas') && !this.dataset.lost) {
          this.dataset.lost = 'yes';
          setTimeout(() => context.getExtension('WEBGL_lose_context').loseContext());
        }
        return context;
      };
    }`);
    expect(watched.drawn).toEqual({ svgMap: true, links: keptIds(null).length, linksDrawn: keptIds(null).length, notice: FAILED_NOTICE });
    // MapLibre is gone: no canvas of its own is left in the page.
    expect(await watched.page.locator('canvas.maplibregl-canvas').count()).toBe(0);
    expect(outside(watched)).toEqual([]);
  });
});
