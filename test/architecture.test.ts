// The layers of src/, held by test: each folder imports only the folders below it, so that the
// model stays free of the DOM and the views stay free of each other. The core's freedom from the
// DOM is held by tsconfig.core.json too (no DOM library), which `npm test` type-checks.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/**
 * What each folder of src/ may import from src/ (besides itself). The browser's layers, bottom up:
 * core (the model, no DOM), i18n and load (translation and loading, for map and views alike),
 * then map and ui (views that never import each other), then app, which alone wires them.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  i18n: ['core'],
  load: ['core'],
  map: ['core', 'i18n', 'load'],
  ui: ['core', 'i18n', 'load'],
  app: ['core', 'i18n', 'load', 'map', 'ui'],
  bench: ['core'],
  extract: ['core'],
  geo: ['core'],
  build: ['core', 'i18n'],
  cli: ['core', 'i18n', 'extract', 'geo', 'map', 'build'],
};

/** The packages the core may use: none that touch the DOM, draw, or need Node. */
const CORE_PACKAGES = ['d3-array', 'd3-dsv', 'd3-geo', 'geojson', 'opencc-js', 'topojson-client', 'topojson-specification', 'valibot'];

interface Breach {
  file: string;
  imports: string;
  why: string;
}

/** Static imports and re-exports, side-effect imports, and dynamic imports (comments inside allowed), in any quotes. */
const SPECIFIERS = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"`]([^'"`]+)['"`]|(?:^|\n)\s*import\s*['"`]([^'"`]+)['"`]|import\(\s*(?:\/\*[\s\S]*?\*\/\s*)?['"`]([^'"`]+)['"`]\s*\)/g;

/** The breaches of the layer rules in one file (`file` relative to src/, e.g. `map/style.ts`). */
function breaches(file: string, source: string): Breach[] {
  const layer = file.split('/')[0]!;
  const found: Breach[] = [];
  for (const match of source.matchAll(SPECIFIERS)) {
    const spec = match[1] ?? match[2] ?? match[3]!;
    if (spec.startsWith('.')) {
      const target = relative(SRC, resolve(SRC, dirname(file), spec));
      const to = target.split('/')[0]!;
      if (target.startsWith('..')) continue; // the data and geo files outside src/
      if (to !== layer && !(MAY_IMPORT[layer] ?? []).includes(to)) found.push({ file, imports: spec, why: `${layer}/ may not import ${to}/` });
    } else if (layer === 'core') {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      if (!CORE_PACKAGES.includes(name)) found.push({ file, imports: spec, why: `core/ may not use ${name}` });
    }
  }
  return found;
}

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });

describe('the layers of src/', () => {
  it('has a rule for every folder', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((folder) => !(folder in MAY_IMPORT))).toEqual([]);
  });

  it('are kept by every file: core imports no view, map and ui never import each other, only app wires', () => {
    const found = sources(SRC).flatMap((path) => breaches(relative(SRC, path), readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });

  it('would catch a breach of each kind', () => {
    expect(breaches('map/a.ts', "import { localizer } from '../ui/i18n.ts';")).toMatchObject([{ why: 'map/ may not import ui/' }]);
    expect(breaches('ui/a.ts', "import { load } from '../app/load';")).toMatchObject([{ why: 'ui/ may not import app/' }]);
    expect(breaches('ui/a.ts', "const m = import('../map/atlas-map.ts');")).toMatchObject([{ why: 'ui/ may not import map/' }]);
    expect(breaches('core/a.ts', "import type { Pointer } from '../map/atlas-map.ts';")).toMatchObject([{ why: 'core/ may not import map/' }]);
    expect(breaches('core/a.ts', "import { html } from 'lit';\nimport * as maplibregl from 'maplibre-gl';")).toHaveLength(2);
    expect(breaches('map/a.ts', 'import { localizer } from "../ui/i18n.ts";')).toHaveLength(1);
    expect(breaches('map/a.ts', 'export { Legend } from "../ui/legend.ts";')).toHaveLength(1);
    expect(breaches('ui/a.ts', 'const m = import(/* @vite-ignore */ `../map/atlas-map.ts`);')).toHaveLength(1);
    expect(breaches('app/a.ts', "import '../ui/header.ts';\nimport { AtlasMap } from '../map/atlas-map.ts';")).toEqual([]);
  });
});
