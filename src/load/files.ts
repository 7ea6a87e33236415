// Loading the app's files, with errors that say in the page which file failed and how. The
// single-file build (`npm run build:single`) carries the files in the page itself
// (virtual:app-files, made by src/build/single-file-plugin.ts): an address of one of them is
// answered from there, with no request. In the ordinary build the table is null and every file
// is fetched.
import carriedFiles from 'virtual:app-files';

/** A file's text, or why there is none: it is not there, or it could not be loaded (the reason). */
export type FileAnswer = { text: string } | { missing: true } | { failed: string };

/** The carried files by absolute address, made at the first look-up. */
let byAddress: Map<string, string> | null = null;

/**
 * What the page itself says of `url`: the file's text, or missing for an address beside the page
 * that it does not carry; undefined when the page carries no files (the ordinary build) or the
 * address is elsewhere.
 */
function carried(url: string): FileAnswer | undefined {
  if (!carriedFiles) return undefined;
  const base = new URL('./', document.baseURI);
  byAddress ??= new Map(Object.entries(carriedFiles).map(([path, text]) => [new URL(path, base).href, text]));
  const address = new URL(url, base);
  address.search = address.hash = '';
  const text = byAddress.get(address.href);
  if (text !== undefined) return { text };
  return address.href.startsWith(base.href) ? { missing: true } : undefined;
}

/**
 * Why a file could not be had, as a code and the values its message names (ui/notice-text.ts
 * words it in the reader's language): `file` is the path beside the page (data/atlas.json).
 */
export interface LoadProblem {
  code: 'not-carried' | 'unreachable' | 'status' | 'json' | 'shape' | 'not-built' | 'length';
  values: Readonly<Record<string, string | number>>;
}

export class LoadError extends Error {
  constructor(readonly problem: LoadProblem) {
    super(`${problem.values.file}: ${problem.code} ${problem.values.detail ?? ''}`.trim());
  }
}

/** The text of `file` (a path beside the page, which names it in messages) at `url`. */
export async function loadText(url: string, file: string): Promise<string> {
  const own = carried(url);
  if (own) {
    if ('text' in own) return own.text;
    throw new LoadError({ code: 'not-carried', values: { file } });
  }
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new LoadError({ code: 'unreachable', values: { file, detail: (error as Error).message } });
  }
  if (!response.ok) throw new LoadError({ code: 'status', values: { file, detail: `${response.status} ${response.statusText}`.trim() } });
  return response.text();
}

export async function loadJson(url: string, file: string): Promise<unknown> {
  const text = await loadText(url, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LoadError({ code: 'json', values: { file, detail: (error as Error).message } });
  }
}

/**
 * A file that may well not be there (a tour asked for by name): its text, missing, or why it
 * could not be loaded. `accept` is the type asked of a server.
 */
export async function findFile(url: string, accept: string): Promise<FileAnswer> {
  const own = carried(url);
  if (own) return own;
  try {
    const response = await fetch(url, { headers: { Accept: accept } });
    // A server that answers every path with the app's page (a single-page fallback) has no such file either.
    if (response.status === 404 || (response.headers.get('content-type') ?? '').includes('text/html')) return { missing: true };
    return response.ok ? { text: await response.text() } : { failed: `${response.status} ${response.statusText}`.trim() };
  } catch (error) {
    return { failed: (error as Error).message };
  }
}
