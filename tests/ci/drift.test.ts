import * as path from 'node:path';
import { main } from '../../tools/ci/cli';
import { assessDrift, sameValue } from '../../tools/ci/drift';
import { driftIssueTitle, syncDriftIssue } from '../../tools/ci/drift-issue';
import { GitlabClient } from '../../tools/ci/gitlab-api';
import { readPlanFile } from '../../tools/plan-report/plan-file';
import { REPO_ROOT } from '../support/example-config';
import { fakeGitlab, GITLAB_ENV } from './fake-gitlab';

const fixture = (relative: string): string => path.join(REPO_ROOT, 'tests', 'fixtures', 'plans', relative);
const ISSUES = '/projects/42/issues';
const PIPELINE = 'https://gitlab.example.com/platform/uag/-/pipelines/1234';
const client = (fetch: ReturnType<typeof fakeGitlab>['fetch']): GitlabClient =>
  new GitlabClient({ apiUrl: GITLAB_ENV.CI_API_V4_URL, projectId: '42', token: 'glpat-test', fetch });

describe('drift assessment', () => {
  it('ignores a web ACL diff made only of Shield’s automatic mitigation rule group', () => {
    const assessment = assessDrift(readPlanFile(fixture('drift-noise/dev-gateway.plan.json')));
    expect(assessment.changes).toEqual([]);
    expect(assessment.ignored).toEqual([{ address: 'aws_wafv2_web_acl.regional', reason: expect.stringMatching(/ShieldMitigationRuleGroup_\*/) }]);
  });

  it('ignores Firewall Manager managed_service_data that differs only in key order', () => {
    const assessment = assessDrift(readPlanFile(fixture('drift-noise/dev-security.plan.json')));
    expect(assessment.changes).toEqual([]);
    expect(assessment.ignored.map((entry) => entry.address)).toEqual(['aws_fms_policy.waf']);
  });

  it('reports real changes, including a web ACL and an FMS policy that changed beyond the noise', () => {
    const assessment = assessDrift(readPlanFile(fixture('drift-real/dev-gateway.plan.json')));
    expect(assessment.changes).toEqual([
      { address: 'aws_wafv2_web_acl.regional', kind: 'update' },
      { address: 'aws_cloudwatch_log_group.access', kind: 'update' },
      { address: 'aws_fms_policy.waf', kind: 'update' },
    ]);
    expect(assessment.drifted).toEqual(['aws_cloudwatch_log_group.access']);
  });

  it('compares objects regardless of key order but arrays in order', () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });
});

describe('drift issue', () => {
  const drifted = assessDrift(readPlanFile(fixture('drift-real/dev-gateway.plan.json')));
  const clean = assessDrift(readPlanFile(fixture('drift-noise/dev-gateway.plan.json')));

  it('opens one labelled issue for a drifted stack', async () => {
    const gitlab = fakeGitlab({ [ISSUES]: [{ iid: 3, title: 'Drift: dev-gateway-old', state: 'opened' }] });
    await expect(syncDriftIssue(client(gitlab.fetch), drifted, PIPELINE)).resolves.toBe('opened');
    const created = gitlab.calls.at(-1);
    expect(created).toMatchObject({
      method: 'POST',
      url: `https://gitlab.example.com/api/v4${ISSUES}`,
      body: { title: 'Drift: dev-gateway', labels: 'drift,stack::dev-gateway' },
    });
    const description = (created?.body as { description: string }).description;
    expect(description).toContain('- update `aws_cloudwatch_log_group.access`');
    expect(description).toContain('### Changed outside Terraform');
    expect(description).toContain(PIPELINE);
  });

  it('updates the open issue on the next drifted run instead of opening another', async () => {
    const gitlab = fakeGitlab({ [ISSUES]: [{ iid: 9, title: driftIssueTitle('dev-gateway'), state: 'opened' }] });
    await expect(syncDriftIssue(client(gitlab.fetch), drifted, PIPELINE)).resolves.toBe('updated');
    expect(gitlab.calls.at(-1)).toMatchObject({ method: 'PUT', url: `https://gitlab.example.com/api/v4${ISSUES}/9` });
    expect(gitlab.calls.filter((call) => call.method === 'POST')).toEqual([]);
  });

  it('closes the issue with a note once the stack is clean, ignoring noise', async () => {
    const gitlab = fakeGitlab({ [ISSUES]: [{ iid: 9, title: driftIssueTitle('dev-gateway'), state: 'opened' }] });
    await expect(syncDriftIssue(client(gitlab.fetch), clean, PIPELINE)).resolves.toBe('closed');
    expect(gitlab.calls.slice(-2)).toEqual([
      { method: 'POST', url: `https://gitlab.example.com/api/v4${ISSUES}/9/notes`, body: { body: `No drift in ${PIPELINE}; closing.` } },
      { method: 'PUT', url: `https://gitlab.example.com/api/v4${ISSUES}/9`, body: { state_event: 'close' } },
    ]);
  });

  it('does nothing for a clean stack without an issue', async () => {
    const gitlab = fakeGitlab({ [ISSUES]: [] });
    await expect(syncDriftIssue(client(gitlab.fetch), clean, PIPELINE)).resolves.toBe('none');
    expect(gitlab.calls.every((call) => call.method === 'GET')).toBe(true);
  });

  it('searches only open issues labelled drift by title', async () => {
    const gitlab = fakeGitlab({ [ISSUES]: [] });
    await syncDriftIssue(client(gitlab.fetch), clean, PIPELINE);
    const search = new URL(gitlab.calls[0].url);
    expect(Object.fromEntries(search.searchParams)).toMatchObject({ state: 'opened', labels: 'drift', in: 'title', search: 'Drift: dev-gateway' });
  });
});

describe('ci drift-issue', () => {
  it('exits 2 when the plan failed rather than drifted', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(main(['drift-issue', '--exit-code', '1', fixture('drift-real/dev-gateway.plan.json')], GITLAB_ENV, fakeGitlab({}).fetch)).resolves.toBe(2);
      expect(error).toHaveBeenCalledWith(expect.stringContaining('--exit-code must be 0 or 2 (a failed plan is not drift)'));
    } finally {
      error.mockRestore();
    }
  });

  it('opens the issue from the plan file', async () => {
    const gitlab = fakeGitlab({ [ISSUES]: [] });
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await expect(
        main(['drift-issue', '--exit-code', '2', fixture('drift-real/dev-gateway.plan.json')], { ...GITLAB_ENV, CI_PIPELINE_URL: PIPELINE }, gitlab.fetch),
      ).resolves.toBe(0);
      expect(log).toHaveBeenCalledWith('ci: dev-gateway: 3 drifted, 0 ignored as known noise; issue opened');
    } finally {
      log.mockRestore();
    }
  });
});
