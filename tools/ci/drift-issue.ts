import type { DriftAssessment } from './drift';
import type { GitlabClient } from './gitlab-api';

interface Issue {
  readonly iid: number;
  readonly title: string;
  readonly state: string;
}

export const DRIFT_LABEL = 'drift';

export type DriftIssueOutcome = 'opened' | 'updated' | 'closed' | 'none';

/** `Drift: <stack>`; the title is how the next scheduled run finds the issue again. */
export function driftIssueTitle(stack: string): string {
  return `Drift: ${stack}`;
}

export function driftIssueBody(assessment: DriftAssessment, pipelineUrl: string): string {
  const lines = [
    `The scheduled drift check found changes in \`${assessment.stack}\` that the configuration in the default branch would make.`,
    `Pipeline: ${pipelineUrl}`,
    '',
    '### Changes',
    '',
    ...assessment.changes.map((change) => `- ${change.kind} \`${change.address}\``),
  ];
  if (assessment.drifted.length > 0) {
    lines.push('', '### Changed outside Terraform', '', ...assessment.drifted.map((address) => `- \`${address}\``));
  }
  if (assessment.ignored.length > 0) {
    lines.push('', '### Ignored (known noise)', '', ...assessment.ignored.map((entry) => `- \`${entry.address}\`: ${entry.reason}`));
  }
  lines.push('', 'Either apply the default branch again (reverts the drift) or change the configuration to match, then let the next run close this issue.');
  return lines.join('\n') + '\n';
}

/**
 * One open issue per drifted stack: opened on the first drifted run, its description replaced on later
 * ones, closed with a note on the first clean run.
 */
export async function syncDriftIssue(client: GitlabClient, assessment: DriftAssessment, pipelineUrl: string): Promise<DriftIssueOutcome> {
  const title = driftIssueTitle(assessment.stack);
  const candidates = await client.list<Issue>(`/issues?state=opened&labels=${DRIFT_LABEL}&in=title&search=${encodeURIComponent(title)}`);
  const existing = candidates.find((issue) => issue.title === title);
  if (assessment.changes.length === 0) {
    if (!existing) return 'none';
    await client.request('POST', `/issues/${existing.iid}/notes`, { body: `No drift in ${pipelineUrl}; closing.` });
    await client.request('PUT', `/issues/${existing.iid}`, { state_event: 'close' });
    return 'closed';
  }
  const description = driftIssueBody(assessment, pipelineUrl);
  if (existing) {
    await client.request('PUT', `/issues/${existing.iid}`, { description });
    return 'updated';
  }
  await client.request('POST', '/issues', { title, description, labels: `${DRIFT_LABEL},stack::${assessment.stack}` });
  return 'opened';
}
