import { isObject } from '../document';
import type { OpenApiFinding, OpenApiRule } from './rule';

/**
 * Every `$ref` points inside the document (`#/components/...`). The document becomes the body of the REST API
 * as it is: API Gateway cannot follow references to other files or URLs, so the import would fail.
 */
export const localReferences: OpenApiRule = {
  id: 'UAG-OAS-109',
  severity: 'error',
  description: 'Every $ref is local to the document (#/...).',
  check: ({ document }) => {
    const findings: OpenApiFinding[] = [];
    const visit = (node: unknown, path: (string | number)[]) => {
      if (Array.isArray(node)) node.forEach((child, index) => visit(child, [...path, index]));
      else if (isObject(node)) {
        if (typeof node.$ref === 'string' && !node.$ref.startsWith('#/')) {
          findings.push({
            path: [...path, '$ref'],
            message: `reference ${JSON.stringify(node.$ref)} points outside the document`,
            fix: 'copy the referenced definition under components/ and refer to it as #/components/...',
          });
        }
        for (const [key, child] of Object.entries(node)) visit(child, [...path, key]);
      }
    };
    visit(document, []);
    return findings;
  },
};
