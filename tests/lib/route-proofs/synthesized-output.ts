import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { TerraformStackJson } from '../../../lib/guardrails/stack-view';
import type { Attributes } from '../../../lib/guardrails/values';
import { appOf, synthesizedStack, type SynthesizedApp } from '../../../lib/route-proofs';
import { sharedExampleSynth } from '../../support/shared-example';

/** A stack's `cdk.tf.json` with outputs, as the tests edit it. */
export type StackJson = TerraformStackJson & {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, Attributes>;
};

/** The example configuration synthesized once (deploy mode, every environment), kept as parsed JSON per stack. */
export interface SynthesizedExampleJson {
  readonly outdir: string;
  /** Stack id → file, in manifest order. */
  readonly files: ReadonlyMap<string, string>;
  /** A deep copy of every stack, for one test to break one hop in. */
  readonly copy: () => Map<string, StackJson>;
}

/** The run's shared synthesis of the example (tests/support/shared-example.ts); tests edit copies, never the files. */
export function synthesizeExampleJson(): SynthesizedExampleJson {
  return readExampleJson(sharedExampleSynth().outdir);
}

export function readExampleJson(outdir: string): SynthesizedExampleJson {
  const manifest = JSON.parse(readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
  const files = new Map(Object.entries(manifest.stacks).map(([id, entry]) => [id, entry.synthesizedStackPath]));
  const texts = new Map([...files].map(([id, file]) => [id, readFileSync(path.join(outdir, file), 'utf8')]));
  return { outdir, files, copy: () => new Map([...texts].map(([id, text]) => [id, JSON.parse(text) as StackJson])) };
}

/** The app the route checker reads, over (edited) stack JSON. */
export function appFrom(example: SynthesizedExampleJson, stacks: ReadonlyMap<string, StackJson>): SynthesizedApp {
  return appOf(
    example.outdir,
    [...stacks].map(([id, json]) => synthesizedStack(id, example.files.get(id) ?? `stacks/${id}/cdk.tf.json`, json)),
  );
}

/** The one resource of `type` in `stack` whose name starts with `prefix` (construct-path based names, hash suffix aside). */
export function resourceNamed(
  stacks: ReadonlyMap<string, StackJson>,
  stack: string,
  type: string,
  prefix: string,
): { name: string; values: Record<string, unknown> } {
  const named = Object.entries(stacks.get(stack)?.resource[type] ?? {}).filter(([name]) => name.startsWith(prefix));
  if (named.length !== 1)
    throw new Error(`${stack} has ${named.length} ${type} named ${prefix}*: ${Object.keys(stacks.get(stack)?.resource[type] ?? {}).join(', ')}`);
  return { name: named[0]![0], values: named[0]![1] };
}
