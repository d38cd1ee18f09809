/** What the module reads from an SDK error (a `ServiceException`, or anything thrown by the transport). */
export interface AwsErrorFacts {
  readonly name?: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  readonly fault?: 'client' | 'server';
  readonly throttling: boolean;
}

const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

const ACCESS_DENIED_NAMES = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'OperationNotPermittedException']);
const NOT_FOUND_NAMES = new Set(['UnknownResourceException', 'ResourceArnNotFoundException', 'MalformedArnException']);
const TRANSIENT_NAMES = new Set(['ServiceUnavailableException', 'ServerInternalException', 'InternalFailure', 'RequestTimeout', 'RequestTimeoutException']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

export function awsErrorFacts(error: unknown): AwsErrorFacts {
  if (typeof error !== 'object' || error === null) return { throttling: false };
  const record = error as {
    name?: unknown;
    $fault?: unknown;
    $metadata?: { httpStatusCode?: unknown; requestId?: unknown };
    $retryable?: { throttling?: unknown };
  };
  const name = typeof record.name === 'string' ? record.name : undefined;
  const httpStatus = typeof record.$metadata?.httpStatusCode === 'number' ? record.$metadata.httpStatusCode : undefined;
  return {
    name,
    httpStatus,
    requestId: typeof record.$metadata?.requestId === 'string' ? record.$metadata.requestId : undefined,
    fault: record.$fault === 'client' || record.$fault === 'server' ? record.$fault : undefined,
    throttling: (name !== undefined && THROTTLING_NAMES.has(name)) || record.$retryable?.throttling === true || httpStatus === 429,
  };
}

export function isAccessDenied(facts: AwsErrorFacts): boolean {
  return (facts.name !== undefined && ACCESS_DENIED_NAMES.has(facts.name)) || (facts.httpStatus === 403 && !facts.throttling);
}

export function isNotFound(facts: AwsErrorFacts): boolean {
  return facts.name !== undefined && NOT_FOUND_NAMES.has(facts.name);
}

/** Worth another attempt: throttling, a server-side fault, or a dropped connection. */
export function isRetryable(facts: AwsErrorFacts, error: unknown): boolean {
  if (facts.throttling) return true;
  if (facts.name !== undefined && TRANSIENT_NAMES.has(facts.name)) return true;
  if (facts.fault === 'server' || (facts.httpStatus !== undefined && facts.httpStatus >= 500)) return true;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}
