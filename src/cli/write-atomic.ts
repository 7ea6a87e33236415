import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes beside the target, then renames over it: readers never see a half-written file. */
export function writeFileAtomic(path: string, contents: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
