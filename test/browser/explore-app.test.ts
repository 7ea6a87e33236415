// Exploring in the built app: filters change the map, the table and the counts together; a
// pasted link restores the view; bad parameters are dropped with a notice; the main views pass
// axe-core with no violations.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWatched, ROOT, startBuiltApp, waitForAtlas, type Served } from '../../src/cli/browser-harness.ts';
import { filterIndex, filterLinks, NO_FILTERS, tieCount } from '../../src/core/filters.ts';
import type { Atlas } from '../../src/core/types.ts';

const RESULTS = join(ROOT, 'test-results');
const atlas: Atlas = JSON.parse(readFileSync(join(ROOT, 'public/data/atlas.json'), 'utf8'));
const yunnan = filterLinks(filterIndex(atlas), { ...NO_FILTERS, origin: ['yunnan'] });
const axePath = createRequire(import.meta.url).resolve('axe-core');

let served: Served;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

async function open(query: string) {
  const watched = await openWatched(browser, { viewport: { width: 1280, height: 800 } });
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
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run());
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  ({ served, browser, close } = await startBuiltApp(join(RESULTS, 'explore-app-dist')));
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

  it('drops malformed or out-of-date parameters with a short notice, never a crash', async () => {
    const { page, errors } = await open('?origin=atlantis,wuhan&cam=1,2&sel=country:XXX&lang=fr&read=%E4%B8');
    await page.locator('#notices').waitFor({ state: 'visible' });
    const text = await page.locator('#notices').textContent();
    for (const param of ['origin=atlantis', 'cam=', 'sel=', 'lang=', 'read=']) expect(text).toContain(param);
    await expect.poll(() => page.evaluate(() => location.search)).toMatch(/^\?lang=[\w-]+&origin=wuhan$/);
    expect(errors).toEqual([]);
  });

  it('starts on every one of a set of random URLs without an uncaught error', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const junk = ['%', '%%', '&&&', '=', 'sel=link:', 'cam=NaN,NaN,NaN', 'read=004_5cbdcb84e36c06ba:0-999999', 'group=,,', 'lang=', 'proj=globe', 'doc=../../etc/passwd', '<b>'];
    for (let i = 0; i < 8; i++) {
      const query = Array.from({ length: 1 + Math.floor(random() * 4) }, () => junk[Math.floor(random() * junk.length)]).join('&');
      await page.goto(`${served.url}?${query}`);
      await page.waitForFunction(() => window.atlas.linksDrawn > 0 || window.atlas.error);
      expect(await page.evaluate(() => window.atlas.error), query).toBeNull();
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
