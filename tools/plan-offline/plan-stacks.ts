import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { readManifest, type SynthesizedStack } from '../terraform/manifest';
import { offlineTerraformEnvironment } from '../terraform/offline-cli-config';
import { mapWithConcurrency, runCommand } from '../terraform/run-command';
import { offlineReadinessProblems } from './offline-readiness';

export interface OfflinePlanOptions {
  /** Output of an offline synthesis (`synthesize({ offline: true })`), holding manifest.json. */
  readonly outdir: string;
  /** Provider filesystem mirror. */
  readonly mirror: string;
  /** Where `<stack>.plan.json` files are written. */
  readonly planDir: string;
  /** Stack ids to plan. @default - every stack in the manifest */
  readonly stacks?: readonly string[];
  /** @default - one per CPU */
  readonly concurrency?: number;
  /** @default "terraform" */
  readonly terraform?: string;
  /** Resource addresses to plan (`-target`), with what they depend on. @default - every resource */
  readonly targets?: readonly string[];
}

export interface OfflineStackPlan {
  readonly stack: string;
  /** `<planDir>/<stack>.plan.json`, when the plan succeeded. */
  readonly planJson?: string;
  /** Terraform's output when it failed. */
  readonly error?: string;
}

/** The offline synthesis is wrong for planning: a stack reads remote state or is not synthesized offline. */
export class OfflinePlanError extends Error {}

/**
 * `terraform plan` of synthesized stacks with no network and no credentials: providers come from the
 * mirror, the backends are local, and `-refresh=false` because there is no real infrastructure to read.
 * Every stack uses the same provider and the same backend configuration, so one `terraform init`
 * fills a data directory all stacks share; plans then run concurrently (provider start-up dominates).
 */
export async function planStacksOffline(options: OfflinePlanOptions): Promise<OfflineStackPlan[]> {
  const stacks = selectStacks(readManifest(options.outdir), options.stacks);
  if (stacks.length === 0) return [];
  const problems = offlineReadinessProblems(stacks);
  if (problems.length > 0) throw new OfflinePlanError(`${problems.length} stack(s) cannot be planned offline:\n  ${problems.join('\n  ')}`);

  const terraform = options.terraform ?? 'terraform';
  mkdirSync(options.planDir, { recursive: true });
  const workDir = mkdtempSync(path.join(tmpdir(), 'uag-plan-offline-'));
  try {
    const env = offlineTerraformEnvironment(workDir, options.mirror);
    const init = await runCommand(terraform, ['init', '-input=false', '-no-color'], { cwd: stacks[0].directory, env });
    if (init.code !== 0) throw new OfflinePlanError(`terraform init failed in ${stacks[0].id} (offline, provider mirror only):\n${init.stderr || init.stdout}`);
    const lockFile = path.join(stacks[0].directory, '.terraform.lock.hcl');

    return await mapWithConcurrency(stacks, options.concurrency ?? availableParallelism(), async (stack) => {
      if (stack !== stacks[0]) copyFileSync(lockFile, path.join(stack.directory, '.terraform.lock.hcl'));
      const binaryPlan = path.join(workDir, `${stack.id}.tfplan`);
      const plan = await runCommand(
        terraform,
        [
          'plan',
          '-input=false',
          '-no-color',
          '-lock=false',
          '-refresh=false',
          ...(options.targets ?? []).map((target) => `-target=${target}`),
          `-out=${binaryPlan}`,
        ],
        {
          cwd: stack.directory,
          env,
        },
      );
      if (plan.code !== 0) return { stack: stack.id, error: (plan.stderr || plan.stdout).trim() };
      const show = await runCommand(terraform, ['show', '-json', '-no-color', binaryPlan], { cwd: stack.directory, env });
      if (show.code !== 0) return { stack: stack.id, error: (show.stderr || show.stdout).trim() };
      const planJson = path.join(options.planDir, `${stack.id}.plan.json`);
      writeFileSync(planJson, show.stdout);
      return { stack: stack.id, planJson };
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function selectStacks(all: SynthesizedStack[], wanted: readonly string[] | undefined): SynthesizedStack[] {
  if (!wanted) return all;
  const unknown = wanted.filter((id) => !all.some((stack) => stack.id === id));
  if (unknown.length > 0) throw new OfflinePlanError(`no synthesized stack ${unknown.join(', ')}; synthesized: ${all.map((stack) => stack.id).join(', ')}`);
  return all.filter((stack) => wanted.includes(stack.id));
}
