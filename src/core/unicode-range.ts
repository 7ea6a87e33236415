// CSS `unicode-range` lists (`U+4e00-4e05,U+4e2d`): what the build writes for each font file it
// cuts, and what the page reads to know which file draws a character.

/** The runs of code points of a `unicode-range` list, each as [first, last]. */
export function codepointRuns(unicodeRange: string): [number, number][] {
  return unicodeRange.split(',').map((part) => {
    const [start, end = start] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(start!, 16), parseInt(end!, 16)];
  });
}

const hex = (codepoint: number) => codepoint.toString(16);

/** The `unicode-range` list of sorted code points, runs collapsed to ranges. */
export function unicodeRange(codepoints: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codepoints.length; i++) {
    let j = i;
    while (j + 1 < codepoints.length && codepoints[j + 1] === codepoints[j]! + 1) j++;
    parts.push(j > i ? `U+${hex(codepoints[i]!)}-${hex(codepoints[j]!)}` : `U+${hex(codepoints[i]!)}`);
    i = j;
  }
  return parts.join(',');
}
