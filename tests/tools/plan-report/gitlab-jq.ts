import { spawnSync } from 'node:child_process';
import type { GitlabTerraformReport } from '../../../tools/plan-report/gitlab-report';

/**
 * The filter from GitLab's "Terraform integration in merge requests" page (the `convert_report` alias),
 * verbatim. Our counts must equal what it prints on every plan.
 */
export const GITLAB_JQ_FILTER =
  '([.resource_changes[]?.change.actions?]|flatten)|{"create":(map(select(.=="create"))|length),"update":(map(select(.=="update"))|length),"delete":(map(select(.=="delete"))|length)}';

/** Whether jq answers on PATH; without it tests compare with the recorded results instead. */
export const jqAvailable = spawnSync('jq', ['--version'], { stdio: 'ignore' }).status === 0;

/** Runs GitLab's filter with the real jq on a plan file. */
export function runGitlabJq(file: string): GitlabTerraformReport {
  const result = spawnSync('jq', ['-r', GITLAB_JQ_FILTER, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`jq failed on ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout) as GitlabTerraformReport;
}
