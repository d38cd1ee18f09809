import { isObject, operationsOf, type JsonObject } from '../../lib/openapi/document';
import type { Service } from '../../lib/config/schema/service';
import { gatewayAuthorizerSchemeNames } from '../../lib/openapi/authorizer-scheme';

/**
 * Headers the backend receives from the gateway on every authorized call: who called, and how to correlate.
 * X-Principal-Id is `<issuer>#<subject>` and X-Principal-Issuer the issuer that vouched for it, so equal subjects of two
 * identity providers never look like the same user (issue 16; UAG-APIGW-014 keeps both mapped).
 */
export const AUTHORIZER_CONTEXT_HEADERS: Readonly<Record<string, string>> = {
  'X-Principal-Id': 'context.authorizer.principalId',
  'X-Principal-Issuer': 'context.authorizer.issuer',
  'X-Client-Id': 'context.authorizer.clientId',
  'X-Scopes': 'context.authorizer.scopes',
  'X-Correlation-Id': 'context.authorizer.correlationId',
};

/** The request id of the gateway, also in the access logs, so backend logs can be joined with them. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Applies what the platform adds to every service's document before deployment, without touching the
 * service's own file: the gateway authorizer's security scheme (replacing the service's definition of it),
 * authorizer context, request id and audit headers to the backend, and path parameters mapped through (HTTP
 * integrations; a Lambda proxy receives all of them in its event).
 * Returns a new document.
 */
export function applyGatewayExtensions(document: JsonObject, options: { service: Service; securityScheme: JsonObject }): JsonObject {
  const copy = structuredClone(document);
  const schemes = (copy.components as JsonObject | undefined)?.securitySchemes as JsonObject | undefined;
  for (const name of gatewayAuthorizerSchemeNames(copy)) schemes![name] = structuredClone(options.securityScheme);

  const publicOperations = new Set(options.service.publicOperations.map((entry) => entry.operation));
  for (const { path, method, operation } of operationsOf(copy)) {
    const integration = operation['x-amazon-apigateway-integration'];
    if (!isObject(integration)) continue;
    if (integration.type === 'aws_proxy') {
      // A Lambda proxy gets the whole request as its event: headers, requestContext.requestId and
      // requestContext.authorizer.*; API Gateway takes no header mappings for it.
      for (const header of options.service.auditHeaders) declareParameter(operation as JsonObject, header, 'header');
      continue;
    }
    const mapped: Record<string, string> = isObject(integration.requestParameters) ? { ...(integration.requestParameters as Record<string, string>) } : {};
    const authorized = !publicOperations.has(`${method.toUpperCase()} ${path}`);
    if (authorized) {
      for (const [header, source] of Object.entries(AUTHORIZER_CONTEXT_HEADERS)) mapped[`integration.request.header.${header}`] = source;
    }
    mapped[`integration.request.header.${REQUEST_ID_HEADER}`] = 'context.requestId';
    for (const header of options.service.auditHeaders) {
      mapped[`integration.request.header.${header}`] = `method.request.header.${header}`;
      declareParameter(operation as JsonObject, header, 'header');
    }
    for (const [, name] of path.matchAll(/\{([^}+]+)\+?\}/g)) {
      mapped[`integration.request.path.${name}`] ??= `method.request.path.${name}`;
    }
    integration.requestParameters = mapped;
  }
  return copy;
}

/** API Gateway maps only method parameters it knows: declare an optional one unless the document already does. */
function declareParameter(operation: JsonObject, name: string, location: 'header'): void {
  const parameters = Array.isArray(operation.parameters) ? (operation.parameters as JsonObject[]) : [];
  const declared = parameters.some(
    (parameter) => isObject(parameter) && parameter.in === location && String(parameter.name).toLowerCase() === name.toLowerCase(),
  );
  if (!declared) operation.parameters = [...parameters, { name, in: location, required: false, schema: { type: 'string' } }];
}
