import { describeReason, type AffectedResult } from '../ci/affected-stacks';
import type { StackPlacement } from './markdown-summary';
import type { StackPlan } from './plan-file';

/**
 * A stack the merge request removes is never planned (it has no cdk.tf.json any more), yet every resource in it
 * would be destroyed once its state is torn down. It enters the report as a plan that deletes each resource,
 * so the destroy guard and the note treat it like any other destroy.
 */
export function removedStackPlans(affected: AffectedResult, file: string): StackPlan[] {
  return affected.destroyed.map((stack) => ({
    stack: stack.id,
    file,
    terraformVersion: '',
    formatVersion: '',
    resourceChanges: stack.resources.map((resource) => ({
      address: resource.address,
      mode: 'managed' as const,
      type: resource.type,
      change: { actions: ['delete'] },
    })),
    resourceDrift: [],
  }));
}

/** Placements of removed stacks: the environment whose name prefixes the id, the account of their provider. */
export function removedStackPlacements(affected: AffectedResult, placements: readonly StackPlacement[]): StackPlacement[] {
  const environments = [...new Set(placements.map((placement) => placement.environment))].sort((a, b) => b.length - a.length);
  return affected.destroyed.flatMap((stack) => {
    const environment = environments.find((name) => stack.id.startsWith(`${name}-`));
    if (!environment) return [];
    const known = placements.find((placement) => placement.environment === environment && placement.accountId === stack.accountId);
    return [{ stack: stack.id, environment, accountId: stack.accountId ?? 'unknown', accountAlias: known?.accountAlias ?? 'removed stack' }];
  });
}

/** The lines that tell reviewers of one environment what was planned, what was skipped and why. */
export function scopeNote(environment: string, affected: AffectedResult, placements: readonly StackPlacement[], foldAfter = 10): string[] {
  const inEnvironment = new Set(placements.filter((placement) => placement.environment === environment).map((placement) => placement.stack));
  const planned = affected.affected.filter((stack) => inEnvironment.has(stack.id));
  const destroyed = affected.destroyed.filter((stack) => inEnvironment.has(stack.id));
  const total = [...inEnvironment].filter((id) => !destroyed.some((stack) => stack.id === id)).length;
  const skipped = total - planned.length;
  const lines = [
    `Planned **${planned.length} of ${total}** stacks: ${skipped} skipped because their synthesized Terraform JSON is identical to the merge base \`${affected.base.slice(0, 12)}\`` +
      ` (and no output they read changed). Set \`UAG_PLAN_ALL=1\` on the pipeline to plan every stack; the default branch and the drift schedule always do.` +
      (destroyed.length > 0
        ? ` ${destroyed.length} stack${destroyed.length === 1 ? '' : 's'} removed by this change: every resource in ${destroyed.length === 1 ? 'it' : 'them'} is listed as destroyed below.`
        : ''),
    '',
  ];
  lines.push(...snapshotWarning(affected, inEnvironment));
  if (planned.length === 0) return lines;
  const reasons = planned.map((stack) => `- \`${stack.id}\`: ${stack.reasons.map(describeReason).join('; ')}`);
  if (reasons.length > foldAfter) lines.push('<details>', '<summary>Why these stacks</summary>', '', ...reasons, '', '</details>', '');
  else lines.push(...reasons, '');
  return lines;
}

/**
 * The merge request edits the address snapshot: addresses it removes belong to resources Terraform destroys
 * unless a `moved` block keeps them, so reviewers see them here and not only in the diff.
 */
function snapshotWarning(affected: AffectedResult, stacks: ReadonlySet<string>, maxListed = 20): string[] {
  const changes = (affected.snapshotChanges ?? []).map((change) => ({
    ...change,
    removed: change.removed.filter((entry) => stacks.has(entry.split(' ')[0])),
    added: change.added.filter((entry) => stacks.has(entry.split(' ')[0])),
  }));
  const relevant = changes.filter((change) => change.removed.length + change.added.length > 0);
  if (relevant.length === 0) return [];
  const lines: string[] = [];
  for (const change of relevant) {
    lines.push(
      `> :warning: **This merge request updates the address snapshot** \`${change.file}\`: ${change.removed.length} address${change.removed.length === 1 ? '' : 'es'} removed, ${change.added.length} added. ` +
        'A removed address is a resource Terraform destroys unless a `moved` block (cdktf `moveTo`/`moveFromId`) keeps it.',
    );
    for (const entry of change.removed.slice(0, maxListed)) lines.push(`> - removed \`${entry}\``);
    if (change.removed.length > maxListed) lines.push(`> - … and ${change.removed.length - maxListed} more removed`);
    lines.push('');
  }
  return lines;
}
