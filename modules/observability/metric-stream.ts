import { CloudwatchMetricStream } from '@cdktf/provider-aws/lib/cloudwatch-metric-stream';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { partitionOf } from '../../lib/config/aws-regions';
import { resourceName } from '../../lib/naming';

export interface MetricStreamProps {
  readonly environment: string;
  readonly accountId: string;
  /** Region of the stream, for the source ARNs the delivery roles trust. */
  readonly region: string;
  /** HTTPS endpoint of the APM tool. */
  readonly endpointUrl: string;
  /** Secrets Manager secret holding the endpoint's access key; Firehose reads it, the key never enters Terraform. */
  readonly accessKeySecretArn: string;
  /** Days a refused batch stays in the failed-delivery bucket (a lifecycle rule expires it, UAG-BUCKET-003). */
  readonly failedDeliveryRetentionDays: number;
}

/**
 * CloudWatch metric stream of the API Gateway namespace to an APM tool (e.g. Dynatrace) over Firehose's HTTP
 * endpoint destination. Records the endpoint refuses land in a private, encrypted bucket.
 */
export class MetricStream extends Construct {
  constructor(scope: Construct, id: string, props: MetricStreamProps) {
    super(scope, id);
    const name = resourceName(props.environment, 'api-metrics');
    const partition = partitionOf(props.region);
    // Confused-deputy guard (UAG-IAM-004): each service may assume its role only for this stream of this account.
    const actingFor = (sourceArn: string) => [
      { test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] },
      { test: 'ArnLike', variable: 'aws:SourceArn', values: [sourceArn] },
    ];

    const failed = new S3Bucket(this, 'FailedDeliveries', { bucketPrefix: `${name}-failed-` });
    new S3BucketPublicAccessBlock(this, 'FailedDeliveriesPublicAccess', {
      bucket: failed.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'FailedDeliveriesEncryption', {
      bucket: failed.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' } }],
    });
    // Issue 16 (FSBP S3.5, S3.14, checkov): versioned against overwrites, refused batches expire instead of piling up
    // forever, and the bucket refuses plain HTTP.
    new S3BucketVersioningA(this, 'FailedDeliveriesVersioning', { bucket: failed.id, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketLifecycleConfiguration(this, 'FailedDeliveriesLifecycle', {
      bucket: failed.id,
      rule: [
        {
          id: 'expire-failed-deliveries',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          expiration: [{ days: props.failedDeliveryRetentionDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: 7 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
      ],
    });
    const tlsOnly = new DataAwsIamPolicyDocument(this, 'FailedDeliveriesPolicy', {
      statement: [
        {
          sid: 'DenyInsecureTransport',
          effect: 'Deny',
          principals: [{ type: '*', identifiers: ['*'] }],
          actions: ['s3:*'],
          resources: [failed.arn, `${failed.arn}/*`],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
      ],
    });
    new S3BucketPolicy(this, 'FailedDeliveriesBucketPolicy', { bucket: failed.id, policy: tlsOnly.json });

    const firehoseTrust = new DataAwsIamPolicyDocument(this, 'FirehoseTrust', {
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['firehose.amazonaws.com'] }],
          condition: actingFor(`arn:${partition}:firehose:${props.region}:${props.accountId}:deliverystream/${name}`),
        },
      ],
    });
    const firehoseRole = new IamRole(this, 'FirehoseRole', { name: `${name}-firehose`, assumeRolePolicy: firehoseTrust.json });
    const firehosePolicy = new DataAwsIamPolicyDocument(this, 'FirehosePolicy', {
      statement: [
        { actions: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:ListBucket', 's3:PutObject'], resources: [failed.arn, `${failed.arn}/*`] },
        { actions: ['secretsmanager:GetSecretValue'], resources: [props.accessKeySecretArn] },
      ],
    });
    new IamRolePolicy(this, 'FirehoseRolePolicy', { role: firehoseRole.id, name: 'deliver-metrics', policy: firehosePolicy.json });

    const stream = new KinesisFirehoseDeliveryStream(this, 'DeliveryStream', {
      name,
      destination: 'http_endpoint',
      serverSideEncryption: { enabled: true, keyType: 'AWS_OWNED_CMK' },
      httpEndpointConfiguration: {
        url: props.endpointUrl,
        name: 'apm',
        roleArn: firehoseRole.arn,
        secretsManagerConfiguration: { enabled: true, secretArn: props.accessKeySecretArn, roleArn: firehoseRole.arn },
        s3BackupMode: 'FailedDataOnly',
        s3Configuration: { roleArn: firehoseRole.arn, bucketArn: failed.arn },
        requestConfiguration: { contentEncoding: 'GZIP' },
        bufferingInterval: 60,
        bufferingSize: 1,
        retryDuration: 300,
      },
    });

    const streamTrust = new DataAwsIamPolicyDocument(this, 'StreamTrust', {
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['streams.metrics.cloudwatch.amazonaws.com'] }],
          condition: actingFor(`arn:${partition}:cloudwatch:${props.region}:${props.accountId}:metric-stream/${name}`),
        },
      ],
    });
    const streamRole = new IamRole(this, 'StreamRole', { name: `${name}-stream`, assumeRolePolicy: streamTrust.json });
    const streamPolicy = new DataAwsIamPolicyDocument(this, 'StreamPolicy', {
      statement: [{ actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], resources: [stream.arn] }],
    });
    new IamRolePolicy(this, 'StreamRolePolicy', { role: streamRole.id, name: 'put-metrics', policy: streamPolicy.json });
    new CloudwatchMetricStream(this, 'Resource', {
      name,
      roleArn: streamRole.arn,
      firehoseArn: stream.arn,
      outputFormat: 'opentelemetry1.0',
      includeFilter: [{ namespace: 'AWS/ApiGateway' }],
    });
  }
}
