import { routeKey, type RouteTable, type ScopeRequirement } from '../../authorizer/route-table';
import type { EnabledService, OpenApiDocument } from '../model';
import { ConfigError, type ConfigProblem } from '../problems';
import { isRecord } from '../../records';
import { gatewayAuthorizerSchemeNames } from '../../openapi/authorizer-scheme';
import { API_GATEWAY_OPERATION_METHODS } from '../../openapi/document';

/**
 * Compiles the authorizer's route table from the OpenAPI `security` requirements of the services enabled
 * in one environment: `GET /payments/{id}` → `[["payments/read"]]`.
 *
 * Only security schemes that carry `x-amazon-apigateway-authorizer` count: those are the gateway's
 * Lambda authorizer (the API stacks replace their values with the shared function). An operation's own
 * `security` wins over the document's; `security: []` or a requirement without the gateway scheme means
 * API Gateway does not call the authorizer for it, so it has no entry (and would be denied if it did).
 */

export function compileRouteTable(services: readonly EnabledService[]): RouteTable {
  const problems: ConfigProblem[] = [];
  const entries = [...services]
    .sort((a, b) => compare(a.service.definition.name, b.service.definition.name))
    .map(({ service }) => [service.definition.name, compileServiceRoutes(service.openApi, service.openApiFile, problems)] as const);
  if (problems.length > 0) throw new ConfigError(problems);
  return { version: 1, services: Object.fromEntries(entries) };
}

/** Route key → required scopes for one OpenAPI document, keys sorted so the bundle is byte-for-byte stable. */
export function compileServiceRoutes(document: OpenApiDocument, file: string, problems: ConfigProblem[] = []): Record<string, ScopeRequirement> {
  const schemes = new Set(gatewayAuthorizerSchemeNames(document));
  const routes: Record<string, ScopeRequirement> = {};
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [resourcePath, pathItem] of Object.entries(paths)) {
    if (!isRecord(pathItem)) continue;
    for (const [key, operation] of Object.entries(pathItem)) {
      const method = API_GATEWAY_OPERATION_METHODS[key];
      if (!method || !isRecord(operation)) continue;
      const declared = operation.security !== undefined ? ['paths', resourcePath, key, 'security'] : ['security'];
      const security = operation.security ?? document.security;
      const requirement = scopeRequirement(security, schemes, file, declared, problems);
      if (requirement.length > 0) routes[routeKey(method, resourcePath)] = requirement;
    }
  }
  return Object.fromEntries(Object.entries(routes).sort(([a], [b]) => compare(a, b)));
}

/** OR over requirement objects, AND over the scopes of the gateway scheme(s) inside one. */
function scopeRequirement(security: unknown, schemes: ReadonlySet<string>, file: string, path: PropertyKey[], problems: ConfigProblem[]): string[][] {
  if (security === undefined) return [];
  if (!Array.isArray(security)) {
    problems.push({
      file,
      path,
      message: 'security must be a list of requirement objects',
      fix: 'write e.g. security: [{ gatewayAuthorizer: [payments/read] }]',
    });
    return [];
  }
  const alternatives: string[][] = [];
  security.forEach((requirement: unknown, index) => {
    if (!isRecord(requirement)) {
      problems.push({
        file,
        path: [...path, index],
        message: 'a security requirement must be an object of scheme name → scopes',
        fix: 'write e.g. { gatewayAuthorizer: [payments/read] }',
      });
      return;
    }
    const ours = Object.entries(requirement).filter(([scheme]) => schemes.has(scheme));
    if (ours.length === 0) return;
    const scopes = new Set<string>();
    for (const [scheme, list] of ours) {
      if (!Array.isArray(list) || !list.every((scope) => typeof scope === 'string' && /^\S+$/.test(scope))) {
        problems.push({
          file,
          path: [...path, index, scheme],
          message: 'scopes must be a list of strings without spaces',
          fix: 'write e.g. [payments/read, payments/write]',
        });
        return;
      }
      list.forEach((scope: string) => scopes.add(scope));
    }
    alternatives.push([...scopes].sort(compare));
  });
  // Duplicated alternatives add nothing; sorting keeps the output stable when the YAML is reordered.
  const unique = new Map(alternatives.map((alternative) => [JSON.stringify(alternative), alternative]));
  return [...unique.values()].sort((a, b) => compare(JSON.stringify(a), JSON.stringify(b)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
