import { locateParserMessage } from '../../../lib/onboarding/parser-location';

const DOCUMENT = {
  openapi: '3.0.3',
  paths: {
    '/payments': { get: { operationId: 'list', responses: { '200': { content: { 'application/json': { schema: { type: 'array' } } } } } } },
    '/payments/{id}': { get: { operationId: 'list', responses: { default: { $ref: '#/components/responses/Nope' } } } },
  },
};

describe('locateParserMessage', () => {
  it('turns the parser slash path into the real path, keys with slashes included', () => {
    expect(
      locateParserMessage('`/paths/payments/get/responses/200/content/application/json/schema` is an array, so it must include an `items` schema.', DOCUMENT),
    ).toEqual(['paths', '/payments', 'get', 'responses', '200', 'content', 'application/json', 'schema']);
  });

  it('prefers the longest path key (/payments/{id} over /payments)', () => {
    expect(locateParserMessage('`/paths/payments/{id}/get` is missing path parameter(s) for `{id}`.', DOCUMENT)).toEqual(['paths', '/payments/{id}', 'get']);
  });

  it('points at the second use of a duplicated operationId', () => {
    expect(locateParserMessage('The operationId `list` is duplicated and must be made unique.', DOCUMENT)).toEqual([
      'paths',
      '/payments/{id}',
      'get',
      'operationId',
    ]);
  });

  it('points at a $ref that does not resolve', () => {
    expect(locateParserMessage('Missing $ref pointer "#/components/responses/Nope". Token "components" does not exist.', DOCUMENT)).toEqual([
      'paths',
      '/payments/{id}',
      'get',
      'responses',
      'default',
      '$ref',
    ]);
  });

  it('falls back to the document root', () => {
    expect(locateParserMessage('Something else went wrong.', DOCUMENT)).toEqual([]);
  });
});
