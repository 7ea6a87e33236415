// Colour measures the map's tests share: WCAG 2 contrast, and how far apart two colours look.
import type { Color } from '@maplibre/maplibre-gl-style-spec';

/** WCAG 2 contrast ratio. */
export const contrast = (a: Color, b: Color) => {
  const luminance = ({ r, g, b: blue }: Color) => {
    const linear = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(blue);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

/** CIE 1976 colour difference, in Lab. */
export const deltaE = (a: Color, b: Color) => {
  const lab = (c: Color) => {
    const linear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    const [r, g, bl] = [linear(c.r), linear(c.g), linear(c.b)];
    const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
    const [fx, fy, fz] = [(0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * bl, (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883].map(f);
    return [116 * fy! - 16, 500 * (fx! - fy!), 200 * (fy! - fz!)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
};
