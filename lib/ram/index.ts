/**
 * Reading and remediating AWS RAM shares, shared by the RAM share auditor (lambdas/ram-share-auditor) and the
 * onboarding tool's `status` command, so both see associations the same way.
 *
 *   const client = createRamClient('ap-southeast-1');
 *   const { principals, resources } = await listShareAssociations(client, shareArn);
 *   principals.filter((p) => !isAssociated(p));  // ASSOCIATING, FAILED, ...
 *
 * Failures are typed: RamAccessDeniedError, RamShareNotFoundError, RamThrottledError (after retries), RamRequestError.
 */
export { createRamClient } from './client';
export { disassociatePrincipals, type DisassociationResult } from './disassociate';
export { RamAccessDeniedError, RamError, RamRequestError, RamShareNotFoundError, RamThrottledError, type RamOperation } from './errors';
export { DEFAULT_RETRY, type RetryOptions } from './retry';
export { describeShare, type ShareSummary } from './share';
export {
  isAssociated,
  listShareAssociations,
  type AssociationStatus,
  type ListShareAssociationsOptions,
  type ShareAssociation,
  type ShareAssociations,
} from './share-associations';
