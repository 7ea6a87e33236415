// Hostile text end to end, in the built app in Chromium: the dataset extracted from the hostile
// seed (test/fixtures/hostile/: markup, script tags, formula starts, a right-to-left override,
// Arabic, zero-width characters, entities; and hostile names set on the extracted data) is served
// in place of the real one, and every view shows it as plain text: the card, the reader, the
// table, search, the tooltip, the matrix, the timeline, the origin's profile, the printed
// handout, the static SVG map, the SVG and PNG pictures and every download. After each step no
// script of the data has run (window.__pwned stays unset, no dialog opens), no element the text
// describes exists anywhere in the page or its shadow roots, and the literal strings are there
// as text. The CSV files neutralise formula starts; the JSON files keep the strings exactly.
import { readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { launchChromium, openWatched, serveCopy, waitForAtlas, type Served, type WatchedPage } from '../../src/cli/browser-harness.ts';
import { serialise } from '../../src/cli/extract.ts';
import type { Atlas } from '../../src/core/types.ts';
import { ASEAN_LINK, FROM_TEXT, HOSTILE_DOC, HOSTILE_NAMES, hostileDataset, hostileSeed, hostileText, LAOS_LINK, SITE_ID } from '../fixtures/hostile/dataset.ts';

const { atlas, mentions } = hostileDataset();
const text = hostileText();
const quotes = atlas.links.flatMap((link) => link.evidence.map((evidence) => evidence.quote));
const laosQuote = atlas.links.find((link) => link.id === LAOS_LINK)!.evidence[0]!;

const VIEWPORT = { width: 1280, height: 800 };
/** A picture through software rendering takes seconds to tens of seconds here. */
const FIGURE_TIMEOUT = 120_000;

let served: Served;
let browser: Browser;

beforeAll(async () => {
  // A copy of the built app with the hostile dataset in place of the real one. The app knows the
  // seed texts it was built with by their hashed asset URLs (import.meta.glob in
  // src/load/reader-sources.ts), so the hostile text takes the place of one of them, and the
  // test points the document's `file` at that seed: the reader then fetches the hostile text.
  served = await serveCopy(inject('appDist'), (dir) => {
    const asset = readdirSync(join(dir, 'assets')).find((name) => /^\d{3}_[0-9a-f]{16}-.+\.txt$/.test(name));
    if (!asset) throw new Error('the built app has no seed text among its assets');
    writeFileSync(join(dir, 'assets', asset), hostileSeed().bytes);
    const seedFile = `${/^\d{3}_[0-9a-f]{16}/.exec(asset)![0]}.txt`;
    const dataset: Atlas = { ...atlas, documents: atlas.documents.map((doc) => ({ ...doc, file: seedFile })) };
    writeFileSync(join(dir, 'data/atlas.json'), serialise(dataset));
    writeFileSync(join(dir, 'data/mentions.json'), serialise(mentions));
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

interface HostilePage extends WatchedPage {
  /** Every alert, confirm or prompt the page opened: none may. */
  dialogs: string[];
}

/** A page at `query` with the map drawn, closed when the test ends. */
async function open(query: string, on: Browser = browser): Promise<HostilePage> {
  const watched = await openWatched(on, { viewport: VIEWPORT, locale: 'zh-CN', reducedMotion: 'reduce', acceptDownloads: true });
  const page: HostilePage = { ...watched, dialogs: [] };
  onTestFinished(() => watched.page.close());
  watched.page.on('dialog', (dialog) => {
    page.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await watched.page.goto(`${served.url}${query}`);
  const status = await waitForAtlas(watched.page);
  expect(status.error).toBeNull();
  expect(status.ready).toBe(true);
  return page;
}

/**
 * What the hostile text would have made of the page, had it been read as markup, searched for in
 * the document and every shadow root: elements with event-handler attributes, img/iframe/object
 * with the text's sources, scripts or style sheets holding its code.
 */
const injectedElements = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        const attributes = [...element.attributes];
        const inline = element.localName === 'script' || element.localName === 'style' ? (element.textContent ?? '') : '';
        if (
          attributes.some((a) => /^on/i.test(a.name)) ||
          attributes.some((a) => (a.name === 'src' || a.name === 'href') && (a.value === 'x' || /^\s*javascript:/i.test(a.value))) ||
          ['iframe', 'object', 'embed'].includes(element.localName) ||
          inline.includes('__pwned') ||
          inline.trim() === '*{display:none}'
        ) {
          found.push(element.outerHTML.slice(0, 160));
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return found;
  });

/** A console error the hostile text could cause: a handler or script of it blocked or failing (a CSP report), its sources asked for. */
const HOSTILE_ERROR = /__pwned|evil\.example|javascript:|inline (script|event handler)|onerror|onload|onmouseover|\/x['"\s]|\/x$/i;

/** No script of the data ran, nothing it describes was made, nothing was logged or fetched that should not be. */
async function expectInert(watched: HostilePage): Promise<void> {
  const { page } = watched;
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await injectedElements(page)).toEqual([]);
  expect(watched.dialogs).toEqual([]);
  // Errors that speak of the text: its code blocked or failing, its sources asked for. (That the
  // page logs no error at all is test/browser/atlas.test.ts's to say, with the real data.)
  expect(watched.errors.filter((error) => HOSTILE_ERROR.test(error))).toEqual([]);
  // An <img src=x> would have asked the server for /x; javascript: and evil.example are never asked for.
  const asked = watched.requests.filter((url) => !/^(data|blob):/.test(url));
  expect(asked.filter((url) => !url.startsWith(served.url))).toEqual([]);
  expect(asked.filter((url) => /\/x$|evil\.example/.test(url))).toEqual([]);
}

/** The text of a component's shadow root. */
const shadowText = (locator: Locator) => locator.evaluate((element) => element.shadowRoot!.textContent ?? '');

/** Clicks `button` and returns the file the page saves. */
async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(await file.failure()).toBeNull();
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** What a spreadsheet would take for a formula (shared/DATA-CONTRACT.md, "Spreadsheet safety"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/** A downloaded CSV read back by d3-dsv: no cell of it may start as a formula. */
function safeCsv(bytes: Buffer): Record<string, string>[] {
  const [header, ...rows] = csvParseRows(bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\n$/, ''));
  for (const cell of rows.flat()) expect(!FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell), JSON.stringify(cell)).toBe(true);
  return rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i] ?? ''])));
}

/**
 * The screen point of the map where the pointer is over `link` and nothing else: along the line,
 * the first vertex with no marker, site or other link within the hit box. The map is first
 * centred on the link and zoomed in, so that its neighbours from the same city part.
 */
async function pointOnLink(page: Page, link: string, centre: [number, number]): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    async ({ link, centre }) => {
      const map = window.atlas.map!;
      await new Promise((resolve) => {
        map.once('idle', resolve);
        map.jumpTo({ center: centre, zoom: 6 });
      });
      const layers = ['sites', 'markers', 'links'].filter((id) => map.getLayer(id));
      const vertices = map
        .queryRenderedFeatures({ layers: ['links'] })
        .filter((feature) => feature.properties.id === link)
        .flatMap((feature) => (feature.geometry.type === 'LineString' ? feature.geometry.coordinates : feature.geometry.type === 'MultiLineString' ? feature.geometry.coordinates.flat() : []));
      const { clientWidth: width, clientHeight: height } = map.getContainer();
      for (const vertex of vertices) {
        const { x, y } = map.project(vertex as [number, number]);
        if (x < width * 0.3 || x > width * 0.7 || y < height * 0.2 || y > height * 0.8) continue;
        const near = map.queryRenderedFeatures([[x - 10, y - 10], [x + 10, y + 10]], { layers });
        if (near.length > 0 && near.every((feature) => feature.layer.id === 'links' && feature.properties.id === link)) return { x, y };
      }
      return null;
    },
    { link, centre },
  );
  expect(point, `a point on ${link} clear of everything else`).not.toBeNull();
  return point!;
}

/** The SVG as the browser's XML parser reads it. */
function readSvg(page: Page, svg: string) {
  return page.evaluate((source) => {
    const SVG = 'http://www.w3.org/2000/svg';
    /** Every element the figure writer (map/figure.ts, map/static-map.ts) writes. */
    const ALLOWED = ['svg', 'title', 'style', 'g', 'rect', 'path', 'circle', 'line', 'text', 'tspan'];
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const elements = [...doc.getElementsByTagName('*')];
    return {
      parserErrors: [...doc.getElementsByTagName('parsererror')].map((error) => error.textContent ?? ''),
      foreign: elements.filter((el) => el.namespaceURI !== SVG || !ALLOWED.includes(el.localName)).map((el) => el.localName),
      handlers: elements.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`)),
      texts: [...doc.getElementsByTagNameNS(SVG, 'text')].map((t) => t.textContent ?? ''),
      title: doc.getElementsByTagNameNS(SVG, 'title')[0]?.textContent ?? null,
    };
  }, svg);
}

/** Saves the picture of button `name` from the open downloads panel, failing with the panel's own words if it could not be made. */
async function saveFigure(page: Page, name: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const panel = page.locator('atlas-downloads');
  await page.waitForFunction(() => document.querySelector('atlas-downloads')?.figureSizes ?? null, undefined, { timeout: 60_000 });
  const failed = page
    .waitForFunction(() => /could not be made|未能生成/.test(document.querySelector('atlas-downloads')!.shadowRoot!.querySelector('p.status')!.textContent!) && document.querySelector('atlas-downloads')!.shadowRoot!.querySelector('p.status')!.textContent, undefined, {
      timeout: FIGURE_TIMEOUT,
    })
    .then(async (handle) => {
      throw new Error(`the picture failed: ${await handle.jsonValue()}`);
    });
  const [file] = await Promise.all([Promise.race([page.waitForEvent('download', { timeout: FIGURE_TIMEOUT }), failed]), panel.getByRole('button', { name }).click()]);
  expect(await file.failure()).toBeNull();
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** A PNG's size, from its IHDR chunk, after its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('hostile text in the views', () => {
  it('the card and the reader show the passage, the title and the issuer as text', async () => {
    const watched = await open(`?lang=zh-Hans&sel=link:${LAOS_LINK}`);
    const { page } = watched;
    const card = page.locator('atlas-card');
    await card.locator('aside').waitFor();
    // The quote as written, formula start and all; the names and the title, markup and all.
    expect(await card.evaluate((c) => [...c.shadowRoot!.querySelectorAll('blockquote')].map((q) => q.textContent))).toEqual([FROM_TEXT.hyperlink]);
    const cardText = await shadowText(card);
    for (const s of [FROM_TEXT.title, FROM_TEXT.issuer, HOSTILE_NAMES.laos.zh, HOSTILE_NAMES.yunnan.zh, HOSTILE_NAMES.agriculture.zh]) expect(cardText).toContain(s);
    // The card's heading is the partner's name; `{to}` in it is not taken for a placeholder.
    expect(await card.evaluate((c) => c.shadowRoot!.querySelector('h2')!.textContent)).toContain(HOSTILE_NAMES.laos.zh);
    await expectInert(watched);

    // The reader: the whole text as text, the passage marked, mentions named in their titles.
    await card.locator('button.read').click();
    const dialog = page.locator('atlas-reader dialog[open]');
    await dialog.locator('mark').first().waitFor();
    expect((await dialog.locator('mark').allTextContents()).join('')).toBe(laosQuote.quote);
    expect(await dialog.locator('h2').textContent()).toBe(FROM_TEXT.title);
    expect(await dialog.locator('header').textContent()).toContain(FROM_TEXT.issuer);
    const lines = await dialog.locator('.column p').allTextContents();
    expect(lines.join('\n')).toBe(text);
    const titles = await dialog.locator('.mention').evaluateAll((spans) => spans.map((span) => span.getAttribute('title') ?? ''));
    expect(titles.some((title) => title.includes(HOSTILE_NAMES.laos.zh))).toBe(true);
    await expectInert(watched);
  });

  it('the reader opened from the address marks the right-to-left passage, its controls and Arabic as they are', async () => {
    const rtl = atlas.links.flatMap((link) => link.evidence).find((evidence) => evidence.quote === FROM_TEXT.rtl)!;
    const watched = await open(`?lang=en&read=${HOSTILE_DOC}:${rtl.start}-${rtl.end}`);
    const mark = watched.page.locator('atlas-reader dialog[open] mark');
    await mark.first().waitFor();
    expect((await mark.allTextContents()).join('')).toBe(FROM_TEXT.rtl);
    // The English interface names the document by its English name, which is the title as written.
    expect(await watched.page.locator('atlas-reader dialog[open] h2').textContent()).toBe(FROM_TEXT.title);
    await expectInert(watched);
  });

  it('the table, search, a link’s tooltip, and the downloads (CSV, GeoJSON, JSON)', async () => {
    const watched = await open('?lang=zh-Hans');
    const { page } = watched;

    // The tooltip of the Laos link, hovered on the live map.
    const [place, partner] = [atlas.origins.find((o) => o.adcode === '530000')!, atlas.partners.find((p) => p.id === 'LAO')!];
    const at = await pointOnLink(page, LAOS_LINK, [(place.lon + partner.anchor![0]) / 2, (place.lat + partner.anchor![1]) / 2]);
    await page.mouse.move(at.x, at.y);
    const tooltip = page.locator('atlas-tooltip [role=tooltip]');
    await tooltip.waitFor();
    const tip = (await tooltip.textContent())!;
    expect(tip).toContain(HOSTILE_NAMES.yunnan.zh);
    expect(tip).toContain(HOSTILE_NAMES.laos.zh);
    await page.mouse.move(1, VIEWPORT.height - 1);
    await expectInert(watched);

    // The table: every quote as written, the names with their markup.
    await page.click('#ties > summary');
    const table = page.locator('atlas-table');
    await page.waitForFunction((n) => document.querySelector('atlas-table')?.shadowRoot?.querySelectorAll('.quote-text').length === n, quotes.length);
    expect((await table.locator('.quote-text').allTextContents()).sort()).toEqual([...quotes].sort());
    const tableText = await shadowText(table);
    for (const s of [HOSTILE_NAMES.laos.zh, HOSTILE_NAMES.site.zh, HOSTILE_NAMES.kunming.zh, FROM_TEXT.title]) expect(tableText).toContain(s);
    await page.click('#ties > summary');

    // Search: markup typed is a query, and the names found are shown as text.
    await page.click('#explore > summary');
    await page.locator('atlas-search').getByRole('combobox').fill('<img');
    await page.locator('atlas-search [role=option]').first().waitFor();
    const options = await page.locator('atlas-search [role=option]').allTextContents();
    expect(options.some((option) => option.includes(HOSTILE_NAMES.laos.zh))).toBe(true);
    await expectInert(watched);

    // The downloads of what the filters keep: the CSV neutralised, the JSON files the strings exactly.
    const button = (name: RegExp) => page.locator('atlas-downloads').getByRole('button', { name });
    const csv = safeCsv((await download(page, button(/^CSV/))).bytes);
    expect(csv).toHaveLength(quotes.length);
    const laos = csv.find((row) => row.partner_id === 'LAO')!;
    expect(laos).toMatchObject({ quote: `'${FROM_TEXT.hyperlink}`, partner_zh: HOSTILE_NAMES.laos.zh, partner_en: `'${HOSTILE_NAMES.laos.en}` });
    const asean = csv.find((row) => row.partner_id === 'ASEAN')!;
    expect(asean).toMatchObject({ quote: `'${FROM_TEXT.svg}`, site_zh: HOSTILE_NAMES.site.zh, site_en: `'${HOSTILE_NAMES.site.en}`, place_en: `'${HOSTILE_NAMES.kunming.en}` });
    expect(csv.map((row) => row.quote)).toEqual(expect.arrayContaining([`'${FROM_TEXT.script}`, `'${FROM_TEXT.at}`, FROM_TEXT.rtl, FROM_TEXT.entities, FROM_TEXT.zeroWidth]));

    const json = JSON.parse((await download(page, button(/^JSON/))).bytes.toString('utf8')) as Atlas;
    expect(json.documents.map((doc) => [doc.zh, doc.issuer.zh])).toEqual([[FROM_TEXT.title, FROM_TEXT.issuer]]);
    expect(json.links.flatMap((link) => link.evidence.map((evidence) => evidence.quote)).sort()).toEqual([...quotes].sort());
    expect(json.partners).toEqual(atlas.partners);
    expect(json.sites).toEqual(atlas.sites);
    expect(json.targets).toEqual(atlas.targets);

    const geo = JSON.parse((await download(page, button(/^GeoJSON/))).bytes.toString('utf8'));
    const feature = (id: string) => geo.features.find((f: { id: string }) => f.id === id).properties;
    expect(feature(LAOS_LINK)).toMatchObject({ partner_zh: HOSTILE_NAMES.laos.zh, partner_en: HOSTILE_NAMES.laos.en });
    expect(feature(ASEAN_LINK)).toMatchObject({ place_zh: HOSTILE_NAMES.kunming.zh, partner_en: HOSTILE_NAMES.asean.en });
    expect(feature(SITE_ID)).toMatchObject({ zh: HOSTILE_NAMES.site.zh, en: HOSTILE_NAMES.site.en });
    await expectInert(watched);
  });

  it('the matrix, and its CSV', async () => {
    const watched = await open('?lang=en&view=matrix');
    const { page } = watched;
    const matrix = page.locator('atlas-matrix');
    await page.waitForFunction(() => document.querySelector('atlas-matrix')?.shadowRoot?.querySelector('table'));
    const shown = await shadowText(matrix);
    for (const s of [HOSTILE_NAMES.laos.en, HOSTILE_NAMES.asean.en, HOSTILE_NAMES.group.en.trim(), HOSTILE_NAMES.yunnan.en, HOSTILE_NAMES.agriculture.en]) expect(shown).toContain(s);
    await expectInert(watched);

    const rows = safeCsv((await download(page, matrix.getByRole('button', { name: 'Download the matrix (CSV)' }))).bytes);
    const laos = rows.find((row) => row.partner_id === 'LAO')!;
    expect(laos).toMatchObject({ group_zh: `'${HOSTILE_NAMES.group.zh}`, group_en: `'${HOSTILE_NAMES.group.en}`, partner_zh: HOSTILE_NAMES.laos.zh, partner_en: `'${HOSTILE_NAMES.laos.en}` });
    expect(rows.find((row) => row.partner_id === 'ASEAN')).toMatchObject({ partner_zh: HOSTILE_NAMES.asean.zh, partner_en: `'${HOSTILE_NAMES.asean.en}` });
    await expectInert(watched);
  });

  it('the timeline', async () => {
    const watched = await open('?lang=zh-Hans&view=timeline');
    const { page } = watched;
    await page.waitForFunction(() => document.querySelector('atlas-timeline')?.shadowRoot?.querySelector('li h3'));
    const shown = await shadowText(page.locator('atlas-timeline'));
    for (const s of [FROM_TEXT.title, HOSTILE_NAMES.yunnan.zh, HOSTILE_NAMES.laos.zh]) expect(shown).toContain(s);
    await expectInert(watched);
  });

  it('the origin’s profile: documents, partners, sites and targets as text, and the targets’ CSV', async () => {
    // In Chinese: the targets' subjects are the text's own words (they have no English here).
    const watched = await open('?lang=zh-Hans&sel=origin:yunnan');
    const { page } = watched;
    await page.waitForFunction(() => document.querySelector('atlas-card')?.profile?.kind === 'origin');
    const profile = page.locator('atlas-profile');
    await profile.locator('svg').first().waitFor();
    const shown = await shadowText(profile);
    for (const s of [FROM_TEXT.title, FROM_TEXT.issuer, FROM_TEXT.targetScript, FROM_TEXT.targetAt, FROM_TEXT.targetMinus, HOSTILE_NAMES.laos.zh, HOSTILE_NAMES.site.zh]) {
      expect(shown).toContain(s);
    }
    await expectInert(watched);

    const rows = safeCsv((await download(page, profile.getByRole('button', { name: '下载目标(CSV)' }))).bytes);
    expect(rows.map((row) => row.subject_zh)).toEqual([FROM_TEXT.targetScript, `'${FROM_TEXT.targetAt}`, `'${FROM_TEXT.targetMinus}`]);
    expect(rows.map((row) => row.quote)).toEqual(atlas.targets.map((target) => (target.quote.startsWith('-') ? `'${target.quote}` : target.quote)));
    await expectInert(watched);
  });

  it(
    'the SVG and PNG pictures, with the document and the origin chosen, and the printed handout',
    async () => {
      // The chosen document's title (from the text) and the origin's name (set by the test) are
      // written into the picture's frame and legend.
      const watched = await open(`?lang=zh-Hans&origin=yunnan&doc=${HOSTILE_DOC}`);
      const { page } = watched;
      await page.click('#explore > summary');

      const svg = (await saveFigure(page, /^SVG/)).bytes.toString('utf8');
      const facts = await readSvg(page, svg);
      expect(facts.parserErrors).toEqual([]);
      expect(facts.foreign).toEqual([]);
      expect(facts.handlers).toEqual([]);
      expect(facts.texts).toContain(HOSTILE_NAMES.yunnan.zh);
      // XML 1.0 has no way to write a vertical tab: the picture leaves it out, and only it.
      expect(facts.texts.some((t) => t.includes(FROM_TEXT.title.replace('\u000B', '')))).toBe(true);
      expect(facts.title).toBe('科技合作地图 · 四地国际科技合作规划中的合作伙伴');
      await expectInert(watched);

      const sizes = await page.evaluate(() => document.querySelector('atlas-downloads')!.figureSizes!);
      expect(pngSize((await saveFigure(page, /^PNG 图片 1×/)).bytes)).toEqual(sizes[1]);
      await expectInert(watched);

      // The handout: its figure is written into the page (unsafeHTML of the figure's SVG).
      await page.emulateMedia({ media: 'print' });
      await page.waitForFunction(() => document.querySelector('atlas-print-sheet')?.shadowRoot?.querySelector('.figure svg text.title'), undefined, { timeout: 30_000 });
      const sheet = await page.locator('atlas-print-sheet').evaluate((element) => {
        const root = element.shadowRoot!;
        return {
          texts: [...root.querySelectorAll('.figure svg text')].map((t) => t.textContent ?? ''),
          ties: [...root.querySelectorAll('.ties li')].map((li) => li.textContent ?? ''),
          sources: [...root.querySelectorAll('.sources li')].map((li) => li.textContent ?? ''),
        };
      });
      expect(sheet.texts).toContain(HOSTILE_NAMES.yunnan.zh);
      expect(sheet.ties.some((tie) => tie.includes(HOSTILE_NAMES.laos.zh))).toBe(true);
      expect(sheet.sources.some((source) => source.includes(FROM_TEXT.title) && source.includes(FROM_TEXT.issuer))).toBe(true);
      await expectInert(watched);
      await page.emulateMedia({ media: 'screen' });
    },
    FIGURE_TIMEOUT * 2,
  );
});

describe('hostile text on the static SVG map (no WebGL)', () => {
  let noWebgl: Browser;
  beforeAll(async () => {
    noWebgl = await launchChromium({ webgl: false });
  });
  afterAll(() => noWebgl?.close());

  it(
    'writes the labels as text, shows the tooltip of a link as text, and makes a PNG of it',
    async () => {
      const watched = await open('?lang=en&origin=yunnan', noWebgl);
      const { page } = watched;
      expect(await page.evaluate(() => window.atlas.map)).toBeNull();
      const labels = await page.locator('#map svg.static-map text').allTextContents();
      expect(labels.some((label) => label.includes(HOSTILE_NAMES.yunnan.en))).toBe(true);
      await expectInert(watched);

      await page.locator(`#map g.link[data-link="${LAOS_LINK}"] path`).first().dispatchEvent('pointermove');
      const tooltip = page.locator('atlas-tooltip [role=tooltip]');
      await tooltip.waitFor();
      const tip = (await tooltip.textContent())!;
      expect(tip).toContain(HOSTILE_NAMES.yunnan.en);
      expect(tip).toContain(HOSTILE_NAMES.laos.en);
      await expectInert(watched);

      await page.click('#explore > summary');
      const sizes = await page.waitForFunction(() => document.querySelector('atlas-downloads')?.figureSizes ?? null);
      const { 1: one } = (await sizes.jsonValue()) as Record<1 | 2 | 4, { width: number; height: number }>;
      expect(pngSize((await saveFigure(page, /^PNG image 1×/)).bytes)).toEqual(one);
      await expectInert(watched);
    },
    FIGURE_TIMEOUT * 2,
  );
});
