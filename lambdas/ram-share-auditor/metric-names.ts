// The auditor's metric names, apart from the code that publishes them (metrics.ts): the stack that alarms on them
// imports this file at synth time and must not load the CloudWatch client to do so.

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

/**
 * Metrics that mean the shares differ from the access matrix or could not be checked: the alarm sums these. Every
 * count but PrincipalsRemoved, which is the auditor repairing drift it already counted.
 */
export const DRIFT_METRICS: readonly AuditMetric[] = AUDIT_METRICS.filter((metric) => metric !== 'PrincipalsRemoved');
