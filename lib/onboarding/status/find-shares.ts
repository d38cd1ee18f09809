import { GetResourceSharesCommand, type RAMClient } from '@aws-sdk/client-ram';
import { callRam, type RetryOptions } from '../../ram/retry';
import type { ShareSummary } from '../../ram/share';

/** States of a share that no longer exists; RAM lists them for a while after deletion. */
const GONE = new Set(['DELETING', 'DELETED']);

/**
 * The share owned by the caller's account with this name, or undefined when there is none (not deployed yet).
 * RAM names are not unique; more than one live share with the name means someone created one by hand.
 */
export async function findShareByName(client: RAMClient, name: string, options: RetryOptions = {}): Promise<ShareSummary | undefined> {
  const found: ShareSummary[] = [];
  let nextToken: string | undefined;
  do {
    const response = await callRam(
      'GetResourceShares',
      name,
      () => client.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name, nextToken })),
      options,
    );
    for (const share of response.resourceShares ?? []) {
      if (share.name !== name || !share.resourceShareArn || GONE.has(share.status ?? '')) continue;
      found.push({
        shareArn: share.resourceShareArn,
        name,
        status: share.status ?? 'UNKNOWN',
        statusMessage: share.statusMessage || undefined,
        allowExternalPrincipals: share.allowExternalPrincipals === true,
        owningAccountId: share.owningAccountId,
      });
    }
    nextToken = response.nextToken || undefined;
  } while (nextToken);
  if (found.length > 1) {
    throw new Error(
      `${found.length} RAM shares are named ${name} (${found.map((share) => share.shareArn).join(', ')}); the gateway stack creates one, delete the others`,
    );
  }
  return found[0];
}
