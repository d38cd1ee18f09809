import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { App } from 'cdktf';
import { OFFLINE_CONTEXT_KEY } from '../../../lib/synthesis-mode';
import { synthesize } from '../../../app/synthesize';
import { LandingZoneStack } from '../../../stacks/base-stack';
import { OfflinePlanError, planStacksOffline, type OfflineStackPlan } from '../../../tools/plan-offline/plan-stacks';
import { changeKind } from '../../../tools/plan-report/change-kind';
import { checkDestroys, parseAllowList } from '../../../tools/plan-report/destroy-guard';
import { gitlabReport } from '../../../tools/plan-report/gitlab-report';
import { readPlanFile, type StackPlan } from '../../../tools/plan-report/plan-file';
import { buildPlanReport } from '../../../tools/plan-report/report';
import { placementsFromConfig } from '../../../tools/plan-report/stack-placements';
import { resolveProviderMirror } from '../../../tools/terraform/offline-cli-config';
import { commandAvailable } from '../../../tools/terraform/run-command';
import { exampleEnvironment, REPO_ROOT } from '../../support/example-config';
import { jqAvailable, runGitlabJq } from '../plan-report/gitlab-jq';
import { FIXTURE_STACK, synthPlanFixture } from './fixture-stack';
import { seedState } from './seeded-state';

/**
 * Rung 6 of the ladder: real `terraform plan` files made offline (no network, no credentials) feed
 * the plan report exactly as in CI. A few stacks only; `make plan-offline ENV=dev` plans them all.
 */
const { mirror, reason: mirrorMissing } = resolveProviderMirror();
const skipReason = !commandAvailable('terraform') ? 'terraform is not on PATH' : mirrorMissing;
if (skipReason) console.warn(`SKIPPED offline terraform plan: ${skipReason}`);
const describeWhenAvailable = skipReason ? describe.skip : describe;

const tempOutdir = (prefix: string): string => path.join(mkdtempSync(path.join(tmpdir(), prefix)), 'cdktf.out');
const REAL_STACKS = ['dev-network', 'dev-api-payments'];

function planOf(results: OfflineStackPlan[], stack: string): StackPlan {
  const result = results.find((entry) => entry.stack === stack);
  if (!result?.planJson) throw new Error(`no plan for ${stack}: ${result?.error}`);
  return readPlanFile(result.planJson);
}

describeWhenAvailable('offline terraform plan', () => {
  let examplePlans: OfflineStackPlan[] = [];
  let fixturePlans: OfflineStackPlan[] = [];

  beforeAll(async () => {
    const exampleOut = tempOutdir('uag-plan-offline-example-');
    synthesize({ configDir: REPO_ROOT, outdir: exampleOut, environments: 'dev', offline: true });
    const fixtureOut = tempOutdir('uag-plan-offline-fixture-');
    synthPlanFixture(fixtureOut);
    seedState(path.join(fixtureOut, 'stacks', FIXTURE_STACK));
    [examplePlans, fixturePlans] = await Promise.all([
      planStacksOffline({ outdir: exampleOut, mirror: mirror!, planDir: path.join(exampleOut, 'plans'), stacks: REAL_STACKS, concurrency: 1 }),
      planStacksOffline({ outdir: fixtureOut, mirror: mirror!, planDir: path.join(fixtureOut, 'plans'), concurrency: 1 }),
    ]);
  });

  it('plans synthesized example stacks without credentials', () => {
    expect(examplePlans.map((result) => [result.stack, result.error]).sort()).toEqual(REAL_STACKS.map((stack) => [stack, undefined]).sort());
    for (const stack of REAL_STACKS) expect(planOf(examplePlans, stack).stack).toBe(stack);
  });

  it('reports real example plans with GitLab’s counts and groups them by environment and account', () => {
    const plans = REAL_STACKS.map((stack) => planOf(examplePlans, stack));
    for (const plan of plans) if (jqAvailable) expect(gitlabReport(plan)).toEqual(runGitlabJq(plan.file));
    const report = buildPlanReport(plans, placementsFromConfig(REPO_ROOT), []);
    expect([...report.summaries.keys()]).toEqual(['dev']);
    expect(report.summaries.get('dev')).toContain(`| network \`${exampleEnvironment('dev').accounts.network.id}\` | \`dev-network\` |`);
  });

  it('plans every kind of change against a seeded state', () => {
    const plan = planOf(fixturePlans, FIXTURE_STACK);
    const kinds = Object.fromEntries(plan.resourceChanges.map((change) => [change.address, changeKind(change)]));
    expect(kinds).toEqual({
      'data.aws_iam_policy_document.publish': 'read',
      'aws_api_gateway_vpc_link.payments': 'replace-delete-first',
      'aws_cloudwatch_log_group.access': 'update',
      'aws_cloudwatch_log_group.execution': 'replace-create-first',
      'aws_cloudwatch_log_group.unchanged': 'no-op',
      'aws_iam_role.legacy': 'delete',
      'aws_sns_topic.alarms': 'create',
      'aws_sns_topic_policy.alarms-policy': 'create',
    });
  });

  it('counts the real plan exactly like GitLab’s jq filter', () => {
    const plan = planOf(fixturePlans, FIXTURE_STACK);
    // Recorded from the filter: 2 creates + 2 replacements; 1 update; 1 delete + 2 replacements.
    expect(gitlabReport(plan)).toEqual({ create: 4, update: 1, delete: 3 });
    if (jqAvailable) expect(gitlabReport(plan)).toEqual(runGitlabJq(plan.file));
  });

  it('sends a replaced VPC link to the procedure in docs/operations.md', () => {
    const finding = checkDestroys([planOf(fixturePlans, FIXTURE_STACK)], []).findings.find((entry) => entry.type === 'aws_api_gateway_vpc_link');
    expect(finding?.reason).toBe(
      'VPC link: every integration of the backend fails, and a replaced link cannot be deleted while api-* stacks use it; follow docs/operations.md "Replacing a VPC link"',
    );
  });

  it('guards the protected resources of the real plan and honours allowances', () => {
    const plan = planOf(fixturePlans, FIXTURE_STACK);
    const blocked = checkDestroys([plan], []);
    expect(blocked.blocked).toBe(true);
    expect(blocked.findings.map((finding) => finding.address)).toEqual(['aws_api_gateway_vpc_link.payments', 'aws_cloudwatch_log_group.execution']);
    const allowed = checkDestroys(
      [plan],
      parseAllowList(`${FIXTURE_STACK}:aws_api_gateway_vpc_link.payments,${FIXTURE_STACK}:aws_cloudwatch_log_group.execution`),
    );
    expect(allowed.blocked).toBe(false);
  });
});

describe('offline plan preconditions', () => {
  it('fails when the stacks were synthesized for deploy, saying how to synthesize', async () => {
    const outdir = tempOutdir('uag-plan-offline-deploy-');
    synthesize({ configDir: REPO_ROOT, outdir, environments: 'dev' });
    await expect(planStacksOffline({ outdir, mirror: '/nonexistent', planDir: outdir, stacks: ['dev-org'] })).rejects.toThrow(
      /dev-org: synthesized for deploy \(backend s3\); synthesize with UAG_OFFLINE=1/,
    );
  });

  it('fails when a stack reads another stack’s state, pointing at crossStackValue', async () => {
    const outdir = tempOutdir('uag-plan-offline-remote-');
    const app = new App({ outdir, context: { [OFFLINE_CONTEXT_KEY]: true } });
    const environment = exampleEnvironment('dev');
    const network = new LandingZoneStack(app, { environment, kind: 'network', accountAlias: 'network' });
    const gateway = new LandingZoneStack(app, { environment, kind: 'gateway', accountAlias: 'gateway' });
    const hub = new Ec2TransitGateway(network, 'hub', {});
    // The mistake the check exists for: a raw cross-stack token instead of crossStackValue().
    new Ec2TransitGatewayVpcAttachment(gateway, 'attachment', {
      transitGatewayId: hub.id,
      vpcId: 'vpc-0c1b2c3d4e5f60001',
      subnetIds: ['subnet-0c1b2c3d4e5f60001'],
    });
    app.synth();
    await expect(planStacksOffline({ outdir, mirror: '/nonexistent', planDir: outdir })).rejects.toThrow(
      /dev-gateway: reads another stack's state \(data\.terraform_remote_state\.[\w-]+\).*crossStackValue\(\) from lib\/cross-stack\.ts/,
    );
  });

  it('fails on a stack that was not synthesized, listing the ones that were', async () => {
    const outdir = tempOutdir('uag-plan-offline-subset-');
    synthesize({ configDir: REPO_ROOT, outdir, environments: 'dev', offline: true });
    await expect(planStacksOffline({ outdir, mirror: '/nonexistent', planDir: outdir, stacks: ['dev-gatewy'] })).rejects.toThrow(OfflinePlanError);
    await expect(planStacksOffline({ outdir, mirror: '/nonexistent', planDir: outdir, stacks: ['dev-gatewy'] })).rejects.toThrow(
      /no synthesized stack dev-gatewy; synthesized: .*dev-gateway/,
    );
  });
});
