import { isRecord } from '../records';
/**
 * The route table the authorizer decides by: for each service, which scopes each operation requires.
 * It is compiled at synth time from every enabled service's OpenAPI `security` requirements
 * (lib/config/views/authorizer-routes.ts) and shipped as `routes.json` next to the handler, so the function never
 * reads an OpenAPI document at run time.
 */

/**
 * Scopes a token needs for one operation, as OpenAPI writes them: the token must satisfy at least one
 * alternative, and an alternative is satisfied when the token carries every scope in it.
 * `[[]]` means any valid token; `[]` (no alternative) admits nobody.
 */
export type ScopeRequirement = readonly (readonly string[])[];

export interface RouteTable {
  readonly version: 1;
  /** Service name → route key (`GET /payments/{id}`) → required scopes. */
  readonly services: Readonly<Record<string, Readonly<Record<string, ScopeRequirement>>>>;
}

/**
 * Stage variable that names the service a REST API stage serves. Every API of the gateway shares this
 * one authorizer, and the same method and path may exist in two services with different scopes, so the
 * authorizer needs to know which service's routes apply; API Gateway passes stage variables to REQUEST authorizers.
 */
export const SERVICE_STAGE_VARIABLE = 'uagService';

/** HTTP methods an OpenAPI path item can hold, plus API Gateway's catch-all. */
export const ROUTE_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'ANY'] as const;

/** `GET /payments/{id}`: the method and the resource path template exactly as API Gateway reports them. */
export function routeKey(method: string, resourcePath: string): string {
  return `${method.toUpperCase()} ${resourcePath}`;
}

/**
 * The requirement for a call, or undefined when the table does not know the route (the caller denies).
 * A method-specific entry wins over an `ANY` entry on the same path, as in API Gateway.
 */
export function findRoute(table: RouteTable, service: string, method: string, resourcePath: string): ScopeRequirement | undefined {
  if (!Object.hasOwn(table.services, service)) return undefined;
  const routes = table.services[service];
  const exact = routeKey(method, resourcePath);
  if (Object.hasOwn(routes, exact)) return routes[exact];
  const any = routeKey('ANY', resourcePath);
  return Object.hasOwn(routes, any) ? routes[any] : undefined;
}

/** Checks the shape of `routes.json`; throws with the offending path so a broken bundle fails at init, not per request. */
export function parseRouteTable(value: unknown): RouteTable {
  if (!isRecord(value) || value.version !== 1 || !isRecord(value.services)) {
    throw new Error('routes.json: expected {"version": 1, "services": {...}}');
  }
  for (const [service, routes] of Object.entries(value.services)) {
    if (!isRecord(routes)) throw new Error(`routes.json: services.${service} must be an object of routes`);
    for (const [key, requirement] of Object.entries(routes)) {
      const valid =
        Array.isArray(requirement) && requirement.every((alternative) => Array.isArray(alternative) && alternative.every((scope) => typeof scope === 'string'));
      if (!valid) throw new Error(`routes.json: services.${service}["${key}"] must be a list of scope lists`);
    }
  }
  return value as unknown as RouteTable;
}
