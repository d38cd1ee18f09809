import { isAttributes } from '../guardrails/values';
import type { Chain } from './hops';
import { bodyAttribute, type Route } from './route';

/** An OPTIONS operation answered by a MOCK integration: CORS preflight, which never reaches the authorizer or a backend. */
export function isCorsPreflight(route: Route): boolean {
  const integration = route.operation['x-amazon-apigateway-integration'];
  return route.method === 'OPTIONS' && isAttributes(integration) && String(integration.type).toLowerCase() === 'mock';
}

const ALLOW_ORIGIN = 'method.response.header.Access-Control-Allow-Origin';
const ALLOW_CREDENTIALS = 'method.response.header.Access-Control-Allow-Credentials';

/**
 * Browser preflight (docs/decisions/0014-backend-kinds.md): answered by API Gateway itself with 200, without the
 * authorizer (browsers send no Authorization header with a preflight), naming the methods, and an Allow-Origin that is
 * an exact origin (a static header, or echoed from a fixed list by the response template), never `*`.
 */
export function provePreflight(chain: Chain, route: Route): void {
  const integration = route.operation['x-amazon-apigateway-integration'] as Record<string, unknown>;
  const at = { name: 'cors-preflight', stack: route.api.stack.id, address: route.api.resource.address };
  const responses = isAttributes(integration.responses) ? integration.responses : {};
  const answer = isAttributes(responses.default) ? responses.default : {};
  const headers = isAttributes(answer.responseParameters) ? answer.responseParameters : {};
  const templates = isAttributes(answer.responseTemplates) ? answer.responseTemplates : {};
  const template = typeof templates['application/json'] === 'string' ? templates['application/json'] : '';
  const staticOrigin = headers[ALLOW_ORIGIN];
  const echoed = template.includes('$context.responseOverride.header.Access-Control-Allow-Origin');
  const security = route.operation.security;
  const problem =
    !Array.isArray(security) || security.length > 0
      ? {
          attribute: bodyAttribute(route, 'security'),
          problem: 'the preflight requires authorization, which browsers never send with it: every cross-origin call fails',
          fix: 'set security: [] on the generated OPTIONS operation',
        }
      : answer.statusCode !== '200'
        ? {
            attribute: bodyAttribute(route, 'x-amazon-apigateway-integration', 'responses', 'default', 'statusCode'),
            problem: `the preflight answers ${JSON.stringify(answer.statusCode)}, not 200`,
            fix: 'answer 200',
          }
        : staticOrigin === "'*'" || (staticOrigin === undefined && !echoed)
          ? {
              attribute: bodyAttribute(route, 'x-amazon-apigateway-integration', 'responses', 'default', 'responseParameters'),
              problem:
                staticOrigin === "'*'"
                  ? "Access-Control-Allow-Origin is '*': every web site may call the API"
                  : 'no Access-Control-Allow-Origin: browsers refuse every cross-origin call',
              fix: 'declare the exact origins under cors.allowOrigins in service.yaml',
            }
          : undefined;
  if (problem) chain.fail({ ...at, ...problem });
  const credentials = headers[ALLOW_CREDENTIALS] === "'true'" ? ', with credentials' : '';
  chain.pass({
    ...at,
    detail: `MOCK 200 without authorizer, Allow-Origin ${typeof staticOrigin === 'string' ? staticOrigin : 'echoed from the allowed origins'}${credentials}`,
  });
}
