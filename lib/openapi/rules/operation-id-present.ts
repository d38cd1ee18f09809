import { operationName, operationsOf } from '../document';
import type { OpenApiRule } from './rule';

/**
 * Every operation has an operationId. It names the method in API Gateway exports, generated SDKs and the
 * catalog, and it is how reviewers and logs refer to an operation without quoting its path.
 */
export const operationIdPresent: OpenApiRule = {
  id: 'UAG-OAS-101',
  severity: 'warning',
  description: 'Every operation has an operationId.',
  check: ({ document }) =>
    operationsOf(document)
      .filter(({ operation }) => typeof operation.operationId !== 'string' || operation.operationId.trim() === '')
      .map((reference) => ({
        path: [...reference.location],
        message: `${operationName(reference)} has no operationId`,
        fix: 'add operationId: <verbNoun>, e.g. listPayments, unique in the document',
      })),
};
