import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = readFileSync('test/seeds.sha256', 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [hash, file] = line.split(/\s+\*?/);
    return { hash: hash!, file: file! };
  });
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('seeds/', () => {
  it('holds exactly the documents of the manifest, byte for byte', () => {
    expect(readdirSync('seeds').sort()).toEqual(manifest.map((m) => m.file).sort());
    for (const { file, hash } of manifest) expect(sha256(`seeds/${file}`), file).toBe(hash);
  });

  it.runIf(existsSync('../shared/seeds'))('equals ../shared/seeds', () => {
    expect(readdirSync('../shared/seeds').sort()).toEqual(readdirSync('seeds').sort());
    for (const file of readdirSync('seeds')) expect(sha256(`../shared/seeds/${file}`), file).toBe(sha256(`seeds/${file}`));
  });
});
