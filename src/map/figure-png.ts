// A PNG of a figure (figure.ts): its frame drawn over the live map's pixels (MapView.pixels),
// or, where the map is SVG, the whole figure with its map, at `scale` times its CSS pixels.
// The frame goes through the browser's SVG renderer, so the PNG says exactly what the SVG says.
import type { FigureLayout } from './figure.ts';
import { FigureError } from './map-view.ts';
import { PAPER } from './palette.ts';

export interface Png {
  blob: Blob;
  width: number;
  height: number;
}

export async function figurePng(frame: { svg: string; layout: FigureLayout }, scale: number, mapPixels: HTMLCanvasElement | null): Promise<Png> {
  const { layout } = frame;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new FigureError('encode', `no canvas of ${canvas.width} × ${canvas.height} pixels`);
  context.fillStyle = PAPER.halo;
  context.fillRect(0, 0, canvas.width, canvas.height);
  const { map } = layout;
  if (mapPixels) context.drawImage(mapPixels, map.x * scale, map.y * scale, map.width * scale, map.height * scale);
  const url = URL.createObjectURL(new Blob([frame.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode().catch((error: unknown) => {
      throw new FigureError('encode', `the frame could not be drawn: ${(error as Error).message}`);
    });
    // Drawn at the canvas's size, an SVG is rasterised at that size: text and lines stay sharp.
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
  } finally {
    URL.revokeObjectURL(url);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new FigureError('encode', `the browser could not encode ${canvas.width} × ${canvas.height} pixels`);
  return { blob, width: canvas.width, height: canvas.height };
}
