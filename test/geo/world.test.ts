import isoCountries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import type { Names } from '../../src/core/types';
import { bboxOf, readLayer, ringsOf } from './committed';

const countries = readLayer<Names>('world.topo.json', 'countries');
const land = readLayer<null>('world.topo.json', 'land');
const byId = new Map(countries.map((country) => [String(country.id), country]));

describe('geo/world.topo.json', () => {
  it('keys every country by a distinct ISO 3166-1 alpha-3 code', () => {
    expect(countries.length).toBeGreaterThan(220);
    expect(byId.size).toBe(countries.length);
    for (const id of byId.keys()) expect(isoCountries.alpha3ToAlpha2(id), id).toBeDefined();
  });

  it('names every country in English and Chinese', () => {
    for (const { id, properties } of countries) {
      expect(properties.en, String(id)).toMatch(/^\p{Lu}[\p{L}'. -]+$/u);
      expect(properties.zh, String(id)).toMatch(/^\p{Script=Han}[\p{Script=Han}（）、·-]*$/u);
    }
    expect(byId.get('KOR')?.properties).toEqual({ en: 'South Korea', zh: '韩国' });
    expect(byId.get('USA')?.properties.en).toBe('United States');
  });

  it('leaves China, Taiwan, Hong Kong and Macao to the China layer', () => {
    for (const id of ['CHN', 'TWN', 'HKG', 'MAC']) expect(byId.has(id), id).toBe(false);
  });

  it('keeps the small states that only the 1:50m data has', () => {
    for (const id of ['SGP', 'BHR', 'MLT', 'MDV', 'LIE']) expect(byId.has(id), id).toBe(true);
  });

  it('merges the units without an ISO code into a country', () => {
    const kosovo = [20.9, 42.6];
    const [west, south, east, north] = bboxOf(byId.get('SRB')!.geometry);
    expect(kosovo[0]).toBeGreaterThan(west);
    expect(kosovo[0]).toBeLessThan(east);
    expect(kosovo[1]).toBeGreaterThan(south);
    expect(kosovo[1]).toBeLessThan(north);
  });

  it('has no ring whose consecutive vertices jump more than 180° in longitude', () => {
    const jumps = [...countries, ...land].flatMap((area) =>
      ringsOf(area.geometry).flatMap((ring) =>
        ring.slice(1).flatMap(([lon], i) => (Math.abs(lon - ring[i][0]) > 180 ? [`${area.id} at vertex ${i + 1}`] : [])),
      ),
    );
    expect(jumps).toEqual([]);
  });

  it('draws Russia and Fiji as contiguous areas across 180°', () => {
    const [russiaWest, , russiaEast] = bboxOf(byId.get('RUS')!.geometry);
    expect(russiaWest).toBeGreaterThan(15);
    expect(russiaEast).toBeGreaterThan(180);
    expect(russiaEast).toBeLessThan(195);
    const [fijiWest, , fijiEast] = bboxOf(byId.get('FJI')!.geometry);
    expect(fijiWest).toBeGreaterThan(170);
    expect(fijiEast).toBeGreaterThan(180);
    expect(fijiEast - fijiWest).toBeLessThan(10);
  });

  it('has one land area under everything, Antarctica closed through the pole', () => {
    expect(land).toHaveLength(1);
    const [west, south, east] = bboxOf(land[0].geometry);
    expect(south).toBe(-90);
    expect(east - west).toBeLessThan(400);
  });
});
