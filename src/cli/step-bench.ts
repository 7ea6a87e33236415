// Presentation mode's answer to a clicker: the time from a key press to the next step's view
// drawn, with the camera at rest and every tile in (the app's `step-drawn` mark, see
// app/presentation.ts). The page prefers reduced motion, so each step is a jump: what is timed
// is the app's work and the map's drawing, not the length of a camera flight, which is a choice
// of design (MapLibre's flyTo, about a second and a half).
import type { Browser } from 'playwright-core';

/** A presenter's pace between two presses: time for the room to look, and for the frame to reach the screen. */
const PAUSE_MS = 300;

/**
 * Opens `url` in presentation mode at 1920×1080 (a projector) and presses PageDown through the
 * tour, then PageUp back to the start, `rounds` times; returns each press's time in ms from the
 * key event to the step drawn. The first round's first two presses warm the map up and are not counted.
 */
export async function measureStepKeys(browser: Browser, url: string, rounds = 2): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
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
  for (const [i, { key, step }] of presses.entries()) {
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.atlas.stepDrawn === n, step, { timeout: 60_000 });
    const ms = await page.evaluate(`performance.getEntriesByName('step-drawn').at(-1).startTime - window.keyAt`);
    if (i >= 2) times.push(Number(ms));
    await page.waitForTimeout(PAUSE_MS);
  }
  await context.close();
  return times;
}
