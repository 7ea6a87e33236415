// Build-time Vite plugin: sw.js beside index.html, the offline worker (src/app/service-worker.ts)
// bundled on its own with the list of this build's files written in, and a <meta> that tells the
// page there is one to register (app/offline.ts). Only in a build that is served: the dev server
// has no built files to cache, and the single file (vite build --mode single) carries everything.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { build, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import { OFFLINE_META } from '../core/offline-protocol.ts';

/** The worker's file beside index.html. */
const SERVICE_WORKER_FILE = 'sw.js';

const WORKER_SOURCE = 'src/app/service-worker.ts';
/** Hex digits of SHA-256 kept per file: enough to tell one deployment's file from another's. */
const FILE_HASH_LENGTH = 16;
const FONT = /\.(woff2?|ttf|otf)$/;

export interface ServiceWorkerOptions {
  /**
   * Source files (paths from the Vite root, `*` within a folder) whose built files the page fetches
   * only when the reader asks for them: cached once fetched, never before.
   */
  onDemand: string[];
}

/** What the worker is built with (src/app/service-worker.ts: Precache). */
interface PrecacheManifest {
  version: string;
  files: Record<string, string>;
  onDemand: string[];
}

function globPattern(glob: string): RegExp {
  const escape = (part: string) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${glob.split('*').map(escape).join('[^/]*')}$`);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const posixPath = (path: string) => path.split(sep).join(posix.sep);
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/**
 * Which of the written files the worker caches at install and which on first use. Everything the
 * build wrote is needed to open the atlas (its chunks, including those loaded later, work offline
 * then), except the on-demand sources and the font files that only a stylesheet names: the full
 * font's faces, of which the browser fetches the few that the characters on screen need. The
 * label faces are named by the script itself, and cached with it.
 */
function precacheManifest(outDir: string, bundle: Rolldown.OutputBundle, publicFiles: string[], onDemandSources: string[]): PrecacheManifest {
  const patterns = onDemandSources.map(globPattern);
  const fromOnDemandSource = (names: readonly string[]) => names.some((name) => patterns.some((pattern) => pattern.test(posixPath(name))));
  const outputs = Object.values(bundle);
  const named = [...outputs.flatMap((output) => (output.type === 'chunk' ? [output.code] : [])), readFileSync(join(outDir, 'index.html'), 'utf8')].join('\n');
  const onDemand = new Set<string>();
  const written = new Set<string>(publicFiles);
  for (const output of outputs) {
    written.add(output.fileName);
    if (output.type !== 'asset') continue;
    const fileName = posix.basename(output.fileName);
    if (fromOnDemandSource(output.originalFileNames) || (FONT.test(fileName) && !named.includes(fileName))) onDemand.add(output.fileName);
  }
  for (const file of publicFiles) if (fromOnDemandSource([file])) onDemand.add(file);
  written.delete(SERVICE_WORKER_FILE);

  const files: Record<string, string> = {};
  for (const file of [...written].filter((file) => !onDemand.has(file)).sort()) {
    const path = join(outDir, file);
    if (!existsSync(path)) throw new Error(`service-worker: ${file} was not written to ${outDir}`);
    files[file] = sha256(readFileSync(path)).slice(0, FILE_HASH_LENGTH);
  }
  const sortedOnDemand = [...onDemand].sort();
  // On-demand files change their names with their content (hashed by Vite): their names are enough.
  const version = sha256(JSON.stringify([files, sortedOnDemand])).slice(0, FILE_HASH_LENGTH);
  return { version, files, onDemand: sortedOnDemand };
}

/** The worker's script, bundled as one classic script (module workers are not everywhere yet). */
async function bundleWorker(config: ResolvedConfig, manifest: PrecacheManifest): Promise<string> {
  const output = await build({
    configFile: false,
    root: config.root,
    logLevel: 'warn',
    mode: config.mode,
    publicDir: false,
    envDir: false,
    define: { __PRECACHE__: JSON.stringify(manifest) },
    build: {
      write: false,
      target: config.build.target,
      minify: config.build.minify,
      lib: { entry: resolve(config.root, WORKER_SOURCE), formats: ['iife'], name: 'atlasServiceWorker', fileName: () => SERVICE_WORKER_FILE },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => ('output' in result ? result.output : [])).filter((item) => item.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`service-worker: bundling ${WORKER_SOURCE} gave ${chunks.length} chunks, not one`);
  return chunks[0]!.code;
}

export function serviceWorkerPlugin(options: ServiceWorkerOptions): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'atlas-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: OFFLINE_META, content: SERVICE_WORKER_FILE }, injectTo: 'head' }],
    // Once everything is on disk: the hashes are of the files as served, index.html and the copied public files included.
    writeBundle: {
      order: 'post',
      async handler(outputOptions, bundle) {
        const outDir = outputOptions.dir ?? resolve(config.root, config.build.outDir);
        const publicFiles =
          config.publicDir && config.build.copyPublicDir ? filesUnder(config.publicDir).map((path) => posixPath(relative(config.publicDir, path))) : [];
        const manifest = precacheManifest(outDir, bundle, publicFiles, options.onDemand);
        const code = await bundleWorker(config, manifest);
        writeFileSync(join(outDir, SERVICE_WORKER_FILE), code);
        const bytes = Object.keys(manifest.files).reduce((sum, file) => sum + statSync(join(outDir, file)).size, 0);
        config.logger.info(
          `${SERVICE_WORKER_FILE}: ${(code.length / 1000).toFixed(1)} kB, version ${manifest.version}; ` +
            `${Object.keys(manifest.files).length} files (${(bytes / 1e6).toFixed(1)} MB) cached at install, ${manifest.onDemand.length} on first use`,
        );
      },
    },
  };
}
