import { randomUUID } from 'node:crypto';
import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import { JwtVerifier } from 'aws-jwt-verify';
import {
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  ParameterValidationError,
} from 'aws-jwt-verify/error';
import { decomposeUnverifiedJwt, type DecomposedJwt } from 'aws-jwt-verify/jwt';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { bearerToken } from './bearer-token';
import { JwksUnavailableError, RefetchLimitedJwksCache } from './jwks-cache';
import { httpJwksFetcher, type JwksFetcher } from './jwks-fetcher';
import { silentLogger, type Logger, type LogLevel } from './log';
import { parseMethodArn, policy, routeResourceArn } from './policy';
import { findRoute, SERVICE_STAGE_VARIABLE, type RouteTable } from '../../lib/authorizer/route-table';
import { grantedScopes, satisfies } from './scopes';
import type { AuthorizerSettings, IssuerSettings } from './settings';

/** Tolerated clock difference between the identity provider and Lambda for `exp` and `nbf`. */
export const CLOCK_SKEW_SECONDS = 5;
/** At most one key-set download per issuer in this interval (see RefetchLimitedJwksCache). */
export const DEFAULT_MIN_REFETCH_INTERVAL_MS = 10_000;

export interface AuthorizerOptions {
  /** Trusted issuers from `issuers.json`. */
  readonly settings: AuthorizerSettings;
  /** Required scopes per service and route from `routes.json`. */
  readonly routes: RouteTable;
  /** How key sets are downloaded.
   * @default - the runtime's fetch, 2 s timeout, 64 KB limit */
  readonly fetchJwks?: JwksFetcher;
  /** Minimum time between two downloads of the same key set.
   * @default 10000 */
  readonly minRefetchIntervalMs?: number;
  /** Where decision logs go.
   * @default - nowhere */
  readonly log?: Logger;
  /** Clock for the refetch interval (token times are always checked against the real clock).
   * @default Date.now */
  readonly now?: () => number;
}

/** Why a request was refused; logged, never returned to the client. */
export type DenialReason =
  | 'malformed-event'
  | 'missing-header'
  | 'multiple-headers'
  | 'malformed-header'
  | 'oversized-header'
  | 'not-bearer'
  | 'malformed-token'
  | 'untrusted-issuer'
  | 'algorithm-not-allowed'
  | 'missing-kid'
  | 'unknown-kid'
  | 'jwks-unavailable'
  | 'invalid-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'missing-exp'
  | 'wrong-audience'
  | 'wrong-client-id'
  | 'no-principal'
  | 'invalid-token'
  | 'unknown-route'
  | 'missing-scope'
  | 'internal-error';

/**
 * The outcome of one call. `unauthorized` becomes API Gateway's 401 (the credentials are missing or not
 * valid: nothing is cached, the client may retry with a new token); `deny` is a 403 policy (a valid token
 * without the rights for this route: cached like an Allow).
 */
export type Decision =
  | { readonly kind: 'allow'; readonly result: APIGatewayAuthorizerResult }
  | { readonly kind: 'deny'; readonly reason: DenialReason; readonly result: APIGatewayAuthorizerResult }
  | { readonly kind: 'unauthorized'; readonly reason: DenialReason };

export interface Authorizer {
  /** Decides one REQUEST authorizer event. Never throws and never rejects: every failure is a refusal. */
  authorize(event: unknown): Promise<Decision>;
  /** Downloads every issuer's key set ahead of the first request; failures are logged, not thrown. */
  warmUp(): Promise<void>;
}

/** Thrown from the verifier's custom check, so the claim that failed becomes the logged reason. */
class ClaimCheckError extends Error {
  constructor(readonly reason: DenialReason) {
    super(reason);
  }
}

interface RequestEvent {
  readonly methodArn: string;
  readonly resource?: string;
  readonly httpMethod?: string;
  readonly headers?: Record<string, string | undefined> | null;
  readonly multiValueHeaders?: Record<string, string[] | undefined> | null;
  readonly stageVariables?: Record<string, string | undefined> | null;
  readonly requestContext?: { readonly requestId?: unknown; readonly resourcePath?: unknown; readonly httpMethod?: unknown } | null;
}

/**
 * A REQUEST authorizer for REST APIs: verifies a JWT access token from one of the trusted issuers, then
 * allows the called route when the token carries the scopes the route table requires.
 */
export function createAuthorizer(options: AuthorizerOptions): Authorizer {
  const log = options.log ?? silentLogger;
  const issuers = new Map(options.settings.issuers.map((issuer) => [issuer.issuer, issuer]));
  const jwksCache = new RefetchLimitedJwksCache({
    fetchJwks: options.fetchJwks ?? httpJwksFetcher(),
    minRefetchIntervalMs: options.minRefetchIntervalMs ?? DEFAULT_MIN_REFETCH_INTERVAL_MS,
    now: options.now,
  });
  const verifier = JwtVerifier.create(
    options.settings.issuers.map((issuer) => ({
      issuer: issuer.issuer,
      jwksUri: issuer.jwksUri,
      audience: issuer.audiences.length > 0 ? [...issuer.audiences] : null,
      graceSeconds: CLOCK_SKEW_SECONDS,
      customJwtCheck: ({ header, payload }: { header: DecomposedJwt['header']; payload: JwtPayload }) => checkClaims(issuer, header, payload),
    })),
    { jwksCache },
  );

  async function decide(event: unknown, correlation: { id: string }): Promise<Decision> {
    if (!isRequestEvent(event)) return refuse('unauthorized', 'malformed-event');
    const methodArn = parseMethodArn(event.methodArn);
    if (!methodArn) return refuse('unauthorized', 'malformed-event');
    correlation.id = correlationIdOf(event);

    const extracted = bearerToken(event.headers, event.multiValueHeaders);
    if ('problem' in extracted) return refuse('unauthorized', extracted.problem);

    let unverified: DecomposedJwt;
    try {
      unverified = decomposeUnverifiedJwt(extracted.token);
    } catch {
      return refuse('unauthorized', 'malformed-token');
    }
    // Checked before any key lookup: an untrusted issuer or algorithm never causes a download.
    const issuer = typeof unverified.payload.iss === 'string' ? issuers.get(unverified.payload.iss) : undefined;
    if (!issuer) return refuse('unauthorized', 'untrusted-issuer');
    if (typeof unverified.header.alg !== 'string' || !issuer.algorithms.includes(unverified.header.alg)) {
      return refuse('unauthorized', 'algorithm-not-allowed', { issuer: issuer.issuer });
    }

    let payload: JwtPayload;
    try {
      payload = await verifier.verify(extracted.token);
    } catch (error) {
      const reason = verificationFailure(error);
      return refuse('unauthorized', reason, { issuer: issuer.issuer, detail: reason === 'jwks-unavailable' ? messageOf(error) : undefined });
    }

    const clientId = clientIdOf(payload);
    const subject = typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : clientId;
    if (!subject) return refuse('unauthorized', 'no-principal', { issuer: issuer.issuer });
    // Subjects are unique per issuer only: a partner token whose `sub` equals a workforce user's must not reach a
    // backend as that user, so the principal is always namespaced by the issuer that vouched for it.
    const principalId = namespacedPrincipal(issuer.issuer, subject);
    const who = { issuer: issuer.issuer, clientId, principalId };

    const service = event.stageVariables?.[SERVICE_STAGE_VARIABLE];
    const method = stringOr(event.httpMethod, event.requestContext?.httpMethod);
    const resource = stringOr(event.resource, event.requestContext?.resourcePath);
    const route = method && resource ? `${method} ${resource}` : undefined;
    const requirement = service && method && resource ? findRoute(options.routes, service, method, resource) : undefined;
    const allowed = requirement && resource ? routeResourceArn(methodArn, resource) : undefined;
    if (!requirement || !allowed) return refuse('deny', 'unknown-route', { ...who, service, route }, principalId, event.methodArn);

    const scopes = grantedScopes(payload);
    if (!satisfies(scopes, requirement)) return refuse('deny', 'missing-scope', { ...who, service, route }, principalId, event.methodArn);

    log('info', 'authorization decision', { decision: 'Allow', correlationId: correlation.id, service, route, ...who });
    return {
      kind: 'allow',
      result: policy(principalId, 'Allow', allowed, {
        principalId,
        clientId: clientId ?? '',
        scopes: [...scopes].sort().join(' '),
        issuer: issuer.issuer,
        correlationId: correlation.id,
      }),
    };

    function refuse(kind: 'unauthorized', reason: DenialReason, fields?: Record<string, string | undefined>): Decision;
    function refuse(kind: 'deny', reason: DenialReason, fields: Record<string, string | undefined>, principal: string, resourceArn: string): Decision;
    function refuse(
      kind: 'unauthorized' | 'deny',
      reason: DenialReason,
      fields: Record<string, string | undefined> = {},
      principal?: string,
      resourceArn?: string,
    ): Decision {
      const level: LogLevel = reason === 'jwks-unavailable' ? 'error' : 'warn';
      log(level, 'authorization decision', { decision: kind === 'deny' ? 'Deny' : 'Unauthorized', reason, correlationId: correlation.id, ...fields });
      if (kind === 'unauthorized' || principal === undefined || resourceArn === undefined) return { kind: 'unauthorized', reason };
      return { kind: 'deny', reason, result: policy(principal, 'Deny', resourceArn, { correlationId: correlation.id }) };
    }
  }

  return {
    async authorize(event) {
      const correlation = { id: '' };
      try {
        return await decide(event, correlation);
      } catch (error) {
        // A bug must not open the gate: anything unexpected is a 401, logged with its type only.
        log('error', 'authorizer failure', {
          decision: 'Unauthorized',
          reason: 'internal-error',
          correlationId: correlation.id,
          error: error instanceof Error ? error.name : typeof error,
        });
        return { kind: 'unauthorized', reason: 'internal-error' };
      }
    },
    async warmUp() {
      try {
        await verifier.hydrate();
      } catch (error) {
        log('error', 'key set download at init failed; requests are refused until one succeeds', { detail: messageOf(error) });
      }
    },
  };
}

function checkClaims(issuer: IssuerSettings, header: DecomposedJwt['header'], payload: JwtPayload): void {
  if (typeof header.alg !== 'string' || !issuer.algorithms.includes(header.alg)) throw new ClaimCheckError('algorithm-not-allowed');
  // aws-jwt-verify checks exp only when present; an access token that never expires is refused.
  if (typeof payload.exp !== 'number') throw new ClaimCheckError('missing-exp');
  if (issuer.clientIds.length > 0) {
    const clientId = clientIdOf(payload);
    if (clientId === undefined || !issuer.clientIds.includes(clientId)) throw new ClaimCheckError('wrong-client-id');
  }
}

/** `client_id` (RFC 9068), or where some providers write it: `cid` (Okta), `azp` (OIDC authorized party). */
function clientIdOf(payload: JwtPayload): string | undefined {
  for (const claim of ['client_id', 'cid', 'azp']) {
    const value = payload[claim];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

function verificationFailure(error: unknown): DenialReason {
  if (error instanceof ClaimCheckError) return error.reason;
  if (error instanceof JwksUnavailableError) return 'jwks-unavailable';
  if (error instanceof KidNotFoundInJwksError) return 'unknown-kid';
  if (error instanceof JwtWithoutValidKidError) return 'missing-kid';
  if (error instanceof JwtExpiredError) return 'expired';
  if (error instanceof JwtNotBeforeError) return 'not-yet-valid';
  if (error instanceof JwtInvalidAudienceError) return 'wrong-audience';
  if (error instanceof JwtInvalidIssuerError || error instanceof ParameterValidationError) return 'untrusted-issuer';
  if (error instanceof JwtInvalidSignatureAlgorithmError) return 'algorithm-not-allowed';
  if (error instanceof JwtInvalidSignatureError) return 'invalid-signature';
  if (error instanceof JwtParseError) return 'malformed-token';
  return 'invalid-token';
}

function isRequestEvent(event: unknown): event is RequestEvent {
  return (
    typeof event === 'object' &&
    event !== null &&
    (event as { type?: unknown }).type === 'REQUEST' &&
    typeof (event as { methodArn?: unknown }).methodArn === 'string'
  );
}

/** API Gateway's request id when it looks like one; otherwise a fresh id, so log lines still join up. */
function correlationIdOf(event: RequestEvent): string {
  const requestId = event.requestContext?.requestId;
  return typeof requestId === 'string' && /^[A-Za-z0-9-]{1,128}$/.test(requestId) ? requestId : randomUUID();
}

function stringOr(...candidates: unknown[]): string | undefined {
  return candidates.find((value): value is string => typeof value === 'string' && value !== '');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `<issuer>#<subject>`, the principal id backends receive (X-Principal-Id) and API Gateway logs. OIDC issuer identifiers
 * are https URLs without a fragment (and the configuration refuses one), so the first `#` always separates the two:
 * backends split there, or better, key their users on the whole string (docs/onboarding.md, "Who is calling").
 */
export function namespacedPrincipal(issuer: string, subject: string): string {
  if (issuer.includes('#')) throw new Error(`issuer ${issuer} contains "#", which would make principal ids ambiguous`);
  return `${issuer}#${subject}`;
}
