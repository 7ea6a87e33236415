import { defineConfig } from 'vitest/config';
import { labelFontPlugin } from './src/build/label-font-plugin';

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
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
