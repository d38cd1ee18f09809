import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import type { ObservabilityConfig } from '../../lib/config/schema/gateway';

export interface ApiAlarmsProps {
  /** The REST API's name (the ApiName metric dimension). */
  readonly apiName: string;
  readonly stageName: string;
  readonly thresholds: ObservabilityConfig['alarms'];
  /** SNS topics notified on ALARM and OK. */
  readonly alarmActions: readonly string[];
}

interface AlarmSpec {
  readonly id: string;
  readonly metric: string;
  readonly what: string;
  readonly threshold: number;
  readonly statistic: { readonly statistic: 'Average' } | { readonly extendedStatistic: string };
}

/**
 * Per-API alarms the on-call team acts on: tail latency (p95 and p99, as Maya's platform alerts on), backend
 * latency p99, and 5XX / 4XX rates (the Average of API Gateway's 0/1 error metrics is the error rate).
 */
export class ApiAlarms extends Construct {
  readonly alarms: CloudwatchMetricAlarm[];

  constructor(scope: Construct, id: string, props: ApiAlarmsProps) {
    super(scope, id);
    const { thresholds } = props;
    const specs: AlarmSpec[] = [
      { id: 'LatencyP95', metric: 'Latency', what: 'p95 latency (ms)', threshold: thresholds.latencyP95Ms, statistic: { extendedStatistic: 'p95' } },
      { id: 'LatencyP99', metric: 'Latency', what: 'p99 latency (ms)', threshold: thresholds.latencyP99Ms, statistic: { extendedStatistic: 'p99' } },
      {
        id: 'IntegrationLatencyP99',
        metric: 'IntegrationLatency',
        what: 'p99 backend latency (ms)',
        threshold: thresholds.integrationLatencyP99Ms,
        statistic: { extendedStatistic: 'p99' },
      },
      { id: 'Error5xxRate', metric: '5XXError', what: '5XX rate', threshold: thresholds.error5xxRate, statistic: { statistic: 'Average' } },
      { id: 'Error4xxRate', metric: '4XXError', what: '4XX rate', threshold: thresholds.error4xxRate, statistic: { statistic: 'Average' } },
    ];
    this.alarms = specs.map(
      (spec) =>
        new CloudwatchMetricAlarm(this, spec.id, {
          alarmName: `${props.apiName}-${spec.id.replace(/([a-z])([A-Z0-9])/g, '$1-$2').toLowerCase()}`,
          alarmDescription: `${props.apiName} ${props.stageName}: ${spec.what} above ${spec.threshold}`,
          namespace: 'AWS/ApiGateway',
          metricName: spec.metric,
          dimensions: { ApiName: props.apiName, Stage: props.stageName },
          ...spec.statistic,
          period: thresholds.periodSeconds,
          evaluationPeriods: thresholds.evaluationPeriods,
          threshold: spec.threshold,
          comparisonOperator: 'GreaterThanThreshold',
          treatMissingData: 'notBreaching',
          alarmActions: [...props.alarmActions],
          okActions: [...props.alarmActions],
        }),
    );
  }
}
