// Presentation mode's answer to a clicker: the time from a key press to the next step's view
// drawn, with the camera at rest and every tile in (the app's `step-drawn` mark, see
// app/tour-player.ts). The page prefers reduced motion, so each step is a jump: what is timed
// is the app's work and the map's drawing, not the length of a camera flight, which is a choice
// of design (MapLibre's flyTo, about a second and a half). The bare MapLibre page jumps to the
// same cameras, for the ratio: how much of the time is the app's, and how much the map's own
// drawing in software at a projector's size.
import type { Browser, Page } from 'playwright-core';

const VIEWPORT = { width: 1920, height: 1080 };

/** [lon, lat, zoom, projection] of the camera a step came to rest at. */
export type StepCamera = [number, number, number, string];

export interface StepTimes {
  /** Key press → step drawn, ms, per counted press. */
  times: number[];
  /** The camera each counted press came to rest at. */
  cameras: StepCamera[];
}

/** A presenter's pace between two presses: time for the room to look, and for the frame to reach the screen. */
const PAUSE_MS = 300;

/**
 * Opens `url` in presentation mode at 1920×1080 (a projector) and presses PageDown through the
 * tour, then PageUp back to the start, `rounds` times; returns each press's time in ms from the
 * key event to the step drawn. The first round's first two presses warm the map up and are not counted.
 */
export async function measureStepKeys(browser: Browser, url: string, rounds = 2): Promise<StepTimes> {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${url}?mode=present&lang=en`);
  await page.waitForFunction(() => (window.atlas?.ready && window.atlas.stepDrawn === 1) || window.atlas?.error, undefined, { timeout: 180_000 });
  const error = await page.evaluate(() => window.atlas.error);
  if (error) throw new Error(`the app at ${url} failed: ${error}`);
  // The key's own time stamp, taken as the event is dispatched, before the app's handler runs.
  await page.evaluate(`addEventListener('keydown', (event) => (window.keyAt = event.timeStamp), { capture: true })`);
  const count = await page.evaluate(`document.querySelector('atlas-step-bar').bar.count`);
  const presses: { key: string; step: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let step = 2; step <= Number(count); step++) presses.push({ key: 'PageDown', step });
    for (let step = Number(count) - 1; step >= 1; step--) presses.push({ key: 'PageUp', step });
  }
  const times: number[] = [];
  const cameras: StepCamera[] = [];
  for (const [i, { key, step }] of presses.entries()) {
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.atlas.stepDrawn === n, step, { timeout: 60_000 });
    const ms = await page.evaluate(`performance.getEntriesByName('step-drawn').at(-1).startTime - window.keyAt`);
    const camera = await page.evaluate(
      `(() => { const map = window.atlas.map; return [map.getCenter().lng, map.getCenter().lat, map.getZoom(), map.getProjection().type]; })()`,
    );
    if (i >= 2) {
      times.push(Number(ms));
      cameras.push(camera as StepCamera);
    }
    await page.waitForTimeout(PAUSE_MS);
  }
  await context.close();
  return { times, cameras };
}

/** Waits in the page for a frame drawn at rest with every tile in, and returns the ms since `start`. */
const drawnSince = (page: Page, start: string) =>
  page.evaluate(`new Promise((resolve) => {
    const map = window.bareMap;
    const check = () => {
      if (map.isMoving() || !map.areTilesLoaded()) return;
      map.off('render', check);
      resolve(performance.now() - ${start});
    };
    map.on('render', check);
    map.triggerRepaint();
  })`) as Promise<number>;

/** The bare page at `url` jumping to each camera in turn: ms from the jump to the frame drawn with every tile in. */
export async function measureBareJumps(browser: Browser, url: string, cameras: StepCamera[]): Promise<number[]> {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const [lon, lat, zoom] = cameras[0]!;
  await page.goto(`${url}#${lon},${lat},${zoom}`);
  await page.waitForFunction(() => performance.getEntriesByName('links-drawn').length > 0, undefined, { timeout: 180_000 });
  const times: number[] = [];
  for (const camera of cameras) {
    // In the step's projection too: the globe draws otherwise than the flat map.
    await page.evaluate(
      `window.jumpAt = performance.now(); window.bareMap.setProjection({ type: '${camera[3]}' }); window.bareMap.jumpTo({ center: [${camera[0]}, ${camera[1]}], zoom: ${camera[2]} })`,
    );
    times.push(await drawnSince(page, 'window.jumpAt'));
    await page.waitForTimeout(PAUSE_MS);
  }
  await context.close();
  return times;
}
