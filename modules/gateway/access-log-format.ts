/**
 * One JSON object per request in the stage's access log. `$context.*` are API Gateway variables (no braces, so
 * Terraform leaves them alone). The request id is the one sent to the backend as X-Request-Id.
 */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  principal: '$context.authorizer.principalId',
  clientId: '$context.authorizer.clientId',
  domainName: '$context.domainName',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integration.latency',
  integrationStatus: '$context.integration.status',
  authorizerError: '$context.authorizer.error',
  wafResponseCode: '$context.wafResponseCode',
});
