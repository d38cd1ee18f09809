import { readEmbeddedDocument } from '../../embedded-document';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../../rule';
import { isAttributes, type Attributes } from '../../values';

const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method'];
const PRINCIPAL = 'integration.request.header.X-Principal-Id';
const ISSUER = 'integration.request.header.X-Principal-Issuer';

/** What each identity header must carry: the authorizer's namespaced principal and its issuer, nothing a client sent. */
const EXPECTED: Readonly<Record<string, string>> = { [PRINCIPAL]: 'context.authorizer.principalId', [ISSUER]: 'context.authorizer.issuer' };

export const principalIssuerForwarded: ResourceRule = {
  id: 'UAG-APIGW-014',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_rest_api'],
  what: "An operation that forwards X-Principal-Id also forwards X-Principal-Issuer, both from the authorizer's context.",
  why:
    'Subjects are unique per identity provider only. The authorizer namespaces principal ids as <issuer>#<subject>, and backends ' +
    "also receive the issuer, so a partner token carrying a workforce user's sub never reaches a backend as that user. A mapping " +
    'that drops the issuer, or fills either header from the request instead of the authorizer, reopens that spoofing path.',
  fix: 'Map integration.request.header.X-Principal-Id to context.authorizer.principalId and integration.request.header.X-Principal-Issuer to context.authorizer.issuer (modules/gateway/gateway-extensions.ts AUTHORIZER_CONTEXT_HEADERS).',
  check: ({ values }) => {
    const body = readEmbeddedDocument(values.body);
    if (body.kind === 'absent') return NOT_APPLICABLE;
    if (body.kind === 'reference') return COMPLIANT;
    if (body.kind === 'unreadable') return nonCompliant(`body cannot be read (${body.reason}); render it as JSON or jsonencode({...})`);
    if (!isAttributes(body.value)) return nonCompliant('body is not an OpenAPI object');
    const problems = identityMappingProblems(body.value);
    if (problems === undefined) return NOT_APPLICABLE;
    return problems.length === 0 ? COMPLIANT : nonCompliant(problems.join('; '));
  },
};

/** Problems per operation that maps an identity header; `undefined` when no operation maps one. */
function identityMappingProblems(document: Attributes): string[] | undefined {
  const paths = isAttributes(document.paths) ? document.paths : {};
  let mapping = false;
  const problems = Object.entries(paths).flatMap(([path, item]) => {
    if (!isAttributes(item)) return [];
    return OPERATION_KEYS.filter((key) => isAttributes(item[key])).flatMap((key) => {
      const integration = (item[key] as Attributes)['x-amazon-apigateway-integration'];
      const parameters = isAttributes(integration) && isAttributes(integration.requestParameters) ? integration.requestParameters : {};
      if (parameters[PRINCIPAL] === undefined && parameters[ISSUER] === undefined) return [];
      mapping = true;
      const operation = `${key === 'x-amazon-apigateway-any-method' ? 'ANY' : key.toUpperCase()} ${path}`;
      return Object.entries(EXPECTED)
        .filter(([header, source]) => parameters[header] !== source)
        .map(
          ([header, source]) =>
            `${operation} maps ${header.replace('integration.request.header.', '')} from ${JSON.stringify(parameters[header] ?? null)}, expected ${source}`,
        );
    });
  });
  return mapping ? problems : undefined;
}
