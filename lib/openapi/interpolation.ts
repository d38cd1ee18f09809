/**
 * `${…}` inside an OpenAPI document of this platform means one of two things, and nothing else:
 * - a placeholder the API stack fills at synth time with the gateway's values (`${vpc_link_id}`, ...);
 * - an API Gateway variable that must reach AWS literally (`${stageVariables.backendHost}`, `${context.requestId}`).
 * Terraform would read any other `${…}` as a reference, so the rule pack refuses it and the renderer never writes it.
 */

/** `${name}` anywhere in a string. */
export const INTERPOLATION = /\$\{([^}]*)\}/g;

/** Placeholders filled by the API stack (modules/gateway/service-api.ts). */
export const GATEWAY_PLACEHOLDERS = ['vpc_link_id', 'authorizer_uri', 'authorizer_credentials', 'lambda_invoke_arn'] as const;

/** API Gateway's variable namespaces: stage variables, context and request values, templates. */
export const API_GATEWAY_VARIABLE = /^(stageVariables|context|request|method|integration|util|input)\./;

export function isGatewayPlaceholder(name: string): boolean {
  return (GATEWAY_PLACEHOLDERS as readonly string[]).includes(name);
}
