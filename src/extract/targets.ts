// The documents' quantitative targets (shared/DATA-CONTRACT.md, "The targets table"): every number
// a plan sets as a goal, and the values a plan's indicator table reports beside its goals, each
// with the passage (or table row) that states it.
//
// Everything is read in the normalised (Simplified) copy, which has the original's length, so an
// offset found there is an offset in the original: the Traditional seed needs no patterns of its
// own, and every quote and every subject is cut from the original text at those offsets.
import type { Comparator, Target, TargetStatus } from '../core/targets.ts';
import type { Names, OriginId } from '../core/types.ts';
import glossaryFile from './gazetteer/targets.json' with { type: 'json' };
import { splitLines, type Line } from './lines.ts';
import { splitPassages } from './passages.ts';

/** A subject's English; `counted`: what one of it is, the English of a classifier unit (家 → firms). */
export interface TargetSubjectEntry {
  zh: string;
  en: string;
  counted?: string;
}
export interface TargetUnitEntry {
  zh: string;
  en: string;
}

export const targetSubjects = glossaryFile.subjects as TargetSubjectEntry[];
export const targetUnits = glossaryFile.units as TargetUnitEntry[];
const subjectByZh = new Map(targetSubjects.map((s) => [s.zh, s]));
const unitByZh = new Map(targetUnits.map((u) => [u.zh, u]));

/** Units of measure, whose English the glossary gives (亿元 → 100 million yuan). */
const MEASURES = ['万平方米', '亿元', '万元', '%'] as const;
/**
 * Classifiers: the number counts things (590家 high-tech firms), so the English of the unit is what
 * the subject counts (`counted` in the glossary), not a word for 家 itself.
 */
export const CLASSIFIERS = ['家', '个', '项', '名', '人', '件', '所'] as const;
const UNITS: readonly string[] = [...MEASURES, ...CLASSIFIERS];

/**
 * A number with its unit. Only numbers that carry a unit are quantities: that alone leaves out the
 * dates (2018年12月14日), document numbers (〔2016〕77号), list numbers (1、) and the names that
 * contain numbers (16+1, 18+7, 1+3+n, 500强, 3551光谷人才计划, 行政审批3.0). The look-behind keeps a
 * number from being read from the middle of another (the 3 of 1+3+n, the 6 of 16) or as an
 * ordinal (第3个).
 */
const QUANTITY = new RegExp(`(?<![\\d.+/第])(\\d+(?:\\.\\d+)?)(${UNITS.join('|')})`, 'g');

/** Clause breaks inside a sentence (sentences themselves end at 。；;!?！？ or a line end). */
const CLAUSE_BREAK = /[,，:：]/;
const CLAUSE_END = /[,，:：。；;!！?？]/;

/**
 * What opens a clause without being its subject: list numbers (1、 in Wuhan 004's 具体目标), the
 * time (到2020年高新技术企业达到590家), a yearly quota's 每年 (全市每年组织…), and the wish words
 * of 每年争取纳入省级重大科技成果转化项目不少于3个.
 */
const LEAD = /^(?:\s+|\d+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|(?:到|至)?20\d\d年(?:底|末)?[,，]?|(?:全市|全省|全区)?每年|争取|力争)/;

/**
 * Verbs that end a subject and say the number is a floor or a ceiling: 高新技术企业达到590家,
 * 高新技术企业数量突破3000家, 不少于3个, 至少2个; 高新技术产业产值年均增长16.5% (a growth rate
 * is a floor too, and a yearly one). 分别 (申请量和授权量分别突破30000件和12000件) hands the verb
 * to each of a list of subjects.
 */
const COMPARING_VERB = /(分别)?(达到|突破|超过|不少于|至少|不低于|年均增长|增长|不超过|不高于|控制在)$/;
const AT_MOST_VERB = /^(不超过|不高于|控制在)$/;
const GROWTH_VERB = /^(年均增长|增长)$/;

/**
 * Verbs of doing that open a clause: the number is then how many to do, exactly (引进外国专家15人,
 * 每年新增高新技术企业100家, 到2020年建设国家级高新区1家), unless 以上 follows it.
 */
const ACTION_VERB = /^(引进|新增|新建|建设|实施|组织|培养|培训|遴选|转化|设立|建立|纳入)/;

/**
 * Verbs that only say the thing will be done, not what is counted: dropped from the subject
 * (建设国家级高新区1家 counts 国家级高新区; 实施重点人才计划项目5项以上 counts 重点人才计划项目).
 */
const GENERIC_VERB = /^(组织实施|实施|建设)/;

/**
 * Verbs that say what is counted, kept before an object that follows the number: 转化10项…重大科技成果
 * counts results commercialised, 合作培训1000名以上专业技术人才 people trained.
 */
const CONTENT_VERB = /(引进|新增|转化|培养|培训)$/;

/**
 * What begins the next of a list of counted things: 1个总部、3个机构、若干中心集群 is three objects;
 * 转化10项创新水平高、行业带动力强、能够形成经济增长点的重大科技成果 is one object with three modifiers.
 */
const QUANTIFIED = /^(\d|若干|一批|多个|一些|[一二三四五六七八九十两]+[个家项名所件])/;

/**
 * Headings of a plan's parts: 第一篇, 第四章, 二、. A heading with 目标 opens a goals section
 * (Cangzhou 二、总体目标, 004 第四章 主要目标); one such as 发展基础 or 现状 opens a retrospective
 * one, whose numbers are what the previous plan achieved, in prose (普通高校达到82所) or in a table
 * (004's 第一篇 发展基础和发展环境, with 专栏1 of the 十二五 plan's indicators): no rows come from it.
 */
const HEADING_LEVELS: [RegExp, number][] = [
  [/^第[一二三四五六七八九十百零]+篇/, 0],
  [/^第[一二三四五六七八九十百零]+章/, 1],
  [/^[一二三四五六七八九十]+、/, 2],
];
const GOALS = /目标/;
const RETROSPECTIVE = /发展基础|工作基础|现状|回顾|完成情况/;

/**
 * The paragraph of a goals section that gives its year: 2020年,实现以下具体目标 (004),
 * 2020年,基本建成…科技创新合作体系 (Cangzhou 总体目标). A target of the section stated without a
 * year of its own (组织实施6项以上重点国际科技合作项目) is for that year.
 */
const GOALS_YEAR = /^(?:到|至)?(20\d\d)年[,，]/;

/**
 * A year a target is for (到2020年, 2020年,), not a date (2018年12月14日) nor the base a change is
 * measured from (比2020年增长20%: the target's year is the one before it, if any).
 */
const YEAR = /(?<![比较])(?:到|至)?(20\d\d)年(?!\s*\d)/g;

/** What a number counts is done already, not set as a goal: 已建成国际科技合作基地12家. */
const DONE = /已(建成|建立|有|累计|认定|引进|达到)[^,，:：]*$/;
const EACH_YEAR = /每年/g;

/** A flattened table: its caption (专栏3:武汉市“十三五”科技创新发展主要指标), then one cell a line. */
const TABLE_CAPTION = /^专栏\s*\d+/;
const TABLE_NUMBER = /^\d+(?:\.\d+)?$/;
const NO_VALUE = /^[-—–－]$/;

type Span = [start: number, end: number];

interface LineState {
  retrospective: boolean;
  goalsYear: number | null;
}

interface Doc {
  text: string;
  norm: string;
  doc: string;
  origin: OriginId;
}

/** Every target a document states, in document order. Pure: the same text gives the same rows. */
export function findTargets(text: string, norm: string, doc: string, origin: OriginId): Target[] {
  const d: Doc = { text, norm, doc, origin };
  const lines = splitLines(text);
  const states = lineStates(norm, lines);
  const tableLines = new Set<number>();
  const found: { target: Target; at: number }[] = [];
  for (const table of findTables(norm, lines)) {
    table.lines.forEach((i) => tableLines.add(i));
    if (states[table.caption]!.retrospective) continue;
    found.push(...tableTargets(d, table));
  }
  lines.forEach((line, i) => {
    if (tableLines.has(i) || states[i]!.retrospective) return;
    for (const p of splitPassages([line], new Set(), text)) found.push(...proseTargets(d, p.start, p.end, states[i]!.goalsYear));
  });
  found.sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end || a.at - b.at);
  return found.map((f) => f.target);
}

// ---------------------------------------------------------------------------------------------
// Sections

function headingLevel(line: string): number | null {
  const t = line.trim();
  if (t.length > 30 || /[。；;，,]/.test(t)) return null;
  for (const [re, level] of HEADING_LEVELS) if (re.test(t)) return level;
  return null;
}

/** For each line: whether it lies in a retrospective section, and the year of its goals section. */
function lineStates(norm: string, lines: readonly Line[]): LineState[] {
  const open: { level: number; goals: boolean; retrospective: boolean; year: number | null }[] = [];
  return lines.map((line) => {
    const t = norm.slice(line.start, line.end).trim();
    const level = headingLevel(t);
    if (level !== null) {
      while (open.length && open[open.length - 1]!.level >= level) open.pop();
      open.push({ level, goals: GOALS.test(t), retrospective: RETROSPECTIVE.test(t), year: null });
    } else {
      const goals = [...open].reverse().find((s) => s.goals);
      const y = GOALS_YEAR.exec(t);
      if (goals && goals.year === null && y) goals.year = Number(y[1]);
    }
    const years = [...open].reverse().filter((s) => s.goals && s.year !== null);
    return { retrospective: open.some((s) => s.retrospective), goalsYear: years[0]?.year ?? null };
  });
}

// ---------------------------------------------------------------------------------------------
// Names

const trimSpan = (norm: string, [a, b]: Span): Span => {
  while (a < b && /\s/.test(norm[a]!)) a++;
  while (b > a && /\s/.test(norm[b - 1]!)) b--;
  return [a, b];
};

/** A subject made of pieces of the text (two when a word left out of the text is restored). */
function names(d: Doc, pieces: readonly Span[]): { zh: string; key: string } {
  return {
    zh: pieces.map(([a, b]) => d.text.slice(a, b)).join(''),
    key: pieces.map(([a, b]) => d.norm.slice(a, b)).join(''),
  };
}

function target(
  d: Doc,
  subject: readonly Span[],
  value: string,
  unit: string,
  comparator: Comparator,
  perYear: boolean,
  year: number | null,
  status: TargetStatus,
  quote: Span,
): Target {
  const s = names(d, subject);
  const entry = subjectByZh.get(s.key);
  const unitEn = unit === '' ? '' : (CLASSIFIERS as readonly string[]).includes(unit) ? (entry?.counted ?? '') : (unitByZh.get(unit)?.en ?? '');
  return {
    origin: d.origin,
    doc: d.doc,
    subject: { zh: s.zh, en: entry?.en ?? '' } satisfies Names,
    value,
    unit: { zh: unit, en: unitEn },
    comparator,
    perYear,
    year,
    status,
    quote: d.text.slice(quote[0], quote[1]),
    start: quote[0],
    end: quote[1],
  };
}

// ---------------------------------------------------------------------------------------------
// Prose

interface Said {
  /** The comparator the clause's verb gives, before 以上/以内 after the number. */
  verb: Comparator;
  /** The subject without a growth verb: what a following verbless clause (突破16500亿元) is about. */
  base: Span[];
  /** Subjects shared out by 分别, one a value, and how many have been given. */
  shared: Span[][] | null;
  given: number;
  /** Where the number and its unit (and 以上) end: a value coordinated with this one follows. */
  after: number;
  objectForm: boolean;
  perYear: boolean;
  year: number | null;
}

/**
 * Splits `A和B` shared out by 分别, restoring the words B leaves out: 发明专利申请量和授权量 is
 * 发明专利申请量 and 发明专利授权量 (B ends like A, so it takes the rest of A before it).
 */
function shareOut(norm: string, [a, b]: Span): Span[][] | null {
  const k = norm.slice(a, b).indexOf('和');
  if (k < 0) return null;
  const first: Span = [a, a + k];
  const second: Span = [a + k + 1, b];
  const [la, lb] = [first[1] - first[0], second[1] - second[0]];
  if (lb < la && norm[first[1] - 1] === norm[second[1] - 1]) return [[first], [[a, a + la - lb], second]];
  return [[first], [second]];
}

/** The targets of one sentence [ps, pe). */
function proseTargets(d: Doc, ps: number, pe: number, goalsYear: number | null): { target: Target; at: number }[] {
  const s = d.norm.slice(ps, pe);
  const out: { target: Target; at: number }[] = [];
  let cursor = 0;
  let prev = null as Said | null;
  for (const m of s.matchAll(QUANTITY)) {
    const numStart = m.index!;
    const value = m[1]!;
    const unit = m[2]!;
    const unitEnd = numStart + value.length + unit.length;
    const suffix = /^(以上|以内)/.exec(s.slice(unitEnd))?.[1] ?? '';
    const after = unitEnd + suffix.length;
    const rest = s.slice(after);
    const quote: Span = [ps, pe];

    // The year: the last 到20XX年 or 每年 before the number in the sentence (每年争取纳入…不少于3个,
    // 到2020年,省级以上技术转移服务机构达到10家: 3 a year, 10 by 2020). A yearly quota has no year;
    // with neither, a number in a goals section is for the section's year.
    const before = s.slice(0, numStart);
    if (DONE.test(before)) continue;
    const lastYear = [...before.matchAll(YEAR)].at(-1);
    const lastEach = [...before.matchAll(EACH_YEAR)].at(-1);
    let perYear = false;
    let year: number | null = goalsYear;
    if (lastEach && (!lastYear || lastEach.index! > lastYear.index!)) [perYear, year] = [true, null];
    else if (lastYear) year = Number(lastYear[1]);

    const finish = (comparator: Comparator) => (suffix === '以上' ? 'at-least' : suffix === '以内' ? 'at-most' : comparator);

    // A value coordinated with the one before: 分别突破30000件和12000件 shares its verb, and takes
    // the next of the subjects 分别 shares out.
    if (prev && !prev.objectForm && /^[和及、]$/.test(s.slice(prev.after, numStart))) {
      const subject = prev.shared ? (prev.shared[prev.given] ?? prev.base) : prev.base;
      prev.given++;
      out.push({ target: target(d, subject, value, unit, finish(prev.verb), prev.perYear, prev.year, 'target', quote), at: ps + numStart });
      prev.after = after;
      cursor = after;
      continue;
    }

    // The clause's words before the number, after the previous number's and any list break.
    let clauseStart = 0;
    for (let i = numStart - 1; i >= 0; i--) if (CLAUSE_BREAK.test(s[i]!)) {
      clauseStart = i + 1;
      break;
    }
    let left = Math.max(clauseStart, cursor);
    while (left < numStart && /[、和及与\s]/.test(s[left]!)) left++;
    for (let lead = LEAD.exec(s.slice(left, numStart)); lead && lead[0].length; lead = LEAD.exec(s.slice(left, numStart))) left += lead[0].length;
    const leftText = s.slice(left, numStart);

    // Subject before the number (高新技术企业达到590家) when the clause ends with it; else the
    // number comes first and what it counts follows (组织实施6项以上重点国际科技合作项目).
    const objectForm = !(rest === '' || CLAUSE_END.test(rest[0]!) || rest[0] === '、' || /^[和及]\d/.test(rest));
    let verb: Comparator;
    let subject: Span[];
    let base: Span[];
    let shared: Span[][] | null = null;
    let objectEnd = after;
    if (!objectForm) {
      const v = COMPARING_VERB.exec(leftText);
      let subjectEnd = numStart - (v ? v[0].length : 0);
      if (v) verb = AT_MOST_VERB.test(v[2]!) ? 'at-most' : 'at-least';
      // A clause of just a subject and a number shares the verb of the clause before it:
      // 省级以上技术转移服务机构达到10家,常设技术市场1家.
      else verb = ACTION_VERB.test(leftText) ? 'exactly' : (prev?.verb ?? 'exactly');
      let subjectStart = left + (GENERIC_VERB.exec(leftText)?.[0].length ?? 0);
      // A class named by examples, A、B、C等研究机构, is named by its head (研究机构).
      const named = s.slice(subjectStart, subjectEnd);
      const etc = named.lastIndexOf('等');
      if (etc >= 0 && named.slice(0, etc).includes('、') && etc + 1 < named.length) subjectStart += etc + 1;
      [subjectStart, subjectEnd] = trimSpan(s, [subjectStart, subjectEnd]);
      base = subjectStart < subjectEnd ? [[ps + subjectStart, ps + subjectEnd]] : (prev?.base ?? []);
      if (v?.[1] && subjectStart < subjectEnd) shared = shareOut(d.norm, [ps + subjectStart, ps + subjectEnd]);
      if (shared) base = shared[0]!;
      // A growth rate is its own measure: 高新技术产业产值年均增长 16.5%, a yearly rate.
      const growth = v && GROWTH_VERB.test(v[2]!);
      subject = growth ? [...base, [ps + numStart - v[2]!.length, ps + numStart]] : base;
      if (growth && v[2] === '年均增长') perYear = true;
    } else {
      // The object runs to the clause's end, or to the next counted thing of a list.
      let end = after;
      while (end < s.length && !CLAUSE_END.test(s[end]!)) {
        if (s[end] === '、' && QUANTIFIED.test(s.slice(end + 1))) break;
        end++;
      }
      objectEnd = end;
      let objectStart = after;
      // Modifiers listed before the thing counted (创新水平高、行业带动力强、能够形成经济增长点的
      // 重大科技成果): the thing is what follows the last 的.
      const object = s.slice(after, end);
      if (object.includes('、') && object.lastIndexOf('的') >= 0) objectStart = after + object.lastIndexOf('的') + 1;
      const span = trimSpan(s, [objectStart, end]);
      base = [[ps + span[0], ps + span[1]]];
      const content = CONTENT_VERB.exec(leftText.replace(/(至少|不少于|超过)$/, ''));
      subject = content ? [[ps + left + content.index!, ps + left + content.index! + content[0].length], ...base] : base;
      // 至少2个以上科技团组出访; a bare verb gives a number to do (遴选100名); with no words of its
      // own, the number shares the verb of the one before (组织实施6项以上…、15项引智项目).
      if (/(至少|不少于|超过)$/.test(leftText)) verb = 'at-least';
      else if (leftText !== '') verb = 'exactly';
      else verb = prev?.verb ?? 'exactly';
    }
    if (/年均/.test(leftText)) perYear = true;

    out.push({ target: target(d, subject, value, unit, finish(verb), perYear, year, 'target', quote), at: ps + numStart });
    prev = { verb, base, shared, given: 1, after, objectForm, perYear, year };
    cursor = objectEnd;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tables

interface Cell {
  line: number;
  start: number;
  end: number;
  text: string;
}
interface Table {
  caption: number;
  lines: number[];
  cells: Cell[];
}

/**
 * The flattened tables: a caption line, then the cells, one a line, with blank and NBSP-only lines
 * between them. The table ends at the first line that is not a cell: a sentence, such as the note
 * under 专栏3 (注:1.序号…), or a heading. A cell may be long (专栏2 lists the titles of documents).
 */
function findTables(norm: string, lines: readonly Line[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!TABLE_CAPTION.test(norm.slice(lines[i]!.start, lines[i]!.end).trim())) continue;
    const table: Table = { caption: i, lines: [i], cells: [] };
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      const raw = norm.slice(line.start, line.end);
      const t = raw.trim();
      if (t === '') {
        table.lines.push(j);
        continue;
      }
      if (t.length > 80 || /[。；;:：]/.test(t) || TABLE_CAPTION.test(t) || headingLevel(t) !== null) break;
      const [a, b] = trimSpan(norm, [line.start, line.end]);
      table.cells.push({ line: j, start: a, end: b, text: t });
      table.lines.push(j);
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

interface Column {
  status: TargetStatus;
  year: number | null;
}

/**
 * What a value column holds, from its header: 2020年目标值 the targets for 2020; a bare year (2015)
 * the values measured that year, reported beside the targets; 完成值 the values achieved.
 */
function columnOf(header: string): Column | null {
  const y = /^(20\d\d|19\d\d)年?/.exec(header);
  const year = y ? Number(y[1]) : null;
  if (/目标/.test(header)) return { status: 'target', year };
  if (/完成|实际/.test(header)) return { status: 'achieved', year };
  if (y && y[0].length === header.length) return { status: 'achieved', year };
  return null;
}

/**
 * One row a value of an indicator table. The header is 序号, 指标名称, then the value columns; the
 * rows follow, each opening with its 序号 (1, 2, …). The indicator cell carries the unit in
 * brackets, sometimes with the closing one lost (R&D经费支出占GDP的比重(%). A cell of two indicators
 * (发明专利申请量/发明专利授权量) has values in the same order (15077/6003). A target column's value
 * is read as a floor, as the plan's prose states the same numbers (达到3.5%, 突破16500亿元); a
 * reported value is exact. The quote is the row, from its indicator cell to its last value cell.
 */
function tableTargets(d: Doc, table: Table): { target: Target; at: number }[] {
  const cells = table.cells;
  if (cells[0]?.text !== '序号') return [];
  const first = cells.findIndex((c) => c.text === '1');
  if (first < 3) return [];
  const columns = cells.slice(2, first).map((c) => columnOf(c.text));
  const width = first;
  const out: { target: Target; at: number }[] = [];
  for (let at = first, n = 1; at + width <= cells.length && cells[at]!.text === String(n); at += width, n++) {
    const row = cells.slice(at, at + width);
    const indicator = row[1]!;
    const u = /^(.*)\(([^()]*)\)?$/.exec(indicator.text);
    const unit = u && UNITS.includes(u[2]!) ? u[2]! : '';
    const nameEnd = unit ? indicator.start + u![1]!.length : indicator.end;
    // The subjects of the cell, split at / with their offsets.
    const subjects: Span[] = [];
    let from = indicator.start;
    for (let i = indicator.start; i <= nameEnd; i++) {
      if (i === nameEnd || d.norm[i] === '/') {
        subjects.push(trimSpan(d.norm, [from, i]));
        from = i + 1;
      }
    }
    const quote: Span = [indicator.start, row[width - 1]!.end];
    row.slice(2).forEach((cell, c) => {
      const column = columns[c];
      if (!column || NO_VALUE.test(cell.text)) return;
      const values = cell.text.split('/');
      if (values.length !== subjects.length || !values.every((v) => TABLE_NUMBER.test(v))) return;
      values.forEach((value, k) => {
        const comparator: Comparator = column.status === 'target' ? 'at-least' : 'exactly';
        out.push({ target: target(d, [subjects[k]!], value, unit, comparator, false, column.year, column.status, quote), at: cell.start + k });
      });
    });
  }
  return out;
}
