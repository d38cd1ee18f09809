import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { SERVICE_STAGE_VARIABLE } from '../../../lib/authorizer/route-table';

export const API_ARN_PREFIX = 'arn:aws:execute-api:ap-southeast-1:444455556666:a1b2c3d4e5/v1';

/** A REQUEST authorizer event as API Gateway sends it for a REST API call through a custom domain. */
export function requestEvent(options: {
  authorization?: string | string[];
  method?: string;
  resource?: string;
  path?: string;
  service?: string;
  requestId?: string;
}): APIGatewayRequestAuthorizerEvent {
  const method = options.method ?? 'GET';
  const resource = options.resource ?? '/payments/{id}';
  const path = options.path ?? resource.replace(/\{[^}]+\}/g, '42');
  const values = options.authorization === undefined ? [] : Array.isArray(options.authorization) ? options.authorization : [options.authorization];
  return {
    type: 'REQUEST',
    methodArn: `${API_ARN_PREFIX}/${method}${path}`,
    resource,
    path,
    httpMethod: method,
    headers: values.length > 0 ? { Authorization: values[values.length - 1], Host: 'api.example.com' } : { Host: 'api.example.com' },
    multiValueHeaders: values.length > 0 ? { Authorization: values, Host: ['api.example.com'] } : { Host: ['api.example.com'] },
    pathParameters: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    stageVariables:
      options.service === undefined ? { [SERVICE_STAGE_VARIABLE]: 'payments' } : options.service === '' ? {} : { [SERVICE_STAGE_VARIABLE]: options.service },
    requestContext: {
      requestId: options.requestId ?? 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      resourcePath: resource,
      httpMethod: method,
    } as APIGatewayRequestAuthorizerEvent['requestContext'],
  };
}
