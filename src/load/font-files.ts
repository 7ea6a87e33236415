// Waiting for the page's font files before text is shown, so that it is laid out once, in its
// own font. Never for ever: a stalled network must not hold the map or its controls.

/** How long text waits for its font files before it shows in the browser's fallback. */
const FONT_WAIT_MS = 4000;

/**
 * Loads the font files that draw each text in its CSS font (`600 16px 'Noto Sans SC'`); resolves
 * when they are in, when one fails, or after FONT_WAIT_MS, whichever comes first.
 */
export function loadFontFiles(texts: readonly { font: string; text: string }[]): Promise<void> {
  // Each character once: the browser checks every character against each face's range (some 80
  // a weight), and the text of a page's chrome repeats its characters many times over.
  const loads = Promise.all(texts.map(({ font, text }) => document.fonts.load(font, [...new Set(text)].join(''))));
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FONT_WAIT_MS);
    loads.then(
      () => resolve(),
      () => resolve(),
    ).finally(() => clearTimeout(timer));
  });
}
