// The app's font inside the pictures it saves: a picture made from SVG (a PNG's frame, an SVG
// opened elsewhere) cannot reach the page's fonts, so the faces its text uses go in with it.
import { pageFontFiles } from '../load/font-files.ts';
// The page's font files are known once this is loaded (see fonts.ts).
import { PAGE_FAMILY } from './fonts.ts';

const base64 = (bytes: ArrayBuffer) => {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
};

/**
 * The @font-face rules, each font file inline as a data: URL, for the label faces that `text`
 * uses: an exported SVG, or the frame a PNG is drawn from, then shows in the app's own font
 * wherever it is opened (a picture made from SVG cannot reach the page's fonts).
 */
export async function embeddedFontCss(text: string): Promise<string> {
  const needed = pageFontFiles([400, 600].map((weight) => ({ weight, text })));
  const rules = await Promise.all(
    needed.map(async (face) => {
      const response = await fetch(face.url);
      if (!response.ok) throw new Error(`the font file ${face.url} could not be loaded (${response.status})`);
      const bytes = await response.arrayBuffer();
      return `@font-face{font-family:'${PAGE_FAMILY}';font-weight:${face.weight};src:url(data:font/woff2;base64,${base64(bytes)}) format('woff2');unicode-range:${face.unicodeRange}}`;
    }),
  );
  return rules.join('');
}
