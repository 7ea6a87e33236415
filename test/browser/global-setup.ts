// Builds the app and the explore fixture page once for every browser test file (each used to
// build its own copy), before any of them runs; the files serve these builds on ports of their own.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp, ROOT } from '../../src/cli/browser-harness.ts';
import { buildExploreFixture } from './explore-harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app (npm run build, into test-results/). */
    appDist: string;
    /** The built explore fixture page (test/browser/explore-fixture/). */
    exploreDist: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  const results = join(ROOT, 'test-results');
  mkdirSync(results, { recursive: true });
  const [appDist, exploreDist] = [join(results, 'app-dist'), join(results, 'explore-dist')];
  // One after the other: two builds at once on two cores take as long, and print over each other.
  await buildApp(appDist);
  await buildExploreFixture(exploreDist);
  project.provide('appDist', appDist);
  project.provide('exploreDist', exploreDist);
}
