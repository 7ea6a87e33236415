// The sites' markers (map/site-markers.ts) on the committed dataset: how large, in which colours,
// which fade for a selection, and what a PNG's canvas is asked to paint.
import { describe, expect, it } from 'vitest';
import type { PointProperties } from '../../src/core/map-features.ts';
import type { SiteId } from '../../src/core/types.ts';
import { ORIGIN_COLOURS, PAPER } from '../../src/map/palette.ts';
import { diamondPath, FADED_SITE_OPACITY, paintSiteMarkers, siteMarker } from '../../src/map/site-markers.ts';
import { siteRadius } from '../../src/map/site-size.ts';
import { features } from './map-fixture.ts';

const sites = features.points.features.map((point) => point.properties).filter((point) => point.kind === 'site');
// The plans place every site to a district, city or province at best; a site placed exactly is drawn filled.
const [rough, other] = sites;
const exact: PointProperties = { ...other!, precision: 'site' };

describe('site markers', () => {
  it('are the sites of the dataset', () => {
    expect(sites.length).toBeGreaterThan(20);
    expect(sites.every((site) => site.precision !== null && site.origin !== null)).toBe(true);
  });

  it('grow with the zoom from 4 px to 6.5 px, and no further either side', () => {
    expect(siteRadius(0)).toBe(4);
    expect(siteRadius(2)).toBe(4);
    expect(siteRadius(5)).toBeCloseTo(5.25, 9);
    expect(siteRadius(8)).toBe(6.5);
    expect(siteRadius(14)).toBe(6.5);
  });

  it("fill an exact site's diamond with its origin's colour, and outline a rough one's in it", () => {
    expect(siteMarker(exact, 'k', [0, 0], 3, null)).toMatchObject({ fill: ORIGIN_COLOURS[exact.origin!], stroke: PAPER.hub });
    expect(siteMarker(rough!, 'k', [0, 0], 3, null)).toMatchObject({ fill: PAPER.hub, stroke: ORIGIN_COLOURS[rough!.origin!] });
  });

  it('fade while something else is selected, and not for the site itself, under the pointer, or with nothing selected', () => {
    const at: [number, number] = [100, 50];
    expect(siteMarker(exact, 'k', at, 3, null).faded).toBe(false);
    expect(siteMarker(exact, 'k', at, 3, { kind: 'site', id: exact.id as SiteId }).faded).toBe(false);
    expect(siteMarker(exact, 'k', at, 3, { kind: 'site', id: rough!.id as SiteId }).faded).toBe(true);
    expect(siteMarker(exact, 'k', at, 3, { kind: 'origin', id: exact.origin! }).faded).toBe(true);
    // Under the pointer it shows in full, as hovered lines and hubs do.
    expect(siteMarker(exact, 'k', at, 3, { kind: 'origin', id: exact.origin! }, exact.id).faded).toBe(false);
  });

  it('are diamonds: the four points round their place', () => {
    expect(diamondPath(10, 20, 5)).toBe('M10.0 15.0L15.0 20.0L10.0 25.0L5.0 20.0Z');
  });

  it('are painted at the picture’s scale, faded ones lighter', () => {
    const calls: string[] = [];
    const context = {
      save: () => calls.push('save'),
      restore: () => calls.push('restore'),
      beginPath: () => calls.push('begin'),
      moveTo: (x: number, y: number) => calls.push(`M${x},${y}`),
      lineTo: (x: number, y: number) => calls.push(`L${x},${y}`),
      closePath: () => calls.push('close'),
      fill: () => calls.push(`fill ${context.fillStyle} ${context.globalAlpha}`),
      stroke: () => calls.push(`stroke ${context.strokeStyle} ${context.lineWidth}`),
      globalAlpha: 1,
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 0,
      lineJoin: 'miter' as CanvasLineJoin,
    };
    const marker = (point: PointProperties, faded: boolean) => ({ ...siteMarker(point, point.key, [10, 20], 2, null), faded });
    paintSiteMarkers(context, [marker(exact, false), marker(rough!, true)], 2);
    const colour = (point: PointProperties) => ORIGIN_COLOURS[point.origin!];
    expect(calls).toEqual([
      'save',
      'begin', 'M20,32', 'L28,40', 'L20,48', 'L12,40', 'close', `fill ${colour(exact)} 1`, `stroke ${PAPER.hub} 4`,
      'begin', 'M20,32', 'L28,40', 'L20,48', 'L12,40', 'close', `fill ${PAPER.hub} ${FADED_SITE_OPACITY}`, `stroke ${colour(rough!)} 4`,
      'restore',
    ]);
  });
});
