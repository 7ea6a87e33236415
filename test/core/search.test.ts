import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { parseAtlas } from '../../src/core/parse-atlas.ts';
import { search, searchEntries } from '../../src/core/search.ts';

const parsed = parseAtlas(readFileSync('public/data/atlas.json', 'utf8'));
if (!parsed.ok) throw new Error(parsed.error);
const entries = searchEntries(parsed.atlas, OpenCC.Converter({ from: 'cn', to: 'twp' }));
const first = (q: string) => search(entries, q)[0]?.target;

describe('search', () => {
  it('finds a country by its Simplified, Traditional or English name, or its code', () => {
    for (const q of ['以色列', 'Israel', 'israel', 'ISR']) expect(first(q), q).toEqual({ kind: 'select', selection: { kind: 'country', iso3: 'ISR' } });
    expect(first('烏克蘭')).toEqual({ kind: 'select', selection: { kind: 'country', iso3: 'UKR' } });
  });

  it('finds cities, parks, blocs and fields', () => {
    expect(first('東京')).toEqual({ kind: 'select', selection: { kind: 'partner', id: 'tokyo' } });
    expect(first('中德产业园')).toMatchObject({ selection: { kind: 'site' } });
    expect(first('Sino-German')).toMatchObject({ selection: { kind: 'site' } });
    expect(first('asean')).toEqual({ kind: 'select', selection: { kind: 'partner', id: 'ASEAN' } });
    expect(first('海洋')).toEqual({ kind: 'field', id: 'marine' });
    expect(first('農業')).toEqual({ kind: 'field', id: 'agriculture' });
    expect(first('Kunming')).toEqual({ kind: 'place', adcode: '530100' });
    expect(first('Atlantis')).toBeUndefined();
  });

  it('ranks an exact name before names that merely contain the query', () => {
    const results = search(entries, '中国');
    expect(results.length).toBeGreaterThan(1);
    expect(search(entries, 'india')[0]!.en).toBe('India');
  });

  it('returns nothing for an empty query', () => {
    expect(search(entries, '  ')).toEqual([]);
  });
});
