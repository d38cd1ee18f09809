import type { VpcLinkBackend } from '../config/schema/service-backend';
import { isObject, type JsonObject } from '../openapi/document';
import { classifyIntegration, gatewayOperations } from '../openapi/integration-kind';
import { lambdaProxyIntegration } from '../openapi/rules/lambda-integration';
import { vpcLinkIntegration } from './gateway-extensions';
import { toYaml, type YamlEdit } from './yaml-text-edits';

/**
 * What `import --fix` changes before the gateway extensions are added: the fixes the refusal messages describe that
 * import can make itself, each listed so the team sees (and reviews) it.
 * - Swagger 2.0 leftovers in an OpenAPI 3.0 file: `securityDefinitions` move to `components.securitySchemes`, a
 *   response header's `type` (and `format`) move into its `schema`.
 * - `x-amazon-apigateway-auth` (the source API's IAM or Cognito auth) is removed: the gateway authorizer is added.
 * - Integrations the platform does not deploy (lib/openapi/integration-kind.ts) are replaced by the declared
 *   backend's: the HTTP proxy through the service VPC link, or the Lambda proxy when import mapped the document to a
 *   Lambda backend. Lambda proxies and MOCK preflight are the mapping's (integration-mapping.ts), done before.
 * A hand-written OPTIONS keeps its integration: UAG-OAS-001 asks for the operation to go (the gateway writes preflight
 * from cors:), which only the team can decide.
 */
export function planImportFixes(
  document: JsonObject,
  backend: { readonly kind: 'vpcLink'; readonly protocol: VpcLinkBackend['protocol'] } | { readonly kind: 'lambda' },
): { edits: YamlEdit[]; changes: string[] } {
  const edits: YamlEdit[] = [];
  const changes: string[] = [];
  moveSecurityDefinitions(document, edits, changes);
  moveHeaderTypes(document, edits, changes);
  for (const { path, method, operation, location } of gatewayOperations(document)) {
    const name = `${method === 'x-amazon-apigateway-any-method' ? 'ANY' : method.toUpperCase()} ${path}`;
    const kind = classifyIntegration(method, operation['x-amazon-apigateway-integration']);
    if (operation['x-amazon-apigateway-auth'] !== undefined) {
      edits.push({ kind: 'delete', path: [...location, 'x-amazon-apigateway-auth'] });
      changes.push(
        `${name}: removed x-amazon-apigateway-auth ${JSON.stringify(operation['x-amazon-apigateway-auth'])} (the gateway authorizer is added instead)`,
      );
    }
    if (kind.fix === 'replace-with-backend' && kind.kind !== 'missing' && method !== 'options') {
      const value = backend.kind === 'lambda' ? lambdaProxyIntegration() : vpcLinkIntegration(path, method, backend.protocol);
      const into =
        backend.kind === 'lambda' ? "a Lambda proxy to the service's declared function" : `an http_proxy through the service VPC link to ${String(value.uri)}`;
      edits.push({ kind: 'delete', path: [...location, 'x-amazon-apigateway-integration'] });
      edits.push({ kind: 'entry', mapPath: location, key: 'x-amazon-apigateway-integration', value, yaml: toYaml(value) });
      changes.push(`${name}: replaced ${kind.found} with ${into}`);
    }
  }
  return { edits, changes };
}

function moveSecurityDefinitions(document: JsonObject, edits: YamlEdit[], changes: string[]): void {
  if (!isObject(document.securityDefinitions)) return;
  const existing = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  const moved: string[] = [];
  for (const [name, scheme] of Object.entries(document.securityDefinitions)) {
    if (name in existing) continue;
    edits.push({ kind: 'entry', mapPath: ['components', 'securitySchemes'], key: name, value: scheme, yaml: toYaml(scheme) });
    moved.push(name);
  }
  const kept = Object.keys(document.securityDefinitions).filter((name) => !moved.includes(name));
  edits.push({ kind: 'delete', path: ['securityDefinitions'] });
  changes.push(
    `moved securityDefinitions ${moved.join(', ') || '(none)'} to components.securitySchemes${kept.length > 0 ? `; dropped ${kept.join(', ')}, already defined there` : ''}`,
  );
}

function moveHeaderTypes(document: JsonObject, edits: YamlEdit[], changes: string[]): void {
  for (const { headers, location } of responseHeaders(document)) {
    for (const [name, header] of Object.entries(headers)) {
      if (!isObject(header) || header.type === undefined || header.schema !== undefined) continue;
      const schema = { type: header.type, ...(header.format !== undefined ? { format: header.format } : {}) };
      for (const key of Object.keys(schema)) edits.push({ kind: 'delete', path: [...location, name, key] });
      edits.push({ kind: 'entry', mapPath: [...location, name], key: 'schema', value: schema, yaml: toYaml(schema) });
      changes.push(
        `#/${[...location, name].map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}: moved ${Object.keys(schema).join(', ')} into schema`,
      );
    }
  }
}

/** Every `headers` map of a response, in operations and in components.responses. */
function responseHeaders(document: JsonObject): { headers: JsonObject; location: (string | number)[] }[] {
  const found: { headers: JsonObject; location: (string | number)[] }[] = [];
  const responsesAt = (responses: unknown, location: (string | number)[]) => {
    if (!isObject(responses)) return;
    for (const [code, response] of Object.entries(responses)) {
      if (isObject(response) && isObject(response.headers)) found.push({ headers: response.headers, location: [...location, code, 'headers'] });
    }
  };
  for (const { operation, location } of gatewayOperations(document)) responsesAt(operation.responses, [...location, 'responses']);
  if (isObject(document.components)) responsesAt(document.components.responses, ['components', 'responses']);
  return found;
}
