import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';

export interface TargetGroupHealthAlarmsProps {
  /** Alarm name prefix, e.g. `prod-ledger-nlb` (stable across target group replacements). */
  readonly name: string;
  /** What the targets are, for the alarm descriptions, e.g. `the ledger backend`. */
  readonly subject: string;
  /** `arn_suffix` of the target group (the `TargetGroup` dimension). */
  readonly targetGroupArnSuffix: string;
  /** `arn_suffix` of its load balancer (the `LoadBalancer` dimension). */
  readonly loadBalancerArnSuffix: string;
  /** Notified on every state change. */
  readonly alarmActions: readonly string[];
}

/**
 * Health of a Network Load Balancer target group, from the NLB's own health checks: it fires without any API
 * traffic, and names the backend, where API 5XX only says that something behind the gateway failed.
 *   no healthy target      HealthyHostCount minimum < 1 for 3 minutes (missing data counts: no data, no healthy target)
 *   an unhealthy target    UnHealthyHostCount maximum >= 1 for 3 minutes
 */
export class TargetGroupHealthAlarms extends Construct {
  readonly healthy: CloudwatchMetricAlarm;
  readonly unhealthy: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: TargetGroupHealthAlarmsProps) {
    super(scope, id);
    const common = {
      namespace: 'AWS/NetworkELB',
      dimensions: { TargetGroup: props.targetGroupArnSuffix, LoadBalancer: props.loadBalancerArnSuffix },
      period: 60,
      evaluationPeriods: 3,
      alarmActions: [...props.alarmActions],
      okActions: [...props.alarmActions],
    };
    this.healthy = new CloudwatchMetricAlarm(this, 'HealthyHosts', {
      ...common,
      alarmName: `${props.name}-no-healthy-targets`,
      alarmDescription: `No healthy target behind ${props.subject} for 3 minutes: every request to it fails. Check the backend and the Transit Gateway path.`,
      metricName: 'HealthyHostCount',
      statistic: 'Minimum',
      comparisonOperator: 'LessThanThreshold',
      threshold: 1,
      treatMissingData: 'breaching',
    });
    this.unhealthy = new CloudwatchMetricAlarm(this, 'UnhealthyHosts', {
      ...common,
      alarmName: `${props.name}-unhealthy-targets`,
      alarmDescription: `At least one target behind ${props.subject} failed its health checks for 3 minutes; capacity is reduced.`,
      metricName: 'UnHealthyHostCount',
      statistic: 'Maximum',
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      threshold: 1,
      treatMissingData: 'notBreaching',
    });
  }
}
