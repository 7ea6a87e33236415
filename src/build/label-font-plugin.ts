// Build-time Vite plugin: the Noto Sans SC faces that cover the characters of the map's labels and
// the app's own text, as the virtual module `virtual:label-font`. @fontsource/noto-sans-sc splits
// the font by unicode-range into files of some hundreds of characters (20–60 KB each); a page of
// labels touches dozens of them, about a megabyte. Each file needed is cut down (harfbuzz, through
// subset-font) to the characters it is needed for, and its face declares only those: a few KB a
// file, a tenth of the bytes, which a phone on a slow network feels. The files still load only
// when a character is drawn. Cut files are kept in node_modules/.cache, named by what went in.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import subsetFont from 'subset-font';
import { normalizePath, type Plugin } from 'vite';
import { codepointRuns, unicodeRange } from '../core/unicode-range.ts';

const MODULE_ID = 'virtual:label-font';
const RESOLVED_ID = `\0${MODULE_ID}`;

export interface LabelFontOptions {
  weights: number[];
  /** JSON files whose `zh` and `en` values are label text (dataset, geo names); missing ones are skipped. */
  namesFrom: string[];
  /** Files and folders whose whole text may be shown (the app's source and page). */
  textFrom: string[];
  /** More text that may be shown, made at build time: the Traditional forms of the names and messages. */
  moreText?: () => Iterable<string>;
}

interface FontsourceFace {
  file: string;
  ranges: [number, number][];
}

/** The faces of one weight's fontsource stylesheet: woff2 file and unicode ranges. */
function fontsourceFaces(cssPath: string): FontsourceFace[] {
  const css = readFileSync(cssPath, 'utf8');
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => ({
    file: /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(body)![1],
    ranges: codepointRuns(/unicode-range:\s*([^;]+);/.exec(body)![1]!),
  }));
}

function namesIn(value: unknown, into: string[]): void {
  if (Array.isArray(value)) value.forEach((item) => namesIn(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'zh' || key === 'en') && typeof item === 'string') into.push(item);
      else namesIn(item, into);
    }
  }
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/**
 * The fontsource file `source` cut down to `codepoints`, as WOFF2 in `cacheDir`: made once for
 * each file, set of characters and version of the tool (`tool`), written whole, then renamed, so
 * that no half file is used.
 */
async function subsetFile(source: string, codepoints: number[], cacheDir: string, tool: string): Promise<string> {
  const bytes = readFileSync(source);
  const text = String.fromCodePoint(...codepoints);
  const hash = createHash('sha256').update(tool).update(bytes).update(text).digest('hex').slice(0, 16);
  const file = join(cacheDir, `${basename(source, '.woff2')}-${hash}.woff2`);
  if (!existsSync(file)) {
    const cut = await subsetFont(bytes, text, { targetFormat: 'woff2' });
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${file}.${process.pid}.part`, cut);
    renameSync(`${file}.${process.pid}.part`, file);
  }
  return file;
}

export function labelFontPlugin(options: LabelFontOptions): Plugin {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  const cacheDir = join(packageDir, '..', '..', '.cache', 'label-font');
  const tool = `subset-font ${(require('subset-font/package.json') as { version: string }).version} woff2`;
  /** Relative paths start at the Vite root. */
  let root = process.cwd();
  return {
    name: 'label-font',
    configResolved(config) {
      root = config.root;
    },
    resolveId: (source) => (source === MODULE_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return;
      const texts: string[] = [];
      for (const path of options.namesFrom.map((name) => resolve(root, name))) {
        if (existsSync(path)) namesIn(JSON.parse(readFileSync(path, 'utf8')), texts);
      }
      for (const path of options.textFrom.flatMap((name) => filesUnder(resolve(root, name)))) {
        texts.push(readFileSync(path, 'utf8'));
      }
      if (options.moreText) texts.push(...options.moreText());
      const used = [...new Set(Array.from(texts.join(''), (char) => char.codePointAt(0)!))]
        .filter((codepoint) => codepoint > 0x20)
        .sort((a, b) => a - b);
      const needed = options.weights.flatMap((weight) =>
        fontsourceFaces(join(packageDir, `${weight}.css`)).flatMap((face) => {
          const covered = used.filter((codepoint) => face.ranges.some(([start, end]) => codepoint >= start && codepoint <= end));
          return covered.length === 0 ? [] : [{ weight, source: join(packageDir, face.file), covered }];
        }),
      );
      const files = await Promise.all(needed.map(({ source, covered }) => subsetFile(source, covered, cacheDir, tool)));
      const imports = files.map((file, i) => `import face${i} from ${JSON.stringify(`${normalizePath(file)}?url`)};`);
      const faces = needed.map(({ weight, covered }, i) => `{ weight: ${weight}, url: face${i}, unicodeRange: ${JSON.stringify(unicodeRange(covered))} }`);
      return `${imports.join('\n')}\nexport default [\n${faces.join(',\n')}\n];\n`;
    },
  };
}
