import { readManifest } from '../terraform/manifest';
import type { StackPlacement } from '../plan-report/markdown-summary';
import type { AffectedResult } from './affected-stacks';

/** Which child pipeline to generate: plans for review, plan+apply on the default branch, or drift checks. */
export type PipelineMode = 'merge-request' | 'deploy' | 'drift';

export interface PipelineStack {
  readonly id: string;
  readonly environment: string;
  /** Stacks that must be applied first (from cdktf.out/manifest.json). */
  readonly dependencies: readonly string[];
}

export interface ChildPipelineOptions {
  readonly mode: PipelineMode;
  /** Environments whose applies wait for a person. @default ['prod'] */
  readonly manualEnvironments?: readonly string[];
  /** Parent job whose artifact holds cdktf.out. @default 'synth' */
  readonly synthJob?: string;
  /**
   * Merge requests only: plan just these stacks (`make affected`); the summary job receives the result to say
   * what was skipped and to run destroyed stacks through the destroy guard.
   * @default - every stack is planned
   */
  readonly affected?: AffectedResult;
}

type Job = Record<string, unknown>;

/** Stacks of the manifest with their environment, dependencies limited to stacks in the manifest, in dependency order. */
export function pipelineStacks(outdir: string, placements: readonly StackPlacement[]): PipelineStack[] {
  const manifest = readManifest(outdir);
  const ids = new Set(manifest.map((stack) => stack.id));
  const stacks = manifest.map((stack) => {
    const placement = placements.find((entry) => entry.stack === stack.id);
    if (!placement) throw new Error(`${stack.id} is in ${outdir}/manifest.json but not in the configuration; synthesize again (make synth)`);
    return { id: stack.id, environment: placement.environment, dependencies: stack.dependencies.filter((id) => ids.has(id)) };
  });
  return dependencyOrder(stacks);
}

/** Stable topological order: a stack comes after every stack it depends on. */
export function dependencyOrder(stacks: readonly PipelineStack[]): PipelineStack[] {
  const ordered: PipelineStack[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const byId = new Map(stacks.map((stack) => [stack.id, stack]));
  const visit = (stack: PipelineStack): void => {
    if (placed.has(stack.id)) return;
    if (visiting.has(stack.id)) throw new Error(`stack dependencies form a cycle through ${stack.id}`);
    visiting.add(stack.id);
    for (const dependency of stack.dependencies) {
      const target = byId.get(dependency);
      if (target) visit(target);
    }
    visiting.delete(stack.id);
    placed.add(stack.id);
    ordered.push(stack);
  };
  stacks.forEach(visit);
  return ordered;
}

/**
 * The child pipeline as a plain object (the CLI writes it as YAML). One job per stack and stage so
 * each stack is one row of the merge request's Terraform widget, one resource group and one retry.
 * Shell steps live in tools/ci/*.sh so that this file only wires jobs.
 */
export function childPipeline(stacks: readonly PipelineStack[], options: ChildPipelineOptions): Record<string, unknown> {
  const synth = { pipeline: '$PARENT_PIPELINE_ID', job: options.synthJob ?? 'synth' };
  const manual = new Set(options.manualEnvironments ?? ['prod']);
  const header: Record<string, unknown> = {
    default: {
      image: '$UAG_CI_IMAGE',
      cache: { key: { files: ['package-lock.json'] }, paths: ['.npm/'], policy: 'pull' },
      before_script: ['npm install --prefer-offline --no-audit --no-fund'],
    },
  };
  const awsJob: Job = { id_tokens: { UAG_AWS_ID_TOKEN: { aud: '$UAG_OIDC_AUDIENCE' } } };

  if (options.mode === 'merge-request') {
    const jobs: Record<string, Job> = {
      '.plan-stack': { ...awsJob, stage: 'plan', interruptible: true, needs: [synth], script: ['bash tools/ci/stack.sh merge-request-plan "$UAG_STACK"'] },
    };
    const planned = options.affected ? new Set(options.affected.affected.map((entry) => entry.id)) : undefined;
    for (const stack of stacks.filter((entry) => !planned || planned.has(entry.id))) {
      jobs[`plan:${stack.id}`] = {
        extends: '.plan-stack',
        variables: { UAG_STACK: stack.id },
        artifacts: {
          access: 'developer',
          expire_in: '2 weeks',
          paths: [`plans/${stack.id}.plan.json`],
          reports: { terraform: `plan-report/${stack.id}.terraform-report.json` },
        },
      };
    }
    // No `needs`: the summary runs after the whole plan stage and receives every plan job's artifacts.
    jobs.summary = {
      stage: 'summary',
      interruptible: true,
      script: ['bash tools/ci/merge-request-summary.sh'],
      artifacts: { access: 'developer', expire_in: '2 weeks', when: 'always', paths: ['plan-report/'] },
      // Unexpanded: the summary writes it to a file for plan-report --affected (skipped stacks, destroyed stacks).
      ...(options.affected ? { variables: { UAG_AFFECTED_JSON: { value: JSON.stringify(options.affected), expand: false } } } : {}),
    };
    return { stages: ['plan', 'summary'], ...header, ...jobs };
  }

  if (options.mode === 'deploy') {
    const ids = new Set(stacks.map((stack) => stack.id));
    const jobs: Record<string, Job> = {
      // Applies are never interrupted halfway by a newer pipeline; resource groups serialize them instead.
      '.deploy-stack': { ...awsJob, stage: 'deploy', interruptible: false },
    };
    for (const stack of stacks) {
      const resourceGroup = `terraform-${stack.id}`;
      jobs[`plan:${stack.id}`] = {
        extends: '.deploy-stack',
        variables: { UAG_STACK: stack.id },
        environment: { name: stack.environment, action: 'prepare' },
        resource_group: resourceGroup,
        // Planned only after what it reads from has been applied, so the saved plan is current.
        needs: [synth, ...stack.dependencies.filter((id) => ids.has(id)).map((id) => ({ job: `apply:${id}`, artifacts: false }))],
        script: ['bash tools/ci/stack.sh deploy-plan "$UAG_STACK"'],
        artifacts: {
          access: 'developer',
          expire_in: '1 week',
          paths: [`plans/${stack.id}.tfplan`, `plans/${stack.id}.plan.json`],
          reports: { terraform: `plan-report/${stack.id}.terraform-report.json` },
        },
      };
      jobs[`apply:${stack.id}`] = {
        extends: '.deploy-stack',
        variables: { UAG_STACK: stack.id },
        environment: { name: stack.environment, action: 'start' },
        resource_group: resourceGroup,
        needs: [synth, { job: `plan:${stack.id}`, artifacts: true }],
        script: ['bash tools/ci/stack.sh apply "$UAG_STACK"'],
        ...(manual.has(stack.environment) ? { when: 'manual', allow_failure: false } : {}),
      };
    }
    return { stages: ['deploy'], ...header, ...jobs };
  }

  const jobs: Record<string, Job> = {
    '.drift-stack': { ...awsJob, stage: 'drift', interruptible: false, needs: [synth], script: ['bash tools/ci/stack.sh drift "$UAG_STACK"'] },
  };
  for (const stack of stacks) {
    jobs[`drift:${stack.id}`] = {
      extends: '.drift-stack',
      variables: { UAG_STACK: stack.id },
      artifacts: { access: 'developer', expire_in: '2 weeks', when: 'always', paths: [`plans/${stack.id}.plan.json`] },
    };
  }
  return { stages: ['drift'], ...header, ...jobs };
}
