import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatementCondition } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

/**
 * What the account's own administrators may do with the key, named action by action: key policies are
 * resource policies, and a wildcard here would outlive every review. PutKeyPolicy stays so the key can
 * never become unmanageable.
 */
export const KEY_ADMINISTRATION_ACTIONS = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:CreateGrant',
  'kms:Decrypt',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:DisableKey',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListGrants',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:RetireGrant',
  'kms:RevokeGrant',
  'kms:ScheduleKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
] as const;

/** An AWS service allowed to use the key, e.g. CloudWatch Logs encrypting a log group. */
export interface ServiceKeyUse {
  /** Service principal, e.g. `logs.us-east-1.amazonaws.com`. */
  readonly servicePrincipal: string;
  /** Exactly the KMS actions the service calls. */
  readonly actions: readonly string[];
  /** Conditions that pin the use to this account's resources.
   * @default - none */
  readonly conditions?: readonly DataAwsIamPolicyDocumentStatementCondition[];
}

export interface EncryptionKeyProps {
  /** `alias/<name>`, from lib/naming.ts. */
  readonly alias: string;
  /** What the key protects; shown in the KMS console. */
  readonly description: string;
  /** The account that owns and administers the key. */
  readonly accountId: string;
  /** Services that encrypt with the key. */
  readonly serviceUses: readonly ServiceKeyUse[];
  /** Provider of the region the key lives in.
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** A customer managed KMS key with yearly rotation and a key policy limited to named services and actions. */
export class EncryptionKey extends Construct {
  readonly key: KmsKey;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    const partition = new DataAwsPartition(this, 'Partition', { provider: props.provider });
    const policy = new DataAwsIamPolicyDocument(this, 'Policy', {
      provider: props.provider,
      statement: [
        {
          sid: 'AccountAdministration',
          principals: [{ type: 'AWS', identifiers: [`arn:${partition.partition}:iam::${props.accountId}:root`] }],
          actions: [...KEY_ADMINISTRATION_ACTIONS],
          resources: ['*'],
        },
        ...props.serviceUses.map((use, index) => ({
          sid: `ServiceUse${index}`,
          principals: [{ type: 'Service', identifiers: [use.servicePrincipal] }],
          actions: [...use.actions],
          resources: ['*'],
          condition: use.conditions ? [...use.conditions] : undefined,
        })),
      ],
    });
    this.key = new KmsKey(this, 'Resource', {
      provider: props.provider,
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policy.json,
    });
    new KmsAlias(this, 'Alias', { provider: props.provider, name: props.alias, targetKeyId: this.key.keyId });
    this.arn = this.key.arn;
  }
}
