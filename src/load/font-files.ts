// The page's typeface comes as files that each draw some characters in one weight (the build's
// label faces, see src/build/label-font-plugin.ts). The files the first view's text needs are
// fetched by the app itself, once the map is drawn; every other file is left to the browser, which
// fetches one when text first uses it. The browser would fetch the first ones just as late, but a
// font the browser fetches for text looks to tools (Lighthouse's simulation) like a request of
// the page's own HTML, which it then sends with the map's code, bandwidth shared: asked for by the
// app's code, after the picture, they are seen to come after the code that draws it.
//
// The document's font set is the page's, one for all: so is this module's record of its faces.
import { nextTask } from './next-task.ts';

/** One file of the page's typeface: its weight, where it is, and the characters it draws (CSS `unicode-range`). */
export interface FontFile {
  weight: number;
  url: string;
  unicodeRange: string;
}

/** Text to be drawn in a weight. */
export interface WeightedText {
  weight: number;
  text: string;
}

/** How long text waits for its font files before it shows in the browser's fallback. */
const FONT_WAIT_MS = 4000;
/**
 * How long one task spends on font files before the page gets its turn: asking for the first
 * view's 30-odd files took 25 ms, registering the other 130 as faces 30 ms, without a GPU.
 */
const SLICE_MS = 8;

/** Runs `step` on each item, the page getting its turn whenever a task has run SLICE_MS. */
async function inSlices<T>(items: Iterable<T>, step: (item: T) => void): Promise<void> {
  let until = performance.now() + SLICE_MS;
  for (const item of items) {
    if (performance.now() > until) {
      await nextTask();
      until = performance.now() + SLICE_MS;
    }
    step(item);
  }
}

/** The runs of code points of a `unicode-range` list (`U+4e00-4e05,U+4e2d`), each as [first, last]. */
export function codepointRuns(unicodeRange: string): [number, number][] {
  return unicodeRange.split(',').map((part) => {
    const [start, end = start] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(start!, 16), parseInt(end!, 16)];
  });
}

/** Finds, for a weight and a code point, the file that draws it. */
export type FileIndex = (weight: number, codepoint: number) => FontFile | undefined;

/** An index of `files` by weight and code point, built once: a page's chrome has thousands of characters, each looked up. */
export function indexFontFiles(files: readonly FontFile[]): FileIndex {
  const byWeight = new Map<number, Map<number, FontFile>>();
  for (const file of files) {
    const byCodepoint = byWeight.get(file.weight) ?? new Map<number, FontFile>();
    byWeight.set(file.weight, byCodepoint);
    for (const [first, last] of codepointRuns(file.unicodeRange)) for (let codepoint = first; codepoint <= last; codepoint++) byCodepoint.set(codepoint, file);
  }
  return (weight, codepoint) => byWeight.get(weight)?.get(codepoint);
}

/** The files that draw these texts, each once, in the order first needed. Characters no file draws are left to the fallback. */
export function filesFor(index: FileIndex, texts: readonly WeightedText[]): FontFile[] {
  const files = new Set<FontFile>();
  for (const { weight, text } of texts) {
    for (const char of new Set(text)) {
      const file = index(weight, char.codePointAt(0)!);
      if (file) files.add(file);
    }
  }
  return [...files];
}

interface PageFonts {
  family: string;
  index: FileIndex;
  files: readonly FontFile[];
  /** Each file's face once it is added to the document, and when it is drawn with. */
  faces: Map<FontFile, Promise<unknown>>;
  /** Whether the browser now fetches the files nobody asked for as text needs them. */
  handedOver: boolean;
}

let page: PageFonts | null = null;

/** The page's font files, in CSS family `family`: none is fetched yet (see loadFontFiles, leaveFontFilesToBrowser). */
export function usePageFonts(family: string, files: readonly FontFile[]): void {
  page = { family, index: indexFontFiles(files), files, faces: new Map(), handedOver: false };
}

/** The file fetched by the app and added as a face drawn from its bytes; a file that cannot be fetched is left to the browser. */
async function fetchedFace(fonts: PageFonts, file: FontFile): Promise<unknown> {
  try {
    const response = await fetch(file.url);
    if (!response.ok) throw new Error(`${file.url}: ${response.status}`);
    const face = new FontFace(fonts.family, await response.arrayBuffer(), { weight: String(file.weight), unicodeRange: file.unicodeRange });
    document.fonts.add(face);
    return await face.loaded;
  } catch (error) {
    fonts.faces.delete(file);
    if (fonts.handedOver) addUrlFace(fonts, file);
    throw error;
  }
}

/** The file as a face the browser fetches when text first uses it (or when `load()` is called). */
function addUrlFace(fonts: PageFonts, file: FontFile): FontFace {
  const face = new FontFace(fonts.family, `url("${file.url}") format("woff2")`, { weight: String(file.weight), unicodeRange: file.unicodeRange });
  document.fonts.add(face);
  fonts.faces.set(file, face.loaded);
  return face;
}

/**
 * Loads the font files that draw these texts, fetched by the app (see the head of this module),
 * or by the browser once the rest is left to it; resolves when they are in, when one fails, or
 * after FONT_WAIT_MS, whichever comes first. Text shown first would be laid out in a fallback and
 * then again as each file came in: a layout of the page each, tens of milliseconds without a GPU.
 */
export function loadFontFiles(texts: readonly WeightedText[]): Promise<void> {
  const fonts = page;
  if (!fonts) return Promise.resolve();
  const loads: Promise<unknown>[] = [];
  const asked = inSlices(filesFor(fonts.index, texts), (file) => {
    let loaded = fonts.faces.get(file);
    if (!loaded) {
      loaded = fonts.handedOver ? addUrlFace(fonts, file).load() : fetchedFace(fonts, file);
      fonts.faces.set(file, loaded);
    }
    loads.push(loaded);
  });
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FONT_WAIT_MS);
    asked
      .then(() => Promise.all(loads))
      .then(
        () => resolve(),
        () => resolve(),
      )
      .finally(() => clearTimeout(timer));
  });
}

/**
 * From now on the browser fetches each file not yet asked for when text first needs it: what a
 * card, the table or a tooltip shows later. Resolves once each is registered.
 */
export async function leaveFontFilesToBrowser(): Promise<void> {
  const fonts = page;
  if (!fonts || fonts.handedOver) return;
  fonts.handedOver = true;
  await inSlices(fonts.files, (file) => {
    if (!fonts.faces.has(file)) addUrlFace(fonts, file);
  });
}
