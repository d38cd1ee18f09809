/**
 * Typed errors of the RAM module. Every failure of a RAM call ends up as one of these, so callers (the share
 * auditor, the onboarding `status` command) branch on the class, not on SDK error names, and print a message
 * that says which call failed on which share and what to do about it.
 */

/** The RAM operations this module calls. */
export type RamOperation = 'GetResourceShareAssociations' | 'GetResourceShares' | 'DisassociateResourceShare';

export interface RamErrorDetails {
  /** The RAM API call that failed. */
  readonly operation: RamOperation;
  /** The share the call was about. */
  readonly shareArn: string;
  /** The AWS error name, e.g. `AccessDeniedException`; `undefined` for network failures without one. */
  readonly awsErrorName?: string;
  /** The AWS request id, for a support case. */
  readonly requestId?: string;
  /** Attempts made, retries included. */
  readonly attempts: number;
  /** The original error. */
  readonly cause?: unknown;
}

/** Base class: every error this module throws. */
export class RamError extends Error {
  readonly operation: RamOperation;
  readonly shareArn: string;
  readonly awsErrorName?: string;
  readonly requestId?: string;
  readonly attempts: number;

  constructor(message: string, details: RamErrorDetails) {
    super(message, { cause: details.cause });
    this.name = new.target.name;
    this.operation = details.operation;
    this.shareArn = details.shareArn;
    this.awsErrorName = details.awsErrorName;
    this.requestId = details.requestId;
    this.attempts = details.attempts;
  }
}

/** The caller's role may not make the call on this share (IAM or RAM refused it). Never retried. */
export class RamAccessDeniedError extends RamError {}

/** The share does not exist in this account and region, or its ARN is malformed. Never retried. */
export class RamShareNotFoundError extends RamError {}

/** RAM kept throttling the call until the retry budget was spent. */
export class RamThrottledError extends RamError {}

/** Any other failure: RAM rejected the request, a server error outlasted the retries, or the network failed. */
export class RamRequestError extends RamError {}
