import { defineConfig } from 'vitest/config';
import { labelFontPlugin } from './src/build/label-font-plugin.ts';

export default defineConfig({
  base: './',
  plugins: [
    labelFontPlugin({
      weights: [400, 600],
      namesFrom: ['public/data/atlas.json', 'geo/world.topo.json', 'geo/china.topo.json'],
      textFrom: ['index.html', 'src/app', 'src/ui', 'src/map', 'src/core/cards.ts'],
    }),
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
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
