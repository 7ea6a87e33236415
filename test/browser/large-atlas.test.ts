// An atlas of 10,000 links (the bench's synthetic dataset, served by a copy of the built app): at
// world scale the map draws one bundle per origin and partner, not the links; hovering a bundle
// names its partner, a click opens the partner's card, cut to its first rows with a button for
// the rest; from zoom 5 the links themselves are drawn; the legend's shading stays within its box.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openWatched, serveCopy, waitForAtlas, type Served } from '../../src/cli/browser-harness.ts';
import { syntheticAtlas } from '../../src/cli/filter-bench.ts';
import { BUNDLE_ZOOM } from '../../src/core/bundles.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import type { Atlas } from '../../src/core/types.ts';
import { CARD_LIST_LIMIT } from '../../src/core/cards.ts';

let served: Served;
let browser: Browser;
let atlas: Atlas;

beforeAll(async () => {
  const parsed = parseAtlas(readFileSync(join(inject('appDist'), 'data', 'atlas.json'), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  atlas = syntheticAtlas(parsed.atlas, 10_000);
  served = await serveCopy(inject('appDist'), (dir) => writeFileSync(join(dir, 'data', 'atlas.json'), JSON.stringify(atlas)));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** The rendered features of a layer, by their ids, as MapLibre has them on screen now. */
const rendered = (page: Page, layer: string) =>
  page.evaluate((id) => {
    const map = window.atlas.map!;
    return map.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).map((feature) => String(feature.properties.id)) : [];
  }, layer);

/** A point on a rendered bundle to `partner` with nothing else under it: the middle vertex of its arc on screen. */
const pointOnBundle = (page: Page) =>
  page.evaluate(() => {
    const map = window.atlas.map!;
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    for (const feature of map.queryRenderedFeatures({ layers: ['bundles'] })) {
      if (feature.geometry.type !== 'LineString') continue;
      const coordinates = feature.geometry.coordinates;
      const { x, y } = map.project(coordinates[Math.floor(coordinates.length / 2)] as [number, number]);
      if (x < width * 0.35 || x > width * 0.9 || y < height * 0.2 || y > height * 0.8) continue;
      const near = map.queryRenderedFeatures([[x - 6, y - 6], [x + 6, y + 6]], { layers: ['bundles', 'markers', 'sites'].filter((id) => map.getLayer(id)) });
      if (near.every((other) => other.layer.id === 'bundles' && other.properties.id === feature.properties.id)) {
        return { x, y, id: String(feature.properties.id) };
      }
    }
    return null;
  });

describe('an atlas of 10,000 links', () => {
  it('is drawn in bundles at world scale, one per origin and partner, and its links from zoom 5', async () => {
    const { page, errors } = await openWatched(browser, { viewport: { width: 1280, height: 800 }, locale: 'en-US', reducedMotion: 'reduce' });
    await page.goto(`${served.url}?lang=en`);
    const status = await waitForAtlas(page, 120_000);
    expect(status.error).toBeNull();
    // Every link is shown, through the bundles that hold it.
    expect(status.linksDrawn).toBe(atlas.links.length);
    expect(await page.evaluate(() => window.atlas.map!.getZoom())).toBeLessThan(BUNDLE_ZOOM);
    const bundles = new Set(await rendered(page, 'bundles'));
    const pairs = new Set(atlas.links.map((link) => `${link.origin}>${link.partner}`));
    expect(bundles.size).toBeGreaterThan(0);
    expect([...bundles].filter((id) => !pairs.has(id))).toEqual([]);
    expect(await rendered(page, 'links')).toEqual([]);

    // Closer in, the links themselves (their arcs reach MapLibre once the first picture is drawn).
    const yunnan = atlas.origins.find((origin) => origin.id === 'yunnan')!;
    await page.evaluate(
      ([lon, lat, zoom]) => new Promise((resolve) => (window.atlas.map!.once('idle', resolve), window.atlas.map!.jumpTo({ center: [lon!, lat!], zoom: zoom! }))),
      [yunnan.lon, yunnan.lat, BUNDLE_ZOOM + 0.5],
    );
    const links = await rendered(page, 'links');
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((id) => id.includes(':'))).toBe(true);
    expect(await rendered(page, 'bundles')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
    // As long as the atlas may take to be ready (waitForAtlas above): this test took 49 to 55 s
    // on this machine, close to the default 60 s.
  }, 120_000);

  it('names a bundle’s partner on hover, and opens its card, cut to its first rows until asked', async () => {
    const { page, errors } = await openWatched(browser, { viewport: { width: 1280, height: 800 }, locale: 'en-US', reducedMotion: 'reduce' });
    await page.goto(`${served.url}?lang=en`);
    await waitForAtlas(page, 120_000);
    const point = await pointOnBundle(page);
    expect(point, 'a bundle clear of markers in the middle of the map').not.toBeNull();
    const partner = atlas.partners.find((p) => p.id === point!.id.split('>')[1])!;
    await page.mouse.move(point!.x, point!.y);
    const tooltip = page.locator('atlas-tooltip [role=tooltip]');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(partner.en);
    // Every bundle to the partner lights up, from each origin, and no other.
    const lit = await page.evaluate((id) => {
      const bundles = window.atlas.map!.queryRenderedFeatures({ layers: ['bundles'] });
      const mine = bundles.filter((feature) => String(feature.properties.id).endsWith(`>${id}`));
      return { mine: mine.length, lit: mine.filter((feature) => feature.state.hover).length, others: bundles.filter((feature) => feature.state.hover && !mine.includes(feature)).length };
    }, partner.id);
    expect(lit.mine).toBeGreaterThan(0);
    expect(lit.lit).toBe(lit.mine);
    expect(lit.others).toBe(0);

    // Every tile of the lines and points that MapLibre lays out again from here on.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { laidOut: string[] }).laidOut = []);
      window.atlas.map!.on('sourcedata', (event) => {
        if (event.tile && (event.sourceId === 'lines' || event.sourceId === 'points')) seen.push(event.sourceId);
      });
    });
    await page.mouse.click(point!.x, point!.y);
    await page.waitForFunction((id) => new URLSearchParams(location.search).get('sel') === `partner:${id}`, partner.id);
    const card = page.locator('atlas-card');
    await card.locator('h2').waitFor();
    expect(await card.locator('h2').textContent()).toContain(partner.en);
    // The partner's bundles stand out and the rest fade, through feature state alone: no tile is
    // laid out again (a whole second's work at this size).
    const shown = await page.evaluate(
      (id) =>
        new Promise<{ related: number; faded: number; other: number; laidOut: string[] }>((resolve) => {
          const map = window.atlas.map!;
          const count = () => {
            const bundles = map.queryRenderedFeatures({ layers: ['bundles'] });
            const mine = bundles.filter((feature) => String(feature.properties.id).endsWith(`>${id}`));
            const rest = bundles.filter((feature) => !String(feature.properties.id).endsWith(`>${id}`));
            resolve({
              related: mine.filter((feature) => feature.state.related).length,
              faded: rest.filter((feature) => feature.state.faded).length,
              other: rest.length,
              laidOut: (window as unknown as { laidOut: string[] }).laidOut,
            });
          };
          if (map.loaded()) count();
          else map.once('idle', count);
        }),
      partner.id,
    );
    expect(shown.related).toBeGreaterThan(0);
    expect(shown.faded).toBe(shown.other);
    expect(shown.laidOut).toEqual([]);
    const ties = atlas.links.filter((link) => link.partner === partner.id).length;
    expect(ties).toBeGreaterThan(CARD_LIST_LIMIT);
    const rows = card.locator('button.tie');
    expect(await rows.count()).toBe(CARD_LIST_LIMIT);
    await card.getByRole('button', { name: `Show all ${ties.toLocaleString('en')}` }).click();
    await expect.poll(() => rows.count()).toBe(ties);
    // The button goes; the focus is on the first row it brought.
    expect(await card.evaluate((element, limit) => element.shadowRoot!.activeElement === element.shadowRoot!.querySelectorAll('button.tie')[limit], CARD_LIST_LIMIT)).toBe(true);

    // Closer in, where the links are drawn, they fade the same way: the partner's stand out.
    const origin = atlas.origins.find((o) => atlas.links.some((link) => link.partner === partner.id && link.origin === o.id))!;
    const partnerLinks = atlas.links.filter((link) => link.partner === partner.id).map((link) => link.id);
    const links = await page.evaluate(
      ([lon, lat, zoom, ids]) =>
        new Promise<{ mine: number; related: number; other: number; faded: number }>((resolve) => {
          const map = window.atlas.map!;
          map.once('idle', () => {
            const drawn = map.queryRenderedFeatures({ layers: ['links'] });
            const mine = drawn.filter((feature) => (ids as string[]).includes(feature.properties.id));
            const rest = drawn.filter((feature) => !(ids as string[]).includes(feature.properties.id));
            resolve({ mine: mine.length, related: mine.filter((f) => f.state.related).length, other: rest.length, faded: rest.filter((f) => f.state.faded).length });
          });
          map.jumpTo({ center: [lon as number, lat as number], zoom: zoom as number });
        }),
      [origin.lon, origin.lat, BUNDLE_ZOOM + 0.5, partnerLinks] as const,
    );
    expect(links.mine).toBeGreaterThan(0);
    expect(links.other).toBeGreaterThan(0);
    expect(links.faded).toBe(links.other);
    expect(links.related).toBe(links.mine);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps the legend’s shading inside its box', async () => {
    const { page } = await openWatched(browser, { viewport: { width: 1280, height: 800 }, locale: 'en-US', reducedMotion: 'reduce' });
    await page.goto(`${served.url}?lang=en`);
    await waitForAtlas(page, 120_000);
    const spill = await page.locator('atlas-legend').evaluate((legend) => {
      const root = legend.shadowRoot!;
      const shades = root.querySelector('.shades')!;
      const box = shades.getBoundingClientRect();
      const cells = [...shades.querySelectorAll('.shade')].map((cell) => cell.getBoundingClientRect());
      return {
        classes: cells.length,
        overflow: shades.scrollWidth - shades.clientWidth,
        outside: cells.filter((cell) => cell.left < box.left - 0.5 || cell.right > box.right + 0.5).length,
      };
    });
    expect(spill.classes).toBeGreaterThan(1);
    expect(spill.classes).toBeLessThanOrEqual(6);
    expect(spill).toMatchObject({ overflow: 0, outside: 0 });
    await page.close();
  });

  it('is drawn in bundles by the SVG map too, where the browser has no WebGL, every link counted through them', async () => {
    const noWebgl = await launchChromium({ webgl: false });
    try {
      const { page, errors } = await openWatched(noWebgl, { viewport: { width: 1280, height: 800 }, locale: 'en-US', reducedMotion: 'reduce' });
      await page.goto(`${served.url}?lang=en`);
      const status = await waitForAtlas(page, 120_000);
      expect(status.error).toBeNull();
      expect(status.linksDrawn).toBe(atlas.links.length);
      expect(await page.locator('#map g.bundle[data-bundle]').count()).toBeGreaterThan(0);
      expect(await page.locator('#map g.link[data-link]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await noWebgl.close();
    }
  });
});
