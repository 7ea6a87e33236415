import * as OpenCC from 'opencc-js';
import type { OriginId } from '../core/types.ts';
import { origins } from './gazetteer.ts';
import type { Line } from './lines.ts';
import { SeedError } from './text.ts';

export interface Metadata {
  title: string;
  issuer: string;
  issuerInferred: boolean;
  date: string;
  dateKind: 'signed' | 'posted';
  origin: OriginId;
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** The origin whose cues (武汉, 来汉; 山东, 来鲁, 济南...) the text names most often. */
function originOf(norm: string): OriginId | null {
  let best: { id: OriginId; count: number } | null = null;
  for (const o of origins) {
    const count = o.cues.reduce((n, cue) => n + norm.split(cue).length - 1, 0);
    if (count > 0 && (!best || count > best.count)) best = { id: o.id, count };
  }
  return best?.id ?? null;
}

const SIGNED_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const POSTED_DATE = /(?:^|发布时间[:：]\s*)(\d{4})-(\d{2})-(\d{2})(?:\s+\d{1,2}:\d{2})?/;
const pad = (n: string) => n.padStart(2, '0');

function dateOf(lines: readonly Line[], norm: readonly string[]): { date: string; kind: 'signed' | 'posted'; line: number } | null {
  for (let i = 0; i < norm.length; i++) {
    const m = SIGNED_DATE.exec(norm[i]!.trim());
    if (m) return { date: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, kind: 'signed', line: i };
  }
  for (let i = 0; i < lines.length; i++) {
    const m = POSTED_DATE.exec(norm[i]!.trim());
    if (m) return { date: `${m[1]}-${m[2]}-${m[3]}`, kind: 'posted', line: i };
  }
  return null;
}

/** The document a notice issues (《...》), a heading line that names a plan, or 现就...制定如下意见. */
function titleOf(text: string, norm: string, normLines: readonly string[], traditional: boolean): string | null {
  const quoted = /印发《([^》]+)》|现将《([^》]+)》/.exec(norm);
  if (quoted) {
    const start = quoted.index + quoted[0].indexOf('《') + 1;
    return text.slice(start, start + (quoted[1] ?? quoted[2])!.length);
  }
  const heading = normLines.findIndex((l) => /^\S.{3,40}(规划|方案|意见|办法)$/.test(l.trim()));
  if (heading >= 0) {
    const line = normLines[heading]!;
    const lead = line.length - line.trimStart().length;
    return text.split(/\r\n|\n|\r/)[heading]!.slice(lead).trim();
  }
  const opinions = /现就(.{2,30}?)制定如下意见/.exec(norm);
  if (opinions) {
    const subject = text.slice(opinions.index + 2, opinions.index + 2 + opinions[1]!.length);
    return traditional ? `${toTraditional('关于')}${subject}${toTraditional('的意见')}` : `关于${subject}的意见`;
  }
  return null;
}

/** The signature above the date: 武汉市科学技术局; 云南省建设...办公室 over two lines. */
function signatureOf(normLines: readonly string[], dateLine: number): string | null {
  const parts: string[] = [];
  for (let i = dateLine - 1; i >= 0; i--) {
    const t = normLines[i]!.trim();
    if (t === '') {
      if (parts.length) break;
      continue;
    }
    if (t.length > 30 || /[。；，,:：]/.test(t)) break;
    if (/^\(.*代章\)$/.test(t)) continue;
    parts.unshift(t);
  }
  const signature = parts.join('');
  return /(局|厅|办公室|政府|委员会)$/.test(signature) ? signature : null;
}

/** When nothing is signed: a province's opinions sent to 各市科技局 come from its S&T department; a city's plan from its government. */
function inferredIssuer(norm: string, origin: OriginId): string {
  const o = origins.find((x) => x.id === origin)!;
  if (/^各市科技局/.test(norm.trimStart())) return `${o.zh}省科学技术厅`;
  return `${o.zh}市人民政府`;
}

export function metadataOf(file: string, text: string, norm: string, lines: readonly Line[]): Metadata {
  const normLines = lines.map((l) => norm.slice(l.start, l.end));
  const origin = originOf(norm);
  if (!origin) throw new SeedError(file, 'no origin found: the text names none of Wuhan, Cangzhou, Shandong or Yunnan');
  const date = dateOf(lines, normLines);
  if (!date) throw new SeedError(file, 'no issue date found (neither a signed 年月日 line nor a posting date)');
  const traditional = norm !== text;
  const title = titleOf(text, norm, normLines, traditional);
  if (!title) throw new SeedError(file, 'no title found (no 《...》 notice, plan heading or 现就...制定如下意见)');
  const signed = date.kind === 'signed' ? signatureOf(normLines, date.line) : null;
  return {
    title,
    issuer: signed ?? inferredIssuer(norm, origin),
    issuerInferred: !signed,
    date: date.date,
    dateKind: date.kind,
    origin,
  };
}
