// The built page's Content Security Policy (src/build/content-security-policy.ts) holds it to what
// the build wrote: every view, every download and picture, the handout and the no-WebGL map run
// under it without one `securitypolicyviolation`, and what the policy forbids (an inline script,
// eval) is refused.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openWatched, serve, waitForAtlas, type Served, type WatchedPage } from '../../src/cli/browser-harness.ts';
import type { Atlas } from '../../src/core/types.ts';

const VIEWPORT = { width: 1280, height: 800 };
/** A picture through the live map takes seconds under software rendering. */
const FIGURE_TIMEOUT = 120_000;

let served: Served;
let browser: Browser;
let atlas: Atlas;

beforeAll(async () => {
  served = await serve(inject('appDist'));
  browser = await launchChromium();
  atlas = JSON.parse(readFileSync(join(inject('appDist'), 'data', 'atlas.json'), 'utf8')) as Atlas;
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

interface Policed extends WatchedPage {
  /** Every violation the page reported so far: directive, what was blocked, where. */
  violations(): Promise<string[]>;
}

/** A page that records every `securitypolicyviolation` from before its first script runs. */
async function policed(on: Browser, options: Parameters<Browser['newPage']>[0] = {}): Promise<Policed> {
  const watched = await openWatched(on, { viewport: VIEWPORT, locale: 'en-US', acceptDownloads: true, ...options });
  await watched.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`));
  });
  return { ...watched, violations: () => watched.page.evaluate(() => (window as unknown as { violations: string[] }).violations) };
}

const directives = (policy: string) => new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));

describe('the built page’s Content Security Policy', () => {
  it('is in the page before anything it governs: own origin only, no inline script, no eval, the one inline style by its hash', () => {
    const html = readFileSync(join(inject('appDist'), 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    // Right after the charset: before every script, style and link.
    expect(html.indexOf(meta![0])).toBeLessThan(html.search(/<(script|style|link)\b/));
    const policy = directives(meta![1]!);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(meta![1]).not.toMatch(/unsafe-|https?:|\*/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(policy.get('style-src')).toEqual(["'self'", `'sha256-${createHash('sha256').update(style).digest('base64')}'`]);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  it('refuses what it forbids: an inline script added to the page, and eval', async () => {
    const watched = await policed(browser);
    const { page } = watched;
    await page.goto(served.url);
    await waitForAtlas(page);
    const ran = await page.evaluate(
      () =>
        // From a task of the page's own: what the test harness evaluates is not held to the policy.
        new Promise<{ inline: boolean; evaluated: boolean }>((resolve) =>
          setTimeout(() => {
            const script = document.createElement('script');
            script.textContent = 'window.inlineRan = true';
            document.head.append(script);
            let evaluated = true;
            try {
              (0, eval)('1');
            } catch {
              evaluated = false;
            }
            resolve({ inline: (window as unknown as { inlineRan?: boolean }).inlineRan === true, evaluated });
          }),
        ),
    );
    expect(ran).toEqual({ inline: false, evaluated: false });
    await page.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length >= 2);
    const violations = await watched.violations();
    expect(violations.some((v) => v.startsWith('script-src-elem blocked inline'))).toBe(true);
    expect(violations.some((v) => v.startsWith('script-src blocked eval'))).toBe(true);
    await page.close();
  });
});

describe('no view asks for anything the policy refuses', () => {
  const evidence = () => atlas.links.find((link) => link.origin === 'yunnan')!.evidence[0]!;
  const views: [string, () => string][] = [
    ['the map, in Chinese', () => '?lang=zh-Hans'],
    ['繁體', () => '?lang=zh-Hant'],
    ['an origin’s card and profile', () => '?lang=en&sel=origin:wuhan'],
    ['a partner’s card', () => '?lang=en&sel=partner:LAO'],
    ['the reader on a passage', () => `?lang=en&read=${evidence().doc}:${evidence().start}-${evidence().end}`],
    ['the matrix', () => '?lang=en&view=matrix'],
    ['the timeline, as of 2019', () => '?lang=en&view=timeline&year=2019'],
    ['presentation mode', () => '?lang=en&mode=present'],
    ['the kiosk', () => '?lang=en&mode=kiosk'],
  ];

  it.each(views)('%s', async (_, query) => {
    const watched = await policed(browser);
    await watched.page.goto(`${served.url}${query()}`);
    const status = await waitForAtlas(watched.page);
    expect(status.error).toBeNull();
    // What a passage or a card loads after the first picture (the text, the full font) is in too.
    if (query().includes('read=')) await watched.page.locator('atlas-reader mark').first().waitFor();
    if (query().includes('sel=')) await watched.page.locator('atlas-card h2').waitFor();
    await watched.page.evaluate(() => document.fonts.ready);
    expect(await watched.violations()).toEqual([]);
    expect(watched.errors).toEqual([]);
    await watched.page.close();
  });

  it('the explorer: filters, search, table, a tooltip, the downloads, the pictures and the handout', { timeout: 4 * FIGURE_TIMEOUT }, async () => {
    const watched = await policed(browser);
    const { page } = watched;
    await page.goto(`${served.url}?lang=en`);
    await waitForAtlas(page);
    // A tooltip: the pointer on Yunnan's seat, before the drawers cover the map's left.
    const yunnan = atlas.origins.find((origin) => origin.id === 'yunnan')!;
    const at = await page.evaluate(([lon, lat]) => window.atlas.map!.project([lon!, lat!]), [yunnan.lon, yunnan.lat]);
    await page.mouse.move(at.x, at.y);
    await page.locator('atlas-tooltip [role=tooltip]').waitFor();
    await page.mouse.move(1, VIEWPORT.height - 1);
    await page.click('#explore > summary');
    await page.locator('atlas-filters').getByRole('checkbox', { name: /Yunnan/ }).check();
    await page.locator('atlas-search').getByRole('combobox').fill('Laos');
    await page.click('#ties > summary');
    await page.waitForFunction(() => (document.querySelector('atlas-table')?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) > 0);

    const downloads = page.locator('atlas-downloads');
    for (const name of [/^CSV table/, /^GeoJSON map data/, /^JSON dataset/, /^SVG vector map/, /^PNG image 1×/]) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: FIGURE_TIMEOUT }), downloads.getByRole('button', { name }).click()]);
      expect(await download.failure(), String(name)).toBeNull();
    }
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => document.querySelector('atlas-print-sheet')?.shadowRoot?.querySelector('.figure svg'), undefined, { timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready);
    expect(await watched.violations()).toEqual([]);
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it('the SVG map, where the browser has no WebGL', async () => {
    const noWebgl = await launchChromium({ webgl: false });
    try {
      const watched = await policed(noWebgl);
      const page: Page = watched.page;
      await page.goto(`${served.url}?lang=en`);
      expect((await waitForAtlas(page)).error).toBeNull();
      await page.waitForFunction(() => document.querySelector('#map svg'));
      await page.getByRole('button', { name: 'Zoom in' }).click();
      expect(await watched.violations()).toEqual([]);
    } finally {
      await noWebgl.close();
    }
  });
});
