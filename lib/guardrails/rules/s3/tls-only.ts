import { grantsToAnyone, hasConditionOn, readPolicy } from '../../policy-document';
import { compliantIf, type ResourceRule } from '../../rule';
import { bucketConfigurations } from './bucket-resources';

export const bucketTlsOnly: ResourceRule = {
  id: 'UAG-BUCKET-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_s3_bucket'],
  what: 'Every bucket has a bucket policy that denies requests without TLS (Deny "*" on s3:* when aws:SecureTransport is false).',
  why:
    'S3 accepts plain HTTP unless the bucket policy refuses it; a client or tool misconfigured to http:// would send WAF logs, ' +
    'failed metric batches and their credentials in clear text. Security Hub FSBP S3.5 requires the deny.',
  fix: 'Add aws_s3_bucket_policy with statement { effect = "Deny", principals = "*", actions = ["s3:*"], resources = [bucket, bucket/*], condition Bool aws:SecureTransport = false }.',
  check: (bucket, stack) => {
    const denies = bucketConfigurations(bucket, stack, 'aws_s3_bucket_policy').some(({ values }) => {
      const read = readPolicy(values.policy, stack);
      if (read.kind !== 'statements') return false;
      return read.statements.some(
        (statement) =>
          statement.effect === 'Deny' &&
          grantsToAnyone(statement) &&
          statement.actions.some((action) => action === 's3:*' || action === '*') &&
          hasConditionOn(statement, 'aws:SecureTransport', /^Bool$/),
      );
    });
    return compliantIf(denies, 'no bucket policy of this bucket denies aws:SecureTransport = false');
  },
};
