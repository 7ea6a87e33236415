// The app's one typeface, Noto Sans SC, shipped with the app (no system fonts, no font server).
// The faces that cover the map's labels and the app's own text come from the build
// (virtual:label-font); full coverage for arbitrary text such as quoted passages is loaded only
// when a card first needs it. A chunk of its own, loaded once the links are drawn: the first
// picture draws no text, and the faces' list is some 15 KB of character ranges.
import labelFaces from 'virtual:label-font';
import { loadFontFiles, usePageFonts } from '../load/font-files.ts';

/** Once the first view is drawn, or the atlas cannot start: the browser fetches each other file when text first needs it. */
export { leaveFontFilesToBrowser } from '../load/font-files.ts';

/** The CSS family the page's own text uses (see index.html). */
export const PAGE_FAMILY = 'Noto Sans SC';

// What is shown first fetches its files (loadFontsFor, the map's labels); the rest come as text needs them.
usePageFonts(PAGE_FAMILY, labelFaces);

/**
 * Loads the font files that the text now in these elements (and their shadow roots) draws with,
 * in both weights the page uses (see loadFontFiles), before the elements are shown in the page's font.
 */
export function loadFontsFor(elements: readonly Element[]): Promise<void> {
  const text = elements.map((element) => `${element.textContent ?? ''}${element.shadowRoot?.textContent ?? ''}`).join('');
  return loadFontFiles([400, 600].map((weight) => ({ weight, text })));
}

let fullCoverage: Promise<unknown> | null = null;

/** Every character of the font (about 100 files, each fetched only when used), for quoted text. */
export function loadFullFont(): Promise<unknown> {
  fullCoverage ??= import('@fontsource/noto-sans-sc/400.css');
  return fullCoverage;
}
