import { CorsSchema } from '../../../lib/config/schema/cors';
import { addCorsPreflight } from '../../../modules/gateway/cors-preflight';

/** The preflight the gateway generates from cors: (decision 0014); the several-origin form is asserted on the example in tests/stacks. */
const document = {
  openapi: '3.0.3',
  paths: {
    '/orders': { get: { security: [{ gatewayAuthorizer: [] }] }, post: { security: [{ gatewayAuthorizer: [] }] } },
    '/orders/{id}': { delete: {} },
  },
};

describe('addCorsPreflight', () => {
  it('answers one origin with a static Allow-Origin, and credentials when asked', () => {
    const cors = CorsSchema.parse({ allowOrigins: ['https://shop.example.com'], allowCredentials: true, maxAgeSeconds: 300 });
    const result = addCorsPreflight(document, cors) as { paths: Record<string, Record<string, any>> };
    expect(result.paths['/orders']!.options['x-amazon-apigateway-integration'].responses).toEqual({
      default: {
        statusCode: '200',
        responseParameters: {
          'method.response.header.Access-Control-Allow-Methods': "'GET,POST,OPTIONS'",
          'method.response.header.Access-Control-Allow-Headers': "'Authorization,Content-Type'",
          'method.response.header.Access-Control-Max-Age': "'300'",
          'method.response.header.Vary': "'Origin'",
          'method.response.header.Access-Control-Allow-Origin': "'https://shop.example.com'",
          'method.response.header.Access-Control-Allow-Credentials': "'true'",
        },
      },
    });
    expect(Object.keys(result.paths['/orders']!.options.responses['200'].headers)).toEqual([
      'Access-Control-Allow-Credentials',
      'Access-Control-Allow-Headers',
      'Access-Control-Allow-Methods',
      'Access-Control-Allow-Origin',
      'Access-Control-Max-Age',
      'Vary',
    ]);
    expect(result.paths['/orders/{id}']!.options['x-amazon-apigateway-integration'].responses.default.responseParameters).toMatchObject({
      'method.response.header.Access-Control-Allow-Methods': "'DELETE,OPTIONS'",
    });
  });

  it('leaves the document it was given unchanged', () => {
    const before = structuredClone(document);
    addCorsPreflight(document, CorsSchema.parse({ allowOrigins: ['https://shop.example.com'] }));
    expect(document).toEqual(before);
  });
});
