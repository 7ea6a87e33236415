// The map's labels and sites' markers in the built app in Chromium: HTML over the map's canvas
// (map/label-overlay.ts). Labels placed so that none covers another as the browser draws them,
// moving with the map, hiding what the filters hide without giving up their place; markers where
// their sites are, fading for another selection; both letting the pointer through to the map.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { ROOT, startApp, waitForAtlas, type RunningApp } from '../../src/cli/browser-harness.ts';
import type { Atlas } from '../../src/core/types.ts';

const atlas: Atlas = JSON.parse(readFileSync(join(ROOT, 'public/data/atlas.json'), 'utf8'));
let app: RunningApp;

beforeAll(async () => {
  app = await startApp(inject('appDist'));
});

afterAll(() => app?.close());

interface ShownLabel {
  key: string;
  lines: string[];
  visible: boolean;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Opens the atlas at `query` and waits until its labels are shown. */
async function openAtlas(query: string): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US', reducedMotion: 'reduce' });
  onTestFinished(() => page.close());
  await page.goto(`${app.served.url}${query}`);
  expect((await waitForAtlas(page)).error).toBeNull();
  await page.waitForFunction(() => document.querySelector('.atlas-labels:not([hidden]) .atlas-label') !== null);
  return page;
}

/** Every label element: its key, its lines, whether it shows, and its box on the page. */
function labelsOn(page: Page): Promise<ShownLabel[]> {
  return page.$$eval('.atlas-label', (elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return {
        key: (element as HTMLElement).dataset.key!,
        lines: [...element.children].map((line) => line.textContent ?? ''),
        visible: getComputedStyle(element).visibility === 'visible',
        left: box.left,
        top: box.top,
        right: box.right,
        bottom: box.bottom,
      };
    }),
  );
}

describe('the map’s labels', () => {
  it('are HTML over the map in the reader’s language, none over another, and the pointer goes through them', { timeout: 120_000 }, async () => {
    const page = await openAtlas('?lang=en');
    // Once their font files are in, the labels are measured and placed again in the font they show in.
    await page.evaluate(() => document.fonts.ready);
    const labels = (await labelsOn(page)).filter((label) => label.visible);
    const names = new Map(labels.map((label) => [label.key, label.lines]));
    for (const origin of atlas.origins) expect(names.get(`seat:${origin.id}`), origin.id).toEqual([origin.en, origin.zh]);
    expect(labels.length).toBeGreaterThan(10);
    // Half a pixel for rounding: the boxes are where the browser drew the text, not where the placement guessed it.
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) {
        const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
        expect(apart, `${a.key} ${JSON.stringify(a)} and ${b.key} ${JSON.stringify(b)}`).toBe(true);
      }
    }
    const layer = await page.$eval('.atlas-labels', (element) => ({ hidden: element.getAttribute('aria-hidden'), pointer: getComputedStyle(element).pointerEvents }));
    expect(layer).toEqual({ hidden: 'true', pointer: 'none' });
    // MapLibre draws no text of its own: no symbol layer has a text field.
    const textLayers = await page.evaluate(() => window.atlas.map!.getStyle().layers.filter((layer) => layer.layout && 'text-field' in layer.layout).length);
    expect(textLayers).toBe(0);

    // What lies under a name is the map's: a country's name sits on the country, which takes the click.
    const country = labels.find((label) => label.key.startsWith('country:'))!;
    const under = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.className, [(country.left + country.right) / 2, (country.top + country.bottom) / 2]);
    expect(under).toContain('maplibregl-canvas');
  });

  it('move with the map, and leave unseen what the filters hide, in its place', { timeout: 120_000 }, async () => {
    const page = await openAtlas('?lang=en');
    const wuhan = atlas.origins.find((origin) => origin.id === 'wuhan')!;
    const where = async () => {
      const label = (await labelsOn(page)).find((l) => l.key === 'seat:wuhan')!;
      const point = await page.evaluate(([lon, lat]) => window.atlas.map!.project([lon, lat]), [wuhan.lon, wuhan.lat]);
      return { label, point };
    };
    const before = await where();
    expect(before.label.visible).toBe(true);
    // Moved by a few degrees: the name moves as far as the city does, in the frame the map draws.
    await page.evaluate(() => {
      const map = window.atlas.map!;
      const { lng, lat } = map.getCenter();
      map.jumpTo({ center: [lng + 6, lat - 3] });
    });
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
    const after = await where();
    expect(after.point.x - before.point.x).not.toBeCloseTo(0, 0);
    expect(after.label.left - before.label.left).toBeCloseTo(after.point.x - before.point.x, 0);
    expect(after.label.top - before.label.top).toBeCloseTo(after.point.y - before.point.y, 0);

    // Yunnan's plan alone, chosen in the filters: the blocs it has no tie with are not named, and
    // every label keeps its place.
    const all = await labelsOn(page);
    await page.click('#explore > summary');
    await page.locator('atlas-filters').getByRole('checkbox', { name: /Yunnan/ }).check();
    await expect.poll(() => page.evaluate(() => location.search)).toContain('origin=yunnan');
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
    const yunnan = new Set(atlas.links.filter((link) => link.origin === 'yunnan').map((link) => link.partner));
    const filtered = await labelsOn(page);
    const box = (label: ShownLabel) => [label.key, Math.round(label.left), Math.round(label.top)];
    expect(filtered.map(box)).toEqual(all.map(box));
    const hiddenHubs = filtered.filter((label) => label.key.startsWith('hub:') && !yunnan.has(label.key.slice(4)));
    expect(hiddenHubs.length).toBeGreaterThan(0);
    for (const label of hiddenHubs) expect(label.visible, label.key).toBe(false);
    expect(filtered.some((label) => label.key.startsWith('hub:') && yunnan.has(label.key.slice(4)) && label.visible)).toBe(true);
    expect(filtered.find((label) => label.key === 'seat:yunnan')?.visible).toBe(true);
  });

  it('draw each site as a diamond at its place, which the pointer selects through the map, and fade it for another selection', { timeout: 120_000 }, async () => {
    // Kunming, where Yunnan's plan places its sites: at zoom 6 they are apart from the other origins'.
    const page = await openAtlas('?lang=en&cam=102.7,25.04,6');
    await page.waitForFunction(() => document.querySelectorAll('.atlas-site').length > 0);
    const markers = () =>
      page.$$eval('.atlas-site', (elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          const style = getComputedStyle(element);
          return { id: (element as SVGElement).dataset.site!, x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2, visible: style.visibility === 'visible', opacity: style.opacity };
        }),
      );
    const shown = (await markers()).filter((marker) => marker.visible);
    const yunnan = atlas.sites.filter((site) => site.origin === 'yunnan');
    expect(shown.filter((marker) => yunnan.some((site) => site.id === marker.id)).length).toBe(yunnan.length);
    // Each marker's centre is its site's point on the map, to the pixel.
    for (const marker of shown) {
      const site = atlas.sites.find((s) => s.id === marker.id)!;
      const point = await page.evaluate(([lon, lat]) => window.atlas.map!.project([lon, lat]), [site.lon, site.lat]);
      expect(Math.abs(marker.x - point.x), marker.id).toBeLessThan(1);
      expect(Math.abs(marker.y - point.y), marker.id).toBeLessThan(1);
    }
    // MapLibre draws no icon: the diamonds are the page's, and the pointer goes through them to the map.
    expect(await page.evaluate(() => window.atlas.map!.getStyle().layers.filter((layer) => layer.type === 'symbol').length)).toBe(0);
    const target = shown.find((marker) => yunnan.some((site) => site.id === marker.id))!;
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.className, [target.x, target.y])).toContain('maplibregl-canvas');

    // A click on a diamond selects a site there (several share Kunming's point); every other site fades.
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('sel'))).toMatch(/^site:/);
    const selected = (await page.evaluate(() => new URLSearchParams(location.search).get('sel')))!.slice('site:'.length);
    expect(yunnan.filter((site) => site.lon === atlas.sites.find((s) => s.id === target.id)!.lon).map((site) => site.id)).toContain(selected);
    await expect.poll(async () => (await markers()).filter((marker) => marker.visible && marker.id !== selected).every((marker) => marker.opacity === '0.35')).toBe(true);
    expect((await markers()).find((marker) => marker.id === selected)?.opacity).toBe('1');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await markers()).every((marker) => marker.opacity === '1')).toBe(true);
  });
});
