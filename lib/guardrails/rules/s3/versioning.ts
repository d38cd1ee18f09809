import { compliantIf, type ResourceRule } from '../../rule';
import { block } from '../../values';
import { bucketConfigurations } from './bucket-resources';

export const bucketVersioning: ResourceRule = {
  id: 'UAG-BUCKET-002',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_s3_bucket'],
  what: 'Every bucket has versioning enabled (aws_s3_bucket_versioning status "Enabled").',
  why:
    'Without versioning an overwrite or a delete by a compromised role is final: WAF logs and failed deliveries are evidence ' +
    'after an incident. Versioning keeps the previous object until the lifecycle rule expires it.',
  fix: 'Add aws_s3_bucket_versioning { bucket = aws_s3_bucket.<name>.id, versioning_configuration { status = "Enabled" } } and expire noncurrent versions in the lifecycle rule.',
  check: (bucket, stack) =>
    compliantIf(
      bucketConfigurations(bucket, stack, 'aws_s3_bucket_versioning').some(({ values }) => block(values.versioning_configuration)?.status === 'Enabled'),
      'no aws_s3_bucket_versioning with status "Enabled" refers to this bucket',
    ),
};
