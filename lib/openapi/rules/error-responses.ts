import { isObject, operationName, operationsOf } from '../document';
import type { OpenApiRule } from './rule';

/**
 * Every operation declares its 4xx and 5xx responses. Clients always meet them: the gateway itself answers
 * 401/403 (authorizer), 400 (request validation), 429 (throttling) and 502/504 (backend), whatever the
 * backend does. `default` is not enough: it does not say whether the caller or the server is at fault.
 */
export const errorResponses: OpenApiRule = {
  id: 'UAG-OAS-104',
  severity: 'warning',
  description: 'Every operation declares 4xx and 5xx responses (codes or the 4XX/5XX ranges).',
  check: ({ document }) =>
    operationsOf(document).flatMap((reference) => {
      const codes = Object.keys(isObject(reference.operation.responses) ? reference.operation.responses : {});
      const missing = ['4', '5'].filter((family) => !codes.some((code) => code.startsWith(family)));
      if (missing.length === 0) return [];
      const ranges = missing.map((family) => `${family}XX`);
      return [
        {
          path: [...reference.location, 'responses'],
          message: `${operationName(reference)} declares no ${ranges.join(' or ')} response`,
          fix: `add ${ranges.map((range) => `"${range}"`).join(' and ')} responses (or specific codes such as 400, 404, 503), e.g. referencing components/responses`,
        },
      ];
    }),
};
