import { abbreviationChars, sites as siteEntries, type SiteEntry } from './gazetteer.ts';
import { glossSpans } from './mentions.ts';

/** A gazetteer site found in a text: span in the normalised text's offsets. */
export interface SiteMention {
  entry: SiteEntry;
  start: number;
  end: number;
  /** Where a list such as 中以、中荷、中加现代农业...示范园 begins: the place named before it applies to all. */
  listStart: number;
}

/** The text with glosses cut out, and for each of its characters the offset in the original. */
function withoutGlosses(norm: string): { text: string; offsets: number[] } {
  const cut = glossSpans(norm);
  let text = '';
  const offsets: number[] = [];
  for (let i = 0, k = 0; i < norm.length; i++) {
    while (k < cut.length && i >= cut[k]![1]) k++;
    if (k < cut.length && i >= cut[k]![0]) continue;
    text += norm[i];
    offsets.push(i);
  }
  offsets.push(norm.length);
  return { text, offsets };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds every gazetteer site in a normalised text. A name that begins with a 中X abbreviation
 * also matches as an early member of a list sharing the same head: 中以、中荷、中加现代农业科技
 * 合作示范园 names the 中以 and 中荷 parks too.
 */
export function findSites(norm: string): SiteMention[] {
  const { text, offsets } = withoutGlosses(norm);
  const found: SiteMention[] = [];
  for (const entry of siteEntries) {
    const abbr = /^中./.exec(entry.zh)?.[0];
    const head = entry.zh.slice(2);
    const pattern = abbr
      ? new RegExp(`${escape(abbr)}(?:(?:、中.)+(?=${escape(head)}))?(?:${escape(head)})?`, 'g')
      : new RegExp(escape(entry.zh), 'g');
    for (const m of text.matchAll(pattern)) {
      const whole = m[0] === entry.zh;
      const listed = m[0].startsWith(`${abbr}、`);
      if (!whole && !listed) continue;
      const start = m.index!;
      const end = whole ? start + m[0].length : start + 2;
      let listStart = start;
      for (;;) {
        const before = text.slice(listStart - 3, listStart);
        if (!(before[0] === '中' && abbreviationChars.has(before[1]!) && before[2] === '、')) break;
        listStart -= 3;
      }
      // offsets[end] is where the next kept character stands: past a gloss that ends the name.
      found.push({ entry, start: offsets[start]!, end: offsets[end]!, listStart: offsets[listStart]! });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
