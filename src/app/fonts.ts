// The app's one typeface, Noto Sans SC, shipped with the app (no system fonts, no font server).
// The faces that cover the map's labels and the app's own text come from the build
// (virtual:label-font); full coverage for arbitrary text such as quoted passages is loaded only
// when a card first needs it.
import labelFaces from 'virtual:label-font';
import { loadFontFiles } from '../load/font-files.ts';

/** The CSS family the page's own text uses (see index.html). */
export const PAGE_FAMILY = 'Noto Sans SC';

/** Registers the label faces with the page, so that labels and UI text draw with them as they appear. */
export function registerPageFonts(): void {
  for (const face of labelFaces) {
    document.fonts.add(
      new FontFace(PAGE_FAMILY, `url("${face.url}") format("woff2")`, {
        weight: String(face.weight),
        unicodeRange: face.unicodeRange,
      }),
    );
  }
}

/**
 * Loads the font files that the text now in these elements (and their shadow roots) draws with,
 * in both weights the page uses (see loadFontFiles). Shown first, the text would be laid out in a
 * fallback and then again as each of its files came in, one by one: a layout of the page each,
 * tens of milliseconds apiece without a GPU.
 */
export function loadFontsFor(elements: readonly Element[]): Promise<void> {
  const text = elements.map((element) => `${element.textContent ?? ''}${element.shadowRoot?.textContent ?? ''}`).join('');
  return loadFontFiles(['400', '600'].map((weight) => ({ font: `${weight} 16px '${PAGE_FAMILY}'`, text })));
}

let fullCoverage: Promise<unknown> | null = null;

/** Every character of the font (about 100 files, each fetched only when used), for quoted text. */
export function loadFullFont(): Promise<unknown> {
  fullCoverage ??= import('@fontsource/noto-sans-sc/400.css');
  return fullCoverage;
}
