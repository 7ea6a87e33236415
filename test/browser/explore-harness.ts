// Builds the exploring components' fixture page (test/browser/explore-fixture/) on its own, with
// no app config, the dataset served from public/: for the browser test and for measuring.
import { join } from 'node:path';
import { zhHantPlugin } from '../../src/build/zh-hant-plugin.ts';
import { buildApp, ROOT } from '../../src/cli/browser-harness.ts';

export const FIXTURE = join(ROOT, 'test/browser/explore-fixture');

export function buildExploreFixture(outDir: string): Promise<void> {
  return buildApp(outDir, {
    root: FIXTURE,
    configFile: false,
    base: './',
    publicDir: join(ROOT, 'public'),
    // The app's Traditional tables, so that the page localizes and searches as the app will.
    plugins: [zhHantPlugin({ namesFrom: [join(ROOT, 'public/data/atlas.json')], searchFrom: join(ROOT, 'public/data/atlas.json') })],
    build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
}
