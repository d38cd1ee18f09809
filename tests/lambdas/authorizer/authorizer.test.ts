import { createAuthorizer, namespacedPrincipal, type AuthorizerOptions, type Decision } from '../../../lambdas/authorizer/authorizer';
import { httpJwksFetcher } from '../../../lambdas/authorizer/jwks-fetcher';
import type { LogFields, LogLevel } from '../../../lambdas/authorizer/log';
import type { RouteTable } from '../../../lib/authorizer/route-table';
import type { AuthorizerSettings } from '../../../lambdas/authorizer/settings';
import { API_ARN_PREFIX, requestEvent } from '../support/authorizer-events';
import { startJwksServer, unreachableUrl, type JwksServer } from '../support/jwks-server';
import { ecSigningKey, hs256WithPublicKey, jwks, nowSeconds, rsaSigningKey, signJwt, unsignedJwt } from '../support/signing-keys';

/**
 * The authorizer against real RS256/ES256 signatures and a key set served over HTTP on 127.0.0.1.
 * Every refusal is checked for its kind (401 Unauthorized vs 403 Deny) and its logged reason.
 */

const WORKFORCE = 'https://login.example.com/oauth2/default';
const PARTNERS = 'https://partners.example.com/oidc';
const workforceKey = rsaSigningKey('workforce-2025-01');
const partnerKey = ecSigningKey('partner-p256-1');
const attackerKey = rsaSigningKey('workforce-2025-01'); // same kid as the real key, different key material

const ROUTES: RouteTable = {
  version: 1,
  services: {
    payments: {
      'GET /payments': [['payments/read']],
      'GET /payments/{id}': [['payments/read']],
      'POST /payments': [['payments/write']],
      'POST /payments/{id}/refunds': [['payments/write', 'payments/refund'], ['payments/admin']],
    },
    ledger: { 'GET /entries': [['ledger/read']], 'ANY /entries/{proxy+}': [['ledger/read']] },
  },
};

let server: JwksServer;
beforeAll(async () => {
  server = await startJwksServer({ '/workforce/keys': jwks(workforceKey), '/partners/keys': jwks(partnerKey) });
});
afterAll(() => server.stop());

function settings(jwksUris: { workforce?: string; partners?: string } = {}): AuthorizerSettings {
  return {
    issuers: [
      { issuer: WORKFORCE, jwksUri: jwksUris.workforce ?? server.url('/workforce/keys'), audiences: ['api://uag-test'], clientIds: [], algorithms: ['RS256'] },
      {
        issuer: PARTNERS,
        jwksUri: jwksUris.partners ?? server.url('/partners/keys'),
        audiences: [],
        clientIds: ['partner-hub-settlement'],
        algorithms: ['ES256'],
      },
    ],
  };
}

interface LogLine extends LogFields {
  readonly level: LogLevel;
  readonly message: string;
}

function authorizerUnderTest(overrides: Partial<AuthorizerOptions> = {}) {
  const logs: LogLine[] = [];
  const authorizer = createAuthorizer({
    settings: settings(),
    routes: ROUTES,
    log: (level, message, fields) => logs.push({ level, message, ...fields }),
    ...overrides,
  });
  return { authorizer, logs };
}

const workforceClaims = (overrides: Record<string, unknown> = {}) => ({
  iss: WORKFORCE,
  sub: 'user-0042',
  aud: 'api://uag-test',
  client_id: 'merchant-portal',
  scope: 'openid payments/read',
  iat: nowSeconds() - 10,
  exp: nowSeconds() + 300,
  ...overrides,
});
const partnerClaims = (overrides: Record<string, unknown> = {}) => ({
  iss: PARTNERS,
  sub: 'partner-hub-settlement',
  client_id: 'partner-hub-settlement',
  scp: ['payments/read', 'payments/write'],
  exp: nowSeconds() + 300,
  ...overrides,
});
const bearer = (token: string) => `Bearer ${token}`;

function expectUnauthorized(decision: Decision, reason: string): void {
  expect(decision).toEqual({ kind: 'unauthorized', reason });
}

describe('allows', () => {
  it('allows a valid RS256 token with the required scope for the called route, with context for the backend', async () => {
    const { authorizer, logs } = authorizerUnderTest();
    const token = signJwt(workforceKey, workforceClaims());

    const decision = await authorizer.authorize(requestEvent({ authorization: bearer(token), method: 'GET', resource: '/payments/{id}' }));

    expect(decision.kind).toBe('allow');
    if (decision.kind !== 'allow') return;
    expect(decision.result.principalId).toBe('https://login.example.com/oauth2/default#user-0042');
    expect(decision.result.policyDocument.Statement).toEqual([{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${API_ARN_PREFIX}/GET/payments/*` }]);
    expect(decision.result.context).toEqual({
      principalId: 'https://login.example.com/oauth2/default#user-0042',
      clientId: 'merchant-portal',
      scopes: 'openid payments/read',
      issuer: WORKFORCE,
      correlationId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    });
    expect(JSON.stringify(decision)).not.toContain(token.split('.')[2]);
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'info',
        decision: 'Allow',
        principalId: 'https://login.example.com/oauth2/default#user-0042',
        route: 'GET /payments/{id}',
        service: 'payments',
      }),
    ]);
  });

  it('allows a valid ES256 token from a second issuer that is bound by client id instead of audience', async () => {
    const { authorizer } = authorizerUnderTest();
    const decision = await authorizer.authorize(
      requestEvent({ authorization: bearer(signJwt(partnerKey, partnerClaims())), method: 'POST', resource: '/payments' }),
    );

    expect(decision.kind).toBe('allow');
    if (decision.kind !== 'allow') return;
    expect(decision.result.policyDocument.Statement[0]).toMatchObject({ Effect: 'Allow', Resource: `${API_ARN_PREFIX}/POST/payments` });
    expect(decision.result.context).toMatchObject({ issuer: PARTNERS, clientId: 'partner-hub-settlement', scopes: 'payments/read payments/write' });
  });

  it("namespaces the principal by issuer: a partner token carrying a workforce user's sub reaches the backend as a partner principal", async () => {
    // GIVEN a partner-issued token whose subject is exactly a workforce user's subject
    const { authorizer } = authorizerUnderTest();
    const spoof = signJwt(partnerKey, partnerClaims({ sub: 'user-0042' }));
    const genuine = signJwt(workforceKey, workforceClaims());

    // WHEN both call the same route
    const fromPartner = await authorizer.authorize(requestEvent({ authorization: bearer(spoof), method: 'GET', resource: '/payments' }));
    const fromWorkforce = await authorizer.authorize(requestEvent({ authorization: bearer(genuine), method: 'GET', resource: '/payments' }));

    // THEN the backend sees two different principals, each with the issuer that vouched for it
    expect(fromPartner.kind === 'allow' && fromPartner.result.context).toMatchObject({
      principalId: 'https://partners.example.com/oidc#user-0042',
      issuer: 'https://partners.example.com/oidc',
    });
    expect(fromPartner.kind === 'allow' && fromPartner.result.principalId).toBe('https://partners.example.com/oidc#user-0042');
    expect(fromWorkforce.kind === 'allow' && fromWorkforce.result.context).toMatchObject({
      principalId: 'https://login.example.com/oauth2/default#user-0042',
      issuer: 'https://login.example.com/oauth2/default',
    });
  });

  it('namespaces a client-credentials principal (no sub: the client id) by issuer as well', async () => {
    const { authorizer } = authorizerUnderTest();
    const token = signJwt(partnerKey, partnerClaims({ sub: undefined }));
    const decision = await authorizer.authorize(requestEvent({ authorization: bearer(token), method: 'GET', resource: '/payments' }));
    expect(decision.kind === 'allow' && decision.result.context?.principalId).toBe('https://partners.example.com/oidc#partner-hub-settlement');
  });

  it('allows when any one alternative of the requirement is fully covered', async () => {
    const { authorizer } = authorizerUnderTest();
    const refund = (scope: string) =>
      authorizer.authorize(
        requestEvent({ authorization: bearer(signJwt(workforceKey, workforceClaims({ scope }))), method: 'POST', resource: '/payments/{id}/refunds' }),
      );

    expect((await refund('payments/write payments/refund')).kind).toBe('allow');
    expect((await refund('payments/admin')).kind).toBe('allow');
    expect((await refund('payments/write')).kind).toBe('deny');
  });

  it('matches an ANY route for every method, with the policy naming the method actually called', async () => {
    const { authorizer } = authorizerUnderTest();
    const token = signJwt(workforceKey, workforceClaims({ scope: 'ledger/read' }));
    const decision = await authorizer.authorize(
      requestEvent({ authorization: bearer(token), method: 'DELETE', resource: '/entries/{proxy+}', path: '/entries/2025/01', service: 'ledger' }),
    );

    expect(decision.kind).toBe('allow');
    if (decision.kind === 'allow') expect(decision.result.policyDocument.Statement[0]).toMatchObject({ Resource: `${API_ARN_PREFIX}/DELETE/entries/*` });
  });
});

describe('refuses with 401 Unauthorized', () => {
  const later = nowSeconds() + 300;
  const cases: { name: string; authorization: () => string | string[] | undefined; reason: string }[] = [
    { name: 'alg: none without a signature', authorization: () => bearer(unsignedJwt(workforceKey.kid, workforceClaims())), reason: 'malformed-token' },
    {
      name: 'alg: none with a made-up signature',
      authorization: () => bearer(unsignedJwt(workforceKey.kid, workforceClaims(), 'c2lnbmF0dXJl')),
      reason: 'algorithm-not-allowed',
    },
    {
      name: 'HS256 signed with the public key',
      authorization: () => bearer(hs256WithPublicKey(workforceKey, workforceClaims())),
      reason: 'algorithm-not-allowed',
    },
    {
      name: 'ES256 from an issuer that only signs RS256',
      authorization: () => bearer(signJwt(partnerKey, workforceClaims(), { kid: workforceKey.kid })),
      reason: 'algorithm-not-allowed',
    },
    {
      name: 'expired token',
      authorization: () => bearer(signJwt(workforceKey, workforceClaims({ iat: nowSeconds() - 900, exp: nowSeconds() - 60 }))),
      reason: 'expired',
    },
    {
      name: 'token not yet valid',
      authorization: () => bearer(signJwt(workforceKey, workforceClaims({ nbf: nowSeconds() + 120, exp: later + 120 }))),
      reason: 'not-yet-valid',
    },
    { name: 'token without exp', authorization: () => bearer(signJwt(workforceKey, { ...workforceClaims(), exp: undefined })), reason: 'missing-exp' },
    {
      name: 'wrong issuer',
      authorization: () => bearer(signJwt(workforceKey, workforceClaims({ iss: 'https://evil.example.net/oauth2' }))),
      reason: 'untrusted-issuer',
    },
    { name: 'no issuer', authorization: () => bearer(signJwt(workforceKey, { ...workforceClaims(), iss: undefined })), reason: 'untrusted-issuer' },
    { name: 'wrong audience', authorization: () => bearer(signJwt(workforceKey, workforceClaims({ aud: 'api://someone-else' }))), reason: 'wrong-audience' },
    { name: 'wrong client id', authorization: () => bearer(signJwt(partnerKey, partnerClaims({ client_id: 'partner-other' }))), reason: 'wrong-client-id' },
    { name: 'unknown kid', authorization: () => bearer(signJwt(workforceKey, workforceClaims(), { kid: 'not-published' })), reason: 'unknown-kid' },
    { name: 'no kid', authorization: () => bearer(signJwt(workforceKey, workforceClaims(), { kid: undefined })), reason: 'missing-kid' },
    {
      name: 'signature by another key under a published kid',
      authorization: () => bearer(signJwt(attackerKey, workforceClaims())),
      reason: 'invalid-signature',
    },
    {
      name: 'payload changed after signing',
      authorization: () => {
        const [header, , signature] = signJwt(workforceKey, workforceClaims()).split('.');
        return bearer(`${header}.${Buffer.from(JSON.stringify(workforceClaims({ scope: 'payments/admin' }))).toString('base64url')}.${signature}`);
      },
      reason: 'invalid-signature',
    },
    { name: 'malformed token (two segments)', authorization: () => bearer('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0'), reason: 'malformed-token' },
    { name: 'malformed token (segments are not JSON)', authorization: () => bearer('bm90.anNvbg.c2ln'), reason: 'malformed-token' },
    { name: 'malformed token (characters outside base64url)', authorization: () => bearer('a.b.c$'), reason: 'malformed-token' },
    { name: 'oversized header', authorization: () => bearer(`${'a'.repeat(4000)}.${'b'.repeat(4000)}.${'c'.repeat(400)}`), reason: 'oversized-header' },
    { name: 'missing header', authorization: () => undefined, reason: 'missing-header' },
    { name: 'empty header', authorization: () => '  ', reason: 'missing-header' },
    { name: 'another scheme', authorization: () => 'Basic dXNlcjpwYXNz', reason: 'not-bearer' },
    {
      name: 'two Authorization headers',
      authorization: () => [bearer(signJwt(workforceKey, workforceClaims())), bearer(signJwt(workforceKey, workforceClaims()))],
      reason: 'multiple-headers',
    },
  ];

  it.each(cases)('refuses $name', async ({ authorization, reason }) => {
    const { authorizer, logs } = authorizerUnderTest();
    const header = authorization();

    const decision = await authorizer.authorize(requestEvent({ authorization: header }));

    expectUnauthorized(decision, reason);
    expect(logs).toEqual([expect.objectContaining({ decision: 'Unauthorized', reason })]);
    // The token (or anything from the header) never reaches a log line.
    const secretParts = [header ?? []]
      .flat()
      .flatMap((value) => value.replace(/^Bearer /, '').split('.'))
      .filter((part) => part.length > 8);
    for (const part of secretParts) expect(JSON.stringify(logs)).not.toContain(part);
  });

  it('refuses HS256 even when an issuer lists it: the verifier only knows asymmetric algorithms', async () => {
    const lenient = settings();
    const { authorizer } = authorizerUnderTest({ settings: { issuers: [{ ...lenient.issuers[0], algorithms: ['RS256', 'HS256'] }, lenient.issuers[1]] } });

    const decision = await authorizer.authorize(requestEvent({ authorization: bearer(hs256WithPublicKey(workforceKey, workforceClaims())) }));

    expect(decision.kind).toBe('unauthorized');
  });

  it.each([
    ['null', null],
    ['a string', 'GET /payments'],
    ['an empty object', {}],
    ['a TOKEN authorizer event', { type: 'TOKEN', methodArn: `${API_ARN_PREFIX}/GET/payments`, authorizationToken: 'Bearer x' }],
    ['a REQUEST event with a malformed methodArn', { ...requestEvent({}), methodArn: 'arn:aws:s3:::bucket' }],
  ])('refuses %s as a malformed event', async (_name, event) => {
    const { authorizer } = authorizerUnderTest();
    expectUnauthorized(await authorizer.authorize(event), 'malformed-event');
  });

  it('never rejects, whatever the shape of the headers', async () => {
    const { authorizer } = authorizerUnderTest();
    const token = bearer(signJwt(workforceKey, workforceClaims()));
    const odd = [
      { ...requestEvent({}), headers: ['Authorization', token] },
      { ...requestEvent({}), headers: { Authorization: 42 }, multiValueHeaders: null },
      { ...requestEvent({}), headers: null, multiValueHeaders: { authorization: [token, 7] } },
      { ...requestEvent({}), headers: null, multiValueHeaders: { authorization: token } },
      { ...requestEvent({}), headers: { Authorization: [token] }, multiValueHeaders: null },
      { ...requestEvent({ authorization: token }), stageVariables: 'payments' },
      { ...requestEvent({ authorization: token }), requestContext: null, resource: undefined, httpMethod: undefined },
    ];
    for (const event of odd) {
      const decision = await authorizer.authorize(event);
      expect(['unauthorized', 'deny']).toContain(decision.kind);
    }
  });
});

describe('denies with a 403 policy', () => {
  it('denies a valid token without the scope the route requires', async () => {
    const { authorizer, logs } = authorizerUnderTest();
    const event = requestEvent({
      authorization: bearer(signJwt(workforceKey, workforceClaims({ scope: 'payments/read' }))),
      method: 'POST',
      resource: '/payments',
    });

    const decision = await authorizer.authorize(event);

    expect(decision).toMatchObject({ kind: 'deny', reason: 'missing-scope' });
    if (decision.kind !== 'deny') return;
    expect(decision.result.policyDocument.Statement).toEqual([{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: event.methodArn }]);
    expect(decision.result.context).toEqual({ correlationId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' });
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'warn',
        decision: 'Deny',
        reason: 'missing-scope',
        route: 'POST /payments',
        principalId: 'https://login.example.com/oauth2/default#user-0042',
      }),
    ]);
  });

  it('denies a route the table does not know', async () => {
    const { authorizer } = authorizerUnderTest();
    const decision = await authorizer.authorize(
      requestEvent({ authorization: bearer(signJwt(workforceKey, workforceClaims())), method: 'DELETE', resource: '/payments/{id}' }),
    );
    expect(decision).toMatchObject({ kind: 'deny', reason: 'unknown-route' });
  });

  it('denies when the stage does not name its service, or names another service', async () => {
    const { authorizer } = authorizerUnderTest();
    const token = bearer(signJwt(workforceKey, workforceClaims()));
    expect(await authorizer.authorize(requestEvent({ authorization: token, service: '' }))).toMatchObject({ kind: 'deny', reason: 'unknown-route' });
    expect(await authorizer.authorize(requestEvent({ authorization: token, service: 'ledger' }))).toMatchObject({ kind: 'deny', reason: 'unknown-route' });
    expect(await authorizer.authorize(requestEvent({ authorization: token, service: '__proto__' }))).toMatchObject({ kind: 'deny', reason: 'unknown-route' });
  });
});

describe('key sets', () => {
  it('keeps verifying with cached keys after the JWKS server stops', async () => {
    const own = await startJwksServer({ '/keys': jwks(workforceKey) });
    const { authorizer } = authorizerUnderTest({ settings: settings({ workforce: own.url('/keys') }) });
    await authorizer.warmUp();
    expect(own.hits('/keys')).toBe(1);
    await own.stop();

    for (let call = 0; call < 3; call++) {
      const decision = await authorizer.authorize(requestEvent({ authorization: bearer(signJwt(workforceKey, workforceClaims())) }));
      expect(decision.kind).toBe('allow');
    }
    expectUnauthorized(
      await authorizer.authorize(requestEvent({ authorization: bearer(signJwt(workforceKey, workforceClaims(), { kid: 'rotated' })) })),
      'unknown-kid',
    );
  });

  it('refuses every token on a cold start while the JWKS endpoint is down, without hammering it', async () => {
    const down = await unreachableUrl('/keys');
    const fetchJwks = jest.fn(httpJwksFetcher({ timeoutMs: 1000, maxBytes: 65536 }));
    const { authorizer, logs } = authorizerUnderTest({ settings: settings({ workforce: down }), fetchJwks });

    for (let call = 0; call < 3; call++) {
      expectUnauthorized(await authorizer.authorize(requestEvent({ authorization: bearer(signJwt(workforceKey, workforceClaims())) })), 'jwks-unavailable');
    }
    expect(fetchJwks).toHaveBeenCalledTimes(1);
    expect(logs[0]).toMatchObject({ level: 'error', reason: 'jwks-unavailable' });
  });

  it('refetches for an unknown kid at most once per interval, and picks up a rotated key', async () => {
    const own = await startJwksServer({ '/keys': jwks(workforceKey) });
    let clock = 1_000_000;
    const { authorizer } = authorizerUnderTest({ settings: settings({ workforce: own.url('/keys') }), now: () => clock, minRefetchIntervalMs: 10_000 });
    const rotated = rsaSigningKey('workforce-2025-02');
    const call = (key = workforceKey) => authorizer.authorize(requestEvent({ authorization: bearer(signJwt(key, workforceClaims())) }));

    expect((await call()).kind).toBe('allow');
    expect(own.hits('/keys')).toBe(1);

    own.serve('/keys', jwks(workforceKey, rotated));
    clock += 1_000;
    expectUnauthorized(await call(rotated), 'unknown-kid'); // within the interval: no download
    expect(own.hits('/keys')).toBe(1);

    clock += 10_000;
    expect((await call(rotated)).kind).toBe('allow'); // one download picks up the new key
    expect(own.hits('/keys')).toBe(2);

    for (let forged = 0; forged < 20; forged++) {
      const token = signJwt(workforceKey, workforceClaims(), { kid: `random-${forged}` });
      expectUnauthorized(await authorizer.authorize(requestEvent({ authorization: bearer(token) })), 'unknown-kid');
    }
    expect(own.hits('/keys')).toBe(2);
    expect((await call()).kind).toBe('allow');
    await own.stop();
  });

  it('shares one download between 100 concurrent requests on a cold start', async () => {
    const own = await startJwksServer({ '/keys': jwks(workforceKey) });
    const { authorizer } = authorizerUnderTest({ settings: settings({ workforce: own.url('/keys') }) });
    const token = bearer(signJwt(workforceKey, workforceClaims()));

    const decisions = await Promise.all(Array.from({ length: 100 }, () => authorizer.authorize(requestEvent({ authorization: token }))));

    expect(decisions.every((decision) => decision.kind === 'allow')).toBe(true);
    expect(own.hits('/keys')).toBe(1);
    await own.stop();
  });

  it.each([
    ['answers HTTP 500', (own: JwksServer) => own.url('/missing')],
    ['serves something that is not a key set', (own: JwksServer) => own.url('/garbage')],
  ])('refuses when the JWKS endpoint %s', async (_name, uri) => {
    const own = await startJwksServer({ '/garbage': { keys: 'none' } });
    const { authorizer } = authorizerUnderTest({ settings: settings({ workforce: uri(own) }) });
    expectUnauthorized(await authorizer.authorize(requestEvent({ authorization: bearer(signJwt(workforceKey, workforceClaims())) })), 'jwks-unavailable');
    await own.stop();
  });
});

describe('namespacedPrincipal', () => {
  it('joins issuer and subject at the first "#", which no accepted issuer contains', () => {
    expect(namespacedPrincipal('https://login.example.com/oauth2/default', 'user#1')).toBe('https://login.example.com/oauth2/default#user#1');
  });

  it('fails on an issuer containing "#" instead of producing an ambiguous id', () => {
    expect(() => namespacedPrincipal('https://idp.example.com/#', 'user-1')).toThrow(
      'issuer https://idp.example.com/# contains "#", which would make principal ids ambiguous',
    );
  });
});
