import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Construct } from 'constructs';
import type { AccessMatrix } from '../../lambdas/ram-share-auditor/access-matrix';
import { DRIFT_METRICS } from '../../lambdas/ram-share-auditor/metric-names';
import type { Environment } from '../../lib/config/schema/environment';
import { lambdaAlarmName, resourceName } from '../../lib/naming';
import type { SharedPrivateDomain } from '../private-domain/shared-private-domain';
import { BundledFunction } from './bundled-function';

/** Namespace of the audit metrics, next to the other functions' fault metrics. */
export const SHARE_AUDIT_NAMESPACE = 'UnifiedApiGateway/RamShareAuditor';

export interface RamShareAuditorProps {
  /** Environment name: prefix of the function name, dimension of the metrics. */
  readonly environment: string;
  /** The gateway account the function runs in. */
  readonly accountId: string;
  /** Customer managed key of the function's log group (the gateway stack's log key). */
  readonly logKmsKeyArn: string;
  /** Schedule and remediation switch (`privateDomain.shareAuditor` of the environment file). */
  readonly settings: Environment['privateDomain']['shareAuditor'];
  /** The shared private domain whose RAM shares are audited against its access matrix. */
  readonly privateDomain: SharedPrivateDomain;
  /** Notified when the drift alarm or a function alarm changes state.
   * @default - none */
  readonly alarmActions?: readonly string[];
}

/**
 * The RAM share auditor in `<env>-gateway` (lambdas/ram-share-auditor): on an EventBridge schedule it reads the
 * principals and resources of the private domain's shares, compares them with the access matrix bundled at synth time,
 * publishes the differences as metrics under one drift alarm, and, with `privateDomain.shareAuditor.remediation`,
 * disassociates unexpected principals. The role may read share associations, publish to its own namespace and, only
 * with remediation on, disassociate principals from these shares.
 */
export class RamShareAuditor extends Construct {
  readonly function: BundledFunction;
  readonly schedule: CloudwatchEventRule;
  /** Fires when a share differs from the matrix, could not be read, or the auditor stopped reporting. */
  readonly driftAlarm: CloudwatchMetricAlarm;
  /** What was bundled as access-matrix.json. */
  readonly matrix: AccessMatrix;

  constructor(scope: Construct, id: string, props: RamShareAuditorProps) {
    super(scope, id);
    const { environment, privateDomain, settings } = props;
    const functionName = resourceName(environment, 'ram-share-auditor');
    const shares = [
      ...(privateDomain.organizationShare ? [{ key: 'organization', share: privateDomain.organizationShare }] : []),
      ...(privateDomain.externalShare ? [{ key: 'external', share: privateDomain.externalShare }] : []),
    ];
    this.matrix = {
      version: 1,
      environment,
      metricNamespace: SHARE_AUDIT_NAMESPACE,
      remediation: settings.remediation,
      shares: shares.map(({ key, share }) => ({ key, name: share.name, principals: [...share.principals.keys()] })),
      consumers: privateDomain.matrix.map(({ consumer, accountId, inOrganization, services }) => ({ consumer, accountId, inOrganization, services })),
    };
    const shareArns = shares.map(({ share }) => share.arn);
    const actions = [...(props.alarmActions ?? [])];

    this.function = new BundledFunction(this, 'Function', {
      entry: 'lambdas/ram-share-auditor/index.ts',
      functionName,
      accountId: props.accountId,
      logKmsKeyArn: props.logKmsKeyArn,
      description: `Audits the RAM shares of ${privateDomain.domainName} against the access matrix${settings.remediation ? ' and removes unexpected principals' : ''}`,
      files: { 'access-matrix.json': `${JSON.stringify(this.matrix, null, 2)}\n` },
      environmentVariables: {
        SHARE_ARNS: JSON.stringify(Object.fromEntries(shares.map(({ key, share }) => [key, share.arn]))),
        DOMAIN_ARN: privateDomain.domain.arn,
      },
      // Pages of RAM results with throttling backoff; minutes would mean RAM is unwell, which the alarms show.
      timeoutSeconds: 120,
      // One audit at a time: two overlapping runs must not both try to remove the same principal.
      reservedConcurrency: 1,
      grants: [
        // RAM has no resource-level permission for reading associations: the Resource must be "*"; the handler
        // names the share ARNs in every request (service authorization reference, AWS RAM).
        { sid: 'ReadShareAssociations', actions: ['ram:GetResourceShareAssociations'], resources: ['*'] },
        ...(settings.remediation && shareArns.length > 0
          ? [{ sid: 'RemoveUnexpectedPrincipals', actions: ['ram:DisassociateResourceShare'], resources: shareArns }]
          : []),
      ],
      errorSignal: {
        kind: 'log-patterns',
        patterns: ['{ $.level = "error" }', '?"Task timed out" ?"Runtime.ImportModuleError" ?"Runtime.ExitError" ?"Runtime.UnhandledPromiseRejection"'],
      },
      alarmActions: actions,
    });
    const publish = new DataAwsIamPolicyDocument(this, 'PublishMetricsPolicy', {
      statement: [
        {
          sid: 'PublishAuditMetrics',
          actions: ['cloudwatch:PutMetricData'],
          // PutMetricData has no resource type; the namespace condition is what scopes it.
          resources: ['*'],
          condition: [{ test: 'StringEquals', variable: 'cloudwatch:namespace', values: [SHARE_AUDIT_NAMESPACE] }],
        },
      ],
    });
    new IamRolePolicy(this, 'PublishMetrics', { name: 'publish-audit-metrics', role: this.function.role.id, policy: publish.json });

    this.schedule = new CloudwatchEventRule(this, 'Schedule', {
      name: functionName,
      description: `Runs ${functionName}: ${settings.scheduleExpression}`,
      scheduleExpression: settings.scheduleExpression,
    });
    new CloudwatchEventTarget(this, 'Target', { rule: this.schedule.name, arn: this.function.arn });
    new LambdaPermission(this, 'InvokeFromSchedule', {
      statementId: 'AllowScheduledAudit',
      action: 'lambda:InvokeFunction',
      functionName: this.function.resource.functionName,
      principal: 'events.amazonaws.com',
      sourceArn: this.schedule.arn,
    });

    const window = alarmWindow(settings.scheduleExpression);
    const metrics = DRIFT_METRICS.map((metricName, index) => ({
      id: `m${index + 1}`,
      returnData: false,
      metric: { namespace: SHARE_AUDIT_NAMESPACE, metricName, dimensions: { Environment: environment }, period: window.periodSeconds, stat: 'Maximum' },
    }));
    this.driftAlarm = new CloudwatchMetricAlarm(this, 'DriftAlarm', {
      alarmName: lambdaAlarmName(functionName, 'share-drift'),
      alarmDescription:
        `The RAM shares of ${privateDomain.domainName} differ from the access matrix, could not be audited, or the audit stopped reporting. ` +
        `Read the "${functionName}" log group: each difference is logged with the share, the principal and the consumer.`,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      threshold: 1,
      evaluationPeriods: window.evaluationPeriods,
      datapointsToAlarm: window.evaluationPeriods,
      // No data means the auditor did not run or could not publish: as bad as drift.
      treatMissingData: 'breaching',
      metricQuery: [
        ...metrics,
        { id: 'drift', label: 'Share drift and audit failures', returnData: true, expression: metrics.map((metric) => metric.id).join(' + ') },
      ],
      alarmActions: actions,
      okActions: actions,
    });
  }
}

/**
 * The alarm window for a schedule: each period spans two runs, so EventBridge's jitter never leaves a period without a
 * datapoint (missing data alarms). CloudWatch periods stop at one day; slower schedules need two bad days in a row.
 */
export function alarmWindow(scheduleExpression: string): { periodSeconds: number; evaluationPeriods: number } {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(scheduleExpression);
  const unitSeconds = { minute: 60, hour: 3600, day: 86400 } as const;
  const intervalSeconds = rate ? Number(rate[1]) * unitSeconds[rate[2]!.replace(/s$/, '') as keyof typeof unitSeconds] : 86400;
  const twoRuns = 2 * intervalSeconds;
  return twoRuns <= 86400 ? { periodSeconds: Math.ceil(twoRuns / 60) * 60, evaluationPeriods: 1 } : { periodSeconds: 86400, evaluationPeriods: 2 };
}
