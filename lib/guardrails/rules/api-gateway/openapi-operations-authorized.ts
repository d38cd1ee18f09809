import { isExpression, readEmbeddedDocument } from '../../embedded-document';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../../rule';
import { isAttributes, type Attributes } from '../../values';

const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method'];

export const openApiOperationsAuthorized: ResourceRule = {
  id: 'UAG-APIGW-006',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_rest_api'],
  what: "Every operation in a REST API's OpenAPI body requires authorization (security requirement or x-amazon-apigateway-auth).",
  why:
    'An operation without a security requirement is callable by anyone who can reach the API: API Gateway does not run the ' +
    'authorizer for it, so the backend receives the request without a verified principal. This is how an internal endpoint ' +
    'ends up on the internet. CORS preflight (OPTIONS answered by a MOCK integration) is the only exemption, since browsers never ' +
    'send credentials with it. A deliberately public operation needs a suppression with a written reason.',
  fix: 'Add `security: [{<authorizer>: [scopes]}]` to the operation (or at the document root), or suppress UAG-APIGW-006 for this API with the reason in environments/<env>.yaml.',
  check: ({ values }) => {
    const body = readEmbeddedDocument(values.body);
    if (body.kind === 'absent') return NOT_APPLICABLE;
    // A body computed at apply time is set, but its operations cannot be verified here.
    if (body.kind === 'reference') return COMPLIANT;
    if (body.kind === 'unreadable') return nonCompliant(`body cannot be read (${body.reason}); render it as JSON or jsonencode({...})`);
    if (!isAttributes(body.value)) return nonCompliant('body is not an OpenAPI object');
    const open = unauthorizedOperations(body.value);
    return open.length === 0 ? COMPLIANT : nonCompliant(`operations without authorization: ${open.join(', ')}`);
  },
};

/** `GET /health`-style names of the operations anyone can call. */
export function unauthorizedOperations(document: Attributes): string[] {
  const paths = isAttributes(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, item]) => {
    if (!isAttributes(item)) return [];
    return OPERATION_KEYS.filter((key) => isAttributes(item[key]))
      .filter((key) => !isAuthorized(item[key] as Attributes, document.security) && !isCorsPreflight(key, item[key] as Attributes))
      .map((key) => `${key === 'x-amazon-apigateway-any-method' ? 'ANY' : key.toUpperCase()} ${path}`);
  });
}

function isAuthorized(operation: Attributes, rootSecurity: unknown): boolean {
  const auth = operation['x-amazon-apigateway-auth'];
  if (isAttributes(auth) && typeof auth.type === 'string' && auth.type.toUpperCase() !== 'NONE') return true;
  const security = operation.security ?? rootSecurity;
  if (isExpression(security)) return true;
  // `[]` disables security; an empty requirement `{}` in the list makes it optional.
  return (
    Array.isArray(security) &&
    security.length > 0 &&
    security.every((requirement) => isExpression(requirement) || (isAttributes(requirement) && Object.keys(requirement).length > 0))
  );
}

function isCorsPreflight(key: string, operation: Attributes): boolean {
  const integration = operation['x-amazon-apigateway-integration'];
  return key === 'options' && isAttributes(integration) && String(integration.type).toLowerCase() === 'mock';
}
