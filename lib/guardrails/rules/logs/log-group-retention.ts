import { compliantIf, type ResourceRule } from '../../rule';
import { isReference, numberValue, show } from '../../values';

export const logGroupRetention: ResourceRule = {
  id: 'UAG-LOG-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_cloudwatch_log_group'],
  what: 'Every CloudWatch log group has a retention period.',
  why:
    'Access, execution, authorizer and flow logs contain IP addresses, principals and request metadata. Kept forever they ' +
    'violate data-retention policies and grow cost without bound; the retention is a decision, per log group.',
  fix: 'Set retention_in_days (e.g. 90 in dev, 400 in prod, per the data-retention policy).',
  check: ({ values }) =>
    compliantIf(
      isReference(values.retention_in_days) || (numberValue(values.retention_in_days) ?? 0) > 0,
      `retention_in_days is ${show(values.retention_in_days)} (never expire)`,
    ),
};
