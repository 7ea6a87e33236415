// GeoJSON layers -> one small TopoJSON: quantized, simplified along shared arcs (so neighbours keep
// a common border), with every ring kept drawable.
import type { FeatureCollection } from 'geojson';
import { quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, planarTriangleArea, presimplify, simplify, type Triangle } from 'topojson-simplify';
import type { GeometryObject, Objects, Topology } from 'topojson-specification';

export interface CompactOptions {
  /** Grid points per axis over the layer's bounding box. */
  quantization: number;
  /** Visvalingam weight (planar triangle area in square degrees) below which a vertex is dropped. */
  minWeight: number;
}

export function compactTopology(layers: Record<string, FeatureCollection>, options: CompactOptions): Topology<Objects> {
  const quantized = topology(layers, options.quantization) as Topology<Objects>;
  const weighted = presimplify(quantized, weight);
  keepRingsOpen(weighted, options.minWeight);
  const simplified = quantize(simplify(weighted, options.minWeight), quantized.transform!);
  // Rings smaller than one grid cell collapsed to a point when quantized: they draw nothing.
  return filter(simplified, filterWeight(simplified, Number.MIN_VALUE));
}

/**
 * Visvalingam's weight, except that a vertex whose removal would join two vertices more than 180°
 * of longitude apart is kept: that edge would read as a jump across the antimeridian (the edges
 * along the pole that close Antarctica are otherwise collinear and would go first).
 */
function weight(triangle: Triangle): number {
  return Math.abs(triangle[2][0] - triangle[0][0]) > 180 ? Infinity : planarTriangleArea(triangle);
}

/**
 * Simplification keeps only arc endpoints of a small ring, which collapses islands (the South China
 * Sea islands, Pacific atolls) to nothing. Promote the heaviest vertices of any such ring so that
 * it keeps at least three distinct points.
 */
function keepRingsOpen(weighted: Topology<Objects>, minWeight: number): void {
  const arcs = weighted.arcs as number[][][];
  const keepRing = (ring: number[]) => {
    const candidates = ring
      .map((index) => arcs[index < 0 ? ~index : index])
      .flatMap((arc) => arc.slice(1, -1));
    let kept = ring.length + candidates.filter((point) => point[2] >= minWeight).length;
    const dropped = candidates.filter((point) => point[2] < minWeight).sort((a, b) => b[2] - a[2]);
    for (const point of dropped) {
      if (kept >= 3) break;
      point[2] = Infinity;
      kept++;
    }
  };
  const visit = (geometry: GeometryObject) => {
    if (geometry.type === 'GeometryCollection') geometry.geometries.forEach(visit);
    else if (geometry.type === 'Polygon') geometry.arcs.forEach(keepRing);
    else if (geometry.type === 'MultiPolygon') geometry.arcs.forEach((polygon) => polygon.forEach(keepRing));
  };
  Object.values(weighted.objects).forEach(visit);
}
