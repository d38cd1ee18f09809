import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { GuardrailReport } from '../../../lib/guardrails/findings';
import type { TerraformStackJson } from '../../../lib/guardrails/stack-view';
import { synthesize, type SynthesizeResult } from '../../../app/synthesize';
import { REPO_ROOT } from '../../support/example-config';
import { sharedExampleSynth } from '../../support/shared-example';

/** The example configuration synthesized (once per run when unmodified), with what the planted tests need to know about it. */
export interface SynthesizedExample {
  readonly outdir: string;
  readonly stacks: readonly string[];
  readonly guardrails: readonly GuardrailReport[];
  /** Parsed cdk.tf.json of a stack. */
  readonly stack: (id: string) => TerraformStackJson;
  /** Whether any stack of the environment has a resource of this type. */
  readonly has: (environment: string, type: string) => boolean;
}

/** @param configDir a configuration root; the repository's example configuration (the run's shared synthesis) by default. */
export function synthesizeExample(configDir = REPO_ROOT): SynthesizedExample {
  const {
    outdir,
    result: { stacks, guardrails },
  } = configDir === REPO_ROOT ? sharedExampleSynth() : synthesizeFresh(configDir);
  const cache = new Map<string, TerraformStackJson>();
  const stack = (id: string): TerraformStackJson => {
    if (!cache.has(id)) cache.set(id, JSON.parse(readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8')) as TerraformStackJson);
    return cache.get(id)!;
  };
  const has = (environment: string, type: string): boolean =>
    stacks.filter((id) => id.startsWith(`${environment}-`)).some((id) => Object.keys(stack(id).resource?.[type] ?? {}).length > 0);
  return { outdir, stacks, guardrails, stack, has };
}

function synthesizeFresh(configDir: string): { outdir: string; result: SynthesizeResult } {
  const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-guardrails-')), 'cdktf.out');
  return { outdir, result: synthesize({ configDir, outdir }) };
}
