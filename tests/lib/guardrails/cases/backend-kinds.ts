import { corsExactOrigins } from '../../../../lib/guardrails/rules/api-gateway/cors-exact-origins';
import { integrationKinds } from '../../../../lib/guardrails/rules/api-gateway/integration-kinds';
import { apiGatewayPermissionExact } from '../../../../lib/guardrails/rules/lambda/api-gateway-permission-exact';
import type { RuleCases } from '../support';

/** Integrations and grants of the three backend kinds (docs/decisions/0014-backend-kinds.md). */

const INVOKE_ARN =
  'arn:aws:apigateway:ap-southeast-1:lambda:path/2015-03-31/functions/arn:aws:lambda:ap-southeast-1:777766666666:function:notifications-api:live/invocations';

const api = (paths: Record<string, unknown>) => ({
  name: 'dev-notifications',
  body: JSON.stringify({ openapi: '3.0.1', info: { title: 'notifications', version: '1' }, paths }),
});
const operation = (integration: Record<string, unknown>) => ({ security: [{ gatewayAuthorizer: [] }], 'x-amazon-apigateway-integration': integration });
const vpcLink = {
  type: 'http_proxy',
  connectionType: 'VPC_LINK',
  connectionId: '${data.terraform_remote_state.gateway.outputs.link}',
  uri: 'https://$${stageVariables.backendHost}/x',
};
const lambdaProxy = { type: 'aws_proxy', httpMethod: 'POST', uri: INVOKE_ARN };
const preflight = (responseParameters: Record<string, string>, responseTemplates?: Record<string, string>) => ({
  security: [],
  'x-amazon-apigateway-integration': {
    type: 'mock',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
    responses: { default: { statusCode: '200', responseParameters, ...(responseTemplates ? { responseTemplates } : {}) } },
  },
});
const ECHO_CHECKED =
  '#set($origin = $input.params().header.get("Origin"))\n#if($origin == "https://app.example.com" || $origin == "https://app.dev.example.com")\n#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)\n#end\n';
const ECHO_UNCHECKED = '#set($context.responseOverride.header.Access-Control-Allow-Origin = $input.params().header.get("Origin"))\n';

const permission = (overrides: Record<string, unknown> = {}) => ({
  action: 'lambda:InvokeFunction',
  function_name: 'arn:aws:lambda:ap-southeast-1:777766666666:function:notifications-api',
  qualifier: 'live',
  principal: 'apigateway.amazonaws.com',
  provider: 'aws.customers',
  source_arn: '${aws_api_gateway_rest_api.api.execution_arn}/${aws_api_gateway_stage.dev.stage_name}/GET/notifications/*',
  source_account: '444455556666',
  ...overrides,
});

export const BACKEND_KIND_CASES: RuleCases[] = [
  {
    rule: integrationKinds,
    cases: [
      {
        name: 'VPC link, Lambda proxy and an OPTIONS mock',
        resources: { 'aws_api_gateway_rest_api.api': api({ '/a': { get: operation(vpcLink), post: operation(lambdaProxy), options: preflight({}) } }) },
        expect: 'compliant',
      },
      {
        name: 'an AWS service integration (type aws)',
        resources: {
          'aws_api_gateway_rest_api.api': api({
            '/q': { post: operation({ type: 'aws', httpMethod: 'POST', uri: 'arn:aws:apigateway:ap-southeast-1:sqs:path/123/q' }) },
          }),
        },
        expect: { nonCompliant: 'POST /q: AWS service integration "arn:aws:apigateway:ap-southeast-1:sqs:path/123/q"' },
      },
      {
        name: 'HTTP proxy to a public URL (no VPC link)',
        resources: { 'aws_api_gateway_rest_api.api': api({ '/p': { get: operation({ type: 'http_proxy', uri: 'https://petstore.example.com/p' }) } }) },
        expect: { nonCompliant: 'GET /p: http_proxy to "https://petstore.example.com/p" without a VPC link (a public URL)' },
      },
      {
        name: 'a Lambda proxy with credentials',
        resources: {
          'aws_api_gateway_rest_api.api': api({ '/l': { get: operation({ ...lambdaProxy, credentials: 'arn:aws:iam::444455556666:role/invoke' }) } }),
        },
        expect: { nonCompliant: 'GET /l: Lambda proxy with credentials (the function resource policy is the grant)' },
      },
      {
        name: 'aws_proxy whose uri is not an invoke ARN (a CloudFormation Fn::Sub left in place)',
        resources: { 'aws_api_gateway_rest_api.api': api({ '/l': { get: operation({ ...lambdaProxy, uri: { 'Fn::Sub': 'arn:${AWS::Partition}:x' } }) } }) },
        expect: { nonCompliant: 'GET /l: aws_proxy to {"Fn::Sub":"arn:${AWS::Partition}:x"}, not a Lambda function\'s invoke ARN' },
      },
      {
        name: 'a MOCK answering GET',
        resources: { 'aws_api_gateway_rest_api.api': api({ '/m': { get: operation({ type: 'mock' }) } }) },
        expect: { nonCompliant: 'GET /m: MOCK integration on a method other than OPTIONS' },
      },
      { name: 'a REST API without a body', resources: { 'aws_api_gateway_rest_api.api': { name: 'dev-x' } }, expect: 'not-applicable' },
    ],
  },
  {
    rule: corsExactOrigins,
    cases: [
      {
        name: 'one exact origin as a static header',
        resources: {
          'aws_api_gateway_rest_api.api': api({
            '/a': { options: preflight({ 'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'" }) },
          }),
        },
        expect: 'compliant',
      },
      {
        name: 'several origins echoed after an exact comparison',
        resources: { 'aws_api_gateway_rest_api.api': api({ '/a': { options: preflight({}, { 'application/json': ECHO_CHECKED }) } }) },
        expect: 'compliant',
      },
      {
        name: "Allow-Origin '*' with credentials",
        resources: {
          'aws_api_gateway_rest_api.api': api({
            '/a': {
              options: preflight({
                'method.response.header.Access-Control-Allow-Origin': "'*'",
                'method.response.header.Access-Control-Allow-Credentials': "'true'",
              }),
            },
          }),
        },
        expect: { nonCompliant: "OPTIONS /a: Access-Control-Allow-Origin is '*' with Access-Control-Allow-Credentials true" },
      },
      {
        name: 'Allow-Origin mapped from the request Origin header',
        resources: {
          'aws_api_gateway_rest_api.api': api({
            '/a': { options: preflight({ 'method.response.header.Access-Control-Allow-Origin': 'method.request.header.Origin' }) },
          }),
        },
        expect: { nonCompliant: 'OPTIONS /a: Access-Control-Allow-Origin echoes method.request.header.Origin unchecked' },
      },
      {
        name: 'a template echoing any Origin',
        resources: { 'aws_api_gateway_rest_api.api': api({ '/a': { options: preflight({}, { 'application/json': ECHO_UNCHECKED }) } }) },
        expect: { nonCompliant: 'OPTIONS /a: the response template echoes Origin without comparing it to exact origins' },
      },
      { name: 'an API without preflight', resources: { 'aws_api_gateway_rest_api.api': api({ '/a': { get: operation(vpcLink) } }) }, expect: 'not-applicable' },
    ],
  },
  {
    rule: apiGatewayPermissionExact,
    cases: [
      { name: 'one stage, one method, the gateway account', resources: { 'aws_lambda_permission.get': permission() }, expect: 'compliant' },
      {
        name: 'every stage and method (/*/*)',
        resources: { 'aws_lambda_permission.all': permission({ source_arn: '${aws_api_gateway_rest_api.api.execution_arn}/*/*' }) },
        expect: { nonCompliant: 'source_arn ${aws_api_gateway_rest_api.api.execution_arn}/*/* does not name one stage and one method' },
      },
      {
        name: 'any stage (/*/GET/x)',
        resources: { 'aws_lambda_permission.get': permission({ source_arn: '${aws_api_gateway_rest_api.api.execution_arn}/*/GET/notifications' }) },
        expect: { nonCompliant: 'source_arn ${aws_api_gateway_rest_api.api.execution_arn}/*/GET/notifications does not name one stage and one method' },
      },
      {
        name: 'without source_account',
        resources: { 'aws_lambda_permission.get': permission({ source_account: undefined }) },
        expect: { nonCompliant: 'source_account is missing: the grant does not pin the gateway account' },
      },
      {
        name: 'without source_arn',
        resources: { 'aws_lambda_permission.get': permission({ source_arn: undefined }) },
        expect: { nonCompliant: 'source_arn is missing' },
      },
      {
        name: 'a permission for EventBridge',
        resources: { 'aws_lambda_permission.schedule': permission({ principal: 'events.amazonaws.com', source_arn: '${aws_cloudwatch_event_rule.x.arn}' }) },
        expect: 'not-applicable',
      },
    ],
  },
];
