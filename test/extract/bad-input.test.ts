import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAtlas } from '../../src/extract/pipeline.ts';
import { decodeSeed, SeedError } from '../../src/extract/text.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const good = readFileSync('seeds/000_e6c1820c8e594476.txt');

function extractError(file: string, content: Uint8Array): string {
  try {
    extractAtlas([{ file, bytes: content }]);
  } catch (e) {
    expect(e).toBeInstanceOf(SeedError);
    return (e as Error).message;
  }
  throw new Error('expected the extraction to stop');
}

describe('bad seeds stop the run with a message naming the file and the problem', () => {
  it.each([
    ['empty.txt', new Uint8Array(), /empty\.txt: the file is empty/],
    ['blank.txt', bytes(' \n\t\n'), /blank\.txt: the file holds only white space/],
    ['binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), /binary\.txt: the file is binary/],
    ['latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]), /latin1\.txt: the file is not valid UTF-8/],
    ['nothing.txt', bytes('这是一段与任何地方都无关的文字。\n'), /nothing\.txt: no origin found/],
    ['undated.txt', bytes('武汉市关于国际合作的说明\n与德国开展合作。\n'), /undated\.txt: no issue date found/],
  ])('%s', (file, content, message) => {
    expect(extractError(file, content)).toMatch(message);
  });

  it('an empty seeds folder is an error too', () => {
    expect(() => extractAtlas([])).toThrow(/no seed documents/);
  });
});

describe('decoding', () => {
  it('removes a leading BOM and keeps CRLF, so offsets count the file as the contract says', () => {
    const text = decodeSeed('x.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('甲\r\n乙')]));
    expect(text).toBe('甲\r\n乙');
  });

  it('extracts the same ties from a seed with a BOM and CRLF line ends, at offsets into that text', () => {
    const crlf = bytes(`\ufeff${good.toString('utf8').replace(/\n/g, '\r\n')}`);
    const plain = extractAtlas([{ file: 'a.txt', bytes: new Uint8Array(good) }]);
    const dos = extractAtlas([{ file: 'a.txt', bytes: crlf }]);
    expect(dos.links.map((l) => l.id)).toEqual(plain.links.map((l) => l.id));
    const text = decodeSeed('a.txt', crlf);
    for (const e of dos.links.flatMap((l) => l.evidence)) expect(text.slice(e.start, e.end)).toBe(e.quote);
  });
});

describe('npm run extract on bad input', () => {
  it('exits non-zero, names the file and leaves the previous dataset untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-extract-'));
    mkdirSync(join(dir, 'seeds'));
    mkdirSync(join(dir, 'public/data'), { recursive: true });
    copyFileSync('seeds/000_e6c1820c8e594476.txt', join(dir, 'seeds/000_e6c1820c8e594476.txt'));
    writeFileSync(join(dir, 'seeds/999_broken.txt'), new Uint8Array([0, 1, 2, 3]));
    writeFileSync(join(dir, 'public/data/atlas.json'), 'previous dataset');
    writeFileSync(join(dir, 'public/data/mentions.json'), 'previous mentions');
    let stderr = '';
    let status = 0;
    try {
      execFileSync(resolve('node_modules/.bin/tsx'), [resolve('src/cli/extract.ts')], { cwd: dir, stdio: 'pipe' });
    } catch (e) {
      const err = e as { status: number; stderr: Buffer };
      status = err.status;
      stderr = err.stderr.toString();
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/999_broken\.txt: the file is binary/);
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(readFileSync(join(dir, 'public/data/atlas.json'), 'utf8')).toBe('previous dataset');
    expect(readFileSync(join(dir, 'public/data/mentions.json'), 'utf8')).toBe('previous mentions');
  });
});
