import { block, isAttributes, stringList, type Attributes } from '../guardrails/values';
import { Chain, HopBroken, type BrokenHop, type Hop } from './hops';
import { provePrivateRoute } from './private-chain';
import { provePublicRoute } from './public-chain';
import { refersTo, type Located } from './references';
import type { Route } from './route';
import type { SynthesizedApp } from './synthesized-app';
import { API_GATEWAY_OPERATION_METHODS } from '../openapi/document';

/** The outcome of one route: every hop that holds, and the first broken one if any. */
export interface RouteProof {
  readonly environment: string;
  readonly service: string;
  readonly visibility: 'public' | 'private';
  readonly method: string;
  readonly path: string;
  readonly hops: readonly Hop[];
  readonly broken?: BrokenHop;
}

/** Proves every route of every REST API in the output (or of the given environments). */
export function proveRoutes(app: SynthesizedApp, environments?: readonly string[]): RouteProof[] {
  return findRoutes(app)
    .filter((route) => !environments || environments.includes(route.environment))
    .map(proveRoute);
}

export function proveRoute(route: Route): RouteProof {
  const chain = new Chain();
  let broken: BrokenHop | undefined;
  try {
    if (route.visibility === 'public') provePublicRoute(chain, route);
    else provePrivateRoute(chain, route);
  } catch (error) {
    if (!(error instanceof HopBroken)) throw error;
    broken = error.hop;
  }
  const { environment, service, visibility, method, path } = route;
  return { environment, service, visibility, method, path, hops: chain.hops, ...(broken ? { broken } : {}) };
}

/** Every method + path of every REST API body; the service is the stage's `uagService` variable or the stack's `-api-<name>`. */
export function findRoutes(app: SynthesizedApp): Route[] {
  const routes: Route[] = [];
  for (const stack of app.stacks) {
    for (const resource of stack.view.ofType('aws_api_gateway_rest_api')) {
      const api: Located = { stack, resource };
      const body = parseBody(resource.values.body);
      if (!body) continue;
      const types = stringList(block(resource.values.endpoint_configuration)?.types) ?? [];
      const visibility = types.includes('PRIVATE') ? 'private' : 'public';
      const stage = stack.view
        .ofType('aws_api_gateway_stage')
        .find((candidate) => refersTo(app, stack, candidate.values.rest_api_id, { stack, address: resource.address }, 'id'));
      const variables = stage && isAttributes(stage.values.variables) ? stage.values.variables : {};
      const service = typeof variables.uagService === 'string' ? variables.uagService : (/-api-(.+)$/.exec(stack.id)?.[1] ?? stack.id);
      const paths = isAttributes(body.paths) ? body.paths : {};
      for (const [path, item] of Object.entries(paths)) {
        if (!isAttributes(item)) continue;
        for (const [key, operation] of Object.entries(item)) {
          const method = API_GATEWAY_OPERATION_METHODS[key];
          if (method && isAttributes(operation)) routes.push({ app, environment: stack.environment, service, visibility, method, path, api, body, operation });
        }
      }
    }
  }
  return routes;
}

function parseBody(value: unknown): Attributes | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return isAttributes(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
