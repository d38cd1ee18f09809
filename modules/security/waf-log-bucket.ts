import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { wafLogDestinationKey } from './waf-log-destination';

export interface WafLogBucketProps {
  /** Bucket name; must start with `aws-waf-logs-` (lib/naming.ts wafLogDestinationName). */
  readonly bucketName: string;
  /** The Firewall Manager administrator account that owns the bucket. */
  readonly accountId: string;
  /** Only web ACLs of accounts in this organization may deliver logs. */
  readonly organizationId: string;
  /** Days before log objects expire. */
  readonly retentionDays: number;
  /** Provider of the bucket's region (us-east-1 for CloudFront web ACLs).
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * Central destination of the WAF logs of every web ACL Firewall Manager manages: private, versioned,
 * KMS-encrypted, TLS-only, and writable only by the log delivery service for accounts of the organization.
 */
export class WafLogBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: WafLogBucketProps) {
    super(scope, id);
    const { provider } = props;
    const fromOrganization = { test: 'StringEquals', variable: 'aws:SourceOrgID', values: [props.organizationId] };

    const key = wafLogDestinationKey(this, {
      destinationName: props.bucketName,
      kind: 'log bucket',
      accountId: props.accountId,
      provider,
      serviceUse: { servicePrincipal: 'delivery.logs.amazonaws.com', actions: ['kms:GenerateDataKey', 'kms:Decrypt'], conditions: [fromOrganization] },
    });
    this.bucket = new S3Bucket(this, 'Resource', { provider, bucket: props.bucketName });
    this.arn = this.bucket.arn;
    new S3BucketPublicAccessBlock(this, 'PublicAccessBlock', {
      provider,
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'Ownership', { provider, bucket: this.bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketVersioningA(this, 'Versioning', { provider, bucket: this.bucket.id, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'Encryption', {
      provider,
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
    });
    new S3BucketLifecycleConfiguration(this, 'Lifecycle', {
      provider,
      bucket: this.bucket.id,
      rule: [
        {
          id: 'expire-waf-logs',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          expiration: [{ days: props.retentionDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });

    const policy = new DataAwsIamPolicyDocument(this, 'Policy', {
      provider,
      statement: [
        {
          sid: 'LogDeliveryWrite',
          principals: [{ type: 'Service', identifiers: ['delivery.logs.amazonaws.com'] }],
          actions: ['s3:PutObject'],
          resources: [`${this.bucket.arn}/AWSLogs/*`],
          condition: [fromOrganization],
        },
        {
          sid: 'LogDeliveryAclCheck',
          principals: [{ type: 'Service', identifiers: ['delivery.logs.amazonaws.com'] }],
          actions: ['s3:GetBucketAcl', 's3:ListBucket'],
          resources: [this.bucket.arn],
          condition: [fromOrganization],
        },
        {
          sid: 'DenyInsecureTransport',
          effect: 'Deny',
          principals: [{ type: '*', identifiers: ['*'] }],
          actions: ['s3:*'],
          resources: [this.bucket.arn, `${this.bucket.arn}/*`],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
      ],
    });
    new S3BucketPolicy(this, 'BucketPolicy', { provider, bucket: this.bucket.id, policy: policy.json });
  }
}
