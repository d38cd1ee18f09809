import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { offlineTerraformEnvironment } from '../terraform/offline-cli-config';
import { runCommand } from '../terraform/run-command';
import { stateFromPlan, type PlanJson } from './state-from-plan';

export interface RehearsalOptions {
  /** Offline synthesis of the configuration as it is (what is deployed). */
  readonly baseOutdir: string;
  /** Offline synthesis of the changed configuration. */
  readonly changedOutdir: string;
  /** Stack id, e.g. `dev-gateway`. */
  readonly stack: string;
  /** Addresses to plan (`-target`), with what they depend on; keeps the rehearsal to the resources in question. */
  readonly targets: readonly string[];
  readonly mirror: string;
  /** Where `<stack>.rehearsal.plan.json` is written. */
  readonly planDir: string;
  /** @default "terraform" */
  readonly terraform?: string;
}

/**
 * Rehearses a configuration change offline: plans the base synthesis, turns that plan into a state in which the
 * targeted resources exist (stateFromPlan), and plans the changed synthesis against it, so the plan shows what an
 * apply of the change would replace and in which order (`["create","delete"]` is create-before-destroy). One
 * `terraform init` serves both plans. Returns the path of the changed plan's JSON.
 */
export async function rehearseChange(options: RehearsalOptions): Promise<string> {
  const terraform = options.terraform ?? 'terraform';
  const baseDir = path.join(options.baseOutdir, 'stacks', options.stack);
  const changedDir = path.join(options.changedOutdir, 'stacks', options.stack);
  const workDir = mkdtempSync(path.join(tmpdir(), 'uag-rehearsal-'));
  const run = async (cwd: string, args: string[]): Promise<string> => {
    const result = await runCommand(terraform, args, { cwd, env });
    if (result.code !== 0) throw new Error(`terraform ${args[0]} failed in ${cwd}:\n${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const env = offlineTerraformEnvironment(workDir, options.mirror);
  try {
    await run(baseDir, ['init', '-input=false', '-no-color']);
    const targets = options.targets.map((target) => `-target=${target}`);
    const plan = async (cwd: string, name: string): Promise<string> => {
      const binary = path.join(workDir, `${name}.tfplan`);
      await run(cwd, ['plan', '-input=false', '-no-color', '-lock=false', '-refresh=false', ...targets, `-out=${binary}`]);
      return run(cwd, ['show', '-json', '-no-color', binary]);
    };
    const base = JSON.parse(await plan(baseDir, 'base')) as PlanJson;
    writeFileSync(
      path.join(changedDir, 'terraform.tfstate'),
      JSON.stringify(stateFromPlan(base, JSON.parse(readFileSync(path.join(baseDir, 'cdk.tf.json'), 'utf8'))), null, 2),
    );
    copyFileSync(path.join(baseDir, '.terraform.lock.hcl'), path.join(changedDir, '.terraform.lock.hcl'));
    const changed = await plan(changedDir, 'changed');
    mkdirSync(options.planDir, { recursive: true });
    const file = path.join(options.planDir, `${options.stack}.rehearsal.plan.json`);
    writeFileSync(file, changed);
    return file;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** `readFileSync` + parse, for callers that want the plan JSON itself. */
export function readPlanJson(file: string): PlanJson & { resource_changes: { address: string; change: { actions: string[] } }[] } {
  return JSON.parse(readFileSync(file, 'utf8')) as PlanJson & { resource_changes: { address: string; change: { actions: string[] } }[] };
}
