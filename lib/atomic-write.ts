import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Writes `file` under a temporary name beside it and renames it into place, so that a killed process never leaves
 * half a file and concurrent writers (jest workers, two terminals) each leave a complete one: the last rename wins.
 */
export function writeFileAtomically(file: string, contents: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}
