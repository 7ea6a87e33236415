import { ORIGIN_IDS } from '../core/types.ts';
import { inkedOriginColour, ORIGIN_COLOURS, PAPER } from '../map/palette.ts';

/** Colours the interface shares with the map, from the one palette, as CSS custom properties. */
export function applyPalette(): void {
  const root = document.documentElement.style;
  root.setProperty('--ink', PAPER.text);
  root.setProperty('--ink-muted', PAPER.textMuted);
  for (const id of ORIGIN_IDS) {
    root.setProperty(`--origin-${id}`, ORIGIN_COLOURS[id]);
    // For text in the origin's colour: 4.5:1 on the panels, where the colour itself may not be.
    root.setProperty(`--origin-${id}-ink`, inkedOriginColour(id));
  }
}
