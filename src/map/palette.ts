// The atlas's colours: a calm light "paper" ground that survives projectors, greys for the
// shading so that the four origins' colours carry the links.
import type { OriginId } from '../core/types';

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

/** Shading of partner countries by tie class, lightest for one tie (cool greys against warm land). */
export const TIE_SHADES = ['#dfe3e6', '#c7cfd6', '#aab5c0', '#8896a5', '#67778a', '#4d5d70'];
