import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomically } from './atomic-write';

/**
 * Results that are a pure function of their inputs, kept on disk between processes under a name that hashes those
 * inputs (docs/decisions/0019-fast-feedback.md). They live in node_modules/.cache (wiped by `npm ci` and
 * `make clean`); `UAG_DISK_CACHE=off` turns them off. A file is written under a temporary name and renamed, so
 * concurrent processes (jest workers, two terminals) never read half of one. Each cache keeps at most
 * `maxEntries` files: a write beyond that removes the oldest written quarter (an entry is rewritten only on a miss,
 * so one still in use comes back on its next miss).
 */
export interface DiskCache {
  /** The file for these inputs, or undefined when caching is off. */
  file(inputs: unknown, extension: string): string | undefined;
  read(file: string): string | undefined;
  write(file: string, data: string): void;
}

const CACHE_ROOT = path.resolve(__dirname, '../node_modules/.cache');

export function diskCache(name: string, dir = path.join(CACHE_ROOT, name), maxEntries = 2000): DiskCache {
  return {
    file: (inputs, extension) =>
      process.env.UAG_DISK_CACHE === 'off' ? undefined : path.join(dir, `${createHash('sha256').update(JSON.stringify(inputs)).digest('hex')}.${extension}`),
    read: (file) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    write: (file, data) => {
      writeFileAtomically(file, data);
      prune(dir, maxEntries);
    },
  };
}

function prune(dir: string, maxEntries: number): void {
  const names = readdirSync(dir).filter((name) => !name.endsWith('.tmp'));
  if (names.length <= maxEntries) return;
  const byAge = names
    .map((name) => {
      try {
        return { name, written: statSync(path.join(dir, name)).mtimeMs };
      } catch {
        return undefined; // removed meanwhile by another process
      }
    })
    .filter((entry) => entry !== undefined)
    .sort((a, b) => a.written - b.written);
  for (const { name } of byAge.slice(0, byAge.length - Math.floor(maxEntries * 0.75))) rmSync(path.join(dir, name), { force: true });
}
