import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * Zip archives whose bytes depend only on their entries: names sorted, one fixed timestamp, fixed file
 * mode, stored without compression, and DOS times written in UTC. The same handler and data therefore
 * give the same `source_code_hash` on every machine, and plans show no change unless the code changed.
 */

export interface ZipEntry {
  /** Path inside the archive, e.g. `index.js` or `routes.json`. */
  readonly name: string;
  readonly data: Buffer;
}

/** Every entry's modification time: the earliest a DOS timestamp can express, 1980-01-01T00:00:00Z. */
export const ZIP_ENTRY_MTIME = new Date(Date.UTC(1980, 0, 1));

const CHILD = path.join(__dirname, 'zip-child.js');

export function deterministicZip(entries: readonly ZipEntry[]): Buffer {
  const names = new Set<string>();
  for (const entry of entries) {
    if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(entry.name) || entry.name.split('/').some((part) => part === '..' || part === '.')) {
      throw new Error(`zip entry name must be a relative path of letters, digits, dots, dashes and underscores, got "${entry.name}"`);
    }
    if (names.has(entry.name)) throw new Error(`zip entry "${entry.name}" is listed twice`);
    names.add(entry.name);
  }
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const input = JSON.stringify({
    mtime: ZIP_ENTRY_MTIME.toISOString(),
    entries: sorted.map((entry) => ({ name: entry.name, data: entry.data.toString('base64') })),
  });
  // A minimal environment: TZ pins the DOS timestamps, and the parent's NODE_OPTIONS (tsx, jest hooks) stay out.
  return execFileSync(process.execPath, [CHILD], { input, env: { TZ: 'UTC' }, maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
}
