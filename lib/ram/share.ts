import { GetResourceSharesCommand, type RAMClient } from '@aws-sdk/client-ram';
import { RamShareNotFoundError } from './errors';
import { callRam, type RetryOptions } from './retry';

/** The share itself: its state and whether it admits principals outside the organization. */
export interface ShareSummary {
  readonly shareArn: string;
  readonly name: string;
  /** RAM's share state: ACTIVE, PENDING, FAILED, DELETING or DELETED. */
  readonly status: string;
  readonly statusMessage?: string;
  readonly allowExternalPrincipals: boolean;
  readonly owningAccountId?: string;
}

/** Reads one share owned by the caller's account; throws RamShareNotFoundError when RAM does not return it. */
export async function describeShare(client: RAMClient, shareArn: string, options: RetryOptions = {}): Promise<ShareSummary> {
  const response = await callRam(
    'GetResourceShares',
    shareArn,
    () => client.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [shareArn] })),
    options,
  );
  const share = response.resourceShares?.find((candidate) => candidate.resourceShareArn === shareArn);
  if (!share) {
    throw new RamShareNotFoundError(
      `GetResourceShares: share ${shareArn} is not owned by this account in this region; check the share ARN and the client's region and account`,
      {
        operation: 'GetResourceShares',
        shareArn,
        attempts: 1,
      },
    );
  }
  return {
    shareArn,
    name: share.name ?? '',
    status: share.status ?? 'UNKNOWN',
    statusMessage: share.statusMessage || undefined,
    allowExternalPrincipals: share.allowExternalPrincipals === true,
    owningAccountId: share.owningAccountId,
  };
}
