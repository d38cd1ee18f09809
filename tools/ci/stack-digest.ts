import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { readManifest } from '../terraform/manifest';

/** What the affected-stacks comparison needs to know about one synthesized stack. */
export interface StackFingerprint {
  readonly id: string;
  /** sha256 of the canonical stack JSON plus the content of its assets. */
  readonly digest: string;
  /** sha256 of each output block, by output name: a consumer is affected when one it reads changes. */
  readonly outputs: ReadonlyMap<string, string>;
  /** Outputs this stack reads from other stacks (`terraform_remote_state`), by producer stack id. */
  readonly reads: ReadonlyMap<string, ReadonlySet<string>>;
  /** Stacks it must come after (cdktf.out/manifest.json). */
  readonly dependencies: readonly string[];
  /** Resource addresses, for a stack that disappears (each would be destroyed). */
  readonly resources: readonly { address: string; type: string }[];
  /** Account of the stack's default provider (`allowed_account_ids`), when it names one. */
  readonly accountId?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** cdktf writes assets to `assets/<construct id>/<hash>/<file>`; the hash directory is replaced by the content digest below. */
const ASSET_PATH = /(^|\/)assets\/([^/]+)\/[0-9a-fA-F]{16,}\//g;

/**
 * Canonical JSON: keys sorted at every level, cdktf's `//` metadata (construct paths, stack traces) dropped,
 * asset hash directories normalised. Two stacks with the same canonical JSON plan the same way.
 */
export function canonicalJson(value: Json): string {
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      const sorted: { [key: string]: Json } = {};
      for (const key of Object.keys(node).sort()) if (key !== '//') sorted[key] = walk(node[key]);
      return sorted;
    }
    return typeof node === 'string' ? node.replace(ASSET_PATH, '$1assets/$2/<asset>/') : node;
  };
  return JSON.stringify(walk(value));
}

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** Fingerprints of every stack in a cdktf output directory. */
export function fingerprintOutdir(outdir: string): Map<string, StackFingerprint> {
  const stacks = readManifest(outdir);
  const ids = new Set(stacks.map((stack) => stack.id));
  return new Map(stacks.map((stack) => [stack.id, fingerprintStack(stack.id, stack.directory, stack.dependencies, ids)]));
}

function fingerprintStack(id: string, directory: string, dependencies: readonly string[], knownStacks: ReadonlySet<string>): StackFingerprint {
  const file = path.join(directory, 'cdk.tf.json');
  let json: { [key: string]: Json };
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as { [key: string]: Json };
  } catch (error) {
    throw new Error(`cannot read ${file} (${(error as Error).message}); synthesize again`);
  }
  const digest = sha256(canonicalJson(json) + assetDigests(path.join(directory, 'assets')));
  const outputs = new Map(Object.entries((json.output ?? {}) as { [key: string]: Json }).map(([name, block]) => [name, sha256(canonicalJson(block))]));
  const resources = Object.entries((json.resource ?? {}) as Record<string, Record<string, Json>>).flatMap(([type, byName]) =>
    Object.keys(byName).map((name) => ({ address: `${type}.${name}`, type })),
  );
  const provider = (json.provider as Record<string, { alias?: string; allowed_account_ids?: string[] }[]> | undefined)?.aws?.find((entry) => !entry.alias);
  return { id, digest, outputs, reads: remoteStateReads(json, knownStacks), dependencies, resources, accountId: provider?.allowed_account_ids?.[0] };
}

/** Content digest of every asset file, by path below the stack's assets directory (so a code change counts). */
function assetDigests(directory: string): string {
  if (!existsSync(directory)) return '';
  const entries: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else entries.push(`${path.relative(directory, full).replace(/^([^/]+)\/[0-9a-fA-F]{16,}\//, '$1/<asset>/')}=${sha256(readFileSync(full))}`);
    }
  };
  walk(directory);
  return entries.join('\n');
}

/**
 * Outputs read through `data.terraform_remote_state.<name>.outputs.<output>`, by producer stack. The producer is
 * found by cdktf's data source name (`cross-stack-reference-input-<stack>`) or the state key (`…/<stack>.tfstate`).
 */
function remoteStateReads(json: { [key: string]: Json }, knownStacks: ReadonlySet<string>): Map<string, Set<string>> {
  const sources = ((json.data as Record<string, Record<string, { config?: { key?: string } }>> | undefined)?.terraform_remote_state ?? {}) as Record<
    string,
    { config?: { key?: string } }
  >;
  const producerOf = new Map<string, string>();
  for (const [name, source] of Object.entries(sources)) {
    const byName = name.replace(/^cross-stack-reference-input-/, '');
    const byKey = source.config?.key ? path.basename(source.config.key).replace(/\.tfstate$/, '') : '';
    const producer = knownStacks.has(byName) ? byName : knownStacks.has(byKey) ? byKey : undefined;
    if (producer) producerOf.set(name, producer);
  }
  const reads = new Map<string, Set<string>>();
  const text = JSON.stringify(json);
  for (const match of text.matchAll(/data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
    const producer = producerOf.get(match[1]);
    if (!producer) continue;
    if (!reads.has(producer)) reads.set(producer, new Set());
    reads.get(producer)!.add(match[2]);
  }
  return reads;
}

/** Fingerprints as JSON (maps and sets as entry lists), for the merge-base cache of `make affected`. */
export function serializeFingerprints(fingerprints: ReadonlyMap<string, StackFingerprint>): string {
  return JSON.stringify(
    [...fingerprints.values()].map((stack) => ({
      ...stack,
      outputs: [...stack.outputs],
      reads: [...stack.reads].map(([producer, names]) => [producer, [...names]]),
    })),
  );
}

export function deserializeFingerprints(text: string): Map<string, StackFingerprint> {
  const entries = JSON.parse(text) as (Omit<StackFingerprint, 'outputs' | 'reads'> & { outputs: [string, string][]; reads: [string, string[]][] })[];
  return new Map(
    entries.map((stack) => [
      stack.id,
      { ...stack, outputs: new Map(stack.outputs), reads: new Map(stack.reads.map(([producer, names]) => [producer, new Set(names)])) },
    ]),
  );
}
