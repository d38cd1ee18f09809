import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { partitionOf } from '../../lib/config/aws-regions';
import { EncryptionKey } from './encryption-key';

/** What CloudWatch Logs calls on the key of an encrypted log group (CloudWatch Logs user guide, "Encrypt log data in CloudWatch Logs using AWS KMS"). */
export const LOGS_KEY_ACTIONS = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
] as const;

export interface LogEncryptionKeyProps {
  /** `alias/<name>`, from lib/naming.ts logKeyAlias. */
  readonly alias: string;
  /** Account of the key and of the log groups it encrypts. */
  readonly accountId: string;
  /** Region of the log groups (a key serves log groups of its own region only). */
  readonly region: string;
  /** What the key's log groups hold; shown in the KMS console. */
  readonly description: string;
  /** Provider of `region` in `accountId`.
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * The customer managed key of the log groups of one stack (decision 0016-log-encryption): yearly rotation, and CloudWatch
 * Logs may use it only for log groups of this account and region (the encryption context names the log group, so the
 * service cannot be made to use the key for another account's group).
 */
export class LogEncryptionKey extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: LogEncryptionKeyProps) {
    super(scope, id);
    const partition = partitionOf(props.region);
    const dnsSuffix = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
    const key = new EncryptionKey(this, 'Key', {
      alias: props.alias,
      description: props.description,
      accountId: props.accountId,
      provider: props.provider,
      serviceUses: [
        {
          servicePrincipal: `logs.${props.region}.${dnsSuffix}`,
          actions: [...LOGS_KEY_ACTIONS],
          conditions: [
            {
              test: 'ArnLike',
              variable: 'kms:EncryptionContext:aws:logs:arn',
              values: [`arn:${partition}:logs:${props.region}:${props.accountId}:log-group:*`],
            },
          ],
        },
      ],
    });
    this.arn = key.arn;
  }
}
