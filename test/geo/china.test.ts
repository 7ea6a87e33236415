import { describe, expect, it } from 'vitest';
import type { Names } from '../../src/core/types';
import { bboxOf, readLayer } from './committed';

interface Unit extends Names {
  lon: number;
  lat: number;
  province?: string;
}

const provinces = readLayer<Unit>('china.topo.json', 'provinces');
const prefectures = readLayer<Unit>('china.topo.json', 'prefectures');
const nation = readLayer<Unit>('china.topo.json', 'nation');
const dashLine = readLayer<null>('china.topo.json', 'dashLine');
const ids = (units: { id?: string | number }[]) => new Set(units.map(({ id }) => String(id)));

describe('geo/china.topo.json', () => {
  it('has the 34 province-level units, Taiwan, Hong Kong and Macao included', () => {
    expect(ids(provinces).size).toBe(34);
    for (const id of ['110000', '370000', '530000', '710000', '810000', '820000']) expect(ids(provinces).has(id), id).toBe(true);
  });

  it('has the prefecture-level units of Hubei, Hebei, Shandong and Yunnan', () => {
    const counts: Record<string, number> = {};
    for (const { properties } of prefectures) counts[properties.province!] = (counts[properties.province!] ?? 0) + 1;
    expect(counts).toEqual({
      '420000': 17,
      '130000': 11,
      '370000': 16,
      '530000': 16,
    });
    for (const { id, properties } of prefectures) expect(String(id).slice(0, 2), String(id)).toBe(properties.province!.slice(0, 2));
  });

  it('keys every unit by a distinct 6-digit adcode and names it in Chinese and English', () => {
    const units = [...provinces, ...prefectures, ...nation];
    expect(ids(units).size).toBe(units.length);
    for (const { id, properties } of units) {
      expect(String(id)).toMatch(/^[1-8]\d{5}$/);
      expect(properties.zh, String(id)).toMatch(/^\p{Script=Han}+$/u);
      expect(properties.en, String(id)).toMatch(/^[A-Z][A-Za-z' ]+$/);
    }
    expect(provinces.find(({ id }) => id === '810000')?.properties).toMatchObject({ zh: '香港特别行政区', en: 'Hong Kong' });
  });

  it('gives every unit a centre inside China and inside its own bounding box', () => {
    for (const { id, geometry, properties } of [...provinces, ...prefectures]) {
      const [west, south, east, north] = bboxOf(geometry);
      expect(properties.lon, String(id)).toBeGreaterThanOrEqual(west);
      expect(properties.lon, String(id)).toBeLessThanOrEqual(east);
      expect(properties.lat, String(id)).toBeGreaterThanOrEqual(south);
      expect(properties.lat, String(id)).toBeLessThanOrEqual(north);
    }
  });

  it('has the origins and the places the texts name', () => {
    for (const id of ['420100', '130900', '370100', '370200', '370500', '370600', '370700', '371000', '371300', '530100']) {
      expect(ids(prefectures).has(id), id).toBe(true);
    }
    for (const id of ['370000', '530000']) expect(ids(provinces).has(id), id).toBe(true);
    const wuhan = prefectures.find(({ id }) => id === '420100')!.properties;
    expect(wuhan).toMatchObject({ zh: '武汉市', en: 'Wuhan', province: '420000' });
    expect(wuhan.lon).toBeCloseTo(114.3, 1);
    expect(wuhan.lat).toBeCloseTo(30.58, 1);
  });

  it('has one national outline around all the provinces, South China Sea islands included', () => {
    expect(nation).toHaveLength(1);
    expect(nation[0].properties).toMatchObject({ zh: '中国', en: 'China' });
    const outline = bboxOf(nation[0].geometry);
    const all = provinces.map(({ geometry }) => bboxOf(geometry));
    expect(outline[0]).toBeCloseTo(Math.min(...all.map((box) => box[0])), 6);
    expect(outline[1]).toBeCloseTo(Math.min(...all.map((box) => box[1])), 6);
    expect(outline[2]).toBeCloseTo(Math.max(...all.map((box) => box[2])), 6);
    expect(outline[3]).toBeCloseTo(Math.max(...all.map((box) => box[3])), 6);
    expect(outline[1]).toBeLessThan(4.5);
  });

  it('keeps the dash line as its own ten polygons in the South China Sea', () => {
    expect(dashLine).toHaveLength(1);
    const { geometry } = dashLine[0];
    expect(geometry.type).toBe('MultiPolygon');
    expect(geometry.coordinates).toHaveLength(10);
    const [west, south, east, north] = bboxOf(geometry);
    expect(west).toBeGreaterThan(105);
    expect(south).toBeGreaterThan(3);
    expect(east).toBeLessThan(125);
    expect(north).toBeLessThan(25);
  });
});
