import { checkSchema } from '../../../lib/config/schema-problems';
import { AuthorizerSchema } from '../../../lib/config/schema/authorizer';

/** The `authorizer` section of environments/<env>.yaml: every mistake is reported with its path and a fix. */

const FILE = 'environments/prod.yaml';
const issuer = {
  issuer: 'https://login.example.com/oauth2/default',
  jwksUri: 'https://login.example.com/oauth2/default/v1/keys',
  audiences: ['api://uag-prod'],
};
const check = (section: unknown) => checkSchema(AuthorizerSchema, section, FILE);

describe('authorizer section', () => {
  it('accepts one issuer and fills in the secure defaults', () => {
    expect(check({ issuers: [issuer] }).value).toEqual({
      issuers: [{ ...issuer, clientIds: [], algorithms: ['RS256'] }],
      resultTtlSeconds: 300,
      reservedConcurrency: 50,
      timeoutSeconds: 5,
    });
  });

  it.each([
    [
      'an http issuer',
      { issuers: [{ ...issuer, issuer: 'http://login.example.com/oauth2/default' }] },
      ['issuers', 0, 'issuer'],
      'issuer must be an https:// URL',
    ],
    [
      'an issuer ending in an empty fragment, which would make <issuer>#<subject> principal ids ambiguous',
      { issuers: [{ ...issuer, issuer: 'https://login.example.com/oauth2/default#' }] },
      ['issuers', 0, 'issuer'],
      'issuer must be an https:// URL without credentials or fragment, got "https://login.example.com/oauth2/default#"',
    ],
    ['an http JWKS URI', { issuers: [{ ...issuer, jwksUri: 'http://login.example.com/keys' }] }, ['issuers', 0, 'jwksUri'], 'jwksUri must be an https:// URL'],
    [
      'credentials in the JWKS URI',
      { issuers: [{ ...issuer, jwksUri: 'https://user:secret@login.example.com/keys' }] },
      ['issuers', 0, 'jwksUri'],
      'without credentials',
    ],
    [
      'neither audiences nor client ids',
      { issuers: [{ ...issuer, audiences: [] }] },
      ['issuers', 0, 'audiences'],
      'list at least one audience (or one client id under clientIds)',
    ],
    ['a symmetric algorithm', { issuers: [{ ...issuer, algorithms: ['HS256'] }] }, ['issuers', 0, 'algorithms', 0], 'string "HS256" is not an allowed value'],
    ['the same issuer twice', { issuers: [issuer, { ...issuer, audiences: ['api://other'] }] }, ['issuers', 1, 'issuer'], 'is already listed at issuers[0]'],
    ['no issuer', { issuers: [] }, ['issuers'], 'Too small'],
    ['a cache TTL above API Gateway’s maximum', { issuers: [issuer], resultTtlSeconds: 7200 }, ['resultTtlSeconds'], 'Too big'],
    ['a timeout above 30 s', { issuers: [issuer], timeoutSeconds: 60 }, ['timeoutSeconds'], 'Too big'],
    ['an unknown key', { issuers: [{ ...issuer, audience: 'api://typo' }] }, ['issuers', 0, 'audience'], 'unknown key "audience"'],
  ])('fails on %s, naming the path', (_name, section, path, message) => {
    const { problems, value } = check(section);
    expect(value).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ file: FILE, path, message: expect.stringContaining(message) }));
  });
});
