import type { StackPlan } from './plan-file';

/** The body of GitLab's `artifacts:reports:terraform` file: one row of the merge request widget. */
export interface GitlabTerraformReport {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
}

/**
 * Counts exactly like the jq filter in GitLab's "Terraform integration in merge requests" page:
 *   ([.resource_changes[]?.change.actions?]|flatten)|{"create":(map(select(.=="create"))|length), ...}
 * Every action name of every entry is counted once, so a replacement counts as one create and one
 * delete, and read / no-op / forget are not counted. tests/tools/plan-report runs the real filter.
 */
export function gitlabReport(plan: Pick<StackPlan, 'resourceChanges'>): GitlabTerraformReport {
  const actions = plan.resourceChanges.flatMap((change) => change.change.actions);
  const count = (name: string): number => actions.filter((action) => action === name).length;
  return { create: count('create'), update: count('update'), delete: count('delete') };
}
