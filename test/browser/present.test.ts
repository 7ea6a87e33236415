// Presentation mode, the guided tour and the kiosk in the built app in Chromium: the presenter's
// keys move through the tour's steps and the address follows; a pasted step link opens that step;
// the kiosk plays the tour by itself and, once a visitor has left, undoes what they changed; a tour
// that cannot be played says so in the page's language and leaves the explorer working; the
// caption is sized for a room; axe-core finds nothing; nothing is asked of the outside world.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { injectAxe, openWatched, ROOT, startApp, waitForAtlas, type Served, type WatchedPage } from '../../src/cli/browser-harness.ts';
import { STEP_PARAMS } from '../../src/core/tour.ts';
import type { Atlas } from '../../src/core/types.ts';

type Lang = 'zh-Hans' | 'zh-Hant' | 'en';
interface TourFile {
  id: string;
  title: Record<Lang, string>;
  steps: { view: string; caption: Record<Lang, string>; cite: { doc: string; start: number; end: number } }[];
}

const atlas: Atlas = JSON.parse(readFileSync(join(ROOT, 'public/data/atlas.json'), 'utf8'));
const TOUR_TEXT = readFileSync(join(ROOT, 'public/tours/default.json'), 'utf8');
const tour: TourFile = JSON.parse(TOUR_TEXT);
const STEPS = tour.steps.length;
/** The parameters a step's view may set, but for the camera (which follows the map once shown). */
const VIEW_PARAMS = STEP_PARAMS.filter((param) => param !== 'cam');

let served: Served;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

/**
 * A page for one test, closed when it ends (an open page's map would go on drawing on the cores
 * the next test needs), preferring reduced motion: camera flights become jumps and the comets
 * keep still. `before` runs ahead of the navigation (routes).
 */
async function openForTest(
  query: string,
  {
    viewport = { width: 1280, height: 800 },
    before,
    reducedMotion = 'reduce',
  }: { viewport?: { width: number; height: number }; before?: (page: Page) => Promise<unknown>; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<WatchedPage> {
  const watched = await openWatched(browser, { viewport, reducedMotion, locale: 'zh-CN' });
  onTestFinished(() => watched.page.close());
  await before?.(watched.page);
  await watched.page.goto(`${served.url}${query}`);
  const status = await waitForAtlas(watched.page);
  expect(status.error).toBeNull();
  expect(status.ready).toBe(true);
  return watched;
}

const outside = (watched: WatchedPage) =>
  watched.requests.filter((url) => !url.startsWith(served.url) && !/^(data|blob):/.test(url));

async function axeViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run());
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

/** The address once it shows the view as it is now, read in the same turn as the flag. */
const settledSearch = async (page: Page): Promise<string> =>
  (await page.waitForFunction(() => window.atlas.addressSettled && location.search, undefined, { timeout: 60_000 })).jsonValue() as Promise<string>;

const waitStepDrawn = (page: Page, step: number) =>
  page.waitForFunction((n) => window.atlas.stepDrawn === n, step, { timeout: 60_000 });

/** What the step bar shows (the caption, the position), and what the page's live region last announced. */
const stepBar = (page: Page) =>
  page.evaluate(() => {
    const bar = document.querySelector('atlas-step-bar')!;
    const root = bar.shadowRoot!;
    return {
      hidden: bar.hidden || getComputedStyle(bar).display === 'none',
      caption: root.querySelector('.caption')?.textContent?.trim() ?? null,
      announced: document.getElementById('announcer')!.textContent,
      position: root.querySelector('.position')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
    };
  });

/** Which of the explorer's chrome is shown (not display: none). */
const chrome = (page: Page) =>
  page.evaluate(() => {
    const shown = (selector: string) => getComputedStyle(document.querySelector(selector)!).display !== 'none';
    return { header: shown('atlas-header'), legend: shown('atlas-legend'), card: shown('atlas-card'), explore: shown('#explore'), ties: shown('#ties') };
  });

const HIDDEN = { header: false, legend: false, card: false, explore: false, ties: false };
const SHOWN = { header: true, legend: true, card: true, explore: true, ties: true };

const values = (params: URLSearchParams, key: string) => (params.get(key) ?? '').split(',').filter((value) => value !== '');

/**
 * The address holds the tour's step and that step's view: each view parameter as the tour file
 * has it and no other (the previous step's filters are gone), with the display mode (present,
 * kiosk; none in the explorer) ahead of the modes of cooperation.
 */
function expectStepInUrl(search: string, step: number, display: 'present' | 'kiosk' | null): void {
  const params = new URLSearchParams(search);
  expect(params.get('tour'), search).toBe('default');
  expect(params.get('step'), search).toBe(String(step));
  const view = new URLSearchParams(tour.steps[step - 1]!.view);
  const modes = values(params, 'mode');
  if (display) expect(modes, search).toContain(display);
  else expect(modes.filter((mode) => mode === 'present' || mode === 'kiosk'), search).toEqual([]);
  for (const key of VIEW_PARAMS) {
    const wanted = key === 'proj' ? (view.get('proj') === 'globe' ? ['globe'] : []) : values(view, key);
    const got = values(params, key).filter((value) => key !== 'mode' || value !== display);
    expect(got.sort(), `${key} at step ${step}: ${search}`).toEqual(wanted.sort());
  }
  if (view.has('cam')) {
    const [want, have] = [values(view, 'cam').map(Number), values(params, 'cam').map(Number)];
    want.forEach((n, i) => expect(have[i]).toBeCloseTo(n, 1));
  }
}

/** Waits until `step` is drawn, then checks the bar (caption in `lang`, position) and the address. */
async function showsStep(page: Page, step: number, lang: Lang, display: 'present' | 'kiosk' | null): Promise<string> {
  await waitStepDrawn(page, step);
  const bar = await stepBar(page);
  expect(bar.hidden).toBe(false);
  expect(bar.caption).toBe(tour.steps[step - 1]!.caption[lang]);
  expect(bar.position).toBe(`${step} / ${STEPS}`);
  expect(bar.announced).toContain(tour.steps[step - 1]!.caption[lang]);
  const search = await settledSearch(page);
  expect(new URLSearchParams(search).get('lang')).toBe(lang);
  expectStepInUrl(search, step, display);
  return search;
}

const bodyMode = (page: Page) => page.evaluate(() => document.body.dataset.mode);
const readerDialog = (page: Page) => page.locator('atlas-reader dialog[open]');
const barButton = (page: Page, name: string | RegExp) => page.locator('atlas-step-bar').getByRole('button', { name, exact: typeof name === 'string' });

/** Waits for the reader to be open on `step`'s cited passage, the address saying so. */
async function readsCite(page: Page, step: number): Promise<void> {
  const { doc, start, end } = tour.steps[step - 1]!.cite;
  await readerDialog(page).waitFor({ timeout: 60_000 });
  await expect.poll(() => settledSearch(page), { timeout: 60_000 }).toContain(`read=${doc}:${start}-${end}`);
  await readerDialog(page).locator('mark').first().waitFor({ timeout: 60_000 });
  expect((await readerDialog(page).locator('mark').allTextContents()).join('').length).toBeGreaterThan(0);
}

async function closeReader(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await readerDialog(page).waitFor({ state: 'detached', timeout: 60_000 });
  // The dialog's close event, which the app follows, comes a task after the dialog closes.
  await expect.poll(async () => new URLSearchParams(await settledSearch(page)).has('read'), { timeout: 60_000 }).toBe(false);
}

describe('presentation mode, the guided tour and the kiosk', () => {
  beforeAll(async () => {
    ({ served, browser, close } = await startApp(inject('appDist')));
  });
  afterAll(() => close?.());

  it('the presenter’s keys move through the steps, the address follows; blank, read and Esc work; the bar drives the tour in the explorer', { timeout: 360_000 }, async () => {
    const watched = await openForTest('?mode=present&lang=en');
    const { page } = watched;
    await showsStep(page, 1, 'en', 'present');
    expect(await bodyMode(page)).toBe('present');
    expect(await chrome(page)).toEqual(HIDDEN);
    // Screen readers hear the step from a live region that was in the page before it.
    expect((await stepBar(page)).announced).toBe(`Step 1 of ${STEPS}: ${tour.steps[0]!.caption.en}`);
    expect(await page.evaluate(() => document.getElementById('announcer')!.getAttribute('aria-live'))).toBe('polite');
    // The pointer hides while it rests, and shows as soon as it moves.
    await page.waitForFunction(() => document.body.classList.contains('cursor-resting'), undefined, { timeout: 60_000 });
    await page.mouse.move(200, 200);
    await page.waitForFunction(() => !document.body.classList.contains('cursor-resting'), undefined, { timeout: 60_000 });

    // Forward with each of the keys a clicker or a keyboard sends.
    for (const [key, step] of [['PageDown', 2], ['ArrowRight', 3], ['ArrowDown', 4], ['Space', 5]] as const) {
      await page.keyboard.press(key);
      await showsStep(page, step, 'en', 'present');
    }
    await page.keyboard.press('End');
    await showsStep(page, STEPS, 'en', 'present');
    await page.keyboard.press('Home');
    await showsStep(page, 1, 'en', 'present');
    // A step by its number: the digits, shown as they are typed, then Enter.
    // Back to step 5 in the end: a step without a selection, which Esc would also clear in the explorer.
    const jump = Math.min(8, STEPS);
    await page.keyboard.press(String(jump));
    await expect.poll(() => page.locator('atlas-step-bar').evaluate((bar) => bar.shadowRoot!.textContent ?? '')).toContain(`Go to step ${jump}`);
    await page.keyboard.press('Enter');
    await showsStep(page, jump, 'en', 'present');
    // Back with each of the back keys.
    for (const [key, step] of [['PageUp', jump - 1], ['ArrowLeft', jump - 2], ['ArrowUp', jump - 3]] as const) {
      await page.keyboard.press(key);
      await showsStep(page, step, 'en', 'present');
    }
    const here = jump - 3;

    // The screen blanks with "." or B, and any key brings it back, the step unchanged.
    await page.keyboard.press('.');
    await page.waitForFunction(() => !document.getElementById('blank')!.hidden, undefined, { timeout: 60_000 });
    await page.keyboard.press('x');
    await page.waitForFunction(() => document.getElementById('blank')!.hidden, undefined, { timeout: 60_000 });
    await page.keyboard.press('b');
    await page.waitForFunction(() => !document.getElementById('blank')!.hidden, undefined, { timeout: 60_000 });
    await page.keyboard.press('b');
    await page.waitForFunction(() => document.getElementById('blank')!.hidden, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => window.atlas.stepDrawn)).toBe(here);
    expectStepInUrl(await settledSearch(page), here, 'present');

    const present = await axeViolations(page);

    // R opens the reader at the passage the step cites; Esc closes the reader first, then leaves.
    await page.keyboard.press('r');
    await readsCite(page, here);
    await closeReader(page);
    expect(await bodyMode(page)).toBe('present');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.body.dataset.mode === 'explore', undefined, { timeout: 60_000 });
    expectStepInUrl(await settledSearch(page), here, null);
    expect(await chrome(page)).toEqual(SHOWN);
    const bar = await stepBar(page);
    expect(bar.hidden).toBe(false);
    expect(bar.caption).toBe(tour.steps[here - 1]!.caption.en);
    expect(bar.position).toBe(`${here} / ${STEPS}`);

    // In the explorer, with the step bar shown.
    const explore = await axeViolations(page);
    expect({ present, explore }).toEqual({ present: [], explore: [] });

    // The bar's own buttons: next and previous, back to the room, the passage.
    await barButton(page, 'Next step').click();
    await showsStep(page, here + 1, 'en', null);
    await barButton(page, 'Previous step').click();
    await showsStep(page, here, 'en', null);
    // The presenter's keys are the room's only: in the explorer PageDown leaves the tour where it is.
    await page.keyboard.press('PageDown');
    expectStepInUrl(await settledSearch(page), here, null);
    await barButton(page, 'Present').click();
    await page.waitForFunction(() => document.body.dataset.mode === 'present', undefined, { timeout: 60_000 });
    expectStepInUrl(await settledSearch(page), here, 'present');
    expect(await chrome(page)).toEqual(HIDDEN);
    expect(watched.errors).toEqual([]);
    expect(outside(watched)).toEqual([]);

    // The bar's “Read the passage” opens the reader at the passage the step cites, as R does.
    await barButton(page, 'Read the passage').click();
    await readsCite(page, here);
    await closeReader(page);
    // With a bar button still focused, digits and Enter go to the step, not to the button.
    await barButton(page, 'Next step').focus();
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await showsStep(page, 2, 'en', 'present');
    expect(await readerDialog(page).count()).toBe(0);
    expect(watched.errors).toEqual([]);
  });

  it('a pasted step link opens that step, with a caption sized for a room; the link written at a step opens it again', { timeout: 240_000 }, async () => {
    const first = await openForTest('?mode=present&tour=default&step=4&lang=zh-Hant', { viewport: { width: 1920, height: 1080 } });
    const pasted = await showsStep(first.page, 4, 'zh-Hant', 'present');
    // The step's own view, from the tour file: here its origin and selection.
    const view = new URLSearchParams(tour.steps[3]!.view);
    for (const key of ['origin', 'sel']) if (view.has(key)) expect(new URLSearchParams(pasted).get(key)).toBe(view.get(key));
    expect(await first.page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    expect(await bodyMode(first.page)).toBe('present');
    // Read from five metres: at least 28 px on a 1920-pixel screen.
    const size = await first.page.locator('atlas-step-bar').evaluate((bar) => parseFloat(getComputedStyle(bar.shadowRoot!.querySelector('.caption')!).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    // Esc leaves the presentation and keeps the step's view, its selection with it.
    await first.page.keyboard.press('Escape');
    await first.page.waitForFunction(() => document.body.dataset.mode === 'explore', undefined, { timeout: 60_000 });
    expectStepInUrl(await settledSearch(first.page), 4, null);
    await barButton(first.page, '演示').click();
    await showsStep(first.page, 4, 'zh-Hant', 'present');

    // To another step, and the address the app wrote there into a fresh page.
    const step = Math.min(9, STEPS);
    await first.page.keyboard.press(String(step));
    await first.page.keyboard.press('Enter');
    const written = await showsStep(first.page, step, 'zh-Hant', 'present');
    const caption = (await stepBar(first.page)).caption;
    expect(first.errors).toEqual([]);
    expect(outside(first)).toEqual([]);
    await first.page.close();

    const again = await openForTest(written);
    const restored = await showsStep(again.page, step, 'zh-Hant', 'present');
    expect((await stepBar(again.page)).caption).toBe(caption);
    const [was, is] = [new URLSearchParams(written), new URLSearchParams(restored)];
    for (const key of new Set([...was.keys(), ...is.keys()])) {
      if (key === 'cam') values(is, key).forEach((n, i) => expect(Number(n)).toBeCloseTo(Number(values(was, key)[i]), 1));
      else expect(is.get(key), key).toBe(was.get(key));
    }
    expect(again.errors).toEqual([]);
    expect(outside(again)).toEqual([]);
  });

  it('the kiosk plays the tour by itself, pauses for a visitor and, when they leave, undoes what they changed', { timeout: 240_000 }, async () => {
    // The last step but one: the loop from the last step to the first comes soon.
    const start = Math.max(1, STEPS - 1);
    const watched = await openForTest(`?mode=kiosk&pace=1&idle=12&lang=en&step=${start}`);
    const { page } = watched;
    expect(await bodyMode(page)).toBe('kiosk');
    expect(await chrome(page)).toEqual(HIDDEN);
    // Every position the bar shows, in order, noted as it changes: a step lasts a second, less
    // than a slow frame of a polling wait may take.
    await page.evaluate(() => {
      const root = document.querySelector('atlas-step-bar')!.shadowRoot!;
      const seen: string[] = [];
      (window as unknown as { positions: string[] }).positions = seen;
      const note = () => {
        const text = root.querySelector('.position')?.textContent?.trim();
        if (text && text !== seen[seen.length - 1]) seen.push(text);
      };
      note();
      new MutationObserver(note).observe(root, { subtree: true, childList: true, characterData: true });
    });
    const positions = () => page.evaluate(() => (window as unknown as { positions: string[] }).positions.slice());
    const position = async () => (await positions()).at(-1);
    /** Waits until the bar has shown `steps` one after the other since `from` positions were noted. */
    const stepsShown = (steps: number[], from = 0) =>
      page.waitForFunction(
        ({ sequence, from }) => `|${(window as unknown as { positions: string[] }).positions.slice(from).join('|')}|`.includes(`|${sequence}|`),
        { sequence: steps.map((step) => `${step} / ${STEPS}`).join('|'), from },
        { timeout: 60_000 },
      );
    // By itself, round from the last step to the first and on.
    await stepsShown([STEPS, 1, 2]);

    // A visitor touches the map: the explorer's chrome comes back and the tour waits.
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => document.body.dataset.visitor === 'true', undefined, { timeout: 60_000 });
    const touchedAt = (await positions()).length;
    const paused = await position();
    expect(await chrome(page)).toEqual(SHOWN);
    // The explorer's controls, less the one that would end the kiosk.
    await expect.poll(() => page.locator('atlas-header').getByRole('button', { name: 'Present' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // They open the filters and add Wuhan, switch the page to Simplified Chinese and open the passage.
    const wuhan = atlas.origins.find((origin) => origin.id === 'wuhan')!;
    await page.click('#explore > summary');
    await page.locator('atlas-filters').getByRole('checkbox', { name: new RegExp(`^${wuhan.en}, `) }).check();
    await page.locator('atlas-header').getByRole('radio', { name: '简体中文' }).check();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans', undefined, { timeout: 60_000 });
    const changed = new URLSearchParams(await settledSearch(page));
    expect(values(changed, 'origin')).toContain('wuhan');
    expect(changed.get('lang')).toBe('zh-Hans');
    await page.locator('canvas.maplibregl-canvas').focus();
    await page.keyboard.press('r');
    await readerDialog(page).waitFor({ timeout: 60_000 });
    expect(await position()).toBe(paused);

    // No input for `idle` seconds: everything they opened closes, the view and the language are the tour's again.
    // The tour waited meanwhile: the bar showed no other step while the visitor was there.
    const back = await page.waitForFunction(
      () => document.body.dataset.visitor === 'false' && (window as unknown as { positions: string[] }).positions.slice(),
      undefined,
      { timeout: 60_000 },
    );
    expect(((await back.jsonValue()) as string[]).length).toBe(touchedAt);
    await readerDialog(page).waitFor({ state: 'detached', timeout: 60_000 });
    expect(await page.evaluate(() => [...document.querySelectorAll<HTMLDetailsElement>('#explore, #ties')].map((d) => d.open))).toEqual([false, false]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await chrome(page)).toEqual(HIDDEN);
    const returned = new URLSearchParams(await settledSearch(page));
    expect(returned.get('lang')).toBe('en');
    expect(returned.has('read')).toBe(false);
    expect(values(returned, 'origin')).not.toContain('wuhan');
    expect([returned.get('pace'), returned.get('idle')]).toEqual(['1', '12']);
    const at = Number(returned.get('step'));
    expectStepInUrl(returned.toString(), at, 'kiosk');
    // And the tour goes on by itself.
    await stepsShown([at, at >= STEPS ? 1 : at + 1], touchedAt - 1);

    expect(watched.errors).toEqual([]);
    expect(outside(watched)).toEqual([]);
  });

  it('a broken tour says what is wrong in the page’s language, and the atlas opens as the explorer', { timeout: 240_000 }, async () => {
    // The first fetch of the tour is not a tour; the second cites a passage the atlas does not
    // hold; the third is the real file.
    const missing = { ...tour.steps[1]!.cite, start: 0, end: 1 };
    const bodies = [
      '{"id":"default","title":{}}',
      JSON.stringify({ ...tour, steps: tour.steps.map((step, i) => (i === 1 ? { ...step, cite: missing } : step)) }),
      TOUR_TEXT,
    ];
    let fetches = 0;
    const watched = await openForTest('?mode=present&lang=zh-Hans', {
      before: (page) => page.route('**/tours/default.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: bodies[Math.min(fetches++, 2)]! })),
    });
    const { page } = watched;
    const notices = page.locator('#notices');
    await notices.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await notices.textContent()).toMatch(/default[\s\S]*无法播放/);
    expect(await bodyMode(page)).toBe('explore');
    expect(await chrome(page)).toEqual(SHOWN);
    expect((await stepBar(page)).hidden).toBe(true);
    const search = new URLSearchParams(await settledSearch(page));
    expect([search.has('tour'), search.has('step'), values(search, 'mode')]).toEqual([false, false, []]);

    // 演示 in the header tries the tour again: the passage it cites is not in the atlas.
    await page.locator('atlas-header').getByRole('button', { name: '演示', exact: true }).click();
    await expect.poll(() => notices.textContent(), { timeout: 60_000 }).toContain(`${missing.doc}:${missing.start}-${missing.end}`);
    const text = (await notices.textContent())!;
    expect(text.match(/无法播放/g)).toHaveLength(2);
    expect(text).toMatch(/第 2 步/);
    expect(await bodyMode(page)).toBe('explore');
    expect(await chrome(page)).toEqual(SHOWN);

    // And once the file is right, 演示 opens the presentation at the first step.
    await page.locator('atlas-header').getByRole('button', { name: '演示', exact: true }).click();
    await showsStep(page, 1, 'zh-Hans', 'present');
    expect(await bodyMode(page)).toBe('present');
    expect(await chrome(page)).toEqual(HIDDEN);
    expect(await axeViolations(page)).toEqual([]);
    expect(fetches).toBe(3);
    expect(watched.errors).toEqual([]);
    expect(outside(watched)).toEqual([]);
  });

  it('a tour with no file says so; Present opens the default tour, and leaving it hides the bar', { timeout: 240_000 }, async () => {
    const watched = await openForTest('?tour=nope&lang=en');
    const { page } = watched;
    const notices = page.locator('#notices');
    await notices.waitFor({ state: 'visible', timeout: 60_000 });
    const text = (await notices.textContent())!;
    expect(text).toContain('nope');
    expect(text).toContain('cannot be played');
    // Says what is wrong: the file is not there (not that it is malformed: the preview server
    // answers a missing path with the app's page).
    expect(text).toContain('there is no file tours/nope.json');
    expect(await bodyMode(page)).toBe('explore');
    expect(await chrome(page)).toEqual(SHOWN);
    expect((await stepBar(page)).hidden).toBe(true);
    expect(new URLSearchParams(await settledSearch(page)).has('tour')).toBe(false);

    await page.locator('atlas-header').getByRole('button', { name: 'Present', exact: true }).click();
    await showsStep(page, 1, 'en', 'present');
    expect(await chrome(page)).toEqual(HIDDEN);
    await barButton(page, 'Leave the tour').click();
    await page.waitForFunction(() => document.body.dataset.mode === 'explore', undefined, { timeout: 60_000 });
    expect((await stepBar(page)).hidden).toBe(true);
    expect(await chrome(page)).toEqual(SHOWN);
    const left = new URLSearchParams(await settledSearch(page));
    expect([left.has('tour'), left.has('step'), values(left, 'mode')]).toEqual([false, false, []]);

    // The browser's own line for the missing file is the only error logged.
    expect(watched.errors.filter((error) => !/^Failed to load resource: .* 404 /.test(error))).toEqual([]);
    expect(outside(watched)).toEqual([]);
  });

  it('flies from step to step where motion is welcome, and reports the step drawn once the flight has landed', { timeout: 240_000 }, async () => {
    const watched = await openForTest('?mode=present&lang=en', { reducedMotion: 'no-preference' });
    const { page } = watched;
    await waitStepDrawn(page, 1);
    // The camera's movement from the key press on: how many positions it passed, over how long.
    await page.evaluate(() => {
      const map = window.atlas.map!;
      const flight = { moves: 0, start: 0, end: 0 };
      (window as unknown as { flight: typeof flight }).flight = flight;
      map.on('movestart', () => (flight.start = performance.now()));
      map.on('move', () => flight.moves++);
      map.on('moveend', () => (flight.end = performance.now()));
    });
    await page.keyboard.press('PageDown');
    await waitStepDrawn(page, 2);
    const { flight, moving } = await page.evaluate(() => ({
      flight: (window as unknown as { flight: { moves: number; start: number; end: number } }).flight,
      moving: window.atlas.map!.isMoving(),
    }));
    // A flight passes through several cameras over time (a jump, under reduced motion, through
    // one at once), and it has landed when the step is reported drawn.
    expect(flight.moves).toBeGreaterThanOrEqual(2);
    expect(flight.end - flight.start).toBeGreaterThan(200);
    expect(moving).toBe(false);
    await showsStep(page, 2, 'en', 'present');
    expect(watched.errors).toEqual([]);
    expect(outside(watched)).toEqual([]);
  });

  it('without its code (the presentation chunk cannot be fetched) a presentation link opens the explorer, and says so', { timeout: 240_000 }, async () => {
    const watched = await openForTest('?mode=present&lang=zh-Hans', {
      before: (page) => page.route('**/assets/presentation-*.js', (route) => route.abort('internetdisconnected')),
    });
    const { page } = watched;
    const notices = page.locator('#notices');
    await notices.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await notices.textContent()).toMatch(/导览“default”无法播放/);
    expect(await bodyMode(page)).toBe('explore');
    expect(await chrome(page)).toEqual(SHOWN);
    const search = new URLSearchParams(await settledSearch(page));
    expect([search.has('tour'), values(search, 'mode')]).toEqual([false, []]);
    expect(outside(watched)).toEqual([]);
  });
});
