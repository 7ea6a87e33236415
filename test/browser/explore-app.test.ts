// Exploring in the built app: filters change the map, the table and the counts together; a
// pasted link restores the view; bad parameters are dropped with a notice; the main views pass
// axe-core with no violations.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { injectAxe, openWatched, ROOT, startApp, waitForAtlas, type Served } from '../../src/cli/browser-harness.ts';
import { filterIndex, filterLinks, NO_FILTERS, tieCount } from '../../src/core/filters.ts';
import type { Atlas } from '../../src/core/types.ts';

const RESULTS = join(ROOT, 'test-results');
const atlas: Atlas = JSON.parse(readFileSync(join(ROOT, 'public/data/atlas.json'), 'utf8'));
const yunnan = filterLinks(filterIndex(atlas), { ...NO_FILTERS, origin: ['yunnan'] });

let served: Served;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

/**
 * A page of the app, closed when the test ends: an open page's map and comets would go on drawing,
 * on the cores the next test needs. Its reader prefers reduced motion, so that the comets (tested
 * in atlas.test.ts) keep still and leave the cores to what these tests do.
 */
async function open(query: string, locale?: string) {
  const watched = await openWatched(browser, { viewport: { width: 1280, height: 800 }, locale, reducedMotion: 'reduce' });
  onTestFinished(() => watched.page.close());
  await watched.page.goto(`${served.url}${query}`);
  await waitForAtlas(watched.page);
  return watched;
}

/** Distinct links the map renders now, once it is idle, less those the filters hide (feature state). */
const linksOnMap = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const map = window.atlas.map!;
        const count = () =>
          new Set(map.queryRenderedFeatures({ layers: ['links'] }).filter((f) => !f.state.hidden).map((f) => f.properties.id)).size;
        if (map.loaded() && !map.isMoving()) map.once('idle', () => resolve(count()));
        else map.once('idle', () => resolve(count()));
        map.triggerRepaint();
      }),
  );

const tableRowCount = (page: Page) => page.locator('atlas-table').evaluate((t) => t.shadowRoot!.querySelectorAll('tbody tr').length);

async function axeViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run());
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  ({ served, browser, close } = await startApp(inject('appDist')));
});

afterAll(() => close?.());

describe('exploring the atlas', () => {
  it('a filter changes the map, the table and the counts together, and goes into the URL', async () => {
    const { page, errors } = await open('');
    await page.click('#explore > summary');
    await page.click('#ties > summary');
    await page.locator('atlas-filters').getByRole('checkbox', { name: /云南|Yunnan/ }).check();
    await page.waitForFunction(() => location.search.includes('origin=yunnan'));
    expect(await linksOnMap(page)).toBe(yunnan.length);
    const pageSize = await page.evaluate(() => document.querySelector('atlas-table')!.pageSize);
    await expect.poll(() => tableRowCount(page)).toBe(Math.min(pageSize, tieCount(yunnan)));
    const summary = await page.locator('atlas-filters').evaluate((f) => f.shadowRoot!.textContent ?? '');
    expect(summary).toContain(String(tieCount(yunnan)));
    expect(errors).toEqual([]);
  });

  it('a pasted link restores the same view: filters, selection, language and camera', async () => {
    const query = '?lang=en&origin=shandong&sel=country:ISR&cam=100,30,2.5';
    const { page, errors } = await open(query);
    await page.waitForFunction(() => window.atlas.ready);
    expect(await page.evaluate(() => location.search)).toBe(query);
    const center = await page.evaluate(() => window.atlas.map!.getCenter().toArray());
    expect(center[0]).toBeCloseTo(100, 3);
    expect(center[1]).toBeCloseTo(30, 3);
    expect(await page.evaluate(() => window.atlas.map!.getZoom())).toBeCloseTo(2.5, 3);
    await expect.poll(() => page.locator('atlas-card').evaluate((c) => c.shadowRoot!.textContent ?? '')).toContain('Israel');
    const shandong = filterLinks(filterIndex(atlas), { ...NO_FILTERS, origin: ['shandong'] });
    expect(await linksOnMap(page)).toBe(shandong.length);
    expect(errors).toEqual([]);
  });

  it('a pasted link to a passage opens the reader on it, in the script asked for, with its region filter', async () => {
    const israel = atlas.links.find((link) => link.partner === 'ISR' && link.origin === 'shandong')!;
    const { doc, start, end, quote } = israel.evidence[0]!;
    const group = atlas.groups.find((g) => g.id === 'central-west-asia')!;
    const query = `?lang=en&group=${group.id}&sel=country:ISR&read=${doc}:${start}-${end}&script=zh-Hans`;
    const { page, errors } = await open(query);
    const dialog = page.locator('atlas-reader dialog[open]');
    await dialog.waitFor();
    // The passage is marked, converted to Simplified as asked (the Shandong text is Traditional).
    const marked = await dialog.locator('mark').allTextContents();
    expect(marked.join('')).not.toBe(quote);
    expect(marked.join('').length).toBe(quote.length);
    expect(await dialog.getByRole('radio', { name: 'Simplified' }).isChecked()).toBe(true);
    expect(await page.locator('#notices').isHidden()).toBe(true);
    // Once the address has caught up with the view, it is still the link as pasted.
    await page.waitForFunction(() => window.atlas.addressSettled);
    expect(await page.evaluate(() => location.search)).toBe(query);
    await page.keyboard.press('Escape');
    await page.click('#explore > summary');
    expect(await page.locator('atlas-filters').getByRole('checkbox', { name: new RegExp(group.en) }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('search finds a bloc member and a Taiwan spelling, selects it and flies there, zooming out if need be', async () => {
    const { page, errors } = await open('?lang=zh-Hant&cam=116,40,7');
    await page.click('#explore > summary');
    // Its entries are made as the box is first focused, not as the page loads.
    const entries = () => page.evaluate(() => document.querySelector('atlas-search')!.entries.length);
    expect(await entries()).toBe(0);
    const box = page.locator('atlas-search').getByRole('combobox');
    await box.focus();
    expect(await entries()).toBeGreaterThan(100);
    const pick = async (query: string) => {
      await box.fill(query);
      await page.locator('atlas-search').getByRole('option').first().waitFor();
      await box.press('Enter');
      await page.waitForFunction(() => !window.atlas.map!.isMoving());
    };
    const camera = () => page.evaluate(() => ({ centre: window.atlas.map!.getCenter().toArray(), zoom: window.atlas.map!.getZoom() }));

    // Poland is named only as a member of the 16+1: a country of its own in search.
    await pick('波蘭');
    const poland = atlas.countries.find((c) => c.iso3 === 'POL')!;
    const there = await camera();
    expect(there.centre[0]).toBeCloseTo(poland.anchor[0], 1);
    expect(there.centre[1]).toBeCloseTo(poland.anchor[1], 1);
    expect(there.zoom).toBeCloseTo(3, 1);
    await expect.poll(() => page.evaluate(() => location.search)).toContain('sel=country:POL');

    // 東協: the Shandong text's own word for ASEAN, which OpenCC does not give.
    await pick('東協');
    await expect.poll(() => page.evaluate(() => location.search)).toContain('sel=partner:ASEAN');
    expect(errors).toEqual([]);
  });

  it('shows the selection’s first row when the table opens after the selection was made', async () => {
    // Yunnan's rows come last in the table's order: far below the first screen of it.
    const { page, errors } = await open('?sel=origin:yunnan');
    await page.click('#ties > summary');
    await expect
      .poll(() =>
        page.locator('atlas-table').evaluate((table) => {
          const box = table.shadowRoot!.querySelector('.scroll')!.getBoundingClientRect();
          const row = table.shadowRoot!.querySelector('tr.selected');
          if (!row) return 'no selected row';
          const at = row.getBoundingClientRect();
          return at.top >= box.top && at.bottom <= box.bottom ? 'in view' : `at ${Math.round(at.top - box.top)} px of ${Math.round(box.height)}`;
        }),
      )
      .toBe('in view');
    expect(await page.locator('atlas-table').evaluate((table) => table.shadowRoot!.querySelector('.scroll')!.scrollTop)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('lays the two drawers side by side on a wide screen, the table in one scroll box; one at a time on a narrow one', async () => {
    const { page, errors } = await open('');
    await page.click('#explore > summary');
    await page.click('#ties > summary');
    const layout = () =>
      page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        const [explore, ties] = [box('#explore'), box('#ties')];
        const drawer = document.querySelector<HTMLElement>('#ties .drawer')!;
        return {
          open: [...document.querySelectorAll<HTMLDetailsElement>('#explore, #ties')].filter((d) => d.open).map((d) => d.id),
          overlap: explore.right > ties.left && ties.right > explore.left && explore.bottom > ties.top && ties.bottom > explore.top,
          drawerScrolls: drawer.scrollHeight > drawer.clientHeight + 1,
        };
      });
    expect(await layout()).toEqual({ open: ['explore', 'ties'], overlap: false, drawerScrolls: false });
    // Narrowed with both open, one closes; from then on, opening one closes the other.
    await page.setViewportSize({ width: 600, height: 800 });
    await expect.poll(async () => (await layout()).open).toEqual(['explore']);
    await page.click('#ties > summary');
    await expect.poll(async () => (await layout()).open).toEqual(['ties']);
    expect(errors).toEqual([]);
  });

  it('drops malformed or out-of-date parameters with a notice saying why in the page’s language, and again in the next', async () => {
    // A Chinese browser: `lang=fr` is dropped, and the page speaks Simplified Chinese.
    const { page, errors } = await open('?origin=atlantis,wuhan&cam=0,95,3&sel=country:XXX&lang=fr&read=%E4%B8&script=bogus', 'zh-CN');
    await page.locator('#notices').waitFor({ state: 'visible' });
    const items = () => page.locator('#notices li').allTextContents();
    expect(await items()).toEqual([
      expect.stringMatching(/^lang=fr:.*简体中文.*英文/),
      expect.stringMatching(/^origin=atlantis:.*规划来源地/),
      expect.stringMatching(/^sel=country:XXX:.*国家 XXX/),
      expect.stringMatching(/^cam=0,95,3:纬度 95 超出范围/),
      expect.stringMatching(/^read=.*:应写作/),
      expect.stringMatching(/^script=bogus:应为 original/),
    ]);
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?lang=zh-Hans&origin=wuhan');

    await page.locator('atlas-header').getByRole('radio', { name: 'English' }).check();
    await expect.poll(items).toEqual([
      expect.stringMatching(/^lang=fr: the atlas speaks/),
      expect.stringMatching(/^origin=atlantis: not an origin in the atlas$/),
      expect.stringMatching(/^sel=country:XXX: no country XXX in the atlas$/),
      expect.stringMatching(/^cam=0,95,3: lat 95 is out of range/),
      expect.stringMatching(/^read=.*: expected doc or doc:start-end$/),
      expect.stringMatching(/^script=bogus: expected original, zh-Hans or zh-Hant$/),
    ]);
    expect(await page.locator('#notices p').textContent()).toMatch(/^Some link parameters/);
    expect(errors).toEqual([]);
  });

  it('starts on every one of a set of random URLs without an uncaught error', async () => {
    // With the comets moving (the other pages here prefer reduced motion): their start must survive any URL too.
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    onTestFinished(() => page.close());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const junk = ['%', '%%', '&&&', '=', 'sel=link:', 'cam=NaN,NaN,NaN', 'read=004_5cbdcb84e36c06ba:0-999999', 'group=,,', 'lang=', 'proj=globe', 'doc=../../etc/passwd', '<b>'];
    for (let i = 0; i < 8; i++) {
      const query = Array.from({ length: 1 + Math.floor(random() * 4) }, () => junk[Math.floor(random() * junk.length)]).join('&');
      await page.goto(`${served.url}?${query}`);
      expect((await waitForAtlas(page)).error, query).toBeNull();
    }
    expect(errors).toEqual([]);
  }, 120_000);

  it('axe-core finds no violations on the map, the explore panel, the table, a card and the reader', async () => {
    const { page } = await open('?sel=country:ISR');
    await page.waitForFunction(() => window.atlas.ready);
    const views: Record<string, string[]> = {};
    views.card = await axeViolations(page);
    await page.click('#explore > summary');
    await page.click('#ties > summary');
    views.explore = await axeViolations(page);
    await page.locator('atlas-table').getByRole('button', { name: /查看原文|Read in source/ }).first().click();
    await page.locator('atlas-reader').locator('dialog[open]').waitFor();
    views.reader = await axeViolations(page);
    expect(views).toEqual({ card: [], explore: [], reader: [] });
  }, 120_000);
});
