import type { Cors } from '../../lib/config/schema/cors';
import { HTTP_METHODS, isObject, type JsonObject } from '../../lib/openapi/document';

/** Marks the OPTIONS operations the platform wrote, so reviewers (and the route proofs) tell them from the team's. */
export const GENERATED_PREFLIGHT_SUMMARY = 'CORS preflight, answered by the gateway (generated from cors: in service.yaml)';

const HEADER = (name: string) => `method.response.header.${name}`;
const quoted = (value: string) => `'${value}'`;

/**
 * Adds browser preflight to every path of a service's document, from `cors:` in service.yaml
 * (docs/decisions/0014-backend-kinds.md): an OPTIONS operation with a MOCK integration that answers 200 with the
 * Access-Control-* headers, without the authorizer (`security: []`; browsers send no credentials with a preflight, so
 * the authorizer would reject it and the browser would never send the real request).
 *
 * Allow-Origin is never `*`. One origin is a static header. Several are echoed only when the request's Origin is one of
 * them (a response-template override; API Gateway has no list-valued Allow-Origin), with `Vary: Origin` so caches keep
 * the answers apart; any other origin gets no Allow-Origin and the browser refuses the call.
 * Returns a new document; paths that already have an OPTIONS operation are left alone (the rule pack refuses those).
 */
export function addCorsPreflight(document: JsonObject, cors: Cors): JsonObject {
  const copy = structuredClone(document);
  const paths = isObject(copy.paths) ? copy.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item) || item.options !== undefined) continue;
    const methods = HTTP_METHODS.filter((method) => method !== 'options' && isObject(item[method])).map((method) => method.toUpperCase());
    if (methods.length === 0) continue;
    item.options = preflightOperation(path, [...methods, 'OPTIONS'], cors);
  }
  return copy;
}

function preflightOperation(path: string, methods: readonly string[], cors: Cors): JsonObject {
  const staticOrigin = cors.allowOrigins.length === 1 ? cors.allowOrigins[0] : undefined;
  const headers: Record<string, string> = {
    'Access-Control-Allow-Methods': quoted(methods.join(',')),
    'Access-Control-Allow-Headers': quoted(cors.allowHeaders.join(',')),
    'Access-Control-Max-Age': quoted(String(cors.maxAgeSeconds)),
    Vary: quoted('Origin'),
    ...(staticOrigin ? { 'Access-Control-Allow-Origin': quoted(staticOrigin) } : {}),
    ...(cors.allowCredentials ? { 'Access-Control-Allow-Credentials': quoted('true') } : {}),
  };
  const declared = [...Object.keys(headers), ...(staticOrigin ? [] : ['Access-Control-Allow-Origin'])];
  const pathParameters = [...path.matchAll(/\{([^}+]+)\+?\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  return {
    summary: GENERATED_PREFLIGHT_SUMMARY,
    ...(pathParameters.length > 0 ? { parameters: pathParameters } : {}),
    security: [],
    responses: {
      '200': {
        description: 'Preflight answer: what the browser may send from the allowed origins.',
        headers: Object.fromEntries(declared.sort().map((name) => [name, { schema: { type: 'string' } }])),
      },
    },
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      passthroughBehavior: 'never',
      responses: {
        default: {
          statusCode: '200',
          responseParameters: Object.fromEntries(Object.entries(headers).map(([name, value]) => [HEADER(name), value])),
          ...(staticOrigin ? {} : { responseTemplates: { 'application/json': originEchoTemplate(cors.allowOrigins) } }),
        },
      },
    },
  };
}

/**
 * Velocity template of the integration response: sets Allow-Origin to the request's Origin only when it is exactly one
 * of the allowed origins. Origins are validated (https://host[:port]), so they hold no quote or `$` to escape.
 */
export function originEchoTemplate(origins: readonly string[]): string {
  const test = origins.map((origin) => `$origin == "${origin}"`).join(' || ');
  return [
    '#set($origin = $input.params().header.get("Origin"))',
    '#if("$!origin" == "")#set($origin = $input.params().header.get("origin"))#end',
    `#if(${test})`,
    '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
    '',
  ].join('\n');
}
