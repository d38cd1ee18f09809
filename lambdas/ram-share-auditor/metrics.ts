import { PutMetricDataCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';

/** What the auditor counts on every run; each is published, zeros included, so a silent auditor is visible. */
export const AUDIT_METRICS = [
  'UnexpectedPrincipals',
  'MissingPrincipals',
  'AssociationsNotActive',
  'UnexpectedResources',
  'MissingResources',
  'AccessDenied',
  'AuditErrors',
  'PrincipalsRemoved',
  'RemediationFailures',
] as const;

export type AuditMetric = (typeof AUDIT_METRICS)[number];
export type AuditCounts = Record<AuditMetric, number>;

/** Metrics that mean the shares differ from the access matrix or could not be checked: the alarm sums these. */
export const DRIFT_METRICS: readonly AuditMetric[] = [
  'UnexpectedPrincipals',
  'MissingPrincipals',
  'AssociationsNotActive',
  'UnexpectedResources',
  'MissingResources',
  'AccessDenied',
  'AuditErrors',
  'RemediationFailures',
];

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
