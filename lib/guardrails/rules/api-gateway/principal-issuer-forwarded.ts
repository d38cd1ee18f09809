import { bodyOperations, openApiBody } from '../../openapi-body';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../../rule';
import { isAttributes, type Attributes } from '../../values';

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
    const body = openApiBody(values.body);
    if ('result' in body) return body.result;
    const problems = identityMappingProblems(body.document);
    if (problems === undefined) return NOT_APPLICABLE;
    return problems.length === 0 ? COMPLIANT : nonCompliant(problems.join('; '));
  },
};

/** Problems per operation that maps an identity header; `undefined` when no operation maps one. */
function identityMappingProblems(document: Attributes): string[] | undefined {
  let mapping = false;
  const problems = bodyOperations(document).flatMap(({ operation, name }) => {
    const integration = operation['x-amazon-apigateway-integration'];
    const parameters = isAttributes(integration) && isAttributes(integration.requestParameters) ? integration.requestParameters : {};
    if (parameters[PRINCIPAL] === undefined && parameters[ISSUER] === undefined) return [];
    mapping = true;
    return Object.entries(EXPECTED)
      .filter(([header, source]) => parameters[header] !== source)
      .map(
        ([header, source]) =>
          `${name} maps ${header.replace('integration.request.header.', '')} from ${JSON.stringify(parameters[header] ?? null)}, expected ${source}`,
      );
  });
  return mapping ? problems : undefined;
}
