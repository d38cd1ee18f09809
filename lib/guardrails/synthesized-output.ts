import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EnvironmentFile } from '../config/model';
import { guardrailContext } from './context';
import { errorsOf, GuardrailError, type GuardrailReport } from './findings';
import { runGuardrails, type SynthesizedStack } from './runner';
import type { TerraformStackJson } from './stack-view';

/** A synthesized stack and the environment it belongs to (LandingZoneStack has both). */
export interface StackOfEnvironment {
  readonly stackId: string;
  readonly environment: { readonly name: string };
}

/**
 * Runs the guardrail pack over a synthesized output directory (the staging directory during synth),
 * one report per environment. Throws GuardrailError when any unsuppressed error finding remains, so a
 * caller writing through replaceDirectoryAtomically keeps the previous output.
 */
export function checkSynthesizedOutput(outdir: string, environments: readonly EnvironmentFile[], stacks: readonly StackOfEnvironment[]): GuardrailReport[] {
  const stackFiles = manifestStackFiles(outdir);
  const reports = environments.map(({ file, config: environment }) => {
    const synthesized: SynthesizedStack[] = stacks
      .filter((stack) => stack.environment.name === environment.name)
      .map((stack) => ({ id: stack.stackId, json: readStack(outdir, stackFiles, stack.stackId) }));
    return runGuardrails(synthesized, {
      context: guardrailContext(environment),
      file,
      suppressions: environment.guardrails.suppressions,
    });
  });
  if (errorsOf(reports).length > 0) throw new GuardrailError(reports);
  return reports;
}

function manifestStackFiles(outdir: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as {
    stacks?: Record<string, { synthesizedStackPath?: string }>;
  };
  return new Map(Object.entries(manifest.stacks ?? {}).map(([id, entry]) => [id, entry.synthesizedStackPath ?? path.join('stacks', id, 'cdk.tf.json')]));
}

function readStack(outdir: string, files: ReadonlyMap<string, string>, id: string): TerraformStackJson {
  const file = path.join(outdir, files.get(id) ?? path.join('stacks', id, 'cdk.tf.json'));
  return JSON.parse(readFileSync(file, 'utf8')) as TerraformStackJson;
}
