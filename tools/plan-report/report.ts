import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkDestroys, type AllowedDestroy, type GuardResult } from './destroy-guard';
import { gitlabReport, type GitlabTerraformReport } from './gitlab-report';
import { environmentSummary, type StackPlacement } from './markdown-summary';
import type { AffectedResult } from '../ci/affected-stacks';
import { removedStackPlacements, removedStackPlans, scopeNote } from './affected-scope';
import type { StackPlan } from './plan-file';

export interface PlanReport {
  /** GitLab's widget row per stack. */
  readonly stacks: ReadonlyMap<string, GitlabTerraformReport>;
  /** Markdown summary per environment, in configuration order. */
  readonly summaries: ReadonlyMap<string, string>;
  readonly guard: GuardResult;
}

/** A stack's plan names a stack the configuration does not define. */
export class UnknownStackError extends Error {}

/** Everything the report says about a set of plans; pure, so tests feed it real and hand-written plans alike. */
export function buildPlanReport(
  plannedStacks: readonly StackPlan[],
  configured: readonly StackPlacement[],
  allowList: readonly AllowedDestroy[],
  affected?: { readonly result: AffectedResult; readonly file: string },
): PlanReport {
  // A merge request that plans only affected stacks: removed stacks become plans that delete every resource.
  const plans = affected ? [...plannedStacks, ...removedStackPlans(affected.result, affected.file)] : plannedStacks;
  const placements = affected ? [...configured, ...removedStackPlacements(affected.result, configured)] : configured;
  for (const plan of plans) {
    if (!placements.some((placement) => placement.stack === plan.stack)) {
      throw new UnknownStackError(
        `${plan.file}: stack "${plan.stack}" is not defined by the configuration; name plan files <stack-id>.plan.json after a stack in cdktf.out/manifest.json`,
      );
    }
  }
  const guard = checkDestroys(plans, allowList);
  // With affected stacks, every environment gets its note (an earlier push's note must not go stale).
  const environments = [
    ...new Set(placements.filter((placement) => affected || plans.some((plan) => plan.stack === placement.stack)).map((placement) => placement.environment)),
  ];
  return {
    stacks: new Map(plannedStacks.map((plan) => [plan.stack, gitlabReport(plan)])),
    summaries: new Map(
      environments.map((environment) => [
        environment,
        environmentSummary(environment, plans, placements, guard, affected ? { scope: scopeNote(environment, affected.result, placements) } : {}),
      ]),
    ),
    guard,
  };
}

/** File names CI and docs rely on: `<stack>.terraform-report.json` and `summary-<environment>.md`. */
export function writePlanReport(outDir: string, report: PlanReport): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const [stack, counts] of report.stacks) {
    const file = path.join(outDir, `${stack}.terraform-report.json`);
    writeFileSync(file, JSON.stringify(counts) + '\n');
    written.push(file);
  }
  for (const [environment, markdown] of report.summaries) {
    const file = path.join(outDir, `summary-${environment}.md`);
    writeFileSync(file, markdown);
    written.push(file);
  }
  return written;
}
