import { createHash } from 'node:crypto';
import { Token } from 'cdktf';
import type { IConstruct } from 'constructs';
import { partitionOf } from './config/aws-regions';
import { isOfflineSynthesis } from './synthesis-mode';

/**
 * Cross-stack inputs that still plan offline.
 *
 * A token from another stack makes cdktf add an output to the producer and a `terraform_remote_state`
 * data source to the consumer. An offline `terraform plan` (no credentials, local backends, nothing
 * applied) cannot read the producer's state, so the consumer would not plan. Every value that crosses
 * a stack boundary therefore goes through `crossStackValue`: in deploy mode it returns the producer's
 * token unchanged (cdktf wires the remote state as usual); in offline mode it returns a literal
 * placeholder of the same shape, and no remote state is created. See docs/decisions/0001-cross-stack-offline.md.
 */

/** Values that may cross a stack boundary: what Terraform outputs carry for ids, ARNs and lists of them. */
export type CrossStackValue = string | number | boolean | string[];

/**
 * The producer's value in deploy mode, `offlinePlaceholder` in offline mode.
 * @param consumer any construct in the consuming stack (decides the mode through the app context)
 * @param produced the producer's attribute, e.g. `network.transitGateway.id`
 * @param offlinePlaceholder a literal of the same shape, e.g. `placeholderId('tgw', 'dev-network/transit-gateway')`
 */
export function crossStackValue<T extends CrossStackValue>(consumer: IConstruct, produced: T, offlinePlaceholder: T): T {
  if (Token.isUnresolved(offlinePlaceholder) || (Array.isArray(offlinePlaceholder) && offlinePlaceholder.some((item) => Token.isUnresolved(item)))) {
    throw new Error(
      `crossStackValue at ${consumer.node.path}: offlinePlaceholder must be a literal (it replaces the producer's token in offline plans), got a token; use placeholderId() or placeholderArn()`,
    );
  }
  return isOfflineSynthesis(consumer) ? offlinePlaceholder : produced;
}

/**
 * A deterministic resource id for offline plans, derived from `seed` so the same input plans the same way every time.
 * With a prefix: EC2 style `<prefix>-<17 hex>` (e.g. `tgw-…`, `vpce-…`); without: API Gateway style, 10 lowercase alphanumerics.
 */
export function placeholderId(prefix: string | undefined, seed: string): string {
  const digest = createHash('sha256').update(seed).digest('hex');
  return prefix ? `${prefix}-${digest.slice(0, 17)}` : digest.slice(0, 10);
}

/** A UUID-shaped identifier derived from `seed`, for ids that AWS writes as UUIDs (RAM share ARNs end in one). */
export function placeholderUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface PlaceholderArnParts {
  /** Service namespace, e.g. `apigateway`, `ec2`, `acm`. */
  readonly service: string;
  /** Region of the producer; the partition is derived from it. Empty for global services such as IAM. */
  readonly region: string;
  /** The producer's 12-digit account id. Empty for services whose ARNs carry none (S3 buckets). */
  readonly accountId: string;
  /** Resource part, e.g. `/domainnames/api.internal.dev.example.com+abc123` or `transit-gateway/tgw-…`. */
  readonly resource: string;
}

/** An ARN of the producer's real partition, region and account, so provider-side ARN validation accepts it. */
export function placeholderArn(parts: PlaceholderArnParts): string {
  const partition = partitionOf(parts.region || 'us-east-1');
  return `arn:${partition}:${parts.service}:${parts.region}:${parts.accountId}:${parts.resource}`;
}
