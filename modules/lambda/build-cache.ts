import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomically } from '../../lib/atomic-write';

/**
 * A disk cache for Lambda bundles and archives, so a synth whose handlers did not change neither runs esbuild nor
 * zips (together about a quarter of `make synth`, docs/decisions/0019-fast-feedback.md). Same idea as a compiler
 * cache in manifest mode:
 * - a bundle is reused when every file of ours esbuild read for it (its metafile inputs), the listing of each source
 *   folder it read from, the lock file (standing for the installed packages), esbuild's version and the build options
 *   are unchanged;
 * - an archive is content-addressed: the hash of its entries names it.
 * It lives in node_modules/.cache (wiped by `npm ci` and `make clean`); `UAG_LAMBDA_CACHE=off` bypasses it.
 * Files are written to a temporary name and renamed, so a killed synth or two jest workers never leave half a file.
 */

const CACHE_DIR = path.resolve(__dirname, '../../node_modules/.cache/uag-lambda');
/**
 * Archives kept when a new one is written (each is one version of one handler); beyond that, archives not used for
 * an hour are removed, so one a running synth is about to copy never disappears.
 */
const MAX_ARCHIVES = 64;
const STALE_AFTER_MS = 60 * 60 * 1000;

const enabled = (): boolean => process.env.UAG_LAMBDA_CACHE !== 'off';
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

interface BundleManifest {
  /** Input path (relative to the root) → content hash, and source folder → listing hash. */
  readonly fingerprint: Record<string, string>;
  /** Output file name → base64 content. */
  readonly files: Record<string, string>;
}

/**
 * What identifies a build besides its inputs' contents: the entry relative to the root, options, esbuild version,
 * lock file. Not the root itself: bundles do not depend on where the checkout is (source-map paths are relative),
 * so a second checkout (a merge base's worktree) reuses them.
 */
export function bundleCacheKey(rootDir: string, entry: string, settings: unknown): string {
  let lock = '';
  try {
    lock = sha256(readFileSync(path.join(rootDir, 'package-lock.json')));
  } catch {
    // A root without a lock file (a test fixture) is keyed by its inputs alone.
  }
  return sha256(JSON.stringify({ entry: path.relative(rootDir, entry), settings, lock }));
}

/** The cached bundle of `key`, if every input it was built from is unchanged. */
export function readCachedBundle(key: string, rootDir: string): ReadonlyMap<string, Buffer> | undefined {
  if (!enabled()) return undefined;
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(CACHE_DIR, `${key}.json`), 'utf8')) as BundleManifest;
  } catch {
    return undefined;
  }
  const inputs = Object.keys(manifest.fingerprint).filter((entry) => !entry.endsWith('/'));
  const current = fingerprint(rootDir, inputs);
  if (!current || JSON.stringify(current) !== JSON.stringify(manifest.fingerprint)) return undefined;
  return new Map(Object.entries(manifest.files).map(([name, data]) => [name, Buffer.from(data, 'base64')]));
}

/** Records a bundle with the inputs esbuild read (paths relative to `rootDir`). */
export function writeCachedBundle(key: string, rootDir: string, inputs: readonly string[], files: ReadonlyMap<string, Buffer>): void {
  if (!enabled()) return;
  const current = fingerprint(rootDir, inputs);
  if (!current) return;
  const manifest: BundleManifest = { fingerprint: current, files: Object.fromEntries([...files].map(([name, data]) => [name, data.toString('base64')])) };
  writeFileAtomically(path.join(CACHE_DIR, `${key}.json`), JSON.stringify(manifest));
}

/**
 * The path of the archive with these entries (`inputKey`, a hash of names and contents), made by `zip` on a miss.
 * cdktf copies the file into the stack's output under its own name (`fileName`, e.g. `authorizer.zip`).
 */
export function cachedArchive(inputKey: string, fileName: string, zip: () => Buffer): { readonly file: string; readonly zip: Buffer } {
  const file = path.join(CACHE_DIR, inputKey, fileName);
  if (enabled()) {
    try {
      const bytes = readFileSync(file);
      const now = new Date();
      utimesSync(file, now, now);
      return { file, zip: bytes };
    } catch {
      // Not cached yet.
    }
  }
  const bytes = zip();
  writeFileAtomically(file, bytes);
  pruneArchives();
  return { file, zip: bytes };
}

/**
 * Content hash of each of our inputs, plus the listing of each source folder (a new file there may change resolution).
 * Installed packages are not read: the lock file in the key stands for them (the AWS SDK alone is ~800 files per synth).
 */
function fingerprint(rootDir: string, inputs: readonly string[]): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  try {
    for (const input of [...inputs].filter((input) => !isInstalledPackage(input)).sort()) {
      result[input] = sha256(readFileSync(path.resolve(rootDir, input)));
    }
    const folders = new Set(inputs.filter((input) => !isInstalledPackage(input)).map((input) => path.dirname(input)));
    for (const folder of [...folders].sort()) {
      result[`${folder}/`] = sha256(readdirSync(path.resolve(rootDir, folder)).sort().join('\0'));
    }
  } catch {
    return undefined;
  }
  return result;
}

const isInstalledPackage = (input: string): boolean => input.split(/[\\/]/).includes('node_modules');

function pruneArchives(): void {
  // One folder per archive, named by its input key. Another process may prune at the same time: a folder gone
  // meanwhile counts as removed.
  const lastUse = (folder: string): number =>
    Math.max(0, ...readdirSync(folder).map((name) => statSync(path.join(folder, name), { throwIfNoEntry: false })?.mtimeMs ?? 0));
  const archives = readdirSync(CACHE_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(CACHE_DIR, entry.name))
    .map((folder) => ({ folder, mtime: existsSync(folder) ? lastUse(folder) : 0 }))
    .sort((a, b) => b.mtime - a.mtime);
  const cutoff = Date.now() - STALE_AFTER_MS;
  for (const stale of archives.slice(MAX_ARCHIVES).filter((archive) => archive.mtime < cutoff)) rmSync(stale.folder, { recursive: true, force: true });
}
