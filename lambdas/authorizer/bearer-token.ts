/**
 * Takes the bearer token out of a REQUEST authorizer event, refusing anything ambiguous or oversized
 * before a byte of it is parsed.
 */

/** Larger headers are refused unread. Access tokens are 1-2 KB; 8 KB leaves room for many scopes and claims. */
export const MAX_AUTHORIZATION_HEADER_LENGTH = 8192;

/** Three base64url segments, none empty: a JWS in compact serialization. Unsigned `alg: none` tokens end in '.', so they fail here already. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export type BearerTokenResult =
  | { readonly token: string }
  | { readonly problem: 'missing-header' | 'multiple-headers' | 'malformed-header' | 'oversized-header' | 'not-bearer' | 'malformed-token' };

/** Stands in for a multi-value entry that is not a list, so it can never pass as a header value. */
class MalformedHeader {}

type Headers = Readonly<Record<string, string | undefined>> | null | undefined;
type MultiValueHeaders = Readonly<Record<string, string[] | undefined>> | null | undefined;

export function bearerToken(headers: Headers, multiValueHeaders: MultiValueHeaders): BearerTokenResult {
  // Header names are case-insensitive; two Authorization headers are ambiguous, so neither is trusted.
  const values = valuesNamed(headers, (value) => [value]);
  const multi = valuesNamed(multiValueHeaders, (value) => (Array.isArray(value) ? value : [new MalformedHeader()]));
  if (multi.length > 1 || values.length > 1) return { problem: 'multiple-headers' };
  const header = values[0] ?? multi[0];
  if (header === undefined || header === null || (typeof header === 'string' && header.trim() === '')) return { problem: 'missing-header' };
  if (typeof header !== 'string' || multi.some((value) => typeof value !== 'string')) return { problem: 'malformed-header' };
  if (header.length > MAX_AUTHORIZATION_HEADER_LENGTH) return { problem: 'oversized-header' };
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match) return { problem: 'not-bearer' };
  return COMPACT_JWS.test(match[1]) ? { token: match[1] } : { problem: 'malformed-token' };
}

/** Every value under any spelling of "Authorization", unchecked: the caller refuses anything that is not one string. */
function valuesNamed(headers: unknown, read: (value: unknown) => unknown[]): unknown[] {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return [];
  return Object.entries(headers)
    .filter(([name]) => name.toLowerCase() === 'authorization')
    .flatMap(([, value]) => read(value));
}
