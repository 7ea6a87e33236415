import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/core/filters.ts';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import type { Atlas } from '../../src/core/types.ts';
import { DEFAULT_VIEW, formatViewState, parseViewState, type ViewState } from '../../src/core/url-state.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(parsed.error);
const atlas: Atlas = parsed.atlas;

const full: ViewState = {
  lang: 'en',
  filters: { ...NO_FILTERS, origin: ['shandong', 'yunnan'], field: ['agriculture'], group: ['asean'] },
  selection: { kind: 'country', iso3: 'ISR' },
  projection: 'globe',
  camera: { lon: 100.5, lat: 30.25, zoom: 3.5, bearing: 10, pitch: 20 },
  reading: { doc: '002_1d76437583e0dae5', start: 1200, end: 1300, script: 'zh-Hans' },
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
      '?lang=en&origin=shandong,yunnan&field=agriculture&group=asean&sel=country:ISR&proj=globe&cam=100.5,30.25,3.5,10,20&read=002_1d76437583e0dae5:1200-1300&script=zh-Hans',
    );
  });

  it('drops what it cannot use, with a short reason, and keeps the rest', () => {
    const { state, notices } = parseViewState('?lang=fr&origin=wuhan,atlantis&sel=country:XXX&cam=1,2&proj=3d&read=nope', atlas);
    expect(state.filters.origin).toEqual(['wuhan']);
    expect(state.lang).toBe('zh-Hans');
    expect(state.selection).toBeNull();
    expect(notices.map((n) => n.param)).toEqual(['lang', 'origin', 'sel', 'proj', 'cam', 'read']);
    expect(notices.find((n) => n.param === 'origin')).toMatchObject({ value: 'atlantis', reason: 'unknown origin' });
  });

  it('migrates old spellings instead of breaking them', () => {
    const { state, notices } = parseViewState('?lang=zh-TW&proj=flat&sel=partner:central-west-asia', atlas);
    expect(notices).toEqual([]);
    expect(state.lang).toBe('zh-Hant');
    expect(state.projection).toBe('mercator');
    expect(state.selection).toEqual({ kind: 'partner', id: 'central-and-west-asia' });
  });

  it('rejects a camera out of range and a passage outside its document', () => {
    const doc = atlas.documents[0]!;
    const { notices } = parseViewState(`?cam=0,95,3&read=${doc.id}:10-${doc.length + 1}`, atlas);
    expect(notices.map((n) => n.reason)).toEqual([expect.stringMatching(/lat 95/), expect.stringMatching(/not inside/)]);
  });

  it('never throws on thousands of random URLs, and what it keeps formats and parses back unchanged', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const pieces = ['lang', 'origin', 'field', 'mode', 'kind', 'group', 'doc', 'sel', 'proj', 'cam', 'read', 'script', 'x', '', '%', '&&', '=', '?'];
    const values = ['', 'en', 'wuhan', 'country:ISR', 'link:', ':', '1,2,3', 'NaN,1,1', '1e999,0,0', '%E4%B8', '%', '<script>', 'zh-TW', 'globe', '002_1d76437583e0dae5:5-1', 'a'.repeat(300), '\u0000', '😀', ',,,'];
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
