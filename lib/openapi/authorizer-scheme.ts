import { isObject, type JsonObject } from './document';

/**
 * Names of the security schemes that are the gateway's Lambda authorizer: those carrying
 * `x-amazon-apigateway-authorizer`. The API stacks replace them with the shared function, the rule pack requires
 * them on every operation, the route table compiles their scopes and `onboard import` adds one when none exists:
 * all four ask this function.
 */
export function gatewayAuthorizerSchemeNames(document: JsonObject): string[] {
  const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  return Object.entries(schemes)
    .filter(([, scheme]) => isObject(scheme) && isObject(scheme['x-amazon-apigateway-authorizer']))
    .map(([name]) => name);
}
