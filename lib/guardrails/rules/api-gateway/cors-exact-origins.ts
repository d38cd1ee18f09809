import { bodyOperations, openApiBody } from '../../openapi-body';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../../rule';
import { isAttributes, type Attributes } from '../../values';

const ALLOW_ORIGIN = 'method.response.header.Access-Control-Allow-Origin';
const ALLOW_CREDENTIALS = 'method.response.header.Access-Control-Allow-Credentials';
const ORIGIN_OVERRIDE = '$context.responseOverride.header.Access-Control-Allow-Origin';

export const corsExactOrigins: ResourceRule = {
  id: 'UAG-APIGW-016',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_rest_api'],
  what: "CORS preflight (OPTIONS answered by MOCK) allows exact origins only: Access-Control-Allow-Origin is never '*' nor an unchecked echo of Origin.",
  why:
    "Allow-Origin '*' lets any web site call the API from its visitors' browsers, and echoing the request's Origin without comparing it " +
    "to a list is the same with extra steps; together with Access-Control-Allow-Credentials: true either one hands the visitors' " +
    'cookies or client certificates to every site on the internet. The gateway answers preflight for the origins service.yaml lists.',
  fix: 'Declare the exact origins under cors.allowOrigins in service.yaml; the platform generates the preflight (modules/gateway/cors-preflight.ts).',
  check: ({ values }) => {
    const body = openApiBody(values.body);
    if ('result' in body) return body.result;
    const preflights = bodyOperations(body.document)
      .filter(({ key }) => key === 'options')
      .map(({ path, operation }) => [path, operation['x-amazon-apigateway-integration']] as const);
    const mocks = preflights.filter(([, integration]) => isAttributes(integration) && String(integration.type).toLowerCase() === 'mock');
    if (mocks.length === 0) return NOT_APPLICABLE;
    const problems = mocks.flatMap(([path, integration]) => {
      const problem = originProblem(integration as Attributes);
      return problem ? [`OPTIONS ${path}: ${problem}`] : [];
    });
    return problems.length === 0 ? COMPLIANT : nonCompliant(problems.join('; '));
  },
};

function originProblem(integration: Attributes): string | undefined {
  const responses = isAttributes(integration.responses) ? Object.values(integration.responses).filter(isAttributes) : [];
  for (const response of responses) {
    const headers = isAttributes(response.responseParameters) ? response.responseParameters : {};
    const credentials = headers[ALLOW_CREDENTIALS] === "'true'" ? ' with Access-Control-Allow-Credentials true' : '';
    const origin = headers[ALLOW_ORIGIN];
    if (origin === "'*'") return `Access-Control-Allow-Origin is '*'${credentials}`;
    if (typeof origin === 'string' && origin.startsWith('method.request.header.'))
      return `Access-Control-Allow-Origin echoes ${origin} unchecked${credentials}`;
    const templates = isAttributes(response.responseTemplates) ? Object.values(response.responseTemplates) : [];
    for (const template of templates) {
      if (typeof template !== 'string' || !template.includes(ORIGIN_OVERRIDE)) continue;
      if (/responseOverride\.header\.Access-Control-Allow-Origin\s*=\s*["']\*["']/.test(template))
        return `the response template sets Access-Control-Allow-Origin to '*'${credentials}`;
      if (!/#if\s*\(.*==\s*"https:\/\//.test(template)) return `the response template echoes Origin without comparing it to exact origins${credentials}`;
    }
  }
  return undefined;
}
