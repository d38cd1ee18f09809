import { JwtWithoutValidKidError, KidNotFoundInJwksError } from 'aws-jwt-verify/error';
import { assertIsJwks, findJwkInJwks, type Jwks, type JwksCache, type JwkWithKid } from 'aws-jwt-verify/jwk';
import type { DecomposedJwt } from 'aws-jwt-verify/jwt';
import type { JwksFetcher } from './jwks-fetcher';

/** No key set could be obtained for the issuer: the endpoint is down or was asked again too soon. */
export class JwksUnavailableError extends Error {
  constructor(jwksUri: string, cause?: unknown) {
    super(`no key set available from ${jwksUri}${cause instanceof Error ? `: ${cause.message}` : ''}`);
    this.name = 'JwksUnavailableError';
  }
}

export interface RefetchLimitedJwksCacheProps {
  readonly fetchJwks: JwksFetcher;
  /** At most one download per key set within this interval, whatever the tokens' `kid`s. */
  readonly minRefetchIntervalMs: number;
  /** Clock, for tests.
   * @default Date.now */
  readonly now?: () => number;
}

/**
 * Key sets cached for the life of the execution environment.
 *
 * - A known `kid` never touches the network, so cached keys keep working while the endpoint is down.
 * - An unknown `kid` (key rotation, or a forged header) triggers a refetch, but at most one attempt per
 *   key set per interval, successful or not: random `kid`s cannot turn the authorizer into a flood
 *   against the identity provider, and a dead endpoint is not retried on every request.
 * - A failed download keeps the previous keys; with no keys at all (cold start, endpoint down) every
 *   verification fails, which the authorizer turns into 401.
 * - Concurrent requests share one download.
 */
export class RefetchLimitedJwksCache implements JwksCache {
  private readonly keySets = new Map<string, Jwks>();
  private readonly lastAttempt = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<Jwks>>();
  private readonly now: () => number;

  constructor(private readonly props: RefetchLimitedJwksCacheProps) {
    this.now = props.now ?? Date.now;
  }

  addJwks(jwksUri: string, jwks: Jwks): void {
    this.keySets.set(jwksUri, jwks);
  }

  /** The cached key set, or a download when none is cached yet (used by `hydrate()` at init). */
  async getJwks(jwksUri: string): Promise<Jwks> {
    return this.keySets.get(jwksUri) ?? this.refresh(jwksUri);
  }

  getCachedJwk(jwksUri: string, decomposedJwt: DecomposedJwt): JwkWithKid {
    const kid = kidOf(decomposedJwt);
    const keySet = this.keySets.get(jwksUri);
    if (!keySet) throw new JwksUnavailableError(jwksUri);
    const jwk = findJwkInJwks(keySet, kid);
    if (!jwk) throw new KidNotFoundInJwksError(`no key "${kid}" in the key set of ${jwksUri}`);
    return jwk;
  }

  async getJwk(jwksUri: string, decomposedJwt: DecomposedJwt): Promise<JwkWithKid> {
    const kid = kidOf(decomposedJwt);
    const cached = this.keySets.get(jwksUri);
    const known = cached && findJwkInJwks(cached, kid);
    if (known) return known;
    const refreshed = await this.refresh(jwksUri);
    const jwk = findJwkInJwks(refreshed, kid);
    if (!jwk) throw new KidNotFoundInJwksError(`no key "${kid}" in the key set of ${jwksUri}`);
    return jwk;
  }

  private refresh(jwksUri: string): Promise<Jwks> {
    const pending = this.inFlight.get(jwksUri);
    if (pending) return pending;
    const cached = this.keySets.get(jwksUri);
    const last = this.lastAttempt.get(jwksUri);
    if (last !== undefined && this.now() - last < this.props.minRefetchIntervalMs) {
      // Too soon to ask again: answer from what we have (the caller then reports the kid as unknown).
      return cached
        ? Promise.resolve(cached)
        : Promise.reject(new JwksUnavailableError(jwksUri, new Error('previous download failed; next attempt after the refetch interval')));
    }
    this.lastAttempt.set(jwksUri, this.now());
    const download = this.props
      .fetchJwks(jwksUri)
      .then((document): Jwks => {
        const keySet = document as Parameters<typeof assertIsJwks>[0];
        assertIsJwks(keySet);
        this.keySets.set(jwksUri, keySet);
        return keySet;
      })
      .catch((error: unknown) => {
        if (cached) return cached;
        throw new JwksUnavailableError(jwksUri, error);
      })
      .finally(() => this.inFlight.delete(jwksUri));
    this.inFlight.set(jwksUri, download);
    return download;
  }
}

function kidOf(decomposedJwt: DecomposedJwt): string {
  const kid = decomposedJwt.header.kid;
  if (typeof kid !== 'string' || kid === '') throw new JwtWithoutValidKidError('token header has no kid');
  return kid;
}
