// Build-time Vite plugin: the virtual module `virtual:zh-hant`, a table from every Simplified
// string the app can show (its messages, the dataset's and the maps' names) to the Traditional
// form OpenCC makes of it. One source of strings, two Chinese scripts; the app loads the table
// only when someone picks 繁體中文, and ships no conversion dictionary. And `virtual:zh-hant-search`:
// the forms search matches (search-forms.ts), loaded with the search box.
import { existsSync, readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import type { Plugin } from 'vite';
import { parseAtlas } from '../core/parse-atlas.ts';
import { atlasProblemText } from '../i18n/atlas-problem.ts';
import { localizer } from '../i18n/localizer.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { searchForms } from './search-forms.ts';

const MODULE_ID = 'virtual:zh-hant';
const RESOLVED_ID = `\0${MODULE_ID}`;
const SEARCH_ID = 'virtual:zh-hant-search';
const RESOLVED_SEARCH_ID = `\0${SEARCH_ID}`;

/** Every `zh` value anywhere in a JSON document. */
function zhValues(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => zhValues(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'zh' && typeof item === 'string') into.add(item);
      else zhValues(item, into);
    }
  }
}

/** Simplified → Traditional (OpenCC cn → tw) for the messages and every `zh` in `jsonFiles` (missing files are skipped). */
export function traditionalTable(jsonFiles: readonly string[]): Record<string, string> {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const strings = new Set<string>(Object.values(MESSAGES).map((m) => m.zh));
  for (const file of jsonFiles.filter((path) => existsSync(path))) zhValues(JSON.parse(readFileSync(file, 'utf8')), strings);
  const table: Record<string, string> = {};
  for (const s of [...strings].sort()) {
    const t = toTraditional(s);
    if (t !== s) table[s] = t;
  }
  return table;
}

/** `namesFrom`: the JSON files whose names are shown; `searchFrom`: the dataset search indexes. */
export function zhHantPlugin(options: { namesFrom: string[]; searchFrom: string }): Plugin {
  return {
    name: 'atlas-zh-hant',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : id === SEARCH_ID ? RESOLVED_SEARCH_ID : undefined),
    load(id) {
      if (id === RESOLVED_SEARCH_ID) {
        this.addWatchFile(options.searchFrom);
        const parsed = parseAtlas(readFileSync(options.searchFrom, 'utf8'));
        if (!parsed.ok) throw new Error(`${options.searchFrom}: ${atlasProblemText(localizer('en', {}), parsed.problem)}`);
        return `export default ${JSON.stringify(searchForms(parsed.atlas))};`;
      }
      if (id !== RESOLVED_ID) return undefined;
      for (const file of options.namesFrom) this.addWatchFile(file);
      this.addWatchFile('src/i18n/messages.ts');
      return `export default ${JSON.stringify(traditionalTable(options.namesFrom))};`;
    },
  };
}
