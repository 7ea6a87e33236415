import type { Line } from './lines.ts';

/**
 * Page furniture: what a scraped web page carries around the document (navigation bars,
 * breadcrumbs, "close window", the data tables of a plan flattened to one cell a line).
 * Passages never come from it. The lines are read in the normalised (Simplified) copy.
 */
const FURNITURE_LINE = [
  /\|.*\|/, // a navigation bar: 首页 | 学院概况 | ...
  /^(当前位置|您现在的位置)/,
  /^今天是/,
  /^关闭窗口|关闭窗口$/,
  /^(档案发布|档案内容|政府信息公开|学院概况)$/,
];

/** A table cell flattened to a line: short, no sentence punctuation. */
function isCell(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 30 && !/[。；;，,:：]/.test(t);
}

/** A flattened table: at least this many consecutive cell-like lines, some of them numbers. */
const TABLE_RUN = 4;
const TABLE_NUMBERS = 2;
const NUMBER = /^[\d.%\-—–+~\s]+$/;

export function furnitureLines(lines: readonly Line[]): Set<number> {
  const furniture = new Set<number>();
  lines.forEach((line, i) => {
    const t = line.text.trim();
    if (FURNITURE_LINE.some((re) => re.test(t))) furniture.add(i);
  });
  // Blank lines do not break a table run: the scraped page puts one between every cell.
  let run: number[] = [];
  const flush = () => {
    const numbers = run.filter((i) => NUMBER.test(lines[i]!.text.trim())).length;
    if (run.length >= TABLE_RUN && numbers >= TABLE_NUMBERS) run.forEach((i) => furniture.add(i));
    run = [];
  };
  lines.forEach((line, i) => {
    if (line.text.trim() === '') return;
    if (isCell(line.text)) run.push(i);
    else flush();
  });
  flush();
  return furniture;
}
