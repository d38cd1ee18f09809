import { formatPointer } from '../../../lib/config/problems';
import { lintOpenApi } from '../../../lib/openapi/lint';
import { FIXTURE_SERVICE, readFixture } from './fixture-service';

/**
 * Every problem at once: a structural error in one operation no longer hides the rule findings of the others, and
 * the official schema's errors come out as one readable finding each.
 */
describe('lintOpenApi on a document with a malformed operation', () => {
  const document = readFixture('UAG-OAS-004/compliant.yaml') as Record<string, any>;
  const item = document.paths['/items/{id}'];
  // A malformed operation (a response without description, a parameter with Swagger 2.0's type) ...
  item.delete = { ...item.get, operationId: 'deleteItem', responses: { '204': {} }, parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }] };
  // ... next to well-formed ones breaking platform rules: a duplicate operationId and no integration.
  item.put = { ...item.get };
  delete item.put['x-amazon-apigateway-integration'];

  const findings = lintOpenApi('openapi.yaml', document, FIXTURE_SERVICE).map(
    (problem) => `${problem.rule} ${formatPointer(problem.path)}: ${problem.message}`,
  );

  // The parameter's missing schema is the same problem as its Swagger type: one finding, saying where type goes.
  it('reports the structural errors in words, one per problem', () => {
    expect(findings.filter((finding) => finding.startsWith('UAG-OAS-000'))).toEqual([
      "UAG-OAS-000 #/paths/~1items~1{id}/delete/parameters/0/type: type is Swagger 2.0, not OpenAPI 3.0: a parameter's type, format, items, enum and default go into its schema",
      'UAG-OAS-000 #/paths/~1items~1{id}/delete/responses/204: missing required field "description"',
    ]);
  });

  it('still runs the platform rules on the well-formed operations', () => {
    expect(findings).toContain(
      'UAG-OAS-102 #/paths/~1items~1{id}/put/operationId: operationId "getItem" of PUT /items/{id} is already used by GET /items/{id}',
    );
    expect(findings).toContain('UAG-OAS-001 #/paths/~1items~1{id}/put/x-amazon-apigateway-integration: PUT /items/{id} has no x-amazon-apigateway-integration');
    // The malformed operation is left to the schema errors: no rule finding points into it.
    expect(findings.filter((finding) => finding.includes('/delete') && !finding.startsWith('UAG-OAS-000'))).toEqual([]);
  });
});
