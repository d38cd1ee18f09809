import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gitlabReport, type GitlabTerraformReport } from '../../../tools/plan-report/gitlab-report';
import { fixturePlan, PLAN_FIXTURES } from './fixtures';
import { jqAvailable, runGitlabJq } from './gitlab-jq';

const recorded = JSON.parse(readFileSync(path.join(PLAN_FIXTURES, 'recorded-gitlab-reports.json'), 'utf8')) as Record<string, GitlabTerraformReport>;

describe('GitLab Terraform report counts', () => {
  it.each(Object.keys(recorded))('equal GitLab’s jq filter on %s', (fixture) => {
    const ours = gitlabReport(fixturePlan(fixture));
    expect(ours).toEqual(recorded[fixture]);
    if (jqAvailable) expect(ours).toEqual(runGitlabJq(path.join(PLAN_FIXTURES, fixture)));
  });

  it('counts a delete-before-create replacement as one create and one delete', () => {
    expect(gitlabReport(fixturePlan('replace-delete-first/dev-gateway.plan.json'))).toEqual({ create: 2, update: 0, delete: 1 });
  });

  it('counts a create-before-destroy replacement as one create and one delete', () => {
    expect(gitlabReport(fixturePlan('create-before-destroy/dev-gateway.plan.json'))).toEqual({ create: 2, update: 1, delete: 2 });
  });

  it('counts neither reads, no-ops nor forgets', () => {
    expect(gitlabReport(fixturePlan('read-only/dev-security.plan.json'))).toEqual({ create: 0, update: 0, delete: 0 });
    expect(gitlabReport(fixturePlan('no-op-only/dev-org.plan.json'))).toEqual({ create: 0, update: 0, delete: 0 });
    expect(gitlabReport(fixturePlan('mixed/dev-gateway.plan.json'))).toEqual({ create: 2, update: 1, delete: 3 });
  });

  it('reports zeros for a plan without resource_changes', () => {
    expect(gitlabReport(fixturePlan('empty-plan/dev-api-payments.plan.json'))).toEqual({ create: 0, update: 0, delete: 0 });
  });

  it('counts the delete of a deposed object', () => {
    const plan = fixturePlan('delete-protected/dev-network.plan.json');
    expect(plan.resourceChanges.some((change) => change.deposed)).toBe(true);
    expect(gitlabReport(plan).delete).toBe(3);
  });
});
