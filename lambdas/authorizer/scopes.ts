import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { ScopeRequirement } from '../../lib/authorizer/route-table';

/**
 * Scopes granted by an access token: `scope` (space-separated, RFC 8693/9068) and `scp` (a list or a
 * string, as Okta and Entra ID write it). Anything else in those claims is ignored, never coerced.
 */
export function grantedScopes(payload: JwtPayload): Set<string> {
  const granted = new Set<string>();
  const add = (claim: unknown): void => {
    if (typeof claim === 'string') claim.split(' ').forEach((scope) => scope && granted.add(scope));
    else if (Array.isArray(claim)) claim.forEach((scope) => typeof scope === 'string' && scope && granted.add(scope));
  };
  add(payload.scope);
  add(payload.scp);
  return granted;
}

/** True when one alternative of the requirement is fully covered by the granted scopes. */
export function satisfies(granted: ReadonlySet<string>, requirement: ScopeRequirement): boolean {
  return requirement.some((alternative) => alternative.every((scope) => granted.has(scope)));
}
