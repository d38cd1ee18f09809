import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Route53HealthCheck } from '@cdktf/provider-aws/lib/route53-health-check';
import { ShieldApplicationLayerAutomaticResponse } from '@cdktf/provider-aws/lib/shield-application-layer-automatic-response';
import { ShieldProtection } from '@cdktf/provider-aws/lib/shield-protection';
import { ShieldProtectionHealthCheckAssociation } from '@cdktf/provider-aws/lib/shield-protection-health-check-association';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { AlarmTopic } from '../observability/alarm-topic';

/** Health-based detection from the distribution's own 5xx error rate (CloudFront metrics live in us-east-1). */
export interface DistributionHealth {
  /** CloudFront distribution id (the metric dimension). */
  readonly distributionId: string;
  /** 5xx error rate, in percent, above which the distribution counts as unhealthy. */
  readonly errorRatePercent: number;
  /** Consecutive minutes above the threshold before it does. */
  readonly evaluationMinutes: number;
}

export interface ShieldProtectedResourceProps {
  /** Protection name, e.g. `prod-api-distribution`. */
  readonly name: string;
  /** ARN of the protected CloudFront distribution or Route 53 hosted zone. */
  readonly resourceArn: string;
  /** Health-based detection; Shield does not support it for hosted zones.
   * @default - no health check */
  readonly health?: DistributionHealth;
  /** Automatic application-layer mitigation (CloudFront only): count records, block mitigates.
   * @default - off */
  readonly applicationLayerResponse?: 'count' | 'block';
  /** us-east-1 topic the DDoSDetected alarm notifies (Shield reports global resources there). */
  readonly alarmTopic: AlarmTopic;
  /** The us-east-1 provider. */
  readonly provider: TerraformProvider;
  /** Created first, e.g. the subscription.
   * @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * One resource under Shield Advanced: its protection, an alarm on `DDoSDetected`, and for a distribution a
 * Route 53 health check on its error rate (health-based detection, required for proactive engagement)
 * plus automatic application-layer mitigation.
 */
export class ShieldProtectedResource extends Construct {
  readonly protection: ShieldProtection;
  readonly ddosAlarm: CloudwatchMetricAlarm;
  readonly healthCheck?: Route53HealthCheck;

  constructor(scope: Construct, id: string, props: ShieldProtectedResourceProps) {
    super(scope, id);
    const { provider, name } = props;
    this.protection = new ShieldProtection(this, 'Resource', { provider, name, resourceArn: props.resourceArn, dependsOn: props.dependsOn });

    this.ddosAlarm = new CloudwatchMetricAlarm(this, 'DdosDetected', {
      provider,
      alarmName: `${name}-ddos-detected`,
      alarmDescription: `Shield Advanced detected a DDoS event on ${name}; follow the DDoS runbook and engage the SRT if needed.`,
      namespace: 'AWS/DDoSProtection',
      metricName: 'DDoSDetected',
      dimensions: { ResourceArn: props.resourceArn },
      statistic: 'Maximum',
      period: 60,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      // No data means no event: Shield only publishes the metric while it watches traffic.
      treatMissingData: 'notBreaching',
      alarmActions: [...props.alarmTopic.alarmActions],
      okActions: [...props.alarmTopic.alarmActions],
      dependsOn: [this.protection],
    });

    if (props.health) {
      const errorRate = new CloudwatchMetricAlarm(this, 'ErrorRate', {
        provider,
        alarmName: `${name}-5xx-error-rate`,
        alarmDescription: `Health of ${name} for Shield health-based detection: 5xx error rate above ${props.health.errorRatePercent}%.`,
        namespace: 'AWS/CloudFront',
        metricName: '5xxErrorRate',
        dimensions: { DistributionId: props.health.distributionId, Region: 'Global' },
        statistic: 'Average',
        period: 60,
        evaluationPeriods: props.health.evaluationMinutes,
        threshold: props.health.errorRatePercent,
        comparisonOperator: 'GreaterThanThreshold',
        treatMissingData: 'notBreaching',
      });
      this.healthCheck = new Route53HealthCheck(this, 'HealthCheck', {
        provider,
        type: 'CLOUDWATCH_METRIC',
        cloudwatchAlarmName: errorRate.alarmName,
        cloudwatchAlarmRegion: 'us-east-1',
        insufficientDataHealthStatus: 'LastKnownStatus',
        tags: { Name: `${name}-health` },
      });
      new ShieldProtectionHealthCheckAssociation(this, 'HealthCheckAssociation', {
        provider,
        shieldProtectionId: this.protection.id,
        healthCheckArn: this.healthCheck.arn,
      });
    }

    if (props.applicationLayerResponse) {
      new ShieldApplicationLayerAutomaticResponse(this, 'AutomaticResponse', {
        provider,
        resourceArn: props.resourceArn,
        action: props.applicationLayerResponse.toUpperCase(),
        dependsOn: [this.protection],
      });
    }
  }
}
