// The app's one typeface, Noto Sans SC, shipped with the app (no system fonts, no font server).
// The label faces come from the build (virtual:label-font); full coverage for arbitrary text
// such as quoted passages is loaded only when a card first needs it.
import type { FontFacesSpecification } from 'maplibre-gl';
import labelFaces from 'virtual:label-font';
import { FONT } from '../map/style.ts';

/** The CSS family the page's own text uses (see index.html). */
export const PAGE_FAMILY = 'Noto Sans SC';

/** Registers the label faces with the page, so that UI text draws with them as it appears. */
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

/** The style's `font-faces`: MapLibre loads a file when it first draws a character it covers. */
export function mapFontFaces(): FontFacesSpecification {
  const facesOf = (weight: number) =>
    labelFaces
      .filter((face) => face.weight === weight)
      .map((face) => ({ url: face.url, 'unicode-range': face.unicodeRange.split(',') }));
  return { [FONT.regular]: facesOf(400), [FONT.bold]: facesOf(600) };
}

let fullCoverage: Promise<unknown> | null = null;

/** Every character of the font (about 100 files, each fetched only when used), for quoted text. */
export function loadFullFont(): Promise<unknown> {
  fullCoverage ??= import('@fontsource/noto-sans-sc/400.css');
  return fullCoverage;
}
