import { randomUUID } from 'node:crypto';
import { validateWithParser } from '../../../lib/onboarding/parser-validation';
import { restoreEnvAfterEach } from '../../support/restore-env';

// The real parser, counted: the verdict must come from it once per document and from the disk cache afterwards.
jest.mock('@readme/openapi-parser', () => {
  const actual = jest.requireActual('@readme/openapi-parser');
  return { ...actual, validate: jest.fn(actual.validate) };
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parserValidate = (require('@readme/openapi-parser') as { validate: jest.Mock }).validate;

/** A document no earlier run has cached (its title is new), with a path parameter the parser flags. */
const freshDocument = () => ({
  openapi: '3.0.3',
  info: { title: `orders ${randomUUID()}`, version: '1.0.0' },
  paths: { '/orders/{id}': { get: { operationId: 'getOrder', responses: { '200': { description: 'ok' } } } } },
});

describe('validateWithParser', () => {
  restoreEnvAfterEach('UAG_DISK_CACHE');
  beforeEach(() => parserValidate.mockClear());

  it("reports the parser's problems with file and pointer", async () => {
    const problems = await validateWithParser('services/orders/openapi.yaml', freshDocument());
    expect(problems).toEqual([
      {
        file: 'services/orders/openapi.yaml',
        path: ['paths', '/orders/{id}', 'get'],
        pathStyle: 'json-pointer',
        message: '`/paths/orders/{id}/get` is missing path parameter(s) for `{id}`.',
        fix: 'correct the document as the message says (OpenAPI 3.0 specification: https://spec.openapis.org/oas/v3.0.3)',
        rule: 'openapi-parser',
        severity: 'error',
      },
    ]);
  });

  it('asks the parser once per document: the same document again is answered from the cache, with the same problems', async () => {
    const document = freshDocument();
    const first = await validateWithParser('a.yaml', document);
    const second = await validateWithParser('a.yaml', structuredClone(document));
    expect(second).toEqual(first);
    expect(parserValidate).toHaveBeenCalledTimes(1);
    await validateWithParser('a.yaml', { ...document, info: { ...document.info, version: '1.0.1' } });
    expect(parserValidate).toHaveBeenCalledTimes(2);
  });

  it('UAG_DISK_CACHE=off asks the parser every time', async () => {
    process.env.UAG_DISK_CACHE = 'off';
    const document = freshDocument();
    await validateWithParser('a.yaml', document);
    await validateWithParser('a.yaml', document);
    expect(parserValidate).toHaveBeenCalledTimes(2);
  });
});
