import { formatPointer } from '../../../lib/config/problems';
import type { JsonObject } from '../../../lib/openapi/document';
import { operationIdUnique } from '../../../lib/openapi/rules/operation-id-unique';
import { pathParameters } from '../../../lib/openapi/rules/path-parameters';
import { requestBodySchema } from '../../../lib/openapi/rules/request-body-schema';
import { requestValidation } from '../../../lib/openapi/rules/request-validation';
import { FIXTURE_SERVICE, readFixture, readNoncompliant } from './fixture-service';

/** Behaviour the fixtures do not show on their own: references, overrides and what messages say. */
const check = (rule: { check: typeof pathParameters.check }, document: JsonObject) =>
  rule.check({ document, service: FIXTURE_SERVICE }).map((finding) => ({ ...finding, pointer: formatPointer(finding.path) }));

describe('UAG-OAS-102 operation-id-unique', () => {
  it('names the operation that used the id first', () => {
    const { document } = readNoncompliant('UAG-OAS-102');
    expect(check(operationIdUnique, document)[0].message).toBe('operationId "getItem" of DELETE /items/{id} is already used by GET /items/{id}');
  });
});

describe('UAG-OAS-105 request-body-schema', () => {
  it('follows a request body shared through components/requestBodies and reports it where it is used', () => {
    const document = readFixture('UAG-OAS-105/compliant.yaml');
    const components = document.components as JsonObject;
    components.requestBodies = { NewItem: { content: { 'text/plain': {} } } };
    ((document.paths as JsonObject)['/items'] as JsonObject).post = {
      ...(((document.paths as JsonObject)['/items'] as JsonObject).post as JsonObject),
      requestBody: { $ref: '#/components/requestBodies/NewItem' },
    };
    expect(check(requestBodySchema, document).map((finding) => [finding.pointer, finding.message])).toEqual([
      ['#/paths/~1items/post/requestBody', 'POST /items accepts text/plain without a schema'],
    ]);
  });

  it('fails when a request body declares no content at all', () => {
    const document = readFixture('UAG-OAS-105/compliant.yaml');
    (((document.paths as JsonObject)['/items'] as JsonObject).post as JsonObject).requestBody = { required: true, content: {} };
    expect(check(requestBodySchema, document).map((finding) => finding.message)).toEqual(['POST /items has a request body without content']);
  });
});

describe('UAG-OAS-106 path-parameters', () => {
  it('accepts a path parameter declared through components/parameters', () => {
    const document = readFixture('UAG-OAS-101/compliant.yaml');
    (document.components as JsonObject).parameters = { ItemId: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } };
    (((document.paths as JsonObject)['/items/{id}'] as JsonObject).get as JsonObject).parameters = [{ $ref: '#/components/parameters/ItemId' }];
    expect(check(pathParameters, document)).toEqual([]);
  });

  it('tells how to declare a missing parameter', () => {
    const { document } = readNoncompliant('UAG-OAS-106');
    const missing = check(pathParameters, document).find((finding) => finding.pointer === '#/paths/~1items~1{id}/get');
    expect(missing?.message).toBe('GET /items/{id} does not declare path parameter "id"');
    expect(missing?.fix).toContain('{ name: id, in: path, required: true');
  });
});

describe('UAG-OAS-107 request-validation', () => {
  it('suggests the defined full validator when only the default is missing', () => {
    const document = readFixture('UAG-OAS-107/compliant.yaml');
    delete document['x-amazon-apigateway-request-validator'];
    expect(check(requestValidation, document).map((finding) => finding.fix)).toEqual([
      'set x-amazon-apigateway-request-validator: all at the top of the document',
    ]);
  });
});
