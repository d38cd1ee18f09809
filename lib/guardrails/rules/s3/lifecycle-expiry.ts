import { compliantIf, type ResourceRule } from '../../rule';
import { blocks, isReference, numberValue } from '../../values';
import { bucketConfigurations } from './bucket-resources';

export const bucketLifecycleExpiry: ResourceRule = {
  id: 'UAG-BUCKET-003',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_s3_bucket'],
  what: 'Every bucket has an enabled lifecycle rule that expires current objects and noncurrent versions.',
  why:
    "A bucket without expiry keeps what it receives for ever: the metric stream's failed-delivery bucket kept every refused " +
    'batch, and versioning keeps every overwritten object. Retention is a decision (data-retention policy, cost), made once per bucket.',
  fix: 'Add aws_s3_bucket_lifecycle_configuration with a rule { status = "Enabled", expiration { days = N }, noncurrent_version_expiration { noncurrent_days = M } }.',
  check: (bucket, stack) => {
    const rules = bucketConfigurations(bucket, stack, 'aws_s3_bucket_lifecycle_configuration').flatMap(({ values }) =>
      blocks(values.rule).filter((rule) => rule.status === 'Enabled'),
    );
    const days = (value: unknown, key: string) => blocks(value).some((entry) => isReference(entry[key]) || (numberValue(entry[key]) ?? 0) > 0);
    const expires = rules.some((rule) => days(rule.expiration, 'days'));
    const expiresNoncurrent = rules.some((rule) => days(rule.noncurrent_version_expiration, 'noncurrent_days'));
    return compliantIf(
      expires && expiresNoncurrent,
      !expires
        ? 'no enabled lifecycle rule expires current objects (expiration.days)'
        : 'no enabled lifecycle rule expires noncurrent versions (noncurrent_version_expiration.noncurrent_days)',
    );
  },
};
