import { accessMatrix } from '../../../lib/config/views/access-matrix';
import { Testing } from 'cdktf';
import type { Environment } from '../../../lib/config/schema/environment';
import { parseAccessMatrix } from '../../../lambdas/ram-share-auditor/access-matrix';
import { DRIFT_METRICS } from '../../../lambdas/ram-share-auditor/metric-names';
import { alarmWindow, RamShareAuditor, SHARE_AUDIT_NAMESPACE } from '../../../modules/lambda/ram-share-auditor';
import { SharedPrivateDomain } from '../../../modules/private-domain/shared-private-domain';
import { LandingZoneStack } from '../../../stacks/base-stack';
import { exampleEnvironment } from '../../support/example-config';
import { readZip } from './support/read-zip';
import { synthesizeStack, type TerraformJson } from './support/synth';

/** The share auditor as deployed in `<env>-gateway`: bundled matrix, schedule, least-privilege role, drift alarm. */

function gatewayWithAuditor(remediation: boolean, environment: Environment = exampleEnvironment('prod')) {
  const configured = {
    ...environment,
    privateDomain: { ...environment.privateDomain, shareAuditor: { ...environment.privateDomain.shareAuditor, remediation } },
  };
  const app = Testing.app();
  const stack = new LandingZoneStack(app, { environment: configured, kind: 'gateway', accountAlias: configured.roles.gateway });
  const privateDomain = new SharedPrivateDomain(stack, 'PrivateDomain', {
    environment: configured.name,
    region: configured.region,
    domainName: configured.domains.private,
    hostedZoneId: configured.domains.hostedZoneId,
    certificateArn: configured.privateDomain.certificateArn,
    matrix: accessMatrix(configured),
    consumers: configured.consumers,
    providerForAccount: (alias) => stack.providerForAccount(alias),
  });
  const auditor = new RamShareAuditor(stack, 'RamShareAuditor', {
    environment: configured.name,
    accountId: stack.accountId,
    logKmsKeyArn: 'arn:aws:kms:ap-southeast-1:444455558888:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    settings: configured.privateDomain.shareAuditor,
    privateDomain,
    alarmActions: ['arn:aws:sns:ap-southeast-1:444455558888:prod-alarms'],
  });
  return { synthesized: synthesizeStack(app, stack), auditor };
}

const ofType = (json: TerraformJson, type: string) => Object.entries(json.resource[type] ?? {}).filter(([name]) => name.startsWith('RamShareAuditor'));
const one = (json: TerraformJson, type: string, nameContains = '') => {
  const found = ofType(json, type).filter(([name]) => name.includes(nameContains));
  if (found.length !== 1) throw new Error(`expected one ${type} containing "${nameContains}", found ${found.length}`);
  return found[0]![1];
};
const statementsOf = (json: TerraformJson) =>
  Object.entries(json.data?.aws_iam_policy_document ?? {})
    .filter(([name]) => name.startsWith('RamShareAuditor') && !name.includes('AssumeRole'))
    .flatMap(([, document]) => document.statement as { sid: string; actions: string[]; resources: string[]; condition?: unknown[] }[]);

describe('bundled access matrix', () => {
  it('ships the expected principals of each share and the remediation switch next to the handler', () => {
    const { synthesized } = gatewayWithAuditor(false);
    const fn = one(synthesized.json, 'aws_lambda_function');
    const files = new Map(readZip(synthesized.readFile(fn.filename as string)).map((entry) => [entry.name, entry.data]));

    expect([...files.keys()]).toEqual(['access-matrix.json', 'index.js', 'index.js.map']);
    const matrix = parseAccessMatrix(JSON.parse(files.get('access-matrix.json')!.toString()));
    expect(matrix).toMatchObject({
      environment: 'prod',
      metricNamespace: SHARE_AUDIT_NAMESPACE,
      remediation: false,
      shares: [
        { key: 'organization', name: 'prod-private-domain', principals: ['777788889999'] },
        { key: 'external', name: 'prod-private-domain-external', principals: ['999988887777'] },
      ],
    });
    expect(matrix.consumers).toEqual([
      { consumer: 'partner-hub', accountId: '999988887777', inOrganization: false, services: ['customers'] },
      { consumer: 'retail-app', accountId: '777788889999', inOrganization: true, services: ['customers', 'ledger'] },
    ]);
  });

  it('passes the share and domain ARNs, known only after apply, as environment variables', () => {
    const { synthesized } = gatewayWithAuditor(false);
    const variables = (one(synthesized.json, 'aws_lambda_function').environment as { variables: Record<string, string> }).variables;
    expect(JSON.parse(variables.SHARE_ARNS!)).toEqual({
      organization: expect.stringMatching(/^\$\{aws_ram_resource_share\.PrivateDomain_Share_\w+\.arn\}$/),
      external: expect.stringMatching(/^\$\{aws_ram_resource_share\.PrivateDomain_ExternalShare_\w+\.arn\}$/),
    });
    expect(variables.DOMAIN_ARN).toMatch(/^\$\{aws_api_gateway_domain_name\.PrivateDomain_\w+\.arn\}$/);
  });
});

describe('permissions', () => {
  it('reads associations and publishes to its own namespace, and may not change a share when remediation is off', () => {
    const statements = statementsOf(gatewayWithAuditor(false).synthesized.json);
    const actions = statements.flatMap((statement) => statement.actions);
    expect(actions).toContain('ram:GetResourceShareAssociations');
    expect(actions).not.toContain('ram:DisassociateResourceShare');
    expect(actions.filter((action) => action.startsWith('ram:'))).toEqual(['ram:GetResourceShareAssociations']);
    expect(statements.find((statement) => statement.sid === 'PublishAuditMetrics')).toMatchObject({
      actions: ['cloudwatch:PutMetricData'],
      condition: [{ test: 'StringEquals', variable: 'cloudwatch:namespace', values: [SHARE_AUDIT_NAMESPACE] }],
    });
  });

  it('may disassociate principals from the private domain shares only, when remediation is on', () => {
    const statements = statementsOf(gatewayWithAuditor(true).synthesized.json);
    const remove = statements.find((statement) => statement.sid === 'RemoveUnexpectedPrincipals')!;
    expect(remove.actions).toEqual(['ram:DisassociateResourceShare']);
    expect(remove.resources).toEqual([
      expect.stringMatching(/^\$\{aws_ram_resource_share\.PrivateDomain_Share_\w+\.arn\}$/),
      expect.stringMatching(/^\$\{aws_ram_resource_share\.PrivateDomain_ExternalShare_\w+\.arn\}$/),
    ]);
  });

  it('runs one audit at a time', () => {
    expect(one(gatewayWithAuditor(true).synthesized.json, 'aws_lambda_function').reserved_concurrent_executions).toBe(1);
  });
});

describe('schedule', () => {
  it('is invoked by its own EventBridge rule on the configured schedule, and by nothing else', () => {
    const { json } = gatewayWithAuditor(false).synthesized;
    expect(one(json, 'aws_cloudwatch_event_rule')).toMatchObject({ name: 'prod-ram-share-auditor', schedule_expression: 'rate(1 hour)' });
    expect(one(json, 'aws_cloudwatch_event_target').arn).toMatch(/^\$\{aws_lambda_function\.RamShareAuditor_Function_\w+\.arn\}$/);
    expect(one(json, 'aws_lambda_permission')).toMatchObject({
      principal: 'events.amazonaws.com',
      action: 'lambda:InvokeFunction',
      source_arn: expect.stringMatching(/^\$\{aws_cloudwatch_event_rule\.RamShareAuditor_Schedule_\w+\.arn\}$/),
    });
  });
});

describe('drift alarm', () => {
  it('sums every drift metric, treats a silent auditor as drift and notifies the alarm topic', () => {
    const alarm = one(gatewayWithAuditor(false).synthesized.json, 'aws_cloudwatch_metric_alarm', 'DriftAlarm');
    expect(alarm).toMatchObject({
      alarm_name: 'prod-ram-share-auditor-share-drift',
      threshold: 1,
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      treat_missing_data: 'breaching',
      evaluation_periods: 1,
      alarm_actions: ['arn:aws:sns:ap-southeast-1:444455558888:prod-alarms'],
    });
    const queries = alarm.metric_query as {
      id: string;
      expression?: string;
      metric?: { metric_name: string; period: number; dimensions: Record<string, string> };
    }[];
    expect(queries.filter((query) => query.metric).map((query) => query.metric!.metric_name)).toEqual([...DRIFT_METRICS]);
    expect(queries.every((query) => !query.metric || (query.metric.period === 7200 && query.metric.dimensions.Environment === 'prod'))).toBe(true);
    expect(queries.find((query) => query.expression)!.expression).toBe(DRIFT_METRICS.map((_, index) => `m${index + 1}`).join(' + '));
  });

  it.each([
    ['rate(15 minutes)', { periodSeconds: 1800, evaluationPeriods: 1 }],
    ['rate(1 hour)', { periodSeconds: 7200, evaluationPeriods: 1 }],
    ['rate(12 hours)', { periodSeconds: 86400, evaluationPeriods: 1 }],
    ['rate(1 day)', { periodSeconds: 86400, evaluationPeriods: 2 }],
    ['cron(0 6 * * ? *)', { periodSeconds: 86400, evaluationPeriods: 2 }],
  ])('spans two runs of %s per period', (schedule, window) => {
    expect(alarmWindow(schedule)).toEqual(window);
  });
});
