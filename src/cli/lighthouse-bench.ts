// The audits of `npm run bench`: Lighthouse's main-thread figures for the app beside the bare
// MapLibre page (total blocking time and time to interactive, desktop and mobile), and axe-core on
// every view of the app. Both print what they measure, met or not; neither fails the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import type { Browser, Page } from 'playwright-core';
import type { Atlas } from '../core/types.ts';
import { injectAxe, CHROMIUM_ARGS, ROOT, waitForAtlas } from './browser-harness.ts';

/** Lighthouse runs per page and form factor; about 12 s each here, so three keep the bench in minutes. */
const LIGHTHOUSE_RUNS = 3;
/** The issue's bound on the app's total blocking time and time to interactive, as ratios to the bare page's. */
const MAX_RATIO = 1.3;
/** Where the median runs' reports and every run's trace go, for whoever looks into the figures. */
const OUT = join(ROOT, 'test-results', 'bench', 'lighthouse');

const FORM_FACTORS = [
  // Lighthouse's own desktop settings (no CPU slowdown, desktop screen, 10 Mbit/s), as the
  // `--preset=desktop` of its command line.
  { name: 'desktop', config: desktopConfig },
  // The default config is mobile: a 412×823 screen, slow 4G and a CPU 4× slower, all simulated
  // (Lantern) from the trace of an unthrottled load.
  { name: 'mobile', config: undefined },
] as const satisfies readonly { name: string; config: Config | undefined }[];

type FormFactor = (typeof FORM_FACTORS)[number]['name'];

interface Metrics {
  tbt: number;
  tti: number;
  fcp: number;
  lcp: number;
  score: number;
  /**
   * When Lighthouse stopped tracing, from navigation: it waits for the page's main thread to go
   * a second without a long task, and gives up at 45 s; time to interactive can only be as early
   * as the page's last long task in the trace.
   */
  traceEnd: number;
}

interface LighthouseRun {
  metrics: Metrics;
  lhr: Result;
}

/** A Chromium of our own with a DevTools port for Lighthouse to connect to (Playwright talks to its own over a pipe). */
interface DebuggableChromium {
  port: number;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium headless with a remote debugging port the system picks, read from the
 * line Chromium prints once it listens. The flags are the tests' (SwiftShader, nothing resolves
 * but 127.0.0.1), a fresh profile, and no background work of the browser's own (updates, sync,
 * throttled timers of a hidden tab) that would land in the trace.
 */
async function launchDebuggableChromium(): Promise<DebuggableChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'lighthouse-chromium-'));
  const child: ChildProcess = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [
      ...CHROMIUM_ARGS,
      '--headless',
      // Root in a container has no user namespaces for the sandbox; Playwright passes the same.
      '--no-sandbox',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      '--mute-audio',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools address in 30 s:\n${seen}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before listening:\n${seen}`));
    });
  });
  return {
    port,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN;

/**
 * One Lighthouse navigation of `url`, performance only, in a Chromium started for it and closed
 * after: nothing a previous load left behind (compiled code, GPU process work) helps or hinders it.
 */
async function runLighthouse(url: string, config: Config | undefined): Promise<{ run: LighthouseRun; trace: unknown }> {
  const chromium = await launchDebuggableChromium();
  try {
    const flags: Flags = { port: chromium.port, hostname: '127.0.0.1', onlyCategories: ['performance'], output: 'json', logLevel: 'error' };
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const metrics: Metrics = {
      tbt: numeric(lhr, 'total-blocking-time'),
      tti: numeric(lhr, 'interactive'),
      fcp: numeric(lhr, 'first-contentful-paint'),
      lcp: numeric(lhr, 'largest-contentful-paint'),
      score: (lhr.categories.performance?.score ?? NaN) * 100,
      traceEnd: (lhr.audits.metrics?.details as { items?: { observedTraceEnd?: number }[] } | undefined)?.items?.[0]?.observedTraceEnd ?? NaN,
    };
    return { run: { metrics, lhr }, trace: result.artifacts.Trace };
  } finally {
    await chromium.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'n/a');
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** The run whose total blocking time is the median: its breakdown is printed and its report kept. */
const medianRun = (runs: LighthouseRun[]) => {
  const tbt = median(runs.map((run) => run.metrics.tbt));
  return runs.find((run) => run.metrics.tbt === tbt)!;
};

interface TableItem {
  [key: string]: unknown;
}

const tableItems = (lhr: Result, id: string): TableItem[] => {
  const details = lhr.audits[id]?.details as { items?: TableItem[] } | undefined;
  return details?.items ?? [];
};

/**
 * Lighthouse 12, desktop and mobile, on the served app and the served bare page (`bareUrl` opens
 * it at the app's camera), runs each in turn so that a slower spell of the machine weighs on both.
 * Prints the medians of total blocking time and time to interactive (first and largest contentful
 * paint beside them), their ratios against the issue's bound, and where the app's main thread
 * spends its time. The median runs' reports and every run's trace, app and bare, are written to OUT.
 */
export async function lighthouseFigures(appUrl: string, bareUrl: string, runs = LIGHTHOUSE_RUNS): Promise<void> {
  await mkdir(OUT, { recursive: true });
  console.log('');
  console.log(`Lighthouse ${lighthouseVersion()} (performance only), median of ${runs} runs each, app and bare page in turn, each in a fresh Chromium`);
  console.log('(SwiftShader, no GPU); simulated throttling as Lighthouse defaults to: desktop 1× CPU, mobile 4× CPU and slow 4G');
  // SwiftShader renders on the same cores: anything else running on the machine lengthens every task.
  console.log(`machine load average (1 min) at the start: ${loadavg()[0]!.toFixed(1)}`);
  for (const { name, config } of FORM_FACTORS) {
    const results: Record<'app' | 'bare', LighthouseRun[]> = { app: [], bare: [] };
    for (let i = 0; i < runs; i++) {
      for (const side of ['app', 'bare'] as const) {
        const { run, trace } = await runLighthouse(side === 'app' ? appUrl : bareUrl, config);
        results[side].push(run);
        await writeFile(join(OUT, `${name}-${side}-run${i + 1}.trace.json`), JSON.stringify(trace));
      }
    }
    for (const side of ['app', 'bare'] as const) {
      await writeFile(join(OUT, `${name}-${side}.report.json`), JSON.stringify(medianRun(results[side]).lhr));
    }
    reportFormFactor(name, results);
  }
  console.log(`machine load average (1 min) at the end: ${loadavg()[0]!.toFixed(1)}`);
  console.log(`  (median runs' reports and every run's trace: ${OUT})`);
}

function lighthouseVersion(): string {
  return (createRequire(import.meta.url)('lighthouse/package.json') as { version: string }).version;
}

function reportFormFactor(name: FormFactor, results: Record<'app' | 'bare', LighthouseRun[]>): void {
  const figure = (side: 'app' | 'bare', key: keyof Metrics) => median(results[side].map((run) => run.metrics[key]));
  const runsOf = (side: 'app' | 'bare', key: keyof Metrics) => results[side].map((run) => run.metrics[key].toFixed(0)).join(', ');
  console.log('');
  console.log(`${name}`);
  for (const [key, label, bounded] of [
    ['tbt', 'total blocking time', true],
    ['tti', 'time to interactive', true],
    ['fcp', 'first contentful paint', false],
    ['lcp', 'largest contentful paint', false],
  ] as const) {
    const app = figure('app', key);
    const bare = figure('bare', key);
    const ratio = app / bare;
    const target = bounded ? `   ratio ${ratio.toFixed(2)} (target ≤ ${MAX_RATIO}: ${verdict(ratio <= MAX_RATIO)})` : `   ratio ${ratio.toFixed(2)}`;
    console.log(`  ${label.padEnd(26)}app ${ms(app).padStart(8)}   bare ${ms(bare).padStart(8)}${target}`);
    console.log(`  ${''.padEnd(26)}(runs: app ${runsOf('app', key)}; bare ${runsOf('bare', key)})`);
  }
  console.log(`  ${'performance score'.padEnd(26)}app ${figure('app', 'score').toFixed(0).padStart(5)}      bare ${figure('bare', 'score').toFixed(0).padStart(5)}`);
  console.log(
    `  ${'traced until'.padEnd(26)}app ${ms(figure('app', 'traceEnd')).padStart(8)}   bare ${ms(figure('bare', 'traceEnd')).padStart(8)}   (Lighthouse waits for 1 s without a long task, 45 s at most)`,
  );
  for (const side of ['app', 'bare'] as const) {
    const warned = new Map<string, number>();
    for (const run of results[side]) for (const warning of run.lhr.runWarnings) warned.set(String(warning), (warned.get(String(warning)) ?? 0) + 1);
    for (const [warning, n] of warned) console.log(`  Lighthouse warned (${side}, ${n} of ${results[side].length} runs): ${warning}`);
  }

  const { lhr } = medianRun(results.app);
  // In simulated mode these tables are the trace's times multiplied by the CPU slowdown (4 on mobile).
  const breakdown = tableItems(lhr, 'mainthread-work-breakdown')
    .map((item) => `${String(item.groupLabel)} ${Number(item.duration).toFixed(0)}`)
    .join(', ');
  console.log(`  app main thread by kind, ms (median run): ${breakdown}`);
  const bootup = tableItems(lhr, 'bootup-time').slice(0, 6);
  console.log('  app main thread by script, ms (median run):     total  script  parse/compile');
  for (const item of bootup) {
    const url = String(item.url);
    const shown = url.startsWith('http') ? new URL(url).pathname : url;
    console.log(
      `    ${shown.padEnd(44).slice(0, 44)}${Number(item.total).toFixed(0).padStart(6)}${Number(item.scripting).toFixed(0).padStart(8)}${Number(item.scriptParseCompile).toFixed(0).padStart(15)}`,
    );
  }
}

/** One view of the app for axe: where it opens, and what to do once the atlas is ready before auditing. */
interface AxeView {
  name: string;
  query: string;
  settle?: (page: Page) => Promise<unknown>;
}

/** Opens the explore drawer and waits until its downloads panel knows the pictures' sizes (the map is drawn): the panel as a reader finds it. */
async function openDownloads(page: Page): Promise<void> {
  await page.click('#explore > summary');
  await page.waitForFunction(() => document.querySelector('atlas-downloads')?.figureSizes ?? null, undefined, { timeout: 60_000 });
  await page.locator('atlas-downloads').scrollIntoViewIfNeeded();
}

/** The views of the app: the URL parameters as src/core/url-state.ts reads them, and the selectors the browser tests use. */
function axeViews(atlas: Atlas): AxeView[] {
  const partner = atlas.partners.find((p) => p.id === 'ASEAN') ?? atlas.partners[0]!;
  const evidence = atlas.links.find((link) => link.evidence.length > 0)!.evidence[0]!;
  const shadowSection = (tag: string) => (page: Page) =>
    page.waitForFunction((t) => Boolean(document.querySelector(t)?.shadowRoot?.querySelector('section')), tag, { timeout: 60_000 });
  return [
    { name: 'map', query: '' },
    { name: 'map, English', query: '?lang=en' },
    { name: 'map, Traditional Chinese (繁體)', query: '?lang=zh-Hant' },
    {
      name: 'explore drawers open (both summaries clicked)',
      query: '',
      settle: async (page) => {
        await page.click('#explore > summary');
        await page.click('#ties > summary');
      },
    },
    { name: 'card: origin', query: '?sel=origin:wuhan', settle: (page) => page.waitForFunction(() => Boolean(document.querySelector('atlas-card')?.shadowRoot?.textContent?.trim())) },
    { name: 'card: partner', query: `?sel=partner:${partner.id}`, settle: (page) => page.waitForFunction(() => Boolean(document.querySelector('atlas-card')?.shadowRoot?.textContent?.trim())) },
    {
      name: 'reader',
      query: `?read=${evidence.doc}:${evidence.start}-${evidence.end}`,
      settle: (page) => page.locator('atlas-reader dialog[open] mark').first().waitFor({ timeout: 60_000 }),
    },
    { name: 'matrix', query: '?view=matrix', settle: shadowSection('atlas-matrix') },
    { name: 'timeline', query: '?view=timeline', settle: shadowSection('atlas-timeline') },
    { name: 'presentation', query: '?mode=present', settle: (page) => page.waitForFunction(() => window.atlas.stepDrawn === 1, undefined, { timeout: 60_000 }) },
    { name: 'downloads panel (explore drawer, scrolled to)', query: '', settle: openDownloads },
  ];
}

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[];
}

/**
 * axe-core on every view of the served app, each in a page of its own at 1280×800 whose reader
 * reads Chinese (the app's default) and prefers reduced motion (the comets keep still and leave
 * the cores to axe). Prints each view's violations by rule, with the first elements they name;
 * returns the total.
 */
export async function axeFigures(browser: Browser, appUrl: string): Promise<number> {
  const atlas = (await (await fetch(new URL('data/atlas.json', appUrl))).json()) as Atlas;
    console.log('');
  console.log(`axe-core ${(createRequire(import.meta.url)('axe-core/package.json') as { version: string }).version} on every view (axe.run() with its defaults; target: 0 violations each)`);
  let total = 0;
  for (const view of axeViews(atlas)) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    try {
      await page.goto(`${appUrl}${view.query}`);
      const status = await waitForAtlas(page);
      if (status.error) throw new Error(`the atlas reported: ${status.error}`);
      await view.settle?.(page);
      await injectAxe(page);
      const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run());
      // Only what axe names is kept: the whole result holds every passing node too.
      const violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
      const count = violations.reduce((sum, v) => sum + v.nodes, 0);
      total += count;
      const label = `${view.name} (${view.query || '/'})`;
      // Han characters take two columns in a terminal: pad by columns, not characters.
      const columns = label.length + (label.match(/\p{Script=Han}/gu)?.length ?? 0);
      console.log(`  ${label}${' '.repeat(Math.max(1, 64 - columns))}${violations.length === 0 ? '0 violations' : `${violations.length} rule(s) violated, ${count} element(s)`}`);
      for (const v of violations) console.log(`      ${v.id} [${v.impact}] ×${v.nodes}: ${v.targets.join(' ')}`);
    } catch (error) {
      total += 1;
      console.log(`  ${view.name} (${view.query || '/'}): could not be audited: ${(error as Error).message.split('\n')[0]}`);
    } finally {
      await page.close();
    }
  }
  console.log(`  total: ${total === 0 ? '0 violations (target met)' : `${total} (target 0: NOT met)`}`);
  return total;
}
