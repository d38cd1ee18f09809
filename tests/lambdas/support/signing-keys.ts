import { createHmac, generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';

/** Real key pairs and tokens signed with node:crypto, so the authorizer is tested against genuine signatures. */

export interface SigningKey {
  readonly kid: string;
  readonly alg: 'RS256' | 'ES256';
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The public half as published in a JWKS. */
  readonly jwk: JsonWebKey & { kid: string; alg: string; use: 'sig' };
}

export function rsaSigningKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, alg: 'RS256', privateKey, publicKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

export function ecSigningKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, alg: 'ES256', privateKey, publicKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' } };
}

export function jwks(...keys: SigningKey[]): { keys: SigningKey['jwk'][] } {
  return { keys: keys.map((key) => key.jwk) };
}

const base64url = (value: object | Buffer): string => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/** A compact JWS signed with the key; `header` overrides or adds header fields (e.g. a different kid). */
export function signJwt(key: SigningKey, payload: object, header: Record<string, unknown> = {}): string {
  const input = `${base64url({ alg: key.alg, typ: 'JWT', kid: key.kid, ...header })}.${base64url(payload)}`;
  const signature =
    key.alg === 'RS256'
      ? sign('sha256', Buffer.from(input), key.privateKey)
      : sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${base64url(signature)}`;
}

/** The classic key-confusion forgery: HS256 with the issuer's *public* key (PEM) as the HMAC secret. */
export function hs256WithPublicKey(key: SigningKey, payload: object): string {
  const secret = key.publicKey.export({ format: 'pem', type: 'spki' });
  const input = `${base64url({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${base64url(payload)}`;
  return `${input}.${base64url(createHmac('sha256', secret).update(input).digest())}`;
}

/** An unsigned token (`alg: none`); `signature` lets a test append garbage so format checks alone do not catch it. */
export function unsignedJwt(kid: string, payload: object, signature = ''): string {
  return `${base64url({ alg: 'none', typ: 'JWT', kid })}.${base64url(payload)}.${signature}`;
}

/** Seconds since the epoch, as JWT time claims count. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
