import { AssetType, TerraformAsset } from 'cdktf';
import type { Construct } from 'constructs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { cachedArchive } from './build-cache';
import { bundleHandler } from './bundle';
import { deterministicZip } from './deterministic-zip';

/** The repository root, where `lambdas/` and `node_modules/` live. */
export const REPOSITORY_ROOT = path.resolve(__dirname, '../..');

export interface FunctionArchiveProps {
  /** Handler entry, relative to `rootDir`. */
  readonly entry: string;
  /** @default - this repository */
  readonly rootDir?: string;
  /** Extra files next to the bundle, by name. */
  readonly files: Readonly<Record<string, string>>;
}

export interface FunctionArchive {
  /** The zip, copied into the stack's output directory by cdktf. */
  readonly asset: TerraformAsset;
  /** The archive's bytes. */
  readonly zip: Buffer;
  /** Base64 SHA-256 of the archive: Lambda's CodeSha256 and the function's `source_code_hash`. */
  readonly sha256Base64: string;
}

// Identical inputs (same handler, same data files) give the same archive; zip each once per process.
const archives = new Map<string, { zip: Buffer; sha256Base64: string; file: string }>();

/** Bundles the handler, zips it with the data files and registers the zip as an asset of the stack. */
export function functionArchive(scope: Construct, id: string, props: FunctionArchiveProps): FunctionArchive {
  const bundle = bundleHandler({ entry: props.entry, rootDir: props.rootDir ?? REPOSITORY_ROOT });
  const entries = [
    ...[...bundle.files].map(([name, data]) => ({ name, data })),
    ...Object.entries(props.files).map(([name, content]) => ({ name, data: Buffer.from(content, 'utf8') })),
  ];
  const inputKey = createHash('sha256');
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    inputKey.update(`${entry.name}\0${entry.data.length}\0`).update(entry.data);
  }
  const key = inputKey.digest('hex');

  let archive = archives.get(key);
  if (!archive) {
    const { file, zip } = cachedArchive(key, `${path.basename(path.dirname(props.entry))}.zip`, () => deterministicZip(entries));
    archive = { zip, sha256Base64: createHash('sha256').update(zip).digest('base64'), file };
    archives.set(key, archive);
  }

  // The asset hash is the archive's own hash, so the path in the plan changes exactly when the code does.
  const asset = new TerraformAsset(scope, id, {
    path: archive.file,
    type: AssetType.FILE,
    assetHash: createHash('sha256').update(archive.zip).digest('hex').slice(0, 32),
  });
  return { asset, zip: archive.zip, sha256Base64: archive.sha256Base64 };
}
