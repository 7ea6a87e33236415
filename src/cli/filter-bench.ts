// The filter-change part of `npm run bench`: the time from a filter change to the map and the
// table updated, in the built app, on the real dataset and on a synthetic one of 10,000 links
// made from it. Kept apart from bench.ts so that the synthetic dataset can be tested on its own.
import type { Browser } from 'playwright-core';
import { NO_FILTERS, type Filters } from '../core/filters.ts';
import { linkId, type Atlas, type Link, type Place } from '../core/types.ts';

/** A small seeded generator (mulberry32): the same synthetic dataset on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` links made from the real dataset: synthetic places scattered around the real origins
 * (a link is one place and one partner, so 10,000 distinct links need more places than the real
 * ones), each tied to partners drawn from the real ones, with evidence copied from real links.
 * Everything else (documents, partners, countries, sites, vocabularies, groups) is the real one.
 */
export function syntheticAtlas(atlas: Atlas, count: number, seed = 1): Atlas {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const perPlace = Math.min(40, atlas.partners.length);
  const placeCount = Math.ceil(count / perPlace);
  const evidence = atlas.links.flatMap((link) => link.evidence);
  const places: Place[] = Array.from({ length: placeCount }, (_, i) => {
    const origin = pick(atlas.origins);
    return {
      adcode: `9${String(i).padStart(5, '0')}`,
      origin: origin.id,
      zh: `合成地点${i}`,
      en: `Synthetic place ${i}`,
      lon: Math.round((origin.lon + (random() - 0.5) * 3) * 1000) / 1000,
      lat: Math.round((origin.lat + (random() - 0.5) * 3) * 1000) / 1000,
    };
  });
  const links: Link[] = [];
  for (const place of places) {
    const partners = [...atlas.partners];
    // A seeded shuffle, then the first few: distinct partners per place.
    for (let i = partners.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [partners[i], partners[j]] = [partners[j]!, partners[i]!];
    }
    for (const partner of partners.slice(0, perPlace)) {
      if (links.length === count) break;
      links.push({
        id: linkId(place.origin, place.adcode, partner.id),
        origin: place.origin,
        place: place.adcode,
        partner: partner.id,
        evidence: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(evidence)),
      });
    }
  }
  return { ...atlas, places: [...atlas.places, ...places], links };
}

/**
 * About 30 filter changes over the dataset's options: each origin, origins together, fields,
 * groups, a mode, combinations, and a reset every few steps.
 */
export function filterSequence(atlas: Atlas): Filters[] {
  const origins = atlas.origins.map((o) => o.id);
  const fields = atlas.fields.map((f) => f.id);
  const groups = atlas.groups.map((g) => g.id);
  const modes = atlas.modes.map((m) => m.id);
  const steps: Filters[] = [
    ...origins.map((o) => ({ ...NO_FILTERS, origin: [o] })),
    { ...NO_FILTERS, origin: origins.slice(0, 2) },
    NO_FILTERS,
    ...fields.slice(0, 6).map((f) => ({ ...NO_FILTERS, field: [f] })),
    { ...NO_FILTERS, field: fields.slice(0, 3) },
    NO_FILTERS,
    ...groups.slice(0, 6).map((g) => ({ ...NO_FILTERS, group: [g] })),
    NO_FILTERS,
    { ...NO_FILTERS, mode: modes.slice(0, 1) },
    { ...NO_FILTERS, origin: origins.slice(0, 1), field: fields.slice(0, 2) },
    { ...NO_FILTERS, origin: origins.slice(1, 3), group: groups.slice(0, 2) },
    { ...NO_FILTERS, field: fields.slice(0, 1), group: groups.slice(0, 1), mode: modes.slice(0, 2) },
    NO_FILTERS,
    { ...NO_FILTERS, origin: origins.slice(-1) },
    NO_FILTERS,
  ];
  return steps.map((filters) => ({ ...filters }));
}

export interface FilterTiming {
  /** Dispatch → the store, selectors and views' properties done (synchronous). */
  syncMs: number;
  /** Dispatch → every explore view's render committed (the table, the filters, the legend, the summary, the downloads). */
  viewsMs: number;
  /**
   * Dispatch → the end of the first frame MapLibre renders (its 'render' event) with every
   * source loaded: the first frame that shows the change. A change that leaves the map as it was
   * renders nothing: then the map took no time.
   */
  mapMs: number;
  /** Dispatch → both the map (mapMs) and the views updated: the figure the target is about. */
  totalMs: number;
}

/** The views a filter change updates besides the map. */
const VIEWS = ['atlas-filters', 'atlas-table', 'atlas-legend', 'atlas-summary', 'atlas-downloads'];

/**
 * A person's pace between two filter changes: the time to read the map and click again, which
 * also lets the frame of the last change reach the screen (software rendering takes about a
 * tenth of a second to draw one) before the next is timed.
 */
const PAUSE_MS = 300;

/**
 * Opens the built app at `url` with the explore panel and the table open, as someone filtering
 * would have them, waits until it is ready, then applies each filter change as the filter panel
 * does (a `filters-change` event from <atlas-filters>), timing each to the map and the views
 * updated, one change at a time, PAUSE_MS apart. The first `warmup` changes are not counted.
 */
export async function measureFilterChanges(browser: Browser, url: string, sequence: Filters[], warmup = 2): Promise<FilterTiming[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.atlas?.ready || window.atlas?.error, undefined, { timeout: 180_000 });
  const error = await page.evaluate(() => window.atlas.error);
  if (error) throw new Error(`the app at ${url} failed: ${error}`);
  await page.click('#explore > summary');
  await page.click('#ties > summary');
  const timings: FilterTiming[] = [];
  const all = [...sequence.slice(0, warmup), ...sequence];
  for (const [i, filters] of all.entries()) {
    // A string: tsx would wrap named functions in a helper the page does not have.
    const timing: FilterTiming = await page.evaluate(`(async (filters) => {
      const map = window.atlas.map;
      const views = ${JSON.stringify(VIEWS)}.map((tag) => document.querySelector(tag));
      let renders = 0;
      let mapAt = null;
      const onRender = () => {
        renders++;
        if (mapAt === null && ['base', 'lines', 'points'].every((id) => map.isSourceLoaded(id))) mapAt = performance.now();
      };
      map.on('render', onRender);
      const start = performance.now();
      document.querySelector('atlas-filters').dispatchEvent(new CustomEvent('filters-change', { detail: filters, bubbles: true, composed: true }));
      const sync = performance.now();
      await Promise.all(views.map((view) => view.updateComplete));
      const viewsAt = performance.now();
      // MapLibre may draw in a later animation frame: wait for it, or, if two frames pass without
      // one, for nothing (the change left the map as it was).
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      if (renders > 0) await new Promise((resolve) => (mapAt !== null && !map.isMoving() ? resolve() : map.once('idle', resolve)));
      map.off('render', onRender);
      const mapMs = mapAt === null ? 0 : mapAt - start;
      return { syncMs: sync - start, viewsMs: viewsAt - start, mapMs, totalMs: Math.max(viewsAt - start, mapMs) };
    })(${JSON.stringify(filters)})`);
    if (i >= warmup) timings.push(timing);
    await page.waitForTimeout(PAUSE_MS);
  }
  await context.close();
  return timings;
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
