import { operationName, operationsOf } from '../document';
import type { OpenApiRule } from './rule';

/** Every operation has a one-line summary: the catalog, the developer portal and reviewers read it. */
export const operationSummary: OpenApiRule = {
  id: 'UAG-OAS-103',
  severity: 'warning',
  description: 'Every operation has a summary.',
  check: ({ document }) =>
    operationsOf(document)
      .filter(({ operation }) => typeof operation.summary !== 'string' || operation.summary.trim() === '')
      .map((reference) => ({
        path: [...reference.location],
        message: `${operationName(reference)} has no summary`,
        fix: 'add summary: <one short sentence saying what the operation does>',
      })),
};
