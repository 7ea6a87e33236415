// Which fields and modes a passage says of each partner it names. A passage (a sentence) often
// names several partners, each with its own field (Shandong's list of international bases: a
// ship design institute with Ukraine, a fibre-sensor centre with Britain, a membrane centre with
// the EU), or says a field of some partners and not of others (执行好与以色列、白俄罗斯等国家的已有科技
// 合作协定,重点加强与俄罗斯、乌克兰、印度在新材料…领域的技术合作). So a partner gets the terms of the
// text that speaks of it: the name of the site it is named through, its own item in a list of
// named centres or events, or else its clause with the clauses that carry that clause on.
import type { Mention } from './mentions.ts';
import type { TermEntry } from './gazetteer.ts';

export interface Span {
  start: number;
  end: number;
}

/** Clause ends: a partner's terms stop at the clause that names the next partner. */
const CLAUSE_END = /[，,；;：:]/g;

/** Splits [start, end) of the text into clauses, each ending after its punctuation mark. */
function clausesOf(text: string, { start, end }: Span): Span[] {
  const clauses: Span[] = [];
  let from = start;
  CLAUSE_END.lastIndex = start;
  for (let m = CLAUSE_END.exec(text); m && m.index < end; m = CLAUSE_END.exec(text)) {
    clauses.push({ start: from, end: m.index + 1 });
    from = m.index + 1;
  }
  if (from < end) clauses.push({ start: from, end });
  return clauses;
}

/** Field words used as metaphors: an innovation 生态 (ecosystem) is no ecology. */
const METAPHORS = /创新生态/g;

/**
 * Words that are names, not fields or modes: a government office's (省农业农村厅, 省工业和信息化厅,
 * 市发改委, 市科技局: a province's, city's, district's or county's 厅, 局 or 委), a
 * domestic station's (中国科学院南皮生态农业试验站), Wuhan's Optics Valley (光谷, a place) and the
 * expo named after it (光博会). Each is masked before the vocabularies are read.
 */
const NAMES = [/(?<![园城社地山街])(省|市|区|县)[\u4e00-\u9fa5]{1,8}?(厅|委|(?<![格布大当结])局)/g, /中国科学院[\u4e00-\u9fa5]{2,12}?(站|所)/g, /光谷|光博会/g, METAPHORS];

/**
 * A partner's own bodies, named right after it: 发达国家的创新中心, 沿线国家海洋科技研发机构 are the
 * partner's (whom to contact), not a centre built with it. No verb between (在沿线国家建立或共建研发
 * 机构 is one), and nothing joint (与以色列联合研发机构 is one too).
 */
const OWN_BODIES = /^的?[^建设立与在共开联合，,、。；;]{0,6}?(研发机构|创新中心)/;

/** The text with `masked` spans (the partners' mentions), the names above and the partners' own bodies blanked out, at the same offsets. */
export function maskNames(text: string, masked: readonly Span[]): string {
  let out = text;
  const blank = (s: string) => '\u3000'.repeat(s.length);
  const blankAt = (start: number, end: number) => (out = out.slice(0, start) + blank(out.slice(start, end)) + out.slice(end));
  for (const name of NAMES) out = out.replace(name, blank);
  for (const { start, end } of masked) {
    blankAt(start, end);
    const body = OWN_BODIES.exec(text.slice(end, end + 16));
    if (body) blankAt(end + body[0].length - body[1]!.length, end + body[0].length);
  }
  return out;
}

/** The ids of the terms whose keywords occur in the text, in vocabulary order. */
function termsIn(text: string, vocabulary: readonly TermEntry[]): string[] {
  return vocabulary.filter((t) => t.keywords.some((k) => text.includes(k))).map((t) => t.id);
}

export interface Said {
  fields: string[];
  modes: string[];
}

interface PassageParts {
  /** The normalised text of the whole document, names masked (maskNames). */
  text: string;
  passage: Span;
  /** The partner mentions in the passage, in order. */
  mentions: readonly Mention[];
}

/**
 * A name that follows a partner and is a centre, programme, meeting or park in itself: no verb or
 * preposition in it (与南亚东南亚国家共建科技成果孵化基地 is a sentence, not a name).
 */
const NAMED = /^(?!.*(共建|建设|开展|推进|加强|在|与|的))[\u4e00-\u9fa5]{2,}(中心|计划|大会|会|园|基地|研究院|实验室)$/;

/**
 * How many clauses after a partner's carry its cooperation on. A long sentence goes on to general
 * aims after two (…世界级创新城市的科技合作,探索建立国际科技合作联盟、基地和园区,有效对接全球高端创新
 * 资源,支持申报国家国际科技合作专项计划: the programme is the city's, not the partners').
 */
const CARRIED_ON = 2;

/** An opening clause that holds an event (举办…会). */
const FRAMING_EVENT = /^\s*举办[^，,]*会/;

/**
 * A clause that sets a task of its own rather than carrying the partner's on: 加快建设中法武汉生态
 * 示范城,加快打造智慧城市,加大无线通信网络基础设施和大数据中心建设 (the smart city and its networks
 * are Wuhan's, not France's); 加强与“一带一路”沿线国家…的合作,建设国际科技合作园区.
 */
const NEW_TASK = /^\s*(加快|加大|加强|推进|支持|鼓励|完善|实施|建设)/;

/**
 * The text that speaks of the partner at `at`: its clause, then the following clauses (CARRIED_ON
 * at most) up to the next one that names a partner (those carry the same cooperation on: …领域的
 * 合作,推广应用我省科技成果,推动成熟技术向海外转移转化). A partner followed by a name of its own
 * (中欧(欧盟)膜技术应用研讨会, 中国—南亚技术转移中心: one item of a list of events or centres, each
 * with its own field) has that name, up to the next 、, 和 or 等, as its text; a bare one in a list
 * (中韩(韩国)、中澳(澳大利亚)、中新(新加坡)等自贸区协定) shares the clause.
 */
export function scopeOf({ text, passage, mentions }: PassageParts, at: Span): Span[] {
  const clauses = clausesOf(text, passage);
  const index = clauses.findIndex((c) => at.start >= c.start && at.start < c.end);
  const clause = clauses[index]!;
  // The list item the partner begins: up to the next 、, 和 or 等.
  const rest = text.slice(at.end, clause.end);
  const own = rest.slice(0, rest.search(/[、和等]|$/));
  // An item of its own, a name that is a centre, a programme, a meeting or a park in itself
  // (中欧(欧盟)膜技术应用研讨会, 中国—南亚技术转移中心, 金砖国家技术转移中心): its text only.
  if (NAMED.test(own)) return [{ start: at.start, end: at.end + own.length }];
  const scope: Span[] = [clause];
  // A passage that opens by holding an event frames all it goes on to say: 举办中国捷克斯洛伐克友谊农场
  // 对外合作推介会…,加强与中东欧各国在通用航空…等领域深化合作 (the promotion fair is CEE's too).
  const opening = clauses[0]!;
  if (index > 0 && FRAMING_EVENT.test(text.slice(opening.start, opening.end))) scope.push(opening);
  for (const next of clauses.slice(index + 1, index + 1 + CARRIED_ON)) {
    if (mentions.some((m) => m.start >= next.start && m.start < next.end) || NEW_TASK.test(text.slice(next.start, next.end))) break;
    scope.push(next);
  }
  return scope;
}

/** The terms said in a text. */
export function termsOf(said: string, fields: readonly TermEntry[], modes: readonly TermEntry[]): Said {
  return { fields: termsIn(said, fields), modes: termsIn(said, modes) };
}
