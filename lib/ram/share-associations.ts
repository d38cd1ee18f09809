import { GetResourceShareAssociationsCommand, type RAMClient, type ResourceShareAssociation } from '@aws-sdk/client-ram';
import { RamRequestError } from './errors';
import { callRam, type RetryOptions } from './retry';

/** RAM's association states. Only `ASSOCIATED` means the principal can use the share (or the resource is in it). */
export type AssociationStatus = 'ASSOCIATING' | 'ASSOCIATED' | 'FAILED' | 'DISASSOCIATING' | 'DISASSOCIATED' | 'RESTORING' | 'SUSPENDED' | 'SUSPENDING';

/** One principal or resource of a share, as RAM reports it. */
export interface ShareAssociation {
  /** Account id, organization or OU ARN, IAM role/user ARN or service principal (principals); resource ARN (resources). */
  readonly entity: string;
  readonly status: AssociationStatus;
  /** Why RAM put the association in its state (set for FAILED ones). */
  readonly statusMessage?: string;
  /** Whether the principal is outside the share owner's organization. */
  readonly external: boolean;
  readonly createdAt?: Date;
  readonly updatedAt?: Date;
}

/** Everything associated with one share, read in full (every page). */
export interface ShareAssociations {
  readonly shareArn: string;
  /** Principals in any state except DISASSOCIATED (RAM keeps those for a while; they grant nothing). */
  readonly principals: readonly ShareAssociation[];
  /** Resources in any state except DISASSOCIATED. */
  readonly resources: readonly ShareAssociation[];
}

export interface ListShareAssociationsOptions extends RetryOptions {
  /** Page size asked of RAM (1-500).
   * @default 100 */
  readonly pageSize?: number;
  /** Refuse to read more pages than this; guards against a pagination loop.
   * @default 1000 */
  readonly maxPages?: number;
  /** Keep DISASSOCIATED entries (history) instead of dropping them.
   * @default false */
  readonly includeDisassociated?: boolean;
}

/** Whether the association is in force: `ASSOCIATED`. */
export function isAssociated(association: ShareAssociation): boolean {
  return association.status === 'ASSOCIATED';
}

/**
 * Reads the principals and resources of a share owned by the caller's account, following every page, with
 * throttling retried and failures turned into typed errors (RamAccessDeniedError, RamShareNotFoundError,
 * RamThrottledError, RamRequestError from ./errors).
 *
 * @param client a RAMClient in the share's region; create it with `createRamClient` so retries happen once, here
 * @param shareArn the share's ARN, e.g. `arn:aws:ram:ap-southeast-1:444455558888:resource-share/…`
 */
export async function listShareAssociations(client: RAMClient, shareArn: string, options: ListShareAssociationsOptions = {}): Promise<ShareAssociations> {
  // One type after the other rather than in parallel: RAM's request rate per account is low.
  const principals = await listOfType(client, shareArn, 'PRINCIPAL', options);
  const resources = await listOfType(client, shareArn, 'RESOURCE', options);
  return { shareArn, principals, resources };
}

async function listOfType(
  client: RAMClient,
  shareArn: string,
  associationType: 'PRINCIPAL' | 'RESOURCE',
  options: ListShareAssociationsOptions,
): Promise<ShareAssociation[]> {
  const maxPages = options.maxPages ?? 1000;
  const seenTokens = new Set<string>();
  const found: ShareAssociation[] = [];
  let nextToken: string | undefined;
  for (let page = 1; ; page += 1) {
    const response = await callRam(
      'GetResourceShareAssociations',
      shareArn,
      () =>
        client.send(
          new GetResourceShareAssociationsCommand({ associationType, resourceShareArns: [shareArn], maxResults: options.pageSize ?? 100, nextToken }),
        ),
      options,
    );
    for (const raw of response.resourceShareAssociations ?? []) {
      // The filter is by share ARN already; a foreign entry would mean RAM ignored it, so it is not counted.
      if (raw.resourceShareArn !== undefined && raw.resourceShareArn !== shareArn) continue;
      const association = toAssociation(raw);
      if (association && (options.includeDisassociated || association.status !== 'DISASSOCIATED')) found.push(association);
    }
    nextToken = response.nextToken || undefined;
    if (nextToken === undefined) return found;
    if (seenTokens.has(nextToken) || page >= maxPages) {
      throw new RamRequestError(
        `GetResourceShareAssociations on ${shareArn}: pagination did not end after ${page} page(s) (${seenTokens.has(nextToken) ? 'a page token repeated' : `maxPages ${maxPages} reached`})`,
        { operation: 'GetResourceShareAssociations', shareArn, attempts: page },
      );
    }
    seenTokens.add(nextToken);
  }
}

function toAssociation(raw: ResourceShareAssociation): ShareAssociation | undefined {
  if (!raw.associatedEntity || !raw.status) return undefined;
  return {
    entity: raw.associatedEntity,
    status: raw.status as AssociationStatus,
    statusMessage: raw.statusMessage || undefined,
    external: raw.external === true,
    createdAt: raw.creationTime,
    updatedAt: raw.lastUpdatedTime,
  };
}
