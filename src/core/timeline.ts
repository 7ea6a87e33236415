// The documents by issue date (2015 to 2021), and what each added to the atlas: its ties, the
// partners no earlier document named, and its targets. Read against the filters other than the
// year (the timeline chooses the year), so that each step shows what it brought among the ties
// the reader is looking at. Data only: ui/timeline-view.ts lays it out.
import { ascending } from 'd3-array';
import type { Tie } from './tie.ts';
import { tally } from './summary.ts';
import type { Origin, Partner, Site, SourceDocument, VocabularyTerm } from './types.ts';
import type { AtlasIndex } from './atlas-index.ts';

export interface TimelineEntry {
  document: SourceDocument;
  origin: Origin;
  year: string;
  /** The document's ties among those kept. */
  ties: number;
  partners: number;
  /** Partners no earlier document named (among the kept ties), most ties first. */
  newPartners: Partner[];
  /** Fields and sites no earlier document named (among the kept ties). */
  newFields: VocabularyTerm[];
  newSites: Site[];
  /** Its quantitative targets (the whole document's: targets are not ties). */
  targets: number;
}

export interface Timeline {
  entries: TimelineEntry[];
  /** The years documents were issued in, oldest first: the timeline's steps. */
  years: string[];
}

export function timelineOf(index: AtlasIndex, ties: readonly Tie[]): Timeline {
  const documents = [...index.atlas.documents].sort((a, b) => ascending(a.date, b.date) || ascending(a.id, b.id));
  const seen = new Set<string>();
  const seenFields = new Set<string>();
  const seenSites = new Set<string>();
  /** What of `items` no earlier document named, each once; remembered as named from now on. */
  const firstNamed = <T extends { id: string }>(items: readonly T[], named: Set<string>): T[] => {
    const fresh = [...new Map(items.filter((item) => !named.has(item.id)).map((item) => [item.id, item])).values()];
    for (const item of items) named.add(item.id);
    return fresh;
  };
  const entries = documents.map((document) => {
    const own = ties.filter((tie) => tie.document.id === document.id);
    const partners = tally(own, (tie) => [tie.partner]);
    const newPartners = partners.filter(({ item }) => !seen.has(item.id)).map(({ item }) => item);
    for (const { item } of partners) seen.add(item.id);
    const newFields = firstNamed(own.flatMap((tie) => tie.fields), seenFields);
    const newSites = firstNamed(own.flatMap((tie) => (tie.site ? [tie.site] : [])), seenSites);
    return {
      document,
      origin: index.origins.get(document.origin)!,
      year: document.date.slice(0, 4),
      ties: own.length,
      partners: partners.length,
      newPartners,
      newFields,
      newSites,
      targets: index.atlas.targets.filter((target) => target.doc === document.id).length,
    };
  });
  return { entries, years: [...new Set(entries.map((entry) => entry.year))] };
}
