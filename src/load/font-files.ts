// The page's typeface comes as files that each draw some characters in one weight (the build's
// label faces, see src/build/label-font-plugin.ts). The files the first view's text needs are
// fetched by the app itself, once the map's links are drawn; every other file is left to the browser, which
// fetches one when text first uses it. The browser would fetch the first ones just as late, but a
// font the browser fetches for text looks to tools (Lighthouse's simulation) like a request of
// the page's own HTML, which it then sends with the map's code, bandwidth shared: asked for by the
// app's code, after the picture, they are seen to come after the code that draws it.
//
// The document's font set is the page's, one for all: so is this module's record of its faces.
import { codepointRuns } from '../core/unicode-range.ts';
import { inSlices } from './next-task.ts';

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
  /**
   * Each file asked for or registered, and how to wait for it: its fetch and face (resolving
   * whether it could be had), or its face's load, which `load()` starts if text has not.
   */
  faces: Map<FontFile, () => Promise<unknown>>;
  /** Whether the browser now fetches the files nobody asked for as text needs them. */
  handedOver: boolean;
}

let page: PageFonts | null = null;

/** The page's font files, in CSS family `family`: none is fetched yet (see loadFontFiles, leaveFontFilesToBrowser). */
export function usePageFonts(family: string, files: readonly FontFile[]): void {
  page = { family, index: indexFontFiles(files), files, faces: new Map(), handedOver: false };
}

/** The page's files that draw these texts (none before usePageFonts). */
export const pageFontFiles = (texts: readonly WeightedText[]): FontFile[] => (page ? filesFor(page.index, texts) : []);

const descriptors = (file: FontFile): FontFaceDescriptors => ({ weight: String(file.weight), unicodeRange: file.unicodeRange });

/**
 * The file fetched by the app and added as a face drawn from its bytes; resolves whether it could
 * be. A file that cannot be fetched or read is left to the browser, as every other file is once
 * handed over.
 */
async function fetchedFace(fonts: PageFonts, file: FontFile): Promise<boolean> {
  let face: FontFace | null = null;
  try {
    const response = await fetch(file.url);
    if (!response.ok) throw new Error(`${file.url}: ${response.status}`);
    face = new FontFace(fonts.family, await response.arrayBuffer(), descriptors(file));
    document.fonts.add(face);
    await face.loaded;
    return true;
  } catch (error) {
    console.warn('A font file could not be loaded; its characters show in the browser’s fonts until it is:', error);
    if (face) document.fonts.delete(face);
    fonts.faces.delete(file);
    if (fonts.handedOver) addUrlFace(fonts, file);
    return false;
  }
}

/** The file as a face the browser fetches when text first uses it, or when something waits for it. */
function addUrlFace(fonts: PageFonts, file: FontFile): () => Promise<unknown> {
  const face = new FontFace(fonts.family, `url("${file.url}") format("woff2")`, descriptors(file));
  document.fonts.add(face);
  // A failed file leaves its characters to the fallback; the wait is over all the same.
  const loaded = () => face.load().catch(() => undefined);
  fonts.faces.set(file, loaded);
  return loaded;
}

/**
 * Loads the font files that draw these texts, fetched by the app (see the head of this module),
 * or by the browser once the rest is left to it; resolves when each is in or failed, or after
 * FONT_WAIT_MS, whichever comes first. Text shown first would be laid out in a fallback and then
 * again as each file came in: a layout of the page each, tens of milliseconds without a GPU.
 */
export function loadFontFiles(texts: readonly WeightedText[]): Promise<void> {
  const fonts = page;
  if (!fonts) return Promise.resolve();
  const loads: Promise<unknown>[] = [];
  const asked = inSlices(filesFor(fonts.index, texts), (file) => {
    let loaded = fonts.faces.get(file);
    if (!loaded) {
      if (fonts.handedOver) loaded = addUrlFace(fonts, file);
      else {
        const fetched = fetchedFace(fonts, file);
        fonts.faces.set(file, (loaded = () => fetched));
      }
    }
    loads.push(loaded());
  });
  return new Promise((resolve) => {
    let waitedOut = false;
    const timer = setTimeout(() => {
      waitedOut = true;
      resolve();
    }, FONT_WAIT_MS);
    void asked
      .then(() => Promise.all(loads))
      .then(() => {
        clearTimeout(timer);
        // Text that stopped waiting was laid out in the fallback (the labels measured in it). A
        // face made from bytes is loaded as it is made, so the font set never says when it came:
        // said here, as the set says it of the faces the browser fetches.
        if (waitedOut) document.fonts.dispatchEvent(new FontFaceSetLoadEvent('loadingdone', { fontfaces: [] }));
        resolve();
      });
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
