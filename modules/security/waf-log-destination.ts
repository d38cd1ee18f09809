import { Token, type TerraformProvider } from 'cdktf';
import type { Construct } from 'constructs';
import { EncryptionKey, type ServiceKeyUse } from './encryption-key';

/** AWS WAF delivers logs only to destinations (bucket, log group, stream) whose name starts with this. */
const WAF_LOG_DESTINATION_PREFIX = 'aws-waf-logs-';

export interface WafLogDestinationKeyProps {
  /** Name of the bucket or log group, from lib/naming.ts wafLogDestinationName. */
  readonly destinationName: string;
  /** What the destination is, for the error and the key description. */
  readonly kind: 'log bucket' | 'log group';
  /** Account that owns the destination and its key. */
  readonly accountId: string;
  /** The delivering service and the conditions that pin it to this destination. */
  readonly serviceUse: ServiceKeyUse;
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * What every WAF log destination starts with: a name AWS WAF accepts (checked here, at synth, rather than by a
 * failed apply) and its own customer-managed key as `Key` under `owner`.
 */
export function wafLogDestinationKey(owner: Construct, props: WafLogDestinationKeyProps): EncryptionKey {
  const { destinationName } = props;
  if (!Token.isUnresolved(destinationName) && !destinationName.startsWith(WAF_LOG_DESTINATION_PREFIX)) {
    const field = props.kind === 'log bucket' ? 'bucketName' : 'logGroupName';
    throw new Error(`${field} must start with "${WAF_LOG_DESTINATION_PREFIX}" or AWS WAF rejects it, got "${destinationName}"`);
  }
  return new EncryptionKey(owner, 'Key', {
    // Alias names starting with alias/aws are reserved for AWS managed keys.
    alias: `alias/${destinationName.replace(/^aws-/, '')}`,
    description: `Encrypts the WAF ${props.kind} ${destinationName}`,
    accountId: props.accountId,
    provider: props.provider,
    serviceUses: [props.serviceUse],
  });
}
