import type { VpcLinkBackend } from '../config/schema/service-backend';
import { backendUri, VPC_LINK_PLACEHOLDER } from '../openapi/rules/vpc-link-integration';
import { VALIDATOR_KEY, VALIDATORS_KEY } from '../openapi/rules/request-validation';
import { API_GATEWAY_OPERATION_METHODS, type HttpMethod } from '../openapi/document';

/**
 * The API Gateway extensions a service's OpenAPI document carries on this platform, as the example services
 * write them. `new` and `import` both build documents from these, so a scaffolded and an imported service
 * look the same to the gateway and to reviewers.
 */

export const AUTHORIZER_SCHEME = 'gatewayAuthorizer';
export const FULL_VALIDATOR = 'all';
export { VALIDATOR_KEY, VALIDATORS_KEY };

/** The Lambda authorizer as a security scheme; the API stack fills the placeholders with the shared function. */
export function authorizerScheme(): Record<string, unknown> {
  return {
    type: 'apiKey',
    name: 'Authorization',
    in: 'header',
    'x-amazon-apigateway-authtype': 'custom',
    'x-amazon-apigateway-authorizer': {
      type: 'request',
      identitySource: 'method.request.header.Authorization',
      authorizerUri: '${authorizer_uri}',
      authorizerCredentials: '${authorizer_credentials}',
      authorizerResultTtlInSeconds: 300,
    },
  };
}

/** Validate bodies and parameters at the gateway (UAG-OAS-107). */
export function fullValidator(): Record<string, boolean> {
  return { validateRequestBody: true, validateRequestParameters: true };
}

/** Parameters of a path template: `/pets/{id}` → `['id']`; a greedy `{proxy+}` is the parameter `proxy` in API Gateway. */
export function pathTemplateParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((match) => match[1]);
}

/**
 * HTTP proxy integration to the service's backend through its own VPC link. The scheme follows the backend's
 * listener protocol, the host is a stage variable (written literally; the API stack escapes it for Terraform),
 * path parameters are passed through.
 */
export function vpcLinkIntegration(path: string, method: string, protocol: VpcLinkBackend['protocol']): Record<string, unknown> {
  const parameters = pathTemplateParameters(path);
  return {
    type: 'http_proxy',
    httpMethod: API_GATEWAY_OPERATION_METHODS[method] ?? method.toUpperCase(),
    connectionType: 'VPC_LINK',
    connectionId: VPC_LINK_PLACEHOLDER,
    uri: backendUri(protocol, path),
    ...(parameters.length > 0
      ? { requestParameters: Object.fromEntries(parameters.map((name) => [`integration.request.path.${name}`, `method.request.path.${name}`])) }
      : {}),
    passthroughBehavior: 'when_no_match',
  };
}

/** Methods that only read: they get the `<service>/read` scope, everything else `<service>/write`. */
const READ_METHODS: ReadonlySet<HttpMethod> = new Set(['get', 'head', 'options']);

/** The scope an operation requires by default, following the example services (`payments/read`). */
export function defaultScope(service: string, method: string): string {
  return `${service}/${READ_METHODS.has(method as HttpMethod) ? 'read' : 'write'}`;
}
