import { DisassociateResourceShareCommand, type RAMClient } from '@aws-sdk/client-ram';
import { RamError } from './errors';
import { callRam, type RetryOptions } from './retry';

/** Outcome per principal: RAM accepted the removal (it then moves through DISASSOCIATING), or why not. */
export type DisassociationResult =
  | { readonly principal: string; readonly removed: true; readonly status?: string }
  | { readonly principal: string; readonly removed: false; readonly error: RamError };

/**
 * Removes principals from a share, one call per principal so one refusal does not hide the others. Never throws
 * for a principal's failure: each result says what happened. Idempotent: removing a principal twice is accepted by RAM.
 */
export async function disassociatePrincipals(
  client: RAMClient,
  shareArn: string,
  principals: readonly string[],
  options: RetryOptions = {},
): Promise<DisassociationResult[]> {
  const results: DisassociationResult[] = [];
  for (const principal of principals) {
    try {
      const response = await callRam(
        'DisassociateResourceShare',
        shareArn,
        () => client.send(new DisassociateResourceShareCommand({ resourceShareArn: shareArn, principals: [principal] })),
        options,
      );
      const status = response.resourceShareAssociations?.find((association) => association.associatedEntity === principal)?.status;
      results.push({ principal, removed: true, status });
    } catch (error) {
      if (!(error instanceof RamError)) throw error;
      results.push({ principal, removed: false, error });
    }
  }
  return results;
}
