import { isExpression } from '../../embedded-document';
import { bodyOperations, openApiBody } from '../../openapi-body';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../../rule';
import { isAttributes, type Attributes } from '../../values';

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
    const body = openApiBody(values.body);
    if ('result' in body) return body.result;
    const open = unauthorizedOperations(body.document);
    return open.length === 0 ? COMPLIANT : nonCompliant(`operations without authorization: ${open.join(', ')}`);
  },
};

/** `GET /health`-style names of the operations anyone can call. */
export function unauthorizedOperations(document: Attributes): string[] {
  return bodyOperations(document)
    .filter(({ key, operation }) => !isAuthorized(operation, document.security) && !isCorsPreflight(key, operation))
    .map(({ name }) => name);
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
