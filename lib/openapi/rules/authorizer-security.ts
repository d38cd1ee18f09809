import type { Operation } from '../document';
import { gatewayOperations } from '../integration-kind';
import type { OpenApiRule } from './rule';
import { gatewayAuthorizerSchemeNames } from '../authorizer-scheme';

/**
 * Every operation requires the gateway's Lambda authorizer, unless service.yaml lists it under
 * `publicOperations` with a written reason. An unauthenticated route is a decision, never an accident.
 */
export const authorizerSecurity: OpenApiRule = {
  id: 'UAG-OAS-002',
  severity: 'error',
  description: 'Every operation requires the gateway authorizer unless service.yaml declares it public with a reason.',
  check: ({ document, service }) => {
    const authorizerSchemes = new Set(gatewayAuthorizerSchemeNames(document));
    const declaredPublic = new Set(service.publicOperations.map((entry) => entry.operation));
    const globalSecurity = Array.isArray(document.security) ? (document.security as Record<string, string[]>[]) : undefined;

    // ANY methods (x-amazon-apigateway-any-method) too: they answer every method of their path.
    return gatewayOperations(document).flatMap((gatewayOperation) => {
      const reference = { ...gatewayOperation, operation: gatewayOperation.operation as Operation };
      const name = `${reference.method === 'x-amazon-apigateway-any-method' ? 'ANY' : reference.method.toUpperCase()} ${reference.path}`;
      if (declaredPublic.has(name)) return [];
      const requirements = reference.operation.security ?? globalSecurity ?? [];
      // Every alternative must go through the authorizer; `{}` (anonymous) or another scheme would bypass it.
      const protectedByAuthorizer =
        requirements.length > 0 && requirements.every((requirement) => Object.keys(requirement).some((scheme) => authorizerSchemes.has(scheme)));
      if (protectedByAuthorizer) return [];
      return [
        {
          path: reference.operation.security ? [...reference.location, 'security'] : [...reference.location],
          message: `${name} does not require the gateway authorizer`,
          fix: `add security: [{ ${[...authorizerSchemes][0] ?? 'gatewayAuthorizer'}: [<scopes>] }], or list "${name}" under publicOperations in service.yaml with a reason`,
        },
      ];
    });
  },
};
