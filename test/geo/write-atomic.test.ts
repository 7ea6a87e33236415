import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/write-atomic';

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    writeFileSync(join(dir, 'out.json'), 'old');
    writeFileAtomic(join(dir, 'out.json'), 'new');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('fails without touching anything when it cannot write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    expect(() => writeFileAtomic(join(dir, 'missing', 'out.json'), 'new')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
