import { defineConfig } from 'vitest/config';
import { labelFontPlugin } from './src/build/label-font-plugin.ts';
import { preloadDataPlugin } from './src/build/preload-data-plugin.ts';
import { traditionalTable, zhHantPlugin } from './src/build/zh-hant-plugin.ts';

/** The dataset the extraction writes, and the JSON files whose names the map and the interface show. */
const DATASET = 'public/data/atlas.json';
const NAMES_FROM = [DATASET, 'geo/world.topo.json', 'geo/china.topo.json'];

export default defineConfig({
  base: './',
  plugins: [
    // virtual:zh-hant, loaded by the app only when 繁體中文 is chosen; virtual:zh-hant-search, with the search box.
    zhHantPlugin({ namesFrom: NAMES_FROM, searchFrom: DATASET }),
    labelFontPlugin({
      weights: [400, 600],
      namesFrom: NAMES_FROM,
      textFrom: ['index.html', 'src/app', 'src/ui', 'src/map', 'src/i18n', 'src/core/cards.ts'],
      // The Traditional forms too, or 繁體 labels would fall back to the system's fonts.
      moreText: () => Object.values(traditionalTable(NAMES_FROM)),
    }),
    preloadDataPlugin({ files: ['geo/world.topo.json', 'geo/china.topo.json'], publicFiles: ['data/atlas.json'] }),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // MapLibre in a chunk of its own: it changes less often than the app (caching), and
        // `npm run bench` can weigh the app's own code apart from it.
        codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ }] },
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
});
