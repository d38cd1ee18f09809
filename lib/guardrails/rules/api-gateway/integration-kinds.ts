import { lambdaInvokeTarget } from '../../../openapi/lambda-invoke-arn';
import { bodyOperations, openApiBody } from '../../openapi-body';
import { COMPLIANT, nonCompliant, type ResourceRule } from '../../rule';
import { isAttributes, type Attributes } from '../../values';

export const integrationKinds: ResourceRule = {
  id: 'UAG-APIGW-015',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_rest_api'],
  what: 'Every integration in a REST API body is a supported kind: HTTP through a VPC link, a Lambda proxy without credentials, or MOCK for OPTIONS.',
  why:
    'The platform proves, grants and monitors three ways out of an API (docs/decisions/0014-backend-kinds.md). An `aws` service ' +
    'integration acts in the gateway account with whatever role it names; an HTTP integration without a VPC link sends traffic to a ' +
    'public URL past the Transit Gateway and its security groups; a Lambda proxy with credentials invokes through a second grant ' +
    'nobody reviews; a MOCK on anything but OPTIONS answers clients without any backend.',
  fix: 'Declare backend.kind (vpcLink or lambda) in service.yaml and write the integration the onboarding guide shows; declare cors: for preflight instead of hand-written OPTIONS mocks.',
  check: ({ values }) => {
    const body = openApiBody(values.body);
    if ('result' in body) return body.result;
    const unsupported = unsupportedIntegrations(body.document);
    return unsupported.length === 0 ? COMPLIANT : nonCompliant(unsupported.join('; '));
  },
};

/** `GET /x: <what is wrong>` for every operation whose integration is not a supported kind. */
export function unsupportedIntegrations(document: Attributes): string[] {
  return bodyOperations(document).flatMap(({ key, operation, name }) => {
    const problem = integrationProblem(key, operation['x-amazon-apigateway-integration']);
    return problem ? [`${name}: ${problem}`] : [];
  });
}

function integrationProblem(key: string, integration: unknown): string | undefined {
  if (!isAttributes(integration)) return 'no x-amazon-apigateway-integration';
  const type = String(integration.type).toLowerCase();
  switch (type) {
    case 'http':
    case 'http_proxy':
      return integration.connectionType === 'VPC_LINK' ? undefined : `${type} to ${JSON.stringify(integration.uri)} without a VPC link (a public URL)`;
    case 'aws_proxy':
      if (!lambdaInvokeTarget(integration.uri)) return `aws_proxy to ${JSON.stringify(integration.uri)}, not a Lambda function's invoke ARN`;
      return integration.credentials === undefined ? undefined : 'Lambda proxy with credentials (the function resource policy is the grant)';
    case 'mock':
      return key === 'options' ? undefined : 'MOCK integration on a method other than OPTIONS';
    case 'aws':
      return `AWS service integration ${JSON.stringify(integration.uri)}`;
    default:
      return `integration type ${JSON.stringify(integration.type)}`;
  }
}
