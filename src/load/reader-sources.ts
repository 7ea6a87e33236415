// What the source reader shows besides the dataset: the seed texts and where mentions are in
// them. Neither is in the app's bundle: each text is an asset of its own and mentions.json a data
// file, fetched the first time a reader needs them and kept for the session.
import * as v from 'valibot';
import { loadJson, loadText, LoadError } from './files.ts';
import type { MentionIndex, SourceDocument } from '../core/types';

/**
 * Seed file → a loader of its URL. `no-inline` keeps even a short text out of the JS (Vite would
 * otherwise inline a file under 4 kB as a data URL).
 */
const SEED_URLS = import.meta.glob<string>('../../seeds/*.txt', { query: '?url&no-inline', import: 'default' });

const MentionIndexSchema = v.record(
  v.string(),
  v.array(
    v.object({
      start: v.number(),
      end: v.number(),
      kind: v.picklist(['partner', 'site', 'place']),
      ids: v.array(v.string()),
    }),
  ),
);

/** A load kept once started; dropped if it fails, so that asking again tries again. */
function remembered<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let loading = cache.get(key);
  if (!loading) {
    loading = load();
    loading.catch(() => cache.delete(key));
    cache.set(key, loading);
  }
  return loading;
}

const texts = new Map<string, Promise<string>>();
const mentionIndex = new Map<string, Promise<MentionIndex>>();

/** The document's text as the extraction read it (UTF-8, BOM dropped, line breaks kept). */
export function loadSourceText(doc: SourceDocument): Promise<string> {
  return remembered(texts, doc.id, async () => {
    const url = SEED_URLS[`../../seeds/${doc.file}`];
    const file = `seeds/${doc.file}`;
    if (!url) throw new LoadError({ code: 'not-built', values: { file } });
    const text = await loadText(await url(), file);
    // Offsets are only good for the very text they were taken from.
    if (text.length !== doc.length) throw new LoadError({ code: 'length', values: { file, length: text.length, expected: doc.length } });
    return text;
  });
}

export function loadMentions(): Promise<MentionIndex> {
  return remembered(mentionIndex, 'all', async () => {
    const data = await loadJson(new URL('data/mentions.json', document.baseURI).href, 'data/mentions.json');
    const parsed = v.safeParse(MentionIndexSchema, data);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      throw new LoadError({ code: 'shape', values: { file: 'data/mentions.json', path: v.getDotPath(issue) ?? '—', detail: issue.message } });
    }
    return parsed.output;
  });
}
