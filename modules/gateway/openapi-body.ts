import type { JsonObject } from '../../lib/openapi/document';
import { API_GATEWAY_VARIABLE, INTERPOLATION } from '../../lib/openapi/interpolation';

/** cdktf's string form of an unresolved token (`${TfToken[TOKEN.12]}`); it resolves to a Terraform reference. */
const CDKTF_TOKEN = /^TfToken\[TOKEN\.\d+\]$/;

/**
 * Renders an OpenAPI document into the JSON body of `aws_api_gateway_rest_api`.
 *
 * Terraform interpolates `${...}` inside every string of the synthesized JSON, and cdktf does not escape it.
 * So, for each `${...}`:
 * - a known placeholder (`${vpc_link_id}`, `${authorizer_uri}`, ...) becomes the given value;
 * - a cdktf token (the gateway's values, also inside the security scheme) is left alone, so it resolves to a
 *   Terraform reference (`${data.terraform_remote_state…}`): escaping it would hand AWS the reference's text;
 * - an API Gateway variable (`${stageVariables.backendHost}`) is written `$${...}`, which Terraform turns back into
 *   the literal `${...}` (unescaped, terraform validate fails with "Reference to undeclared resource").
 * Anything else would reach Terraform as a reference to nothing: the rule pack refuses it at load (UAG-OAS-004), and
 * this throws should it get here anyway.
 */
export function renderOpenApiBody(document: JsonObject, placeholders: Readonly<Record<string, string>>): string {
  return JSON.stringify(substitute(document, placeholders, '#'));
}

function substitute(value: unknown, placeholders: Readonly<Record<string, string>>, pointer: string): unknown {
  if (typeof value === 'string') {
    return value.replace(INTERPOLATION, (whole, name: string) => {
      if (Object.hasOwn(placeholders, name)) return placeholders[name];
      if (CDKTF_TOKEN.test(name)) return whole;
      if (API_GATEWAY_VARIABLE.test(name)) return `$${whole}`;
      throw new Error(
        `${pointer}: "${whole}" is neither a placeholder (${Object.keys(placeholders)
          .map((key) => `\${${key}}`)
          .join(', ')}) nor an API Gateway variable such as \${stageVariables.backendHost}`,
      );
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => substitute(item, placeholders, `${pointer}/${index}`));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substitute(item, placeholders, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)]),
    );
  }
  return value;
}
