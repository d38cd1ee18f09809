import { operationName, operationsOf } from '../document';
import type { OpenApiRule } from './rule';

/**
 * operationIds are unique in the document. The OpenAPI specification requires it, and API Gateway uses the
 * operationId as the method's operation name: two methods with one name make exports and generated SDKs
 * ambiguous. An error, because the document is not valid OpenAPI otherwise.
 */
export const operationIdUnique: OpenApiRule = {
  id: 'UAG-OAS-102',
  severity: 'error',
  description: 'operationIds are unique in the document.',
  check: ({ document }) => {
    const firstUse = new Map<string, string>();
    return operationsOf(document).flatMap((reference) => {
      const id = reference.operation.operationId;
      if (typeof id !== 'string') return [];
      const first = firstUse.get(id);
      if (first === undefined) {
        firstUse.set(id, operationName(reference));
        return [];
      }
      return [
        {
          path: [...reference.location, 'operationId'],
          message: `operationId "${id}" of ${operationName(reference)} is already used by ${first}`,
          fix: 'give each operation its own operationId',
        },
      ];
    });
  },
};
