import { isAttributes } from '../guardrails/values';
import { proveBackend } from './backend-chain';
import type { Chain } from './hops';
import { proveLambdaBackend } from './lambda-chain';
import { proveAuthorizer, proveMethod } from './method-hops';
import { isCorsPreflight, provePreflight } from './preflight-hops';
import type { Located } from './references';
import type { Route } from './route';

/**
 * From the method to the backend, by integration kind (docs/decisions/0014-backend-kinds.md): CORS preflight ends at
 * the gateway; every other method passes the authorizer, then goes to the Lambda function (aws_proxy) or through the
 * VPC link, NLB and Transit Gateway to the service's addresses.
 */
export function proveIntegration(chain: Chain, route: Route, stage: Located): void {
  proveMethod(chain, route);
  if (isCorsPreflight(route)) return provePreflight(chain, route);
  proveAuthorizer(chain, route);
  const integration = route.operation['x-amazon-apigateway-integration'];
  if (isAttributes(integration) && String(integration.type).toLowerCase() === 'aws_proxy') return proveLambdaBackend(chain, route, stage);
  proveBackend(chain, route, stage);
}
