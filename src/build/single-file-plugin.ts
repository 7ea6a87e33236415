// Build-time Vite plugin: the app's own data files as the virtual module `virtual:app-files`,
// which src/load/files.ts answers from before it fetches anything, and, for `npm run
// build:single` (vite build --mode single), the whole app as one HTML file that draws from
// file:// with no server and no request:
// - the table holds the public files the app asks for by address (the dataset, the mentions,
//   the map caption, the tours) and the files it imports with `?url` (the two maps, the seed
//   texts); those imports become the file's path, the table's key, instead of an asset;
// - every other asset (the label font's files, MapLibre's worker) is inlined as a data: URL,
//   every lazily imported chunk goes into the one script, and so do the app's own workers;
// - once bundled, the script and the stylesheet are written into the page, the icon becomes a
//   data: URL, and anything that would still have to sit beside the page fails the build.
// In the ordinary build `virtual:app-files` is `null`: a dozen bytes, and the app fetches as before.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { normalizePath, type Plugin } from 'vite';
import { withContentSecurityPolicy } from './content-security-policy.ts';

const MODULE_ID = 'virtual:app-files';
const RESOLVED_ID = `\0${MODULE_ID}`;
/** A `?url` import of a file in the table: its key (dots escaped: an id ending in .json would be read as JSON). */
const URL_PREFIX = '\0app-file-url:';
/** A module left out of the single file. */
const DROPPED_ID = '\0single-file-dropped';

export interface SingleFileOptions {
  /** The page's name in the output directory. */
  fileName: string;
  /** Files of the public folder the app loads by address; `dir/*.json` takes every match. */
  publicFiles: string[];
  /** Files under the root the app imports with `?url` and loads at run time; same patterns. */
  files: string[];
  /** Modules the single file leaves out (each is imported as an empty module). */
  drop?: string[];
}

/** The files a pattern names under `dir`: a path, or a folder and a file name with `*`. */
function expand(dir: string, pattern: string): string[] {
  const name = basename(pattern);
  if (!name.includes('*')) {
    if (!existsSync(join(dir, pattern))) throw new Error(`single file: ${pattern} not found in ${dir}`);
    return [pattern];
  }
  const folder = dirname(pattern);
  const match = new RegExp(`^${name.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
  const found = existsSync(join(dir, folder)) ? readdirSync(join(dir, folder)).filter((file) => match.test(file)).sort() : [];
  return found.map((file) => (folder === '.' ? file : `${folder}/${file}`));
}

/** A script's text as the content of an inline <script>: nothing in it may end the element early. */
function inlineScript(code: string): string {
  // `\x3C` is `<` in a string, a template and a regular expression alike.
  return code.replace(/<(\/script|!--)/gi, '\\x3C$1');
}

/**
 * `virtual:app-files` for every build; with `single`, the single-file build. The build settings
 * that make one file (one chunk, every asset inline, no public folder copied) are set here.
 */
export function appFilesPlugin(single: SingleFileOptions | null): Plugin {
  let root = process.cwd();
  let publicDir = '';
  /** Table key → absolute path. */
  const table = new Map<string, string>();
  const keyOf = new Map<string, string>();

  return {
    name: 'atlas-app-files',
    enforce: 'pre',
    config: () =>
      single
        ? {
            build: {
              assetsInlineLimit: () => true,
              cssCodeSplit: false,
              copyPublicDir: false,
              modulePreload: false,
              rolldownOptions: { output: { codeSplitting: false } },
            },
          }
        : undefined,
    configResolved(config) {
      root = config.root;
      publicDir = config.publicDir;
      if (!single) return;
      for (const file of single.publicFiles.flatMap((pattern) => expand(publicDir, pattern))) table.set(file, join(publicDir, file));
      for (const file of single.files.flatMap((pattern) => expand(root, pattern))) {
        const path = resolve(root, file);
        table.set(file, path);
        keyOf.set(normalizePath(path), file);
      }
    },
    async resolveId(source, importer, options) {
      if (source === MODULE_ID) return RESOLVED_ID;
      if (!single) return undefined;
      if (single.drop?.includes(source)) return DROPPED_ID;
      const [path, query] = source.split('?', 2);
      const params = new URLSearchParams(query);
      // A worker (the comets') is written into the script, which starts it from a data: URL (see transform).
      if (params.has('worker') && !params.has('inline')) {
        const resolved = await this.resolve(path!, importer, { ...options, skipSelf: true });
        return resolved && `${resolved.id}?worker&inline`;
      }
      if (!query || !params.has('url')) return undefined;
      const resolved = await this.resolve(path!, importer, { ...options, skipSelf: true });
      const key = resolved && keyOf.get(resolved.id.split('?')[0]!);
      return key ? `${URL_PREFIX}${key.replaceAll('.', '%2E')}` : undefined;
    },
    load(id) {
      if (id === DROPPED_ID) return 'export default undefined;';
      if (id.startsWith(URL_PREFIX)) return `export default ${JSON.stringify(decodeURIComponent(id.slice(URL_PREFIX.length)))};`;
      if (id !== RESOLVED_ID) return undefined;
      if (!single) return 'export default null;';
      const files: Record<string, string> = {};
      for (const [key, path] of table) {
        this.addWatchFile(path);
        files[key] = readFileSync(path, 'utf8');
      }
      return `export default ${JSON.stringify(files)};`;
    },
    // Vite starts an inline worker from a blob: URL (a request the single file would make, and a
    // source its policy would have to allow), then from a data: URL if that fails: only the latter.
    transform(code, id) {
      if (!single || !/\?worker&inline$/.test(id)) return undefined;
      const content = /^\s*const jsContent = ("(?:[^"\\\n]|\\.)*");$/m.exec(code)?.[1];
      // A module worker would need `type: 'module'`, which the wrapper below does not pass on.
      if (!content || /type: "module"/.test(code)) return this.error(`single file: Vite's inline worker ${id} no longer starts as expected`);
      return {
        code: `const jsContent = ${content};
export default function WorkerWrapper(options) {
  return new Worker('data:text/javascript;charset=utf-8,' + encodeURIComponent(jsContent), { name: options?.name });
}`,
        map: null,
      };
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        if (!single) return;
        const page = bundle['index.html'];
        if (page?.type !== 'asset') return this.error('single file: the build made no index.html');
        const take = (href: string, what: string) => {
          const fileName = href.replace(/^\.\//, '');
          const output = bundle[fileName];
          if (!output) return this.error(`single file: ${what} ${href} is not among the built files`);
          delete bundle[fileName];
          return output.type === 'chunk' ? output.code : String(output.source);
        };
        const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
        const html = String(page.source)
          .replace(/<script\b[^>]*\ssrc="[^"]*"[^>]*><\/script>/g, (tag) => {
            const code = take(attribute(tag, 'src')!, 'the script');
            return `<script type="module">${inlineScript(code)}</script>`;
          })
          .replace(/<link\b[^>]*\srel="stylesheet"[^>]*>/g, (tag) => {
            const css = take(attribute(tag, 'href')!, 'the stylesheet');
            return `<style>${css.replace(/<\/style/gi, '\\3C/style')}</style>`;
          })
          .replace(/<link\b[^>]*\srel="icon"[^>]*>/g, (tag) => {
            const href = attribute(tag, 'href')!;
            const path = join(publicDir, href);
            if (href.startsWith('data:')) return tag;
            if (!existsSync(path)) return this.error(`single file: the icon ${href} is not in ${relative(root, publicDir)}`);
            const type = attribute(tag, 'type') ?? 'image/svg+xml';
            return tag.replace(`href="${href}"`, `href="data:${type};base64,${readFileSync(path).toString('base64')}"`);
          });
        // Whatever the page still points to would have to be a file beside it.
        const tags = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>|<style\b[^>]*>[\s\S]*?<\/style>/g, '');
        const outside = [...tags.matchAll(/\s(?:src|href)="(?!data:|#)([^"]*)"/g)].map((m) => m[1]);
        if (outside.length > 0) this.error(`single file: the page still refers to ${outside.join(', ')}`);
        delete bundle['index.html'];
        const left = Object.keys(bundle);
        if (left.length > 0) this.error(`single file: ${left.join(', ')} would have to sit beside the page`);
        this.emitFile({ type: 'asset', fileName: single.fileName, source: withContentSecurityPolicy(html, true) });
      },
    },
  };
}
