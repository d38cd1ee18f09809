import { compliantIf, type ResourceRule } from '../../rule';
import { refersTo } from '../../values';

export const methodsAuthorized: ResourceRule = {
  id: 'UAG-APIGW-007',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_method'],
  what: 'Every aws_api_gateway_method has an authorization type other than NONE (CORS preflight with a MOCK integration excepted).',
  why:
    'Methods declared as resources bypass the OpenAPI body and its checks. authorization = "NONE" lets anyone who reaches ' +
    'the API call the backend without a verified principal; api_key_required is not authorization (keys identify, they do not authenticate).',
  fix: 'Set authorization = "CUSTOM" with authorizer_id (or "AWS_IAM"), or suppress UAG-APIGW-007 for the method with a written reason.',
  check: (method, stack) => {
    const { authorization, http_method: httpMethod } = method.values;
    if (authorization !== 'NONE') return compliantIf(authorization !== undefined, 'authorization is unset');
    const preflight =
      httpMethod === 'OPTIONS' &&
      stack
        .ofType('aws_api_gateway_integration')
        .some(
          ({ values }) =>
            String(values.type).toUpperCase() === 'MOCK' &&
            (refersTo(values.http_method, method.address) ||
              (values.http_method === 'OPTIONS' && values.resource_id === method.values.resource_id && values.rest_api_id === method.values.rest_api_id)),
        );
    return compliantIf(preflight, `authorization is "NONE" on ${String(httpMethod)}`);
  },
};
