import { describe, expect, it } from 'vitest';
import { globeZoom, horizonAngle } from '../../src/map/globe-camera.ts';

describe('horizonAngle', () => {
  it('sees almost a hemisphere from far away and less as the camera comes closer', () => {
    const far = horizonAngle(0, 0, 36.87, 800);
    const near = horizonAngle(4, 0, 36.87, 800);
    expect(far).toBeLessThan(Math.PI / 2);
    expect(far).toBeGreaterThan(1.2);
    expect(near).toBeLessThan(far);
  });

  it('matches the geometry: a camera one radius above the surface sees 60° around', () => {
    // Radius at zoom 0 is 512 / 2π ≈ 81.5 px; choose the height that puts the camera that far up.
    const radius = 512 / (2 * Math.PI);
    const height = radius / (0.5 / Math.tan((36.87 * Math.PI) / 360));
    expect(horizonAngle(0, 0, 36.87, height)).toBeCloseTo(Math.PI / 3, 9);
  });
});

describe('globeZoom', () => {
  it('makes the globe the asked share of the shorter side', () => {
    const zoom = globeZoom(1400, 860, 0, 0.5);
    const diameter = (2 * (512 * 2 ** zoom)) / (2 * Math.PI);
    expect(diameter).toBeCloseTo(430, 6);
  });
});
