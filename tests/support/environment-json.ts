import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { OFFLINE_CONTEXT_KEY } from '../../lib/synthesis-mode';
import { withoutCreationStacks } from '../../lib/creation-stacks';
import type { Environment } from '../../lib/config/schema/environment';
import { buildEnvironmentStacks } from '../../stacks/environment-stacks';
import { exampleConfig, exampleEnvironment } from './example-config';
import { sharedExampleSynth } from './shared-example';
import type { TerraformJson } from './synth-json';

/**
 * Every stack of one environment, synthesized to Terraform JSON, by stack id. A whole-app synth, because only
 * it turns cross-stack references into remote state (a single-stack synth leaves dangling references).
 * An unmodified example environment is read from the run's shared synthesis (tests/support/shared-example.ts).
 */
export function synthEnvironment(environment: Environment, options: { offline?: boolean } = {}): Map<string, TerraformJson> {
  if (environment === exampleEnvironment(environment.name)) return sharedEnvironment(environment.name, options.offline ?? false);
  const outdir = mkdtempSync(path.join(tmpdir(), 'uag-env-'));
  const app = new App({ outdir, context: options.offline ? { [OFFLINE_CONTEXT_KEY]: true } : undefined });
  const stacks = withoutCreationStacks(() => {
    const built = buildEnvironmentStacks(app, exampleConfig(), environment);
    app.synth();
    return built;
  });
  return new Map(
    stacks.map((stack) => [stack.stackId, JSON.parse(readFileSync(path.join(outdir, 'stacks', stack.stackId, 'cdk.tf.json'), 'utf8')) as TerraformJson]),
  );
}

function sharedEnvironment(name: string, offline: boolean): Map<string, TerraformJson> {
  const { outdir, result } = sharedExampleSynth(offline ? 'offline' : 'deploy');
  const ids = result.stacks.filter((id) => id.startsWith(`${name}-`));
  return new Map(ids.map((id) => [id, JSON.parse(readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8')) as TerraformJson]));
}

/** Resources of one type across all stacks: `[stackId, name, attributes]`. */
export function allResources(stacks: Map<string, TerraformJson>, type: string): [string, string, Record<string, unknown>][] {
  return [...stacks].flatMap(([stackId, json]) =>
    Object.entries(json.resource?.[type] ?? {}).map(([name, body]) => [stackId, name, body] as [string, string, Record<string, unknown>]),
  );
}
