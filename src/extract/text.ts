import * as OpenCC from 'opencc-js';

/** A seed that cannot be read: the message names the file and the problem. */
export class SeedError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'SeedError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a seed as the data contract defines its text: UTF-8 with a leading BOM removed.
 * CRLF is kept, so offsets match what a researcher gets from reading the file the same way.
 */
export function decodeSeed(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new SeedError(file, 'the file is empty');
  if (bytes.includes(0)) throw new SeedError(file, 'the file is binary (it contains NUL bytes), not UTF-8 text');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new SeedError(file, 'the file is not valid UTF-8 text');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new SeedError(file, 'the file holds only white space');
  return text;
}

const charToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const phraseToSimplified = OpenCC.Converter({ from: 'twp', to: 'cn' });

/**
 * A Simplified copy of the text with the same length, so an offset found in the copy is the
 * offset in the original. In a stretch written in Traditional characters (between punctuation
 * marks), Taiwan-style words are converted too (軟體→软件, 感測器→传感器) wherever OpenCC's phrase
 * dictionary keeps the stretch's length; elsewhere (智慧財產權→知识产权 is shorter) only characters
 * are, and the vocabularies list the Taiwan forms in Simplified characters as well. A stretch
 * already in Simplified is left alone: the Taiwan phrase dictionary would rewrite mainland words.
 */
export function normalise(text: string): string {
  const simplified = text.replace(/[^\s，。、；：,.;:()（）《》“”]+|[\s\S]/g, (run) => {
    const chars = charToSimplified(run);
    if (chars === run || chars.length !== run.length) return run;
    const phrase = phraseToSimplified(run);
    return phrase.length === run.length ? phrase : chars;
  });
  return simplified.replace(/（/g, '(').replace(/）/g, ')');
}
