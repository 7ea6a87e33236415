// The exploring components (filters, search, table, downloads, summary) on a fixture page in
// Debian's Chromium: they talk through their events, work from the keyboard, pass axe, fit a
// phone, and the table draws 10,000 rows a page at a time (the times each action took are written
// to test-results/explore-timings.json, for information: speed is the benchmark's to measure).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, ROOT, serve, type Served } from '../../src/cli/browser-harness.ts';

const RESULTS = join(ROOT, 'test-results');
let served: Served;
let browser: Browser;
const timings: Record<string, number> = {};

async function open(query = '', viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${served.url}${query}`);
  await page.waitForFunction(() => window.explore?.ready, undefined, { timeout: 30_000 });
  return { page, errors };
}

const lastEvent = (page: Page, type: string) =>
  page.evaluate((type) => window.explore.events.filter((e) => e.type === type).at(-1)?.detail ?? null, type);

/** The element with focus, looking inside shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? { tag: active.tagName.toLowerCase(), text: active.textContent?.trim().slice(0, 40) ?? '', pos: active.getAttribute('data-pos') } : null;
  });

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  served = await serve(inject('exploreDist'));
  browser = await launchChromium();
});

afterAll(async () => {
  writeFileSync(join(RESULTS, 'explore-timings.json'), `${JSON.stringify(timings, null, 1)}\n`);
  await browser?.close();
  await served?.close();
});

describe('the exploring components in Chromium', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await open());
  });

  it('filters by an origin, with counts given the other facets, and resets keeping focus', async () => {
    const panel = page.locator('atlas-filters');
    await expect(panel.getByRole('checkbox', { name: '沧州,16 项合作', exact: true }).count()).resolves.toBe(1);
    await panel.getByRole('checkbox', { name: /^沧州,/ }).check();
    expect(await lastEvent(page, 'filters-change')).toMatchObject({ origin: ['cangzhou'] });
    await expect(panel.locator('.summary').textContent()).resolves.toBe('显示 170 项合作中的 16 项');
    await expect(page.locator('atlas-table caption').textContent()).resolves.toContain('16 项合作');
    await expect(page.locator('atlas-summary [aria-live]').textContent()).resolves.toMatch(/16 项合作。$/);

    // Documents of the other origins keep nothing with Cangzhou chosen: shown, dimmed, said to be 0.
    await panel.getByRole('button', { name: '政策文件' }).click();
    const zero = panel.getByRole('checkbox', { name: '武汉市科技创新发展“十三五”规划 武汉 · 2019-05-10,0 项合作', exact: true });
    await expect(zero.count()).resolves.toBe(1);
    await expect(zero.getAttribute('aria-describedby')).resolves.toBe('zero-note');

    const reset = panel.getByRole('button', { name: '清除全部筛选' });
    await reset.focus();
    await page.keyboard.press('Enter');
    expect(await lastEvent(page, 'filters-change')).toEqual({ origin: [], field: [], mode: [], kind: [], group: [], doc: [], year: [] });
    await expect(reset.getAttribute('aria-disabled')).resolves.toBe('true');
    expect((await focused(page))?.text).toBe('清除全部筛选');
  });

  it('searches in Traditional and English, and picks with the keyboard', async () => {
    const input = page.getByRole('combobox');
    await input.fill('德國');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    const first = page.locator('atlas-search [role=option]').first();
    await expect(first.textContent()).resolves.toMatch(/德国\s*Germany\s*国家/);
    await input.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe('result-0');
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await input.press('Enter');
    expect(await lastEvent(page, 'search-pick')).toEqual({ kind: 'select', selection: { kind: 'country', iso3: 'DEU' } });
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    // The pick selected Germany: its rows are highlighted, with a marker and “selected”.
    const selected = page.locator('atlas-table tr.selected');
    await expect(selected.count()).resolves.toBeGreaterThan(0);
    for (const text of await selected.allTextContents()) expect(text).toContain('德国');
    await expect(selected.first().getAttribute('aria-current')).resolves.toBe('true');

    await input.fill('singapore');
    await expect(page.locator('atlas-search [role=option]').first().textContent()).resolves.toMatch(/新加坡/);
    await input.press('Escape');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await input.press('Escape');
    await expect(input.inputValue()).resolves.toBe('');
  });

  it('is reached with Tab, moved through with the arrow keys, and selects with Enter', async () => {
    await page.evaluate(() => window.explore.select(null));
    // Tab lands on the row in the tab order: the first row of the last selection (Germany's).
    await page.locator('atlas-table th.doc button').focus();
    await page.keyboard.press('Tab');
    const start = await focused(page);
    expect(start?.tag).toBe('tr');
    await expect(page.locator(`atlas-table tr[data-pos="${start!.pos}"]`).textContent()).resolves.toContain('德国');
    await page.keyboard.press('Home');
    expect(await focused(page)).toMatchObject({ tag: 'tr', pos: '0' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ tag: 'tr', pos: '2' });
    await page.keyboard.press('Enter');
    const picked = (await lastEvent(page, 'table-select')) as { kind: string; id: string };
    expect(picked.kind).toBe('link');
    expect(picked.id).toMatch(/^cangzhou:\d{6}:/);
    await expect(page.locator('atlas-table tr[data-pos="2"]').getAttribute('class')).resolves.toBe('selected');
    // Only the active row is in the tab order: Tab goes on to its buttons.
    await expect(page.locator('atlas-table tbody tr[tabindex="0"]').count()).resolves.toBe(1);
    await page.keyboard.press('Tab');
    expect((await focused(page))?.tag).toBe('button');
  });

  it('sorts by a column, both ways and back', async () => {
    const th = page.locator('atlas-table th.partner');
    await th.locator('button').click();
    await expect(th.getAttribute('aria-sort')).resolves.toBe('ascending');
    await th.locator('button').click();
    await expect(th.getAttribute('aria-sort')).resolves.toBe('descending');
    await th.locator('button').click();
    await expect(th.getAttribute('aria-sort')).resolves.toBeNull();
  });

  it('opens the source of a row', async () => {
    await page.locator('atlas-table tr[data-pos="0"] button[data-action="open"]').click();
    const detail = (await lastEvent(page, 'open-reader')) as { doc: string; start: number; end: number };
    expect(typeof detail.start).toBe('number');
    expect(detail.end).toBeGreaterThan(detail.start);
  });

  it('downloads the CSV of exactly the kept ties', async () => {
    await page.locator('atlas-filters').getByRole('checkbox', { name: /^云南,/ }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('atlas-downloads button').first().click()]);
    expect(download.suggestedFilename()).toMatch(/^cooperation-atlas-ties-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = csvParse(readFileSync((await download.path())!, 'utf8'));
    expect(rows.length).toBe(70);
    expect(new Set(rows.map((r) => r.origin))).toEqual(new Set(['yunnan']));
  });

  it('passes axe', async () => {
    await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
      return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.map((n) => (n as { target: unknown; any: { message: string }[] }).target).slice(0, 8))} ${(v.nodes[0] as { any: { message: string }[] }).any[0]?.message ?? ''}`);
    });
    expect(violations).toEqual([]);
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('the table with 10,000 rows', () => {
  it('draws, sorts, follows a selection and shows more, drawing a page of rows at a time', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => window.explore.setRows(0));
    timings.render10kFromEmpty = await page.evaluate(() => window.explore.setRows(10_000));
    await page.evaluate(() => window.explore.setRows(0));
    timings.render170FromEmpty = await page.evaluate(() => window.explore.setRows(170));
    timings.render10k = await page.evaluate(() => window.explore.setRows(10_000));
    const page1 = await page.evaluate(() => document.querySelector('atlas-table')!.pageSize);
    await expect(page.locator('atlas-table tbody tr').count()).resolves.toBe(page1);
    await expect(page.locator('atlas-table caption').textContent()).resolves.toContain('10,000 项合作');

    const time = (action: string) =>
      page.evaluate(async (action) => {
        const table = document.querySelector('atlas-table')!;
        const t0 = performance.now();
        (table.shadowRoot!.querySelector(action) as HTMLElement).click();
        await table.updateComplete;
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - t0;
      }, action);
    // A new order draws its first page only, whatever the number of rows.
    timings.sortPartner10k = await time('th.partner button');
    await expect(page.locator('atlas-table tbody tr').count()).resolves.toBe(page1);
    timings.sortPartnerDescending10k = await time('th.partner button');
    await expect(page.locator('atlas-table tbody tr').count()).resolves.toBe(page1);
    timings.unsort10k = await time('th.partner button');
    await expect(page.locator('atlas-table tbody tr').count()).resolves.toBe(page1);
    timings.showMore10k = await time('.more button');
    await expect(page.locator('atlas-table tbody tr').count()).resolves.toBe(2 * page1);
    timings.showMoreAgain10k = await time('.more button');
    await expect(page.locator('atlas-table tbody tr').count()).resolves.toBe(3 * page1);

    // Yunnan's last rows sit far down: the selection draws down to them and scrolls there.
    timings.selectFarRow10k = await page.evaluate(() => window.explore.select({ kind: 'origin', id: 'yunnan' }));
    timings.selectCountry10k = await page.evaluate(() => window.explore.select({ kind: 'country', iso3: 'USA' }));
    const firstSelected = page.locator('atlas-table tr.selected').first();
    await expect(firstSelected.isVisible()).resolves.toBe(true);

    // Arrowing past the last drawn row draws the next page.
    const shown = await page.locator('atlas-table tbody tr').count();
    await page.locator(`atlas-table tr[data-pos="${shown - 1}"]`).focus();
    await page.keyboard.press('ArrowDown');
    expect((await focused(page))?.pos).toBe(String(shown));
    // At least the next page: scrolled to the end, the table may already be drawing the one after.
    await expect(page.locator('atlas-table tbody tr').count()).resolves.toBeGreaterThanOrEqual(shown + page1);

    // Scrolling to the end of the drawn rows draws more, without a click.
    const before = await page.locator('atlas-table tbody tr').count();
    await page.locator('atlas-table .scroll').evaluate((box) => box.scrollTo({ top: box.scrollHeight }));
    await expect.poll(() => page.locator('atlas-table tbody tr').count()).toBeGreaterThan(before);

    timings.render10kAgain = await page.evaluate(() => window.explore.setRows(10_000));
    await expect(page.locator('atlas-table tbody tr').count()).resolves.toBe(page1);
    expect(errors).toEqual([]);
    timings.rowsDrawnAtEnd = await page.locator('atlas-table tbody tr').count();
    await page.close();
  });
});

describe('on a 360-pixel phone', () => {
  it('fits the filters, search and downloads without sideways scrolling', async () => {
    const { page, errors } = await open('', { width: 360, height: 740 });
    await page.locator('atlas-filters').getByRole('button', { name: '政策文件' }).click();
    const overflow = await page.evaluate(() =>
      ['atlas-filters', 'atlas-search', 'atlas-downloads'].map((tag) => {
        const el = document.querySelector(tag)!;
        return { tag, width: el.getBoundingClientRect().width, scroll: el.shadowRoot!.firstElementChild!.scrollWidth };
      }),
    );
    for (const { tag, width, scroll } of overflow) expect(scroll, tag).toBeLessThanOrEqual(Math.ceil(width));
    // The table scrolls sideways inside itself, the page does not.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
    const table = await page.evaluate(() => {
      const scroller = document.querySelector('atlas-table')!.shadowRoot!.querySelector('.scroll')!;
      return { client: scroller.clientWidth, scroll: scroller.scrollWidth };
    });
    expect(table.client).toBeLessThanOrEqual(360);
    expect(table.scroll).toBeGreaterThan(table.client);
    await page.screenshot({ path: join(RESULTS, 'explore-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
