// The researcher's views in the built app, in Chromium: the partner × origin matrix (a real table,
// every count checked against the dataset counted here independently, sorting, its CSV, its
// cells selecting ties or filtering), the timeline of the five documents and the "as of year"
// filter the map and the panels follow, and the profiles under the card of an origin (documents,
// partners, fields, the targets' charts whose numbers open the reader on the passage) and of a
// partner or a country. The views pass axe-core, work from the keyboard and speak Chinese; nothing
// is asked of the outside world and nothing is logged as an error.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { injectAxe, openWatched, ROOT, startApp, waitForAtlas, type Served, type WatchedPage } from '../../src/cli/browser-harness.ts';
import type { Target } from '../../src/core/targets.ts';
import type { Atlas, Evidence, Link, Partner } from '../../src/core/types.ts';

const atlas: Atlas = JSON.parse(readFileSync(join(ROOT, 'public/data/atlas.json'), 'utf8'));

const partners = new Map(atlas.partners.map((partner) => [partner.id, partner]));
const documents = new Map(atlas.documents.map((doc) => [doc.id, doc]));
const ORIGIN_IDS = atlas.origins.map((origin) => origin.id);
const ORIGIN_EN = atlas.origins.map((origin) => origin.en);
const TOTAL_TIES = atlas.links.reduce((n, link) => n + link.evidence.length, 0);

const pad = (n: number) => String(n).padStart(2, '0');
/** The local day, YYYY-MM-DD, as a file made now is dated. */
const localDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const tiesText = (n: number) => `${n} ${n === 1 ? 'tie' : 'ties'}`;

// ---------------------------------------------------------------------------------------------
// What the views should show, counted here from atlas.json: a tie is one evidence item.

type Keep = (link: Link, evidence: Evidence) => boolean;
const ALL: Keep = () => true;

interface ExpectedRow {
  id: string;
  name: string;
  cells: number[];
  total: number;
  shared: number;
  /** The links each origin's ties run through. */
  links: string[][];
}

function expectedRows(keep: Keep, name: (partner: Partner) => string = (p) => p.en): Map<string, ExpectedRow> {
  const rows = new Map<string, ExpectedRow>();
  for (const link of atlas.links) {
    const column = ORIGIN_IDS.indexOf(link.origin);
    for (const evidence of link.evidence) {
      if (!keep(link, evidence)) continue;
      const partner = partners.get(link.partner)!;
      const row = rows.get(partner.id) ?? {
        id: partner.id,
        name: name(partner),
        cells: ORIGIN_IDS.map(() => 0),
        total: 0,
        shared: 0,
        links: ORIGIN_IDS.map(() => []),
      };
      row.cells[column]! += 1;
      row.total += 1;
      if (!row.links[column]!.includes(link.id)) row.links[column]!.push(link.id);
      rows.set(partner.id, row);
    }
  }
  for (const row of rows.values()) row.shared = row.cells.filter((n) => n > 0).length;
  return rows;
}

/** Ties per field and origin: evidence items whose fields include the field. */
function expectedFields(keep: Keep): Map<string, number[]> {
  const counts = new Map<string, number[]>();
  for (const link of atlas.links) {
    for (const evidence of link.evidence) {
      if (!keep(link, evidence)) continue;
      for (const field of atlas.fields) {
        if (!evidence.fields.includes(field.id)) continue;
        const cells = counts.get(field.en) ?? ORIGIN_IDS.map(() => 0);
        cells[ORIGIN_IDS.indexOf(link.origin)]! += 1;
        counts.set(field.en, cells);
      }
    }
  }
  return counts;
}

/** The region group a partner is listed under: the first group of the dataset that holds it. */
function groupName(partnerId: string, name: (names: { en: string; zh: string }) => string = (n) => n.en, other = 'Other partners'): string {
  const group = atlas.groups.find((g) => g.partners.includes(partnerId));
  return group ? name(group) : other;
}

const byTies = (a: ExpectedRow, b: ExpectedRow) => b.total - a.total || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byShared = (a: ExpectedRow, b: ExpectedRow) => b.shared - a.shared || byTies(a, b);

const tiedByEnd2019 = (_: Link, evidence: Evidence) => documents.get(evidence.doc)!.date <= '2019-12-31';

// ---------------------------------------------------------------------------------------------
// The page.

let served: Served;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ served, browser, close } = await startApp(inject('appDist')));
});
afterAll(() => close?.());

const outside = (watched: WatchedPage) => watched.requests.filter((url) => !url.startsWith(served.url) && !/^(data|blob):/.test(url));

/** Nothing logged as an error, nothing asked of another origin: checked at the end of every test. */
function expectClean(watched: WatchedPage): void {
  expect(watched.errors).toEqual([]);
  expect(outside(watched)).toEqual([]);
}

/**
 * A page of the app at `query`, closed when the test ends, once the map is drawn and the view
 * shown (the matrix, the timeline: loaded with the explore panels) has its data. Reduced motion
 * keeps the comets still.
 */
async function open(query: string): Promise<WatchedPage> {
  const watched = await openWatched(browser, { viewport: { width: 1280, height: 800 }, locale: 'en-US', reducedMotion: 'reduce', acceptDownloads: true });
  onTestFinished(() => watched.page.close());
  await goto(watched.page, query);
  return watched;
}

async function goto(page: Page, query: string): Promise<void> {
  await page.goto(`${served.url}${query}`);
  const status = await waitForAtlas(page);
  expect(status.error).toBeNull();
  // The views are wired once the atlas is ready; the one shown is laid out with its data.
  await page.waitForFunction(() => {
    const shown = { matrix: 'atlas-matrix', timeline: 'atlas-timeline' }[document.body.dataset.view ?? ''];
    return !shown || Boolean(document.querySelector(shown)?.shadowRoot?.querySelector('section'));
  });
}

/** Waits until the address has caught up with the view and `test` holds of its parameters. */
async function settledUrl(page: Page, test: (params: URLSearchParams) => boolean): Promise<URLSearchParams> {
  await expect
    .poll(async () => {
      const { settled, search } = await page.evaluate(() => ({ settled: window.atlas.addressSettled, search: location.search }));
      return settled && test(new URLSearchParams(search));
    })
    .toBe(true);
  return new URLSearchParams(await page.evaluate(() => location.search));
}

async function axeViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(),
  );
  return result.violations.map((v) => `${v.id} (${v.nodes.length}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))})`);
}

interface ShownRow {
  name: string;
  /** A number per origin, then the total and the origins sharing it. */
  cells: number[];
}

interface ShownTable {
  caption: string;
  head: string[];
  groups: { region: string; rows: ShownRow[] }[];
}

/** A table of the matrix view as the page shows it (0: partners, 1: fields); a cell that is no number reads NaN. */
const shownTable = (page: Page, which: 0 | 1): Promise<ShownTable> =>
  page.locator('atlas-matrix').evaluate((matrix, n) => {
    const table = matrix.shadowRoot!.querySelectorAll('table')[n]!;
    // A cell's number as a screen reader reads it: without what is aria-hidden (a zero's dot), or its aria-label.
    const number = (cell: Element) => {
      const copy = cell.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      const labelled = copy.querySelector('[aria-label]:not(button)');
      const text = labelled ? labelled.getAttribute('aria-label') : copy.textContent;
      return text !== null && /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
    };
    return {
      caption: table.querySelector(':scope > caption')?.textContent?.trim() ?? '',
      head: [...table.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent!.trim()),
      groups: [...table.tBodies].map((tbody) => ({
        // The group's name heads the rows of its tbody: a th of scope rowgroup (HTML: it applies to the rows of the row group).
        region: tbody.querySelector('tr > th[scope="rowgroup"]')?.textContent?.trim() ?? '(no rowgroup header)',
        rows: [...tbody.rows]
          .filter((tr) => !tr.querySelector('th[scope="rowgroup"], th[scope="colgroup"]'))
          .map((tr) => ({ name: tr.querySelector('th[scope="row"]')?.textContent?.trim() ?? '', cells: [...tr.querySelectorAll('td')].map(number) })),
      })),
    };
  }, which);

/** The partner table holds exactly the expected rows, each under its region group, every number right. */
function expectPartnerTable(shown: ShownTable, expected: Map<string, ExpectedRow>, group: (id: string) => string = (id) => groupName(id)): void {
  const byName = new Map([...expected.values()].map((row) => [row.name, row]));
  const seen: string[] = [];
  for (const { region, rows } of shown.groups) {
    expect(rows.length, `rows under ${region}`).toBeGreaterThan(0);
    for (const row of rows) {
      const want = byName.get(row.name);
      expect(want, `a row for ${row.name}`).toBeDefined();
      expect({ partner: row.name, region, cells: row.cells }).toEqual({
        partner: row.name,
        region: group(want!.id),
        cells: [...want!.cells, want!.total, want!.shared],
      });
      seen.push(row.name);
    }
  }
  expect(seen.sort()).toEqual([...byName.keys()].sort());
  // One tbody per group, each group once.
  const regions = shown.groups.map((g) => g.region);
  expect(new Set(regions).size).toBe(regions.length);
}

/** The rows of each group in the order shown, against the order expected. */
function expectOrder(shown: ShownTable, expected: Map<string, ExpectedRow>, compare: (a: ExpectedRow, b: ExpectedRow) => number): void {
  const byName = new Map([...expected.values()].map((row) => [row.name, row]));
  for (const { region, rows } of shown.groups) {
    const names = rows.map((row) => row.name);
    const sorted = names.map((name) => byName.get(name)!).sort(compare).map((row) => row.name);
    expect(names, `order under ${region}`).toEqual(sorted);
  }
}

function expectFieldTable(shown: ShownTable, expected: Map<string, number[]>): void {
  expect(shown.groups).toHaveLength(1);
  const rows = shown.groups[0]!.rows;
  expect(rows.map((row) => row.name).sort()).toEqual([...expected.keys()].sort());
  for (const row of rows) {
    const cells = expected.get(row.name)!;
    expect({ field: row.name, cells: row.cells }).toEqual({
      field: row.name,
      cells: [...cells, cells.reduce((a, b) => a + b, 0), cells.filter((n) => n > 0).length],
    });
  }
}

/** Clicks `button` and returns the file the page saves, its name and its text. */
async function download(page: Page, button: Locator): Promise<{ name: string; text: string; days: string[] }> {
  const before = new Date();
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(await file.failure()).toBeNull();
  const text = await readFile((await file.path())!, 'utf8');
  return { name: file.suggestedFilename(), text, days: [localDay(before), localDay(new Date())] };
}

/** A CSV file as objects keyed by its header (parsed with d3-dsv, not the app's serializer). */
function parseCsv(text: string): { columns: string[]; rows: Record<string, string>[] } {
  const [columns, ...rows] = csvParseRows(text.replace(/^\uFEFF/, ''));
  return { columns: columns!, rows: rows.map((row) => Object.fromEntries(columns!.map((c, i) => [c, row[i] ?? '']))) };
}

/** The card's passages (its quotes), once it is open. */
const cardQuotes = (page: Page) => page.locator('atlas-card').evaluate((card) => [...card.shadowRoot!.querySelectorAll('blockquote')].map((q) => q.textContent!.trim()));

/** The text the open source reader marks as the passage. */
async function readerMarked(page: Page): Promise<string> {
  const dialog = page.locator('atlas-reader dialog[open]');
  await dialog.waitFor();
  await expect.poll(async () => (await dialog.locator('mark').allTextContents()).join('')).not.toBe('');
  return (await dialog.locator('mark').allTextContents()).join('');
}

/** Link ids the map renders now, once idle, less those the filters hide (feature state). */
const linksOnMap = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const map = window.atlas.map!;
        map.once('idle', () =>
          resolve([...new Set(map.queryRenderedFeatures({ layers: ['links'] }).filter((f) => !f.state.hidden).map((f) => String(f.properties.id)))].sort()),
        );
        map.triggerRepaint();
      }),
  );

// ---------------------------------------------------------------------------------------------

describe('the partner × origin matrix (view=matrix)', () => {
  it('is a real table whose every cell is the count of ties in atlas.json, grouped by region, with fields × origins beside it; axe finds no violations', async () => {
    const watched = await open('?view=matrix&lang=en');
    const { page } = watched;
    expect.soft(await axeViolations(page), 'axe-core on the matrix view').toEqual([]);
    expect(await page.locator('#insight').isVisible()).toBe(true);
    expect(await page.locator('atlas-matrix').isVisible()).toBe(true);
    expect(await page.locator('atlas-timeline').isVisible()).toBe(false);
    expect(await page.locator('atlas-matrix').getByRole('heading', { name: 'Partners × origins' }).isVisible()).toBe(true);

    const partnersShown = await shownTable(page, 0);
    expect(partnersShown.caption).toContain(`(${tiesText(TOTAL_TIES)} kept`);
    expect(partnersShown.head).toEqual(['Partner', ...ORIGIN_EN, 'Total', 'Origins']);
    const expected = expectedRows(ALL);
    expectPartnerTable(partnersShown, expected);
    // The groups in the dataset's order, the partners in none last.
    const groupsWithRows = [...atlas.groups.map((g) => g.en), 'Other partners'].filter((name) =>
      [...expected.values()].some((row) => groupName(row.id) === name),
    );
    expect(partnersShown.groups.map((g) => g.region)).toEqual(groupsWithRows);
    expectOrder(partnersShown, expected, byTies);

    const fieldsShown = await shownTable(page, 1);
    expect(fieldsShown.caption).not.toBe('');
    expect(fieldsShown.head).toEqual(['Field', ...ORIGIN_EN, 'Total', 'Origins']);
    expectFieldTable(fieldsShown, expectedFields(ALL));
    expectClean(watched);
  });

  it('sorts by ties or by origins sharing, and downloads the matrix as shown as CSV', async () => {
    const watched = await open('?view=matrix&lang=en');
    const { page } = watched;
    const expected = expectedRows(ALL);
    const byTiesButton = page.locator('atlas-matrix').getByRole('button', { name: 'By ties' });
    const bySharedButton = page.locator('atlas-matrix').getByRole('button', { name: 'By origins sharing' });
    expect(await byTiesButton.getAttribute('aria-pressed')).toBe('true');
    expect(await bySharedButton.getAttribute('aria-pressed')).toBe('false');
    const countOrder = (await shownTable(page, 0)).groups.flatMap((g) => g.rows.map((r) => r.name));

    await bySharedButton.click();
    await expect.poll(() => bySharedButton.getAttribute('aria-pressed')).toBe('true');
    expect(await byTiesButton.getAttribute('aria-pressed')).toBe('false');
    const shared = await shownTable(page, 0);
    expectPartnerTable(shared, expected);
    expectOrder(shared, expected, byShared);
    // The two orders differ on this dataset, so the button did reorder.
    expect(shared.groups.flatMap((g) => g.rows.map((r) => r.name))).not.toEqual(countOrder);

    await byTiesButton.click();
    await expect.poll(() => byTiesButton.getAttribute('aria-pressed')).toBe('true');
    const shown = await shownTable(page, 0);
    expectOrder(shown, expected, byTies);

    const saved = await download(page, page.locator('atlas-matrix').getByRole('button', { name: 'Download the matrix (CSV)' }));
    expect(saved.days.map((day) => `cooperation-atlas-matrix-all-${day}.csv`)).toContain(saved.name);
    const csv = parseCsv(saved.text);
    expect(csv.columns).toEqual(expect.arrayContaining(['group_en', 'partner_id', 'partner_en', ...ORIGIN_IDS, 'total', 'origins']));
    const tableRows = shown.groups.flatMap((g) => g.rows.map((row) => ({ region: g.region, ...row })));
    expect(csv.rows).toHaveLength(tableRows.length);
    csv.rows.forEach((row, i) => {
      const inTable = tableRows[i]!;
      const want = expected.get(row.partner_id!)!;
      expect(want, `partner ${row.partner_id}`).toBeDefined();
      expect({
        partner: row.partner_en,
        group: row.group_en === '' ? 'Other partners' : row.group_en,
        cells: [...ORIGIN_IDS.map((id) => Number(row[id])), Number(row.total), Number(row.origins)],
      }).toEqual({ partner: inTable.name, group: inTable.region, cells: inTable.cells });
      expect(inTable.cells).toEqual([...want.cells, want.total, want.shared]);
    });
    expectClean(watched);
  });

  it('a cell selects its tie (one link) or its partner (several links), and a field’s cell filters to origin and field', async () => {
    const watched = await open('?view=matrix&lang=en');
    const { page } = watched;
    const expected = [...expectedRows(ALL).values()];
    const matrix = page.locator('atlas-matrix');
    const cellName = (row: ExpectedRow, column: number) => `${ORIGIN_EN[column]} with ${row.name}: ${tiesText(row.cells[column]!)}`;

    // One link with several passages: the card opens with them.
    const single = expected
      .flatMap((row) => row.links.map((links, column) => ({ row, column, links })))
      .filter(({ links, row, column }) => links.length === 1 && row.cells[column]! > 1)[0]!;
    const link = atlas.links.find((l) => l.id === single.links[0])!;
    await matrix.getByRole('button', { name: cellName(single.row, single.column), exact: true }).click();
    await settledUrl(page, (params) => params.get('sel') === `link:${link.id}`);
    await page.locator('atlas-card aside').waitFor();
    await expect.poll(() => cardQuotes(page).then((quotes) => quotes.sort())).toEqual(link.evidence.map((e) => e.quote.trim()).sort());
    // The matrix stays in view beside the card (index.html: the views are "a column on the right, left of a card").
    const [cardBox, insightBox] = [await page.locator('atlas-card aside').boundingBox(), await page.locator('#insight').boundingBox()];
    expect
      .soft(
        cardBox && insightBox && (insightBox.x + insightBox.width <= cardBox.x || cardBox.x + cardBox.width <= insightBox.x),
        `card ${JSON.stringify(cardBox)} beside the matrix ${JSON.stringify(insightBox)}`,
      )
      .toBe(true);
    // Esc closes the card (so that the next cells can be clicked whatever the layout).
    await page.keyboard.press('Escape');
    await settledUrl(page, (params) => !params.has('sel'));

    // Ties through several places of one origin: the partner's card.
    const several = expected.flatMap((row) => row.links.map((links, column) => ({ row, column, links }))).find(({ links }) => links.length > 1)!;
    expect(several, 'a cell whose ties run through several links').toBeDefined();
    await matrix.getByRole('button', { name: cellName(several.row, several.column), exact: true }).click();
    await settledUrl(page, (params) => params.get('sel') === `partner:${several.row.id}`);
    await expect.poll(() => page.locator('atlas-card').evaluate((card) => card.shadowRoot!.querySelector('h2')?.textContent ?? '')).toContain(several.row.name);
    await page.keyboard.press('Escape');
    await settledUrl(page, (params) => !params.has('sel'));

    // A field's cell: the filters become that origin and that field, and the matrix follows.
    const fields = expectedFields(ALL);
    const [fieldEn, cells] = [...fields].find(([, c]) => c[ORIGIN_IDS.indexOf('shandong')]! > 1)!;
    const field = atlas.fields.find((f) => f.en === fieldEn)!;
    const column = ORIGIN_IDS.indexOf('shandong');
    await matrix.getByRole('button', { name: `Filter to Shandong · ${field.en}: ${tiesText(cells[column]!)}`, exact: true }).click();
    await settledUrl(page, (params) => params.get('origin') === 'shandong' && params.get('field') === field.id);
    const keep: Keep = (l, e) => l.origin === 'shandong' && e.fields.includes(field.id);
    await expect.poll(async () => (await shownTable(page, 0)).caption).toContain(`(${tiesText(cells[column]!)} kept`);
    expectPartnerTable(await shownTable(page, 0), expectedRows(keep));
    expectFieldTable(await shownTable(page, 1), expectedFields(keep));
    expectClean(watched);
  });

  it('follows the filters of a pasted link (origin=yunnan)', async () => {
    const watched = await open('?view=matrix&lang=en&origin=yunnan');
    const { page } = watched;
    const keep: Keep = (link) => link.origin === 'yunnan';
    const shown = await shownTable(page, 0);
    const expected = expectedRows(keep);
    expect(shown.caption).toContain(`(${tiesText([...expected.values()].reduce((n, r) => n + r.total, 0))} kept`);
    expectPartnerTable(shown, expected);
    expectFieldTable(await shownTable(page, 1), expectedFields(keep));
    expectClean(watched);
  });

  it('speaks Chinese with lang=zh-Hans, and the header’s 矩阵 button is pressed', async () => {
    const watched = await open('?view=matrix&lang=zh-Hans');
    const { page } = watched;
    const shown = await shownTable(page, 0);
    expect(shown.head).toEqual(['合作伙伴', ...atlas.origins.map((o) => o.zh), '合计', '来源地数']);
    expect(shown.head).toContain('云南');
    expectPartnerTable(shown, expectedRows(ALL, (p) => p.zh), (id) => groupName(id, (n) => n.zh, '其他伙伴'));
    const views = page.locator('atlas-header').getByRole('group', { name: '分析视图' });
    expect(await views.getByRole('button', { name: '矩阵' }).getAttribute('aria-pressed')).toBe('true');
    expect(await views.getByRole('button', { name: '地图' }).getAttribute('aria-pressed')).toBe('false');
    expect(await views.getByRole('button', { name: '时间线' }).getAttribute('aria-pressed')).toBe('false');
    expectClean(watched);
  });
});

describe('the timeline (view=timeline) and the year filter', () => {
  it('lists the documents by date; year=2019 keeps on the map and in the panels only what was issued by 2019; axe finds no violations', async () => {
    const watched = await open('?view=timeline&year=2019&lang=en');
    const { page } = watched;
    expect.soft(await axeViolations(page), 'axe-core on the timeline view').toEqual([]);
    const timeline = page.locator('atlas-timeline');
    expect(await timeline.isVisible()).toBe(true);
    expect(await page.locator('atlas-matrix').isVisible()).toBe(false);

    const entries = await timeline.evaluate((view) =>
      [...view.shadowRoot!.querySelectorAll('ol > li')].map((li) => ({
        date: li.querySelector('time')?.getAttribute('datetime') ?? '',
        later: li.classList.contains('later'),
        text: (li as HTMLElement).innerText,
      })),
    );
    const dates = atlas.documents.map((doc) => doc.date).sort();
    expect(dates).toEqual(['2015-11-04', '2018-12-14', '2019-05-10', '2020-01-21', '2021-11-19']);
    expect(entries.map((e) => e.date)).toEqual(dates);
    for (const entry of entries) {
      const doc = atlas.documents.find((d) => d.date === entry.date)!;
      const after = entry.date > '2019-12-31';
      expect({ date: entry.date, later: entry.later, says: entry.text.includes('Issued after the chosen year') }).toEqual({ date: entry.date, later: after, says: after });
      // Each entry counts its own document's ties (the year is what the timeline chooses) and targets.
      const ties = atlas.links.reduce((n, link) => n + link.evidence.filter((e) => e.doc === doc.id).length, 0);
      const targets = atlas.targets.filter((t) => t.doc === doc.id).length;
      expect(entry.text).toContain(doc.en);
      const tied = new Set(atlas.links.filter((link) => link.evidence.some((e) => e.doc === doc.id)).map((link) => link.partner)).size;
      expect(entry.text).toContain(`${tiesText(ties)} with ${tied} ${tied === 1 ? 'partner' : 'partners'}`);
      expect(entry.text).toContain(`${targets} quantitative targets`);
    }

    const years = timeline.getByRole('group', { name: 'Show the atlas as of' }).getByRole('button');
    expect(await years.allTextContents().then((texts) => texts.map((t) => t.trim()))).toEqual(['All years', '2015', '2018', '2019', '2020', '2021']);
    const pressed = await years.evaluateAll((buttons) => buttons.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.textContent!.trim()));
    expect(pressed).toEqual(['2019']);

    // The map: only links with a tie from a document issued by the end of 2019.
    const allowed = new Set<string>(atlas.links.filter((link) => link.evidence.some((e) => tiedByEnd2019(link, e))).map((link) => link.id));
    const onMap = await linksOnMap(page);
    expect(onMap.length).toBeGreaterThan(0);
    expect(onMap.filter((id) => !allowed.has(id))).toEqual([]);
    // Yunnan's only document is of 2021: none of its links shows.
    expect(onMap.some((id) => id.startsWith('yunnan:'))).toBe(false);

    // The filter panel counts the same ties.
    const kept = atlas.links.reduce((n, link) => n + link.evidence.filter((e) => tiedByEnd2019(link, e)).length, 0);
    expect(kept).toBeLessThan(TOTAL_TIES);
    await page.click('#explore > summary');
    await expect
      .poll(() => page.locator('atlas-filters').evaluate((panel) => panel.shadowRoot!.querySelector('.summary')?.textContent?.trim() ?? ''))
      .toBe(`Showing ${kept} of ${TOTAL_TIES} ties`);
    // And the matrix counts them too, once shown (a hidden view is not laid out).
    expect(await page.evaluate(() => document.querySelector('atlas-matrix')!.matrix)).toBeNull();
    const views = page.locator('atlas-header').getByRole('group', { name: 'Views' });
    await views.getByRole('button', { name: 'Matrix' }).click();
    await expect.poll(() => page.evaluate(() => document.querySelector('atlas-matrix')!.matrix?.count.total)).toBe(kept);
    await views.getByRole('button', { name: 'Timeline' }).click();

    // Another year, then all years: the address follows.
    await timeline.getByRole('button', { name: '2021', exact: true }).click();
    await settledUrl(page, (params) => params.get('year') === '2021');
    expect(await timeline.getByRole('button', { name: '2021', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await timeline.evaluate((view) => view.shadowRoot!.querySelectorAll('li.later').length)).toBe(0);
    await timeline.getByRole('button', { name: 'All years' }).click();
    await settledUrl(page, (params) => !params.has('year') && params.get('view') === 'timeline');
    expect(await timeline.getByRole('button', { name: 'All years' }).getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => page.locator('atlas-filters').evaluate((panel) => panel.shadowRoot!.querySelector('.summary')?.textContent?.trim() ?? ''))
      .toBe(`Showing ${TOTAL_TIES} of ${TOTAL_TIES} ties`);
    expectClean(watched);
  });
});

const KIND_EN: Record<string, string> = { country: 'Country', bloc: 'Bloc', city: 'City', institution: 'Institution', company: 'Company', region: 'Region' };

/** Headings of the profile and the chips under each: "Name N". */
const profileChips = (page: Page) =>
  page.locator('atlas-profile').evaluate((profile) => {
    const section = profile.shadowRoot!.querySelector('section')!;
    const out: { h3: string; h4: string; chips: string[] }[] = [];
    let [h3, h4] = ['', ''];
    for (const child of section.children) {
      if (child.tagName === 'H3') [h3, h4] = [child.textContent!.trim(), ''];
      else if (child.tagName === 'H4') h4 = child.textContent!.trim();
      else if (child.classList.contains('chips')) out.push({ h3, h4, chips: [...child.querySelectorAll('.chip')].map((c) => c.textContent!.trim().replace(/\s+/g, ' ')) });
    }
    return out;
  });

/** The chart numbers: aria-label, role, focusable, and whether they sit inside the pairs chart. */
const chartValues = (page: Page) =>
  page.locator('atlas-profile').evaluate((profile) =>
    [...profile.shadowRoot!.querySelectorAll('svg text.value')].map((text) => {
      const a = text.closest('a');
      return {
        label: a?.getAttribute('aria-label') ?? null,
        role: a?.getAttribute('role') ?? null,
        href: a?.getAttribute('href') ?? null,
        tabIndex: a ? (a as unknown as HTMLElement).tabIndex : -1,
        inPairs: Boolean(text.closest('svg[role="group"]')?.getAttribute('aria-label')?.includes('achieved against')),
      };
    }),
  );

const SIGN = { 'at-least': '≥', 'at-most': '≤', exactly: '' } as const;

/**
 * The accessible name of a chart's number (messages.ts, profile.read): what is counted, the value
 * as the plan writes it with its comparator and unit, its year, and that it opens the plan there.
 */
function valueLabel(target: Target): string {
  const when = target.year === null ? 'no year given' : target.status === 'achieved' ? `achieved in ${target.year}` : `target for ${target.year}`;
  return `${target.subject.en}: ${SIGN[target.comparator]}${target.value} ${target.unit.en} (${when}); read it in the plan`;
}

/**
 * The reader is open where the plan writes the number named `label`: the address names a span
 * inside the passage of a target of that name, as long as its value, and the reader marks exactly
 * the value.
 */
async function expectReadingValue(page: Page, label: string): Promise<void> {
  const candidates = atlas.targets.filter((t) => t.origin === 'wuhan' && valueLabel(t) === label);
  expect(candidates.length, `a Wuhan target named “${label}”`).toBeGreaterThan(0);
  const value = candidates[0]!.value;
  const params = await settledUrl(page, (p) => p.has('read'));
  const m = /^([\w-]+):(\d+)-(\d+)$/.exec(params.get('read')!);
  expect(m, `read=${params.get('read')}`).not.toBeNull();
  const [doc, start, end] = [m![1]!, Number(m![2]), Number(m![3])];
  expect(end - start).toBe(value.length);
  const target = candidates.find((t) => t.doc === doc && t.start <= start && end <= t.end);
  expect(target, `read=${params.get('read')} inside the passage of “${label}”`).toBeDefined();
  expect(target!.quote.slice(start - target!.start, end - target!.start)).toBe(value);
  expect(await readerMarked(page)).toBe(value);
}

describe('profiles under the card', () => {
  it('an origin’s profile: documents, partners by kind, fields, targets’ charts whose numbers open the reader, and the targets’ CSV; axe finds no violations', async () => {
    const watched = await open('?sel=origin:wuhan&lang=en');
    const { page } = watched;
    await page.waitForFunction(() => document.querySelector('atlas-card')?.profile?.kind === 'origin');
    const profile = page.locator('atlas-profile');
    await profile.locator('svg').first().waitFor();
    expect.soft(await axeViolations(page), 'axe-core on an origin’s profile').toEqual([]);

    // Documents: Wuhan's two, by date, with issuer and date.
    const wuhanDocs = atlas.documents.filter((d) => d.origin === 'wuhan').sort((a, b) => a.date.localeCompare(b.date));
    expect(wuhanDocs).toHaveLength(2);
    const docs = await profile.evaluate((p) => [...p.shadowRoot!.querySelectorAll('.docs li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()));
    expect(docs).toHaveLength(2);
    wuhanDocs.forEach((doc, i) => {
      expect(docs[i]).toContain(doc.en);
      expect(docs[i]).toContain(doc.issuer.en);
      expect(docs[i]).toContain(doc.date);
    });

    // Partners by kind and fields, with their ties counted here.
    const wuhanTies = atlas.links.filter((l) => l.origin === 'wuhan').flatMap((l) => l.evidence.map((e) => ({ link: l, e })));
    const partnerChips = new Map<string, number>();
    const fieldChips = new Map<string, number>();
    for (const { link, e } of wuhanTies) {
      const partner = partners.get(link.partner)!;
      const key = `${KIND_EN[partner.kind]}|${partner.en} `;
      partnerChips.set(key, (partnerChips.get(key) ?? 0) + 1);
      for (const id of new Set(e.fields)) {
        const name = atlas.fields.find((f) => f.id === id)!.en;
        fieldChips.set(name, (fieldChips.get(name) ?? 0) + 1);
      }
    }
    const chips = await profileChips(page);
    const shownPartners = chips.filter((c) => c.h3 === 'Partners by kind').flatMap((c) => c.chips.map((chip) => `${c.h4}|${chip}`));
    expect(shownPartners.sort()).toEqual([...partnerChips].map(([key, n]) => `${key}${n}`).sort());
    const shownFields = chips.filter((c) => c.h3 === 'Fields').flatMap((c) => c.chips);
    expect(shownFields.sort()).toEqual([...fieldChips].map(([name, n]) => `${name} ${n}`).sort());

    // The charts: bars, and every number a focusable, named link, one per Wuhan target.
    const wuhanTargets = atlas.targets.filter((t) => t.origin === 'wuhan');
    expect(await profile.locator('svg rect').count()).toBeGreaterThan(0);
    const values = await chartValues(page);
    expect(values.filter((v) => !(v.role === 'button' && v.href !== null && v.tabIndex >= 0 && v.label !== null))).toEqual([]);
    expect(values.map((v) => v.label).sort()).toEqual(wuhanTargets.map(valueLabel).sort());

    // The 13th Five-Year plan's pairs: 2015 achieved against the 2020 target, a pair of bars each.
    const plan = atlas.documents.find((d) => d.origin === 'wuhan' && /13th Five-Year/.test(d.en))!;
    const achieved = wuhanTargets.filter((t) => t.doc === plan.id && t.status === 'achieved');
    expect(achieved.length).toBeGreaterThan(0);
    const pairs = profile.locator('svg[aria-label="2015 achieved against the 2020 target"]');
    expect(await pairs.count()).toBe(1);
    expect(await pairs.locator('rect').count()).toBe(2 * achieved.length);
    const pairYears = await pairs.locator('text.muted').allTextContents();
    expect(pairYears.filter((y) => y === '2015')).toHaveLength(achieved.length);
    expect(pairYears.filter((y) => y === '2020')).toHaveLength(achieved.length);
    // Each pair: the achieved value, then the goal for the same measure and unit.
    const inPairs = values.filter((v) => v.inPairs).map((v) => v.label!);
    expect(inPairs).toHaveLength(2 * achieved.length);
    expect(inPairs.filter((_, i) => i % 2 === 0).sort()).toEqual(achieved.map(valueLabel).sort());
    for (let i = 0; i < inPairs.length; i += 2) {
      const done = achieved.find((t) => valueLabel(t) === inPairs[i])!;
      const goals = wuhanTargets.filter((t) => t.doc === plan.id && t.status === 'target' && t.subject.en === done.subject.en && t.unit.en === done.unit.en);
      expect(goals.map(valueLabel), `the goal beside ${inPairs[i]}`).toContain(inPairs[i + 1]);
    }

    // A number clicked opens the reader where the plan writes it.
    const first = pairs.getByRole('button').first();
    await first.click();
    await expectReadingValue(page, (await first.getAttribute('aria-label'))!);
    await page.keyboard.press('Escape');
    await settledUrl(page, (p) => !p.has('read'));
    expect(await page.locator('atlas-reader dialog[open]').count()).toBe(0);

    // And from the keyboard: focused, then Enter (a number in a unit's chart this time).
    const other = profile.locator('svg:not([aria-label*="achieved against"])').getByRole('button').last();
    const otherLabel = (await other.getAttribute('aria-label'))!;
    const focusedLabel = () =>
      page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active?.getAttribute('aria-label') ?? null;
      });
    await other.focus();
    expect(await focusedLabel()).toBe(otherLabel);
    await page.keyboard.press('Enter');
    await expectReadingValue(page, otherLabel);
    await page.keyboard.press('Escape');
    await settledUrl(page, (p) => !p.has('read'));
    // Closed, the reader gives the focus back to the number that opened it.
    await expect.poll(focusedLabel).toBe(otherLabel);

    // The targets' CSV: one row per Wuhan target.
    const saved = await download(page, profile.getByRole('button', { name: 'Download the targets (CSV)' }));
    expect(saved.days.map((day) => `cooperation-atlas-targets-wuhan-${day}.csv`)).toContain(saved.name);
    const csv = parseCsv(saved.text);
    const key = (r: { origin: string; doc: string; value: string; start: number | string; end: number | string; status: string }) =>
      [r.origin, r.doc, r.value, r.start, r.end, r.status].join('|');
    expect(csv.rows.map((r) => key({ origin: r.origin!, doc: r.doc_id!, value: r.value!, start: r.quote_start!, end: r.quote_end!, status: r.status! })).sort()).toEqual(
      wuhanTargets.map((t) => key({ ...t })).sort(),
    );
    expectClean(watched);
  });

  it('a partner’s and a country’s profile list the origins tied to them with their ties', async () => {
    const watched = await open('?sel=partner:ASEAN&lang=en');
    const { page } = watched;
    const originRows = async () => {
      await page.waitForFunction(() => (document.querySelector('atlas-card')?.profile?.kind ?? null) === 'partner');
      await page.locator('atlas-profile table').waitFor();
      return page
        .locator('atlas-profile')
        .evaluate((p) => [...p.shadowRoot!.querySelectorAll('table tbody th[scope="row"]')].map((th) => (th as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    };
    const expectedFor = (belongs: (partner: Partner) => boolean) => {
      const counts = new Map<string, number>();
      for (const link of atlas.links) {
        if (!belongs(partners.get(link.partner)!)) continue;
        const name = atlas.origins.find((o) => o.id === link.origin)!.en;
        counts.set(name, (counts.get(name) ?? 0) + link.evidence.length);
      }
      return [...counts].map(([name, n]) => `${name} ${tiesText(n)}`).sort();
    };

    const asean = expectedFor((p) => p.id === 'ASEAN');
    expect(asean.length).toBeGreaterThan(1);
    expect((await originRows()).sort()).toEqual(asean);

    await goto(page, '?sel=country:USA&lang=en');
    const usa = expectedFor((p) => p.id === 'USA' || p.iso3 === 'USA');
    // The country's own cities and companies count: more than the ties to the partner USA alone.
    expect(usa).not.toEqual(expectedFor((p) => p.id === 'USA'));
    expect((await originRows()).sort()).toEqual(usa);
    expectClean(watched);
  });

  it('a profile comes a frame after its card, and never shows under the card of another selection', async () => {
    const watched = await open('?lang=en');
    const { page } = watched;
    const seen = await page.evaluate(async () => {
      const card = document.querySelector('atlas-card')!;
      const legend = document.querySelector('atlas-legend')!;
      const select = (selection: object) => legend.dispatchEvent(new CustomEvent('select', { detail: selection }));
      // The card's selection and the profile's kind, each frame: a partner's and a country's profile are of kind partner.
      const pairs: string[] = [];
      const profileKind = (kind: string | undefined) => (kind === 'origin' ? 'origin' : kind === undefined ? undefined : 'partner');
      let sampling = true;
      const sample = () => {
        pairs.push(`${card.card?.selection.kind ?? '-'} ${card.profile?.kind ?? '-'}`);
        if (sampling) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const profiled = (kind: string) =>
        new Promise<void>((resolve) => {
          const check = () => (profileKind(card.profile?.kind) === kind ? resolve() : requestAnimationFrame(check));
          check();
        });
      // A partner, and at once an origin; then an origin, and a frame later (its profile not yet in) a country.
      select({ kind: 'partner', id: 'ASEAN' });
      const rightAfter = card.profile;
      select({ kind: 'origin', id: 'wuhan' });
      await profiled('origin');
      select({ kind: 'origin', id: 'yunnan' });
      await frame();
      select({ kind: 'country', iso3: 'USA' });
      const atCountry = card.profile;
      await profiled('partner');
      await frame();
      sampling = false;
      return { rightAfter, atCountry, pairs, last: `${card.card?.selection.kind} ${card.profile?.kind}` };
    });
    // Not in the task of the selection: the card alone answers it.
    expect(seen.rightAfter).toBeNull();
    expect(seen.atCountry).toBeNull();
    const mismatched = seen.pairs.filter((pair) => {
      const [selection, profile] = pair.split(' ');
      return profile !== '-' && (selection === 'origin') !== (profile === 'origin');
    });
    expect(mismatched).toEqual([]);
    expect(seen.pairs.length).toBeGreaterThan(2);
    expect(seen.last).toBe('country partner');
    expectClean(watched);
  });
});

describe('the keyboard', () => {
  it('the header’s Timeline button is reached with Tab and pressed with the keyboard, and the view goes into the URL', async () => {
    const watched = await open('?lang=en');
    const { page } = watched;
    expect(await page.locator('#insight').isVisible()).toBe(false);
    const focused = () =>
      page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return { text: active?.textContent?.trim() ?? '', inHeader: Boolean(active?.getRootNode() === document.querySelector('atlas-header')?.shadowRoot) };
      });
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      reached = now.inHeader && now.text === 'Timeline';
    }
    expect(reached, 'Tab reaches the header’s Timeline button').toBe(true);
    await page.keyboard.press('Enter');
    await settledUrl(page, (params) => params.get('view') === 'timeline');
    expect(await page.locator('atlas-timeline').isVisible()).toBe(true);
    const views = page.locator('atlas-header').getByRole('group', { name: 'Views' });
    expect(await views.getByRole('button', { name: 'Timeline' }).getAttribute('aria-pressed')).toBe('true');

    // Back one, to Matrix, and Space.
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual({ text: 'Matrix', inHeader: true });
    await page.keyboard.press('Space');
    await settledUrl(page, (params) => params.get('view') === 'matrix');
    expect(await page.locator('atlas-matrix').isVisible()).toBe(true);
    expectClean(watched);
  });
});
