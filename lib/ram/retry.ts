import { awsErrorFacts, isAccessDenied, isNotFound, isRetryable } from './aws-error';
import { RamAccessDeniedError, RamRequestError, RamShareNotFoundError, RamThrottledError, type RamError, type RamOperation } from './errors';

/** How RAM calls are retried. RAM's per-account request rate is low, so a scan of many pages can be throttled. */
export interface RetryOptions {
  /** Attempts per call, the first included (1 disables retries).
   * @default 6 */
  readonly maxAttempts?: number;
  /** Base of the exponential backoff in milliseconds; attempt n waits a random time up to base * 2^(n-1), capped.
   * @default 200 */
  readonly baseDelayMs?: number;
  /** Upper bound of one wait in milliseconds.
   * @default 5000 */
  readonly maxDelayMs?: number;
  /** How to wait; tests pass a fake that records the delays instead of sleeping.
   * @default - setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Source of randomness for the jitter, in [0, 1).
   * @default Math.random */
  readonly random?: () => number;
  /** Told about each retry, e.g. to log it.
   * @default - nothing */
  readonly onRetry?: (retry: { operation: RamOperation; attempt: number; delayMs: number; errorName?: string }) => void;
}

export const DEFAULT_RETRY = { maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 5000 } as const;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one RAM call with retries on throttling and transient faults (exponential backoff, full jitter) and
 * turns every failure into a typed RamError. Access denied and unknown shares fail at once: retrying cannot fix them.
 */
export async function callRam<T>(operation: RamOperation, shareArn: string, call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_RETRY.maxAttempts);
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const facts = awsErrorFacts(error);
      const retryable = !isAccessDenied(facts) && !isNotFound(facts) && isRetryable(facts, error);
      if (!retryable || attempt >= maxAttempts) throw toRamError(operation, shareArn, error, attempt);
      const delayMs = Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));
      options.onRetry?.({ operation, attempt, delayMs, errorName: facts.name });
      await sleep(delayMs);
    }
  }
}

export function toRamError(operation: RamOperation, shareArn: string, error: unknown, attempts: number): RamError {
  const facts = awsErrorFacts(error);
  const details = { operation, shareArn, awsErrorName: facts.name, requestId: facts.requestId, attempts, cause: error };
  const reason = error instanceof Error ? error.message : String(error);
  if (isAccessDenied(facts)) {
    return new RamAccessDeniedError(
      `${operation} on ${shareArn} was denied (${facts.name ?? `HTTP ${facts.httpStatus}`}: ${reason}); grant the caller's role ram:${operation} on this share ARN`,
      details,
    );
  }
  if (isNotFound(facts)) {
    return new RamShareNotFoundError(
      `${operation}: share ${shareArn} does not exist in this account and region (${facts.name}: ${reason}); check the share ARN and the region of the client`,
      details,
    );
  }
  if (facts.throttling) {
    return new RamThrottledError(
      `${operation} on ${shareArn} was still throttled after ${attempts} attempts (${facts.name ?? 'HTTP 429'}); run again later or lower the call rate`,
      details,
    );
  }
  return new RamRequestError(`${operation} on ${shareArn} failed after ${attempts} attempt(s): ${facts.name ? `${facts.name}: ` : ''}${reason}`, details);
}
