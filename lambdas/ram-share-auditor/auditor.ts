import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { RAMClient } from '@aws-sdk/client-ram';
import { disassociatePrincipals, listShareAssociations, RamAccessDeniedError, RamError, type RetryOptions, type ShareAssociations } from '../../lib/ram';
import type { AccessMatrix, ExpectedShare } from './access-matrix';
import { compareShare, type ShareDrift } from './compare';
import type { Logger } from './log';
import type { AuditCounts } from './metric-names';
import { publishCounts, zeroCounts } from './metrics';

export interface ShareAuditorOptions {
  readonly matrix: AccessMatrix;
  /** Share ARNs by the matrix's share keys. */
  readonly shareArns: ReadonlyMap<string, string>;
  /** The private domain: the one resource each share must carry. */
  readonly domainArn: string;
  readonly ram: RAMClient;
  readonly cloudwatch: CloudWatchClient;
  readonly log: Logger;
  /** Retries of RAM calls (tests pass a sleep that does not wait).
   * @default - lib/ram defaults */
  readonly retry?: RetryOptions;
  /** Clock for metric timestamps.
   * @default - the system clock */
  readonly now?: () => Date;
}

export type ShareOutcome =
  | { readonly share: string; readonly result: 'audited'; readonly drift: ShareDrift; readonly removed: readonly string[] }
  | { readonly share: string; readonly result: 'access-denied' | 'failed'; readonly error: string };

export interface AuditSummary {
  readonly environment: string;
  readonly remediation: boolean;
  readonly counts: AuditCounts;
  readonly shares: readonly ShareOutcome[];
  /** False when the metrics could not be published (the alarm then sees missing data). */
  readonly metricsPublished: boolean;
}

/**
 * Compares the RAM shares of the private domain with the access matrix bundled at synth time, logs every difference
 * with the consumer it concerns, optionally disassociates unexpected principals, and publishes the counts. It never
 * throws: a failure becomes a metric and an error log line, so one bad call cannot hide the rest of the audit.
 */
export function createShareAuditor(options: ShareAuditorOptions): { run(): Promise<AuditSummary> } {
  const { matrix, log } = options;
  const consumersByAccount = new Map<string, string[]>();
  for (const consumer of matrix.consumers)
    consumersByAccount.set(consumer.accountId, [...(consumersByAccount.get(consumer.accountId) ?? []), consumer.consumer]);
  const who = (principal: string): string => consumersByAccount.get(principal)?.join(', ') ?? 'not a declared consumer';

  const auditOne = async (share: ExpectedShare, counts: AuditCounts): Promise<ShareOutcome> => {
    const shareArn = options.shareArns.get(share.key);
    if (shareArn === undefined) {
      counts.AuditErrors += 1;
      log('error', 'share ARN missing from SHARE_ARNS', { share: share.name, key: share.key });
      return { share: share.name, result: 'failed', error: `no ARN for share key ${share.key}` };
    }
    let observed: ShareAssociations;
    try {
      observed = await listShareAssociations(options.ram, shareArn, options.retry);
    } catch (error) {
      return failure(share, shareArn, error, counts);
    }

    const drift = compareShare(observed, share.principals, options.domainArn);
    counts.UnexpectedPrincipals += drift.unexpectedPrincipals.length;
    counts.MissingPrincipals += drift.missingPrincipals.length;
    counts.AssociationsNotActive += drift.notActive.length;
    counts.UnexpectedResources += drift.unexpectedResources.length;
    counts.MissingResources += drift.missingResources.length;
    for (const principal of drift.missingPrincipals) {
      log('warn', 'declared consumer account is not a principal of the share', {
        share: share.name,
        principal,
        consumers: who(principal),
        fix: 'apply the gateway stack; the principal association is managed by Terraform',
      });
    }
    for (const entry of drift.notActive) {
      log('warn', 'association is not active', {
        share: share.name,
        entity: entry.entity,
        status: entry.status,
        statusMessage: entry.statusMessage,
        consumers: who(entry.entity),
      });
    }
    for (const resource of drift.unexpectedResources)
      log('warn', 'unexpected resource on the share', {
        share: share.name,
        resource,
        fix: 'remove it from the share; the private domain is its only resource',
      });
    for (const resource of drift.missingResources)
      log('warn', 'private domain is not on the share', { share: share.name, resource, fix: 'apply the gateway stack' });

    const removed: string[] = [];
    if (drift.unexpectedPrincipals.length > 0 && !matrix.remediation) {
      for (const principal of drift.unexpectedPrincipals) {
        log('warn', 'unexpected principal on the share (remediation off: reported only)', {
          share: share.name,
          principal,
          fix: 'remove the principal, declare it as a consumer, or set privateDomain.shareAuditor.remediation: true',
        });
      }
    }
    if (drift.unexpectedPrincipals.length > 0 && matrix.remediation) {
      for (const outcome of await disassociatePrincipals(options.ram, shareArn, drift.unexpectedPrincipals, options.retry)) {
        if (outcome.removed) {
          removed.push(outcome.principal);
          counts.PrincipalsRemoved += 1;
          log('warn', 'unexpected principal disassociated from the share', { share: share.name, principal: outcome.principal, status: outcome.status });
        } else {
          counts.RemediationFailures += 1;
          if (outcome.error instanceof RamAccessDeniedError) counts.AccessDenied += 1;
          log('error', 'could not disassociate an unexpected principal', {
            share: share.name,
            principal: outcome.principal,
            error: outcome.error.message,
            awsError: outcome.error.awsErrorName,
          });
        }
      }
    }
    log('info', 'share audited', {
      share: share.name,
      principalsExpected: share.principals.length,
      principalsFound: observed.principals.length,
      unexpected: drift.unexpectedPrincipals,
      missing: drift.missingPrincipals,
      notActive: drift.notActive.length,
      removed,
    });
    return { share: share.name, result: 'audited', drift, removed };
  };

  const failure = (share: ExpectedShare, shareArn: string, error: unknown, counts: AuditCounts): ShareOutcome => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RamAccessDeniedError) {
      counts.AccessDenied += 1;
      log('error', 'access denied reading the share; the audit of this share did not run', {
        share: share.name,
        shareArn,
        error: message,
        awsError: error.awsErrorName,
        requestId: error.requestId,
      });
      return { share: share.name, result: 'access-denied', error: message };
    }
    counts.AuditErrors += 1;
    log('error', 'reading the share failed; the audit of this share did not run', {
      share: share.name,
      shareArn,
      error: message,
      errorType: error instanceof RamError ? error.name : 'unexpected',
      awsError: error instanceof RamError ? error.awsErrorName : undefined,
    });
    return { share: share.name, result: 'failed', error: message };
  };

  return {
    async run(): Promise<AuditSummary> {
      const counts = zeroCounts();
      const shares: ShareOutcome[] = [];
      for (const share of matrix.shares) {
        try {
          shares.push(await auditOne(share, counts));
        } catch (error) {
          // Nothing above should throw; if it does, the run still reports and publishes.
          shares.push(failure(share, options.shareArns.get(share.key) ?? '(unknown)', error, counts));
        }
      }
      let metricsPublished = true;
      try {
        await publishCounts(options.cloudwatch, matrix.metricNamespace, matrix.environment, counts, (options.now ?? (() => new Date()))());
      } catch (error) {
        metricsPublished = false;
        log('error', 'audit metrics could not be published; the drift alarm will see missing data', {
          error: error instanceof Error ? error.message : String(error),
          awsError: (error as { name?: string }).name,
        });
      }
      log('info', 'audit finished', { environment: matrix.environment, remediation: matrix.remediation, metricsPublished, ...counts });
      return { environment: matrix.environment, remediation: matrix.remediation, counts, shares, metricsPublished };
    },
  };
}
