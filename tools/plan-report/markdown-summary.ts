import { changeKind, destroysObject, isChange, type ChangeKind } from './change-kind';
import { ALLOW_DESTROY_VARIABLE, type GuardResult } from './destroy-guard';
import { gitlabReport } from './gitlab-report';
import { driftOf, movesOf } from './moves-and-drift';
import type { StackPlan } from './plan-file';

/** Where a stack deploys; grouping key of the summary. */
export interface StackPlacement {
  readonly stack: string;
  readonly environment: string;
  readonly accountAlias: string;
  readonly accountId: string;
}

export interface SummaryOptions {
  /** Lists longer than this are folded into a `<details>` block. @default 10 */
  readonly foldAfter?: number;
  /** Lines listed at most per list; the rest are counted (a GitLab note holds at most 1,000,000 characters). @default 400 */
  readonly maxListed?: number;
  /** Lines placed after the totals, e.g. which stacks a merge request planned and why (affected-scope.ts). @default - none */
  readonly scope?: readonly string[];
}

/** Hidden first line of an environment's summary: the note poster finds and updates its own note by it. */
export function summaryMarker(environment: string): string {
  return `<!-- uag-plan-summary:${environment} -->`;
}

const KIND_LABEL: Record<ChangeKind, string> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  'replace-delete-first': 'replace (delete, then create)',
  'replace-create-first': 'replace (create, then delete)',
  read: 'read',
  'no-op': 'no-op',
  forget: 'forget (kept, removed from state)',
};

/** Order within the lists: outright deletes first (nothing comes back), then replacements, then the rest. */
const LIST_ORDER: readonly ChangeKind[] = ['delete', 'replace-delete-first', 'replace-create-first', 'create', 'update', 'forget'];

interface Line {
  readonly stack: string;
  readonly address: string;
  readonly kind: ChangeKind;
}

/**
 * One Markdown summary for one environment: totals, a table of stacks grouped by account, then every
 * destroy and replace (never folded: they are what a reviewer must see), then creates and updates.
 */
export function environmentSummary(
  environment: string,
  plans: readonly StackPlan[],
  placements: readonly StackPlacement[],
  guard: GuardResult,
  options: SummaryOptions = {},
): string {
  const foldAfter = options.foldAfter ?? 10;
  const maxListed = options.maxListed ?? 400;
  const inEnvironment = placements.filter((placement) => placement.environment === environment);
  const planOf = new Map(plans.map((plan) => [plan.stack, plan]));
  const stacks = inEnvironment.filter((placement) => planOf.has(placement.stack));
  const envPlans = stacks.map((placement) => planOf.get(placement.stack) as StackPlan);

  const moves = envPlans.flatMap(movesOf);
  const drift = envPlans.flatMap(driftOf);
  const moved = (stack: string, address: string): boolean => moves.some((move) => move.stack === stack && move.to === address);
  const lines: Line[] = envPlans.flatMap((plan) =>
    plan.resourceChanges.map((change) => ({ stack: plan.stack, address: change.address, kind: changeKind(change) })).filter((line) => isChange(line.kind)),
  );
  const totals = envPlans.map(gitlabReport).reduce(
    (sum, report) => ({
      create: sum.create + report.create,
      update: sum.update + report.update,
      delete: sum.delete + report.delete,
    }),
    { create: 0, update: 0, delete: 0 },
  );
  const replacements = lines.filter((line) => line.kind.startsWith('replace')).length;
  // In configuration order, like the table.
  const findings = stacks.flatMap((placement) => guard.findings.filter((finding) => finding.stack === placement.stack));
  // Removed stacks are not planned and carry no version.
  const versions = [...new Set(envPlans.map((plan) => plan.terraformVersion).filter(Boolean))].join(', ');

  const out: string[] = [summaryMarker(environment), `## Terraform plan: \`${environment}\``, ''];
  out.push(
    `**${stacks.length} stack${stacks.length === 1 ? '' : 's'}: ${totals.create} to create, ${totals.update} to update, ${totals.delete} to delete**` +
      `${replacements > 0 ? ` (${replacements} of them replacement${replacements === 1 ? '' : 's'})` : ''}` +
      `${moves.length > 0 ? `, ${moves.length} moved to a new address` : ''}${drift.length > 0 ? `, ${drift.length} changed outside Terraform` : ''}. Terraform ${versions || 'n/a'}.`,
    '',
  );
  out.push(...(options.scope ?? []));

  const blocked = findings.filter((finding) => !finding.allowed);
  if (blocked.length > 0) {
    out.push(
      `> :no_entry: **Destroy guard: ${blocked.length} protected resource${blocked.length === 1 ? '' : 's'} would be destroyed or replaced.** ` +
        `Change the plan, or allow each one explicitly with \`${ALLOW_DESTROY_VARIABLE}\` (docs/ci.md), e.g. \`${ALLOW_DESTROY_VARIABLE}=${blocked[0].stack}:${blocked[0].address}\`.`,
      '',
    );
  }
  const unused = guard.unusedAllowances.filter((entry) => stacks.some((placement) => placement.stack === entry.stack));
  if (unused.length > 0) {
    out.push(
      `> :warning: ${ALLOW_DESTROY_VARIABLE} allows destroys this plan does not make: ${unused.map((entry) => `\`${entry.stack}:${entry.address}\``).join(', ')}.`,
      '',
    );
  }

  out.push('| account | stack | create | update | delete | replace | move | drift |', '|---|---|--:|--:|--:|--:|--:|--:|');
  let previousAccount = '';
  for (const placement of stacks) {
    const plan = planOf.get(placement.stack) as StackPlan;
    const report = gitlabReport(plan);
    const replaced = plan.resourceChanges.filter((change) => changeKind(change).startsWith('replace')).length;
    const account = `${placement.accountAlias} \`${placement.accountId}\``;
    const count = (entries: readonly { stack: string }[]): number => entries.filter((entry) => entry.stack === placement.stack).length;
    out.push(
      `| ${account === previousAccount ? '' : account} | \`${placement.stack}\` | ${report.create} | ${report.update} | ${report.delete} | ${replaced} | ${count(moves)} | ${count(drift)} |`,
    );
    previousAccount = account;
  }
  out.push('');

  const byKind = (a: Line, b: Line): number => LIST_ORDER.indexOf(a.kind) - LIST_ORDER.indexOf(b.kind);
  const destroys = lines.filter((line) => destroysObject(line.kind)).sort(byKind);
  // A moved resource is listed once, under "Moved", with what else happens to it.
  const others = lines.filter((line) => !destroysObject(line.kind) && !moved(line.stack, line.address)).sort(byKind);
  if (lines.length === 0 && moves.length === 0 && drift.length === 0) {
    out.push('No changes. The infrastructure matches the configuration.');
    return out.join('\n') + '\n';
  }
  if (destroys.length > 0) {
    out.push(`### Destroyed or replaced (${destroys.length})`, '');
    const findingOf = (line: Line) => findings.find((finding) => finding.stack === line.stack && finding.address === line.address);
    out.push(
      ...listed(destroys, maxListed, (line) => {
        const finding = findingOf(line);
        const guardNote = finding
          ? finding.allowed
            ? ` — protected (${finding.reason}), allowed by ${ALLOW_DESTROY_VARIABLE}`
            : ` — :no_entry: protected: ${finding.reason}`
          : '';
        return `- **${KIND_LABEL[line.kind]}** \`${line.address}\` in \`${line.stack}\`${guardNote}`;
      }),
      '',
    );
  }
  if (moves.length > 0) {
    out.push(`### Moved (${moves.length})`, '', 'Same real resource under a new address (a `moved` block); nothing is destroyed.', '');
    for (const move of moves.slice(0, maxListed)) {
      out.push(`- \`${move.from}\` → \`${move.to}\` in \`${move.stack}\`${isChange(move.kind) ? `, and ${KIND_LABEL[move.kind]}` : ''}`);
    }
    if (moves.length > maxListed) out.push(`- … and ${moves.length - maxListed} more: see the plan artifacts of the stack jobs`);
    out.push('');
  }
  if (drift.length > 0) {
    out.push(
      `### Changed outside Terraform (${drift.length})`,
      '',
      'Found when Terraform refreshed; the changes above undo these unless the configuration adopts them. Attribute names only.',
      '',
    );
    for (const placement of stacks) {
      const ofStack = drift.filter((entry) => entry.stack === placement.stack);
      if (ofStack.length === 0) continue;
      out.push(`- \`${placement.stack}\``);
      for (const entry of ofStack.slice(0, maxListed)) {
        out.push(
          `  - ${KIND_LABEL[entry.kind]} \`${entry.address}\`${entry.attributes.length > 0 ? `: ${entry.attributes.map((name) => `\`${name}\``).join(', ')}` : ''}`,
        );
      }
      if (ofStack.length > maxListed) out.push(`  - … and ${ofStack.length - maxListed} more`);
    }
    out.push('');
  }
  if (others.length > 0) {
    const counts = (['create', 'update', 'forget'] as const)
      .map((kind) => [kind, others.filter((line) => line.kind === kind).length] as const)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${count} ${kind}${count === 1 ? '' : 's'}`)
      .join(', ');
    out.push(`### Created and updated (${others.length})`, '');
    const items = listed(others, maxListed, (line) => `- ${KIND_LABEL[line.kind]} \`${line.address}\` in \`${line.stack}\``);
    if (others.length > foldAfter) out.push('<details>', `<summary>${counts}</summary>`, '', ...items, '', '</details>', '');
    else out.push(...items, '');
  }
  return out.join('\n');
}

function listed(lines: readonly Line[], max: number, render: (line: Line) => string): string[] {
  const shown = lines.slice(0, max).map(render);
  if (lines.length > max) shown.push(`- … and ${lines.length - max} more: see the plan artifacts of the stack jobs`);
  return shown;
}
