import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traditionalTable } from '../../src/build/zh-hant-plugin.ts';
import { NO_FILTERS } from '../../src/core/filters.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import type { Atlas } from '../../src/core/types.ts';
import { formatViewState, isDisplayMode, parseViewState } from '../../src/core/url-state.ts';
import { DEFAULT_VIEW, type ViewState } from '../../src/core/view-state.ts';
import { localizer } from '../../src/i18n/localizer.ts';
import { noticeText } from '../../src/ui/notice-text.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
const atlas: Atlas = parsed.atlas;

const full: ViewState = {
  lang: 'en',
  filters: { ...NO_FILTERS, origin: ['shandong', 'yunnan'], field: ['agriculture'], group: ['asean'], year: ['2019'] },
  selection: { kind: 'country', iso3: 'ISR' },
  projection: 'globe',
  view: 'matrix',
  camera: { lon: 100.5, lat: 30.25, zoom: 3.5, bearing: 10, pitch: 20 },
  reading: { doc: '002_1d76437583e0dae5', start: 1200, end: 1300, script: 'zh-Hans' },
  mode: 'explore',
  tour: null,
  kiosk: DEFAULT_VIEW.kiosk,
};

describe('URL state', () => {
  it('round-trips: a pasted link restores the same view', () => {
    const query = formatViewState(full);
    const back = parseViewState(query, atlas);
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(full);
  });

  it('writes only the language for the default view, and readable parameters otherwise', () => {
    expect(formatViewState(DEFAULT_VIEW)).toBe('?lang=zh-Hans');
    expect(formatViewState(full)).toBe(
      '?lang=en&origin=shandong,yunnan&field=agriculture&group=asean&year=2019&sel=country:ISR&proj=globe&view=matrix&cam=100.5,30.25,3.5,10,20&read=002_1d76437583e0dae5:1200-1300&script=zh-Hans',
    );
  });

  it('drops what it cannot use, with the reason as a code and the values it names, and keeps the rest', () => {
    const { state, notices } = parseViewState('?lang=fr&origin=wuhan,atlantis&sel=country:XXX&cam=1,2&proj=3d&read=nope', atlas);
    expect(state.filters.origin).toEqual(['wuhan']);
    expect(state.lang).toBe('zh-Hans');
    expect(state.selection).toBeNull();
    expect(notices).toEqual([
      { param: 'lang', value: 'fr', reason: { code: 'lang', values: {} } },
      { param: 'origin', value: 'atlantis', reason: { code: 'unknown.origin', values: {} } },
      { param: 'sel', value: 'country:XXX', reason: { code: 'missing.country', values: { id: 'XXX' } } },
      { param: 'proj', value: '3d', reason: { code: 'proj', values: {} } },
      { param: 'cam', value: '1,2', reason: { code: 'cam.syntax', values: {} } },
      { param: 'read', value: 'nope', reason: { code: 'missing.doc', values: { id: 'nope' } } },
    ]);
  });

  it('words each reason in the reader’s language, naming the value and why', () => {
    const table = traditionalTable([]);
    const { notices } = parseViewState('?group=atlantis&sel=country:XXX&cam=0,95,3', atlas);
    const words = (lang: 'zh-Hans' | 'zh-Hant' | 'en') => notices.map((n) => noticeText(localizer(lang, table), n));
    const [group, sel, cam] = words('en');
    expect(group).toMatch(/^group=atlantis: not a region in the atlas$/);
    expect(sel).toMatch(/^sel=country:XXX: .*country XXX/);
    expect(cam).toMatch(/^cam=0,95,3: lat 95 is out of range \(-85…85\)$/);
    const zh = words('zh-Hans');
    expect(zh[0]).toMatch(/^group=atlantis:.*地区分组/);
    expect(zh[1]).toMatch(/国家 XXX/);
    expect(zh[2]).toMatch(/纬度 95 超出范围.*-85.*85/);
    const hant = words('zh-Hant');
    expect(hant[0]).toMatch(/地區分組/);
    expect(hant[2]).toMatch(/緯度 95 超出範圍/);
    // No English left in the Chinese reasons but the parameters' own spellings.
    for (const text of [...zh, ...hant]) expect(text).not.toMatch(/unknown|out of range|no country/);
  });

  it('honours every language tag the app honours, without a notice, and writes it back as the language’s own tag', () => {
    const tags: Record<string, string | null> = {
      'zh-Hant-TW': 'zh-Hant', zh_HK: 'zh-Hant', yue: 'zh-Hant', Traditional: 'zh-Hant', 'zh-Hant': 'zh-Hant',
      hans: 'zh-Hans', 'zh-CN': 'zh-Hans', zh: 'zh-Hans',
      'en-GB': 'en', EN: 'en',
      tw: null, cn: null, fr: null, 'de-DE': null, klingon: null,
    };
    for (const [tag, honoured] of Object.entries(tags)) {
      const { state, notices } = parseViewState(`?lang=${tag}`, atlas);
      expect(notices.length, tag).toBe(honoured ? 0 : 1);
      expect(state.lang, tag).toBe(honoured ?? DEFAULT_VIEW.lang);
      if (honoured) expect(formatViewState(state)).toBe(`?lang=${honoured}`);
    }
  });

  it('reports a script it does not know, and a script with no passage to show it in', () => {
    const doc = atlas.documents[0]!;
    const bogus = parseViewState(`?read=${doc.id}&script=bogus`, atlas);
    expect(bogus.state.reading).toEqual({ doc: doc.id, start: 0, end: 0, script: 'original' });
    expect(bogus.notices).toEqual([{ param: 'script', value: 'bogus', reason: { code: 'script', values: {} } }]);
    const alone = parseViewState('?script=zh-Hant', atlas);
    expect(alone.state.reading).toBeNull();
    expect(alone.notices).toEqual([{ param: 'script', value: 'zh-Hant', reason: { code: 'script.unread', values: {} } }]);
    // A passage that is dropped leaves its script nothing to apply to either.
    expect(parseViewState('?read=nope&script=zh-Hant', atlas).notices.map((n) => n.reason.code)).toEqual(['missing.doc', 'script.unread']);
  });

  it('migrates old spellings instead of breaking them', () => {
    const { state, notices } = parseViewState('?lang=zh-TW&proj=flat&sel=partner:central-west-asia', atlas);
    expect(notices).toEqual([]);
    expect(state.lang).toBe('zh-Hant');
    expect(state.projection).toBe('mercator');
    expect(state.selection).toEqual({ kind: 'partner', id: 'central-and-west-asia' });
  });

  it('keeps every region group as written: a renamed partner id is not a renamed group id', () => {
    for (const group of atlas.groups) {
      const { state, notices } = parseViewState(`?group=${group.id}`, atlas);
      expect(notices).toEqual([]);
      expect(state.filters.group).toEqual([group.id]);
      expect(formatViewState(state)).toContain(`group=${group.id}`);
    }
  });

  it('rejects a camera out of range and a passage outside its document', () => {
    const doc = atlas.documents[0]!;
    const { notices } = parseViewState(`?cam=0,95,3&read=${doc.id}:10-${doc.length + 1}`, atlas);
    expect(notices.map((n) => n.reason)).toEqual([
      { code: 'range.lat', values: { n: 95, min: -85, max: 85 } },
      { code: 'read.passage', values: { start: 10, end: doc.length + 1 } },
    ]);
  });

  it('reads a presentation and a kiosk from `mode`, which also holds the modes of cooperation', () => {
    const kiosk: ViewState = { ...full, reading: null, filters: { ...NO_FILTERS, mode: ['park'] }, mode: 'kiosk', tour: { id: 'default', step: 3 }, kiosk: { pace: 8, idle: 45 } };
    const query = formatViewState(kiosk);
    expect(query).toContain('mode=kiosk,park');
    expect(query).toContain('tour=default&step=3&pace=8&idle=45');
    expect(parseViewState(query, atlas)).toEqual({ state: kiosk, notices: [] });
    // Either order, any case, and the old word for it.
    expect(parseViewState('?mode=park,Presentation', atlas).state).toMatchObject({ mode: 'present', filters: { mode: ['park'] } });
    // No vocabulary term may ever be taken for a way of showing the atlas.
    for (const term of atlas.modes) expect(isDisplayMode(term.id)).toBe(false);
  });

  it('opens a presentation on the default tour at its first step, and a step alone on the default tour', () => {
    expect(parseViewState('?mode=present', atlas).state.tour).toEqual({ id: 'default', step: 1 });
    expect(parseViewState('?step=4', atlas).state).toMatchObject({ mode: 'explore', tour: { id: 'default', step: 4 } });
    expect(parseViewState('?tour=expo-2026&step=2', atlas).state.tour).toEqual({ id: 'expo-2026', step: 2 });
    expect(parseViewState('?lang=en', atlas).state.tour).toBeNull();
  });

  it('drops a tour id that is not a file name, a step that is not a number from 1, and kiosk timings outside a kiosk or out of range', () => {
    const { state, notices } = parseViewState('?mode=kiosk&tour=../etc&step=0&pace=0.5&idle=nine', atlas);
    expect(state).toMatchObject({ mode: 'kiosk', tour: { id: 'default', step: 1 }, kiosk: DEFAULT_VIEW.kiosk });
    expect(notices.map((n) => [n.param, n.reason.code])).toEqual([
      ['tour', 'tour.syntax'],
      ['step', 'step'],
      ['pace', 'range.pace'],
      ['idle', 'range.idle'],
    ]);
    expect(parseViewState('?mode=present&pace=5', atlas).notices.map((n) => n.reason.code)).toEqual(['kiosk.unused']);
  });

  it('never throws on thousands of random URLs, and what it keeps formats and parses back unchanged', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const pieces = ['lang', 'origin', 'field', 'mode', 'kind', 'group', 'doc', 'year', 'view', 'sel', 'proj', 'cam', 'read', 'script', 'tour', 'step', 'pace', 'idle', 'x', '', '%', '&&', '=', '?'];
    const values = ['', 'en', 'wuhan', 'present', 'kiosk,park', 'park,present', 'Kiosk', '3', '0', '12.5', 'default', 'constructor', 'partner:constructor', 'toString', '__proto__', 'country:ISR', 'link:', ':', '1,2,3', 'NaN,1,1', '1e999,0,0', '%E4%B8', '%', '<script>', 'zh-TW', 'tw', 'zh-Hant', 'bogus', 'globe', '002_1d76437583e0dae5:5-1', '2019', '2015,2021', '1999', 'matrix', 'Timeline', 'map', 'a'.repeat(300), '\u0000', '😀', ',,,'];
    for (let i = 0; i < 5000; i++) {
      const parts = Array.from({ length: Math.floor(random() * 6) }, () => `${pick(pieces)}${random() < 0.8 ? '=' : ''}${pick(values)}`);
      const query = `?${parts.join(random() < 0.9 ? '&' : ';')}`;
      const { state } = parseViewState(query, atlas);
      const again = parseViewState(formatViewState(state), atlas);
      expect(again.notices).toEqual([]);
      expect(again.state).toEqual(state);
    }
  });
});
