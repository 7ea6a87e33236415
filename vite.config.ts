import { defineConfig } from 'vitest/config';
import { contentSecurityPolicyPlugin } from './src/build/content-security-policy.ts';
import { labelFontPlugin } from './src/build/label-font-plugin.ts';
import { preloadDataPlugin } from './src/build/preload-data-plugin.ts';
import { serviceWorkerPlugin } from './src/build/service-worker-plugin.ts';
import { appFilesPlugin } from './src/build/single-file-plugin.ts';
import { traditionalTable, zhHantPlugin } from './src/build/zh-hant-plugin.ts';

/** The dataset the extraction writes, and the JSON files whose names the map and the interface show. */
const DATASET = 'public/data/atlas.json';
const NAMES_FROM = [DATASET, 'geo/world.topo.json', 'geo/china.topo.json'];
/** The files whose whole text the page may show with the label font. */
const TEXT_FROM = ['index.html', 'src/app', 'src/ui', 'src/map', 'src/i18n', 'src/core/cards.ts'];

// `vite build --mode single` (npm run build:single): the whole app in one HTML file, which draws
// from file:// with no server and no request (src/build/single-file-plugin.ts).
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
    base: './',
    plugins: [
      // virtual:zh-hant, loaded by the app only when 繁體中文 is chosen; virtual:zh-hant-search, with the search box.
      zhHantPlugin({ namesFrom: NAMES_FROM, searchFrom: DATASET }),
      labelFontPlugin({
        weights: [400, 600],
        namesFrom: NAMES_FROM,
        // The single file cannot load the full font when a quote needs it: its faces cover the texts too.
        textFrom: single ? [...TEXT_FROM, 'seeds'] : TEXT_FROM,
        // The Traditional forms too, or 繁體 labels would fall back to the system's fonts.
        moreText: () => Object.values(traditionalTable(NAMES_FROM)),
      }),
      // The single file fetches nothing: no preload links.
      single ? [] : preloadDataPlugin({ files: ['geo/world.topo.json', 'geo/china.topo.json'], publicFiles: ['data/atlas.json'] }),
      // sw.js, the offline worker: the single file needs none. A seed text is cached once a passage in it is read.
      single ? [] : serviceWorkerPlugin({ onDemand: ['seeds/*.txt'] }),
      // virtual:app-files: null here; in the single file, every file the app loads at run time.
      appFilesPlugin(
        single
          ? {
              fileName: 'cooperation-atlas.html',
              publicFiles: ['data/atlas.json', 'data/mentions.json', 'map-caption.json', 'tours/*.json'],
              files: ['geo/world.topo.json', 'geo/china.topo.json', 'seeds/*.txt'],
              // Every character of the font, for quotes (app/fonts.ts): the label faces above cover the texts.
              drop: ['@fontsource/noto-sans-sc/400.css'],
            }
          : null,
      ),
      // The page's Content Security Policy, in a <meta> of index.html (the single file writes its own).
      single ? [] : contentSecurityPolicyPlugin(),
    ],
    build: {
      target: 'es2022',
      // Font files stay files, however small: the page's Content Security Policy allows fonts from
      // its own origin only (font-src 'self'), not as data: URLs. The single file inlines everything.
      assetsInlineLimit: single ? undefined : (file: string) => (/\.woff2?$/.test(file) ? false : undefined),
      outDir: single ? 'dist-single' : 'dist',
      chunkSizeWarningLimit: single ? 20_000 : 1200,
      rolldownOptions: {
        output: {
          // MapLibre in a chunk of its own: it changes less often than the app (caching), and
          // `npm run bench` can weigh the app's own code apart from it. The single file has one chunk.
          codeSplitting: single ? false : { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ }] },
        },
      },
    },
    test: {
      testTimeout: 60_000,
      hookTimeout: 120_000,
      // The JSON report lets .ci/run close with one plain "N passed, N failed" line.
      reporters: ['default', 'json'],
      outputFile: { json: 'test-results/vitest.json' },
      projects: [
        // The unit test files share their module graph (no isolation): they keep no global state, and
        // importing the same modules once per file was a tenth of the whole run.
        { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/browser/**'], isolate: false } },
        // The browser tests share one build of the app and one of the explore fixture, made before they run.
        { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], globalSetup: ['test/browser/global-setup.ts'] } },
      ],
    },
  };
});
