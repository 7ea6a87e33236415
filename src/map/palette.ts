// The atlas's colours: a calm light "paper" ground that survives projectors, greys for the
// shading so that the four origins' colours carry the links.
import type { OriginId } from '../core/types.ts';

/**
 * Okabe & Ito's colour-blind-safe set (vermillion, reddish purple, blue, bluish green): the four
 * stay apart under protanopia, deuteranopia and tritanopia, and each is dark enough to read on
 * the light ground.
 */
export const ORIGIN_COLOURS: Record<OriginId, string> = {
  wuhan: '#d55e00',
  cangzhou: '#cc79a7',
  shandong: '#0072b2',
  yunnan: '#009e73',
};

export const PAPER = {
  sea: '#dbe4e8',
  land: '#f4f1ea',
  border: '#b7b2a6',
  china: '#ede6d6',
  province: '#cdbfa5',
  chinaOutline: '#7c7466',
  text: '#262a31',
  textMuted: '#5d636d',
  halo: '#f9f7f2',
  hub: '#ffffff',
  hubStroke: '#3a3f47',
  spoke: '#6f7782',
} as const;

/**
 * Each origin's colour taken 35% toward the ink: at least 4.5:1 against the light ground and 3:1
 * against the sea, the four hues kept apart. The origins' labels are drawn in it, and in a room
 * (presentation mode), where a projector washes colours out, so are the links.
 */
export const inkedOriginColour = (origin: OriginId): string => tint(ORIGIN_COLOURS[origin], PAPER.text, 0.35);

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hexOf = (values: number[]) => `#${values.map((value) => Math.round(value).toString(16).padStart(2, '0')).join('')}`;

/** `amount` of `colour` over `ground`, as one opaque colour. */
export function tint(ground: string, colour: string, amount: number): string {
  const [from, to] = [channels(ground), channels(colour)];
  return hexOf(from.map((value, i) => value + (to[i] - value) * amount));
}

/** Ends of the shading of partner countries by ties: cool greys that stand out on the warm land. */
const FEWEST_TIES = '#d9dfe4';
const MOST_TIES = '#4f5f73';

/** `classes` shades from light (fewest ties) to dark, evenly spaced; a lone class sits mid-way. */
export function tieShades(classes: number): string[] {
  return Array.from({ length: classes }, (_, i) => tint(FEWEST_TIES, MOST_TIES, classes === 1 ? 0.5 : i / (classes - 1)));
}
