import type { OpenApiRule } from './rule';

/**
 * The document is OpenAPI 3.0. API Gateway imports REST APIs from OpenAPI 2.0 and 3.0 only: a 3.1 document
 * is valid OpenAPI but fails at deployment, so it is stopped here.
 */
export const openApiVersion: OpenApiRule = {
  id: 'UAG-OAS-110',
  severity: 'error',
  description: 'The document is OpenAPI 3.0.x, the newest version API Gateway imports.',
  check: ({ document }) => {
    if (typeof document.openapi === 'string' && /^3\.0\.\d+$/.test(document.openapi)) return [];
    return [
      {
        path: ['openapi'],
        message: `API Gateway imports OpenAPI 3.0 documents, this one declares ${JSON.stringify(document.openapi)}`,
        fix: 'write the document as OpenAPI 3.0.3 (for 3.1: replace type lists such as [string, "null"] with nullable: true, and examples with example)',
      },
    ];
  },
};
