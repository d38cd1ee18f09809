import type { JsonObject } from '../../lib/openapi/document';

/** `${name}` in an OpenAPI document: a placeholder when `name` is known, an API Gateway variable otherwise. */
const INTERPOLATION = /\$\{([^}]*)\}/g;

/**
 * Renders an OpenAPI document into the JSON body of `aws_api_gateway_rest_api`.
 *
 * Terraform interpolates `${...}` inside every string of the synthesized JSON, and cdktf does not escape it.
 * So: known placeholders (`${vpc_link_id}`, `${authorizer_uri}`, ...) become the given values (cdktf tokens,
 * which resolve to Terraform references), and every other `${...}` — API Gateway's own variables such as
 * `${stageVariables.backendHost}` — is written as `$${...}`, which Terraform turns back into a literal `${...}`.
 * Without the escape, terraform validate fails with "Reference to undeclared resource".
 */
export function renderOpenApiBody(document: JsonObject, placeholders: Readonly<Record<string, string>>): string {
  return JSON.stringify(substitute(document, placeholders));
}

function substitute(value: unknown, placeholders: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') {
    return value.replace(INTERPOLATION, (whole, name: string) => (Object.hasOwn(placeholders, name) ? placeholders[name] : `$${whole}`));
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, placeholders));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, placeholders)]));
  }
  return value;
}
