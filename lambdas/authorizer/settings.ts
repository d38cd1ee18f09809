import { isRecord } from '../../lib/records';
/**
 * `issuers.json`, written next to the handler at synth time from the environment's `authorizer` section.
 * The synth-time schema (lib/config/schema/authorizer.ts) already rejected bad values with file and line;
 * this check only guards against a hand-edited or truncated bundle, so the function fails at init.
 */

export interface IssuerSettings {
  /** Expected `iss` claim. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** Accepted `aud` values; checked when not empty. */
  readonly audiences: readonly string[];
  /** Accepted `client_id` claims; checked when not empty. */
  readonly clientIds: readonly string[];
  /** Accepted JWS `alg` header values. */
  readonly algorithms: readonly string[];
}

export interface AuthorizerSettings {
  readonly issuers: readonly IssuerSettings[];
}

export function parseAuthorizerSettings(value: unknown): AuthorizerSettings {
  const issuers = isRecord(value) ? value.issuers : undefined;
  if (!Array.isArray(issuers) || issuers.length === 0) throw new Error('issuers.json: expected {"issuers": [...]} with at least one issuer');
  issuers.forEach((entry: unknown, index) => {
    const where = `issuers.json: issuers[${index}]`;
    if (!isRecord(entry)) throw new Error(`${where} must be an object`);
    if (typeof entry.issuer !== 'string' || entry.issuer === '') throw new Error(`${where}.issuer must be a non-empty string`);
    if (typeof entry.jwksUri !== 'string' || !isTrustedJwksUri(entry.jwksUri)) {
      throw new Error(`${where}.jwksUri must be an https:// URL (plain http only on the loopback interface)`);
    }
    for (const list of ['audiences', 'clientIds', 'algorithms'] as const) {
      if (!isStringList(entry[list])) throw new Error(`${where}.${list} must be a list of strings`);
    }
    if ((entry.audiences as string[]).length === 0 && (entry.clientIds as string[]).length === 0) {
      throw new Error(`${where} must list audiences or clientIds; otherwise tokens for any audience would pass`);
    }
    if ((entry.algorithms as string[]).length === 0) throw new Error(`${where}.algorithms must not be empty`);
  });
  return value as unknown as AuthorizerSettings;
}

/**
 * Keys must come over TLS. Plain http is accepted for 127.0.0.1/::1/localhost only: nothing on the network
 * can tamper with it, and it lets tests and the benchmark serve a key set locally. In Lambda there is no
 * listener on the loopback interface, so such a setting can only fail closed.
 */
export function isTrustedJwksUri(uri: string): boolean {
  try {
    const url = new URL(uri);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  } catch {
    return false;
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');
}
