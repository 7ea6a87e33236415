import type { TermEntry } from './gazetteer.ts';

/** The ids of the vocabulary terms whose keywords occur in a passage, in vocabulary order. */
export function tagsOf(passage: string, vocabulary: readonly TermEntry[]): string[] {
  return vocabulary.filter((t) => t.keywords.some((k) => passage.includes(k))).map((t) => t.id);
}
