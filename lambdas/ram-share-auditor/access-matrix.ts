import { isRecord } from '../../lib/records';
/**
 * `access-matrix.json`, written next to the handler at synth time from the environment's `consumers` (the access
 * matrix) and `privateDomain.shareAuditor`. The configuration was validated at synth; this check only guards against a
 * hand-edited or truncated bundle, so the function fails at init instead of auditing against nonsense.
 */

/** One RAM share of the private domain and the principals the access matrix expects on it. */
export interface ExpectedShare {
  /** Key of the share's ARN in the SHARE_ARNS environment variable: `organization` or `external`. */
  readonly key: string;
  /** Share name, for logs and metrics. */
  readonly name: string;
  /** 12-digit account ids that must be associated, and the only ones that may be. */
  readonly principals: readonly string[];
}

/** A consumer, so logs can say who a principal is. */
export interface MatrixConsumer {
  readonly consumer: string;
  readonly accountId: string;
  readonly inOrganization: boolean;
  readonly services: readonly string[];
}

export interface AccessMatrix {
  readonly version: 1;
  readonly environment: string;
  /** CloudWatch namespace of the audit metrics. */
  readonly metricNamespace: string;
  /** Disassociate unexpected principals (true) or only report them (false). */
  readonly remediation: boolean;
  readonly shares: readonly ExpectedShare[];
  readonly consumers: readonly MatrixConsumer[];
}

export function parseAccessMatrix(value: unknown): AccessMatrix {
  const fail = (message: string): never => {
    throw new Error(`access-matrix.json: ${message}`);
  };
  if (!isRecord(value)) return fail('expected an object');
  if (value.version !== 1) fail(`version must be 1, got ${JSON.stringify(value.version)}`);
  if (typeof value.environment !== 'string' || value.environment === '') fail('environment must be a non-empty string');
  if (typeof value.metricNamespace !== 'string' || !/^[A-Za-z0-9/_.#:-]{1,255}$/.test(value.metricNamespace))
    fail('metricNamespace must be a CloudWatch namespace');
  if (typeof value.remediation !== 'boolean') fail('remediation must be true or false');
  if (!Array.isArray(value.shares)) return fail('shares must be a list');
  value.shares.forEach((share: unknown, index) => {
    if (!isRecord(share)) return fail(`shares[${index}] must be an object`);
    if (typeof share.key !== 'string' || share.key === '') fail(`shares[${index}].key must be a non-empty string`);
    if (typeof share.name !== 'string' || share.name === '') fail(`shares[${index}].name must be a non-empty string`);
    if (!Array.isArray(share.principals) || !share.principals.every((principal) => typeof principal === 'string' && /^\d{12}$/.test(principal))) {
      fail(`shares[${index}].principals must be a list of 12-digit account ids`);
    }
  });
  if (!Array.isArray(value.consumers)) return fail('consumers must be a list');
  value.consumers.forEach((consumer: unknown, index) => {
    if (
      !isRecord(consumer) ||
      typeof consumer.consumer !== 'string' ||
      typeof consumer.accountId !== 'string' ||
      typeof consumer.inOrganization !== 'boolean' ||
      !Array.isArray(consumer.services)
    ) {
      fail(`consumers[${index}] must have consumer, accountId, inOrganization and services`);
    }
  });
  return value as unknown as AccessMatrix;
}

/** `{"organization": "arn:…", "external": "arn:…"}` from the SHARE_ARNS environment variable, checked against the matrix. */
export function parseShareArns(raw: string | undefined, matrix: AccessMatrix): ReadonlyMap<string, string> {
  if (raw === undefined || raw === '') throw new Error('SHARE_ARNS is not set; the deploying module passes the share ARNs as JSON');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('SHARE_ARNS is not JSON; expected {"<share key>": "<share ARN>"}');
  }
  if (!isRecord(parsed)) throw new Error('SHARE_ARNS must be a JSON object of share ARNs by key');
  const arns = new Map<string, string>();
  for (const share of matrix.shares) {
    const arn = parsed[share.key];
    if (typeof arn !== 'string' || !/^arn:aws[a-z-]*:ram:[a-z0-9-]+:\d{12}:resource-share\/[0-9a-f-]+$/.test(arn)) {
      throw new Error(`SHARE_ARNS.${share.key} must be the ARN of share ${share.name}, got ${JSON.stringify(arn)}`);
    }
    arns.set(share.key, arn);
  }
  return arns;
}
