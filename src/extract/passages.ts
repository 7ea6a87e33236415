import type { Line } from './lines.ts';

export interface Passage {
  start: number;
  end: number;
}

/**
 * Splits the document's body into passages: sentences ending in 。；！？ (or a line end),
 * trimmed of surrounding white space. A passage is what a row of the table quotes.
 */
export function splitPassages(lines: readonly Line[], skip: ReadonlySet<number>, text: string): Passage[] {
  const passages: Passage[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) passages.push({ start, end });
  };
  lines.forEach((line, i) => {
    if (skip.has(i)) return;
    let start = line.start;
    const re = /[。；;！？!?]/g;
    for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
      const end = line.start + m.index + 1;
      push(start, end);
      start = end;
    }
    push(start, line.end);
  });
  return passages;
}
