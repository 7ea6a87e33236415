// The three languages in the built app in Chromium: the URL's language wins, a choice made with
// the switch changes the whole page and the map's labels at once, lands in the URL and is
// remembered for the next visit; without either, the browser's language decides. The page's
// fonts cover the Traditional forms the labels use.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, ROOT, serve, waitForAtlas, type Served } from '../../src/cli/browser-harness.ts';

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serve(inject('appDist'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** What the page says in its own words, and what the map's labels show first. */
async function spoken(page: Page) {
  return page.evaluate(() => {
    const shadowText = (selector: string, inner: string) =>
      document.querySelector(selector)?.shadowRoot?.querySelector(inner)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const wuhan = document.querySelector('.atlas-label[data-key="seat:wuhan"]');
    return {
      lang: document.documentElement.lang,
      title: shadowText('atlas-header', 'h1'),
      legend: shadowText('atlas-legend', 'summary'),
      // Wuhan's label: its lines, the chosen language first.
      wuhan: [...(wuhan?.children ?? [])].map((line) => line.textContent),
      url: location.search,
    };
  });
}

/** A page in `context`. The contexts prefer reduced motion: the comets (atlas.test.ts) would only take the cores these tests need. */
async function openIn(context: BrowserContext, query = '', full = true): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${served.url}${query}`);
  if (full) expect((await waitForAtlas(page)).error).toBeNull();
  // The header shows, in the chosen language, before the map is drawn.
  else await page.waitForFunction(() => !document.querySelector('atlas-header')?.hidden);
  return { page, errors };
}

describe('the atlas in three languages', () => {
  it('speaks the URL’s language, switches with 简 / 繁 / EN, keeps the choice in the URL and remembers it', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const { page, errors } = await openIn(context, '?lang=en');
    let now = await spoken(page);
    expect(now.lang).toBe('en');
    expect(now.title).toContain('Cooperation Atlas');
    expect(now.legend).toBe('Legend');
    expect(now.wuhan).toEqual(['Wuhan', '武汉']);

    await page.getByRole('radio', { name: '繁體中文' }).check();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    now = await spoken(page);
    expect(now.title).toMatch(/^科技合作地圖/);
    expect(now.legend).toBe('圖例');
    expect(now.wuhan).toEqual(['武漢', 'Wuhan']);
    // The address follows the view a moment later (url-sync: one write per burst of changes).
    await expect.poll(async () => (await spoken(page)).url).toContain('lang=zh-Hant');
    expect(await page.getByRole('radio', { name: '繁體中文' }).isChecked()).toBe(true);
    await page.screenshot({ path: join(ROOT, 'test-results', 'atlas-zh-hant.png') });
    // Closed before the next visit opens: a page left open goes on drawing its map on the same cores.
    await page.close();

    // The next visit, with no language in the URL: the remembered choice.
    const again = await openIn(context);
    expect((await spoken(again.page)).lang).toBe('zh-Hant');
    await again.page.close();
    // The URL still wins over what is remembered.
    const simplified = await openIn(context, '?lang=zh-Hans');
    now = await spoken(simplified.page);
    expect(now.lang).toBe('zh-Hans');
    expect(now.title).toMatch(/^科技合作地图/);
    expect(now.wuhan).toEqual(['武汉', 'Wuhan']);
    expect([...errors, ...again.errors, ...simplified.errors]).toEqual([]);
    await context.close();
  });

  it('follows the browser’s languages when neither the URL nor a choice says', { timeout: 120_000 }, async () => {
    for (const [locale, lang] of [['en-US', 'en'], ['zh-TW', 'zh-Hant'], ['zh-CN', 'zh-Hans']] as const) {
      const context = await browser.newContext({ locale, reducedMotion: 'reduce' });
      const { page } = await openIn(context, '', false);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await context.close();
    }
  });

  it('registers label fonts that cover the Traditional forms', async () => {
    const context = await browser.newContext({ locale: 'zh-TW', reducedMotion: 'reduce' });
    // Once ready, every file is a face of the page: fetched for the first view, or left to the browser.
    const { page } = await openIn(context);
    const uncovered = await page.evaluate((text) => {
      const ranges = [...document.fonts]
        .filter((face) => face.family.replace(/"/g, '') === 'Noto Sans SC')
        .flatMap((face) => face.unicodeRange.split(','))
        .map((range) => range.trim().replace(/^U\+/i, '').split('-').map((hex) => parseInt(hex, 16)));
      return [...text].filter((char) => {
        const code = char.codePointAt(0)!;
        return !ranges.some(([start, end = start]) => code >= start && code <= end);
      });
    }, '科技合作地圖烏克蘭東盟山東省圖例繁體中文');
    expect(uncovered).toEqual([]);
    await context.close();
  });
});
