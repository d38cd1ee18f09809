import { findRoute, parseRouteTable } from '../../../lib/authorizer/route-table';
import { isTrustedJwksUri, parseAuthorizerSettings } from '../../../lambdas/authorizer/settings';
import { parseMethodArn, routeResourceArn } from '../../../lambdas/authorizer/policy';

/** The files bundled next to the handler are checked at init, so a broken archive fails closed before any request. */

const issuer = {
  issuer: 'https://login.example.com/oauth2/default',
  jwksUri: 'https://login.example.com/keys',
  audiences: ['api://uag'],
  clientIds: [],
  algorithms: ['RS256'],
};

describe('issuers.json', () => {
  it('accepts the settings the synth writes', () => {
    expect(parseAuthorizerSettings({ issuers: [issuer] }).issuers[0].issuer).toBe(issuer.issuer);
  });

  it.each([
    ['no issuers', { issuers: [] }, 'at least one issuer'],
    ['a JWKS over plain http', { issuers: [{ ...issuer, jwksUri: 'http://login.example.com/keys' }] }, 'issuers[0].jwksUri must be an https:// URL'],
    ['neither audiences nor client ids', { issuers: [{ ...issuer, audiences: [] }] }, 'issuers[0] must list audiences or clientIds'],
    ['no algorithms', { issuers: [{ ...issuer, algorithms: [] }] }, 'issuers[0].algorithms must not be empty'],
    ['a list that is not of strings', { issuers: [{ ...issuer, audiences: [1] }] }, 'issuers[0].audiences must be a list of strings'],
  ])('refuses %s', (_name, value, message) => {
    expect(() => parseAuthorizerSettings(value)).toThrow(message);
  });

  it('trusts plain http only on the loopback interface', () => {
    expect(isTrustedJwksUri('http://127.0.0.1:8080/keys')).toBe(true);
    expect(isTrustedJwksUri('http://localhost/keys')).toBe(true);
    expect(isTrustedJwksUri('http://127.0.0.1.example.com/keys')).toBe(false);
    expect(isTrustedJwksUri('http://10.0.0.1/keys')).toBe(false);
    expect(isTrustedJwksUri('not a url')).toBe(false);
  });
});

describe('routes.json', () => {
  const table = parseRouteTable({ version: 1, services: { files: { 'GET /files/{name}': [['files/read']], 'ANY /files/{name}': [['files/admin']] } } });

  it('prefers the method-specific route over ANY on the same path', () => {
    expect(findRoute(table, 'files', 'GET', '/files/{name}')).toEqual([['files/read']]);
    expect(findRoute(table, 'files', 'DELETE', '/files/{name}')).toEqual([['files/admin']]);
  });

  it('knows nothing about other services, other paths or inherited object keys', () => {
    expect(findRoute(table, 'payments', 'GET', '/files/{name}')).toBeUndefined();
    expect(findRoute(table, 'files', 'GET', '/files')).toBeUndefined();
    expect(findRoute(table, 'constructor', 'GET', '/')).toBeUndefined();
    expect(findRoute(table, 'files', 'GET', 'toString')).toBeUndefined();
  });

  it.each([
    ['another version', { version: 2, services: {} }, 'expected {"version": 1'],
    ['scopes that are not lists', { version: 1, services: { a: { 'GET /': ['read'] } } }, 'services.a["GET /"] must be a list of scope lists'],
  ])('refuses %s', (_name, value, message) => {
    expect(() => parseRouteTable(value)).toThrow(message);
  });
});

describe('policy resources', () => {
  const arn = parseMethodArn('arn:aws:execute-api:ap-southeast-1:444455556666:a1b2c3d4e5/v1/GET/payments/42');

  it('covers every concrete path of the route that was called', () => {
    expect(arn).toBeDefined();
    if (!arn) return;
    expect(routeResourceArn(arn, '/payments/{id}')).toBe('arn:aws:execute-api:ap-southeast-1:444455556666:a1b2c3d4e5/v1/GET/payments/*');
    expect(routeResourceArn(arn, '/')).toBe('arn:aws:execute-api:ap-southeast-1:444455556666:a1b2c3d4e5/v1/GET/');
    expect(routeResourceArn(arn, '/payments/*')).toBeUndefined();
  });

  it('parses method ARNs of other partitions and refuses anything else', () => {
    expect(parseMethodArn('arn:aws-cn:execute-api:cn-north-1:444455556666:abc123/prod/POST/')).toMatchObject({ partition: 'aws-cn', method: 'POST' });
    expect(parseMethodArn('arn:aws:lambda:ap-southeast-1:444455556666:function:x')).toBeUndefined();
    expect(parseMethodArn(42)).toBeUndefined();
  });
});
