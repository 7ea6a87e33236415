// The npm-shipped files the geo build reads. Every failure names the file, so `npm run geo` can say
// exactly which input is missing or broken.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Resolves a package file (e.g. "world-atlas/countries-50m.json") or an absolute path, and parses it. */
export function readSource(specifier: string): unknown {
  let path: string;
  try {
    path = require.resolve(specifier);
  } catch {
    throw new Error(`${specifier}: file not found (is the package installed? run npm ci)`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read (${(error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
}
