import { PutMetricDataCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { AUDIT_METRICS, type AuditCounts } from './metric-names';

export function zeroCounts(): AuditCounts {
  return Object.fromEntries(AUDIT_METRICS.map((metric) => [metric, 0])) as AuditCounts;
}

/** One PutMetricData call with every count, dimensioned by environment. */
export async function publishCounts(cloudwatch: CloudWatchClient, namespace: string, environment: string, counts: AuditCounts, timestamp: Date): Promise<void> {
  await cloudwatch.send(
    new PutMetricDataCommand({
      Namespace: namespace,
      MetricData: AUDIT_METRICS.map((metric) => ({
        MetricName: metric,
        Dimensions: [{ Name: 'Environment', Value: environment }],
        Timestamp: timestamp,
        Unit: 'Count',
        Value: counts[metric],
      })),
    }),
  );
}
