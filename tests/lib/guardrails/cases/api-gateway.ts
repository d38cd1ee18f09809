import { cacheEncrypted } from '../../../../lib/guardrails/rules/api-gateway/cache-encrypted';
import { dataTraceOff } from '../../../../lib/guardrails/rules/api-gateway/data-trace-off';
import { deploymentTriggers } from '../../../../lib/guardrails/rules/api-gateway/deployment-triggers';
import { domainTls } from '../../../../lib/guardrails/rules/api-gateway/domain-tls';
import { executeApiEndpointDisabled } from '../../../../lib/guardrails/rules/api-gateway/execute-api-endpoint-disabled';
import { methodsAuthorized } from '../../../../lib/guardrails/rules/api-gateway/methods-authorized';
import { openApiOperationsAuthorized } from '../../../../lib/guardrails/rules/api-gateway/openapi-operations-authorized';
import { privateApiSourceVpce } from '../../../../lib/guardrails/rules/api-gateway/private-api-source-vpce';
import { privateDomainSourceVpce } from '../../../../lib/guardrails/rules/api-gateway/private-domain-source-vpce';
import { stageAccessLogs } from '../../../../lib/guardrails/rules/api-gateway/stage-access-logs';
import { stageLoggingLevel } from '../../../../lib/guardrails/rules/api-gateway/stage-logging-level';
import { stageThrottling } from '../../../../lib/guardrails/rules/api-gateway/stage-throttling';
import { stageTracing } from '../../../../lib/guardrails/rules/api-gateway/stage-tracing';
import type { RuleCases } from '../support';

const stage = {
  rest_api_id: '${aws_api_gateway_rest_api.api.id}',
  deployment_id: '${aws_api_gateway_deployment.api.id}',
  stage_name: 'v1',
  xray_tracing_enabled: true,
  access_log_settings: { destination_arn: '${aws_cloudwatch_log_group.access.arn}', format: '{"requestId":"$context.requestId"}' },
};

const stageSettings = (settings: Record<string, unknown>, overrides: Record<string, unknown> = {}) => ({
  rest_api_id: '${aws_api_gateway_rest_api.api.id}',
  stage_name: '${aws_api_gateway_stage.v1.stage_name}',
  method_path: '*/*',
  settings,
  ...overrides,
});

const goodSettings = { logging_level: 'ERROR', metrics_enabled: true, data_trace_enabled: false, throttling_rate_limit: 100, throttling_burst_limit: 200 };

const openApi = (paths: Record<string, unknown>, root: Record<string, unknown> = {}) =>
  JSON.stringify({ openapi: '3.0.1', info: { title: 'payments', version: '1' }, ...root, paths });

const secured = {
  security: [{ 'uag-authorizer': ['payments/read'] }],
  'x-amazon-apigateway-integration': { type: 'http_proxy', uri: 'https://$${stageVariables.backend}/x' },
};

const vpceAllow = {
  statement: [
    {
      effect: 'Allow',
      actions: ['execute-api:Invoke'],
      resources: ['execute-api:/*'],
      principals: [{ type: 'AWS', identifiers: ['*'] }],
      condition: [{ test: 'StringEquals', variable: 'aws:SourceVpce', values: ['vpce-0a1b2c3d4e5f60001'] }],
    },
  ],
};

const vpceDenyOthers = {
  statement: [
    { effect: 'Allow', actions: ['execute-api:Invoke'], resources: ['execute-api:/*'], principals: [{ type: 'AWS', identifiers: ['*'] }] },
    {
      effect: 'Deny',
      actions: ['execute-api:Invoke'],
      resources: ['execute-api:/*'],
      principals: [{ type: 'AWS', identifiers: ['*'] }],
      condition: [{ test: 'StringNotEquals', variable: 'aws:sourceVpce', values: ['vpce-0a1b2c3d4e5f60001'] }],
    },
  ],
};

const privateApi = (extra: Record<string, unknown> = {}) => ({ name: 'dev-ledger', endpoint_configuration: { types: ['PRIVATE'] }, ...extra });

export const API_GATEWAY_CASES: RuleCases[] = [
  {
    rule: stageAccessLogs,
    cases: [
      { name: 'stage with destination and JSON format', resources: { 'aws_api_gateway_stage.v1': stage }, expect: 'compliant' },
      {
        name: 'stage without access_log_settings',
        resources: { 'aws_api_gateway_stage.v1': { ...stage, access_log_settings: undefined } },
        expect: { nonCompliant: 'access_log_settings is missing' },
      },
      {
        name: 'stage with a destination but an empty format',
        resources: {
          'aws_api_gateway_stage.v1': {
            ...stage,
            access_log_settings: [{ destination_arn: 'arn:aws:logs:ap-southeast-1:444455556666:log-group:x', format: '' }],
          },
        },
        expect: { nonCompliant: 'format is empty' },
      },
    ],
  },
  {
    rule: stageTracing,
    cases: [
      { name: 'xray_tracing_enabled = true', resources: { 'aws_api_gateway_stage.v1': stage }, expect: 'compliant' },
      {
        name: 'xray_tracing_enabled unset',
        resources: { 'aws_api_gateway_stage.v1': { ...stage, xray_tracing_enabled: undefined } },
        expect: { nonCompliant: 'xray_tracing_enabled is unset' },
      },
      {
        name: 'xray_tracing_enabled = false',
        resources: { 'aws_api_gateway_stage.v1': { ...stage, xray_tracing_enabled: false } },
        expect: { nonCompliant: 'false' },
      },
    ],
  },
  {
    rule: stageLoggingLevel,
    cases: [
      {
        name: '*/* settings referring to the stage with ERROR',
        resources: { 'aws_api_gateway_stage.v1': stage, 'aws_api_gateway_method_settings.all': stageSettings(goodSettings) },
        expect: 'compliant',
      },
      {
        name: '*/* settings naming the same stage and API literally with INFO',
        resources: {
          'aws_api_gateway_stage.v1': stage,
          'aws_api_gateway_method_settings.all': stageSettings({ ...goodSettings, logging_level: 'INFO' }, { stage_name: 'v1' }),
        },
        expect: 'compliant',
      },
      {
        name: 'no method settings for the stage',
        resources: { 'aws_api_gateway_stage.v1': stage },
        expect: { nonCompliant: 'no aws_api_gateway_method_settings' },
      },
      {
        name: 'logging level OFF',
        resources: { 'aws_api_gateway_stage.v1': stage, 'aws_api_gateway_method_settings.all': stageSettings({ ...goodSettings, logging_level: 'OFF' }) },
        expect: { nonCompliant: 'logging_level is "OFF"' },
      },
      {
        name: 'settings only for one method, not */*',
        resources: {
          'aws_api_gateway_stage.v1': stage,
          'aws_api_gateway_method_settings.one': stageSettings(goodSettings, { method_path: 'payments/GET' }),
        },
        expect: { nonCompliant: 'method_path "*/*"' },
      },
      {
        name: 'settings of another stage',
        resources: {
          'aws_api_gateway_stage.v1': stage,
          'aws_api_gateway_method_settings.all': stageSettings(goodSettings, { stage_name: '${aws_api_gateway_stage.v2.stage_name}' }),
        },
        expect: { nonCompliant: 'no aws_api_gateway_method_settings' },
      },
    ],
  },
  {
    rule: stageThrottling,
    cases: [
      {
        name: 'rate and burst limits set',
        resources: { 'aws_api_gateway_stage.v1': stage, 'aws_api_gateway_method_settings.all': stageSettings(goodSettings) },
        expect: 'compliant',
      },
      {
        name: 'rate limit -1 (unthrottled)',
        resources: { 'aws_api_gateway_stage.v1': stage, 'aws_api_gateway_method_settings.all': stageSettings({ ...goodSettings, throttling_rate_limit: -1 }) },
        expect: { nonCompliant: 'throttling_rate_limit is -1' },
      },
      {
        name: 'burst limit unset',
        resources: {
          'aws_api_gateway_stage.v1': stage,
          'aws_api_gateway_method_settings.all': stageSettings({ ...goodSettings, throttling_burst_limit: undefined }),
        },
        expect: { nonCompliant: 'throttling_burst_limit is unset' },
      },
      { name: 'no method settings', resources: { 'aws_api_gateway_stage.v1': stage }, expect: { nonCompliant: 'no aws_api_gateway_method_settings' } },
    ],
  },
  {
    rule: dataTraceOff,
    cases: [
      { name: 'data trace false', resources: { 'aws_api_gateway_method_settings.all': stageSettings(goodSettings) }, expect: 'compliant' },
      { name: 'data trace unset', resources: { 'aws_api_gateway_method_settings.all': stageSettings({ logging_level: 'ERROR' }) }, expect: 'compliant' },
      {
        name: 'data trace true',
        resources: { 'aws_api_gateway_method_settings.all': stageSettings({ ...goodSettings, data_trace_enabled: true }) },
        expect: { nonCompliant: 'data_trace_enabled is true' },
      },
    ],
  },
  {
    rule: openApiOperationsAuthorized,
    cases: [
      {
        name: 'every operation has a security requirement (JSON body)',
        resources: { 'aws_api_gateway_rest_api.api': { body: openApi({ '/payments': { get: secured, post: secured } }) } },
        expect: 'compliant',
      },
      {
        name: 'root-level security applies to operations without their own',
        resources: {
          'aws_api_gateway_rest_api.api': { body: openApi({ '/payments': { get: { 'x-amazon-apigateway-integration': {} } } }, { security: [{ auth: [] }] }) },
        },
        expect: 'compliant',
      },
      {
        name: 'CORS preflight answered by a MOCK integration',
        resources: {
          'aws_api_gateway_rest_api.api': {
            body: openApi({ '/payments': { get: secured, options: { 'x-amazon-apigateway-integration': { type: 'mock' } } } }),
          },
        },
        expect: 'compliant',
      },
      {
        name: 'x-amazon-apigateway-auth AWS_IAM',
        resources: { 'aws_api_gateway_rest_api.api': { body: openApi({ '/internal': { post: { 'x-amazon-apigateway-auth': { type: 'AWS_IAM' } } } }) } },
        expect: 'compliant',
      },
      {
        name: 'jsonencode body as cdktf writes it',
        resources: {
          'aws_api_gateway_rest_api.api': {
            body: '${jsonencode({"openapi" = "3.0.1", "paths" = {"/p" = {"get" = {"security" = [{"auth" = ["a"]}], "x-amazon-apigateway-integration" = {"uri" = "http://$${stageVariables.url}/p", "connectionId" = aws_api_gateway_vpc_link.payments.id}}}}})}',
          },
        },
        expect: 'compliant',
      },
      { name: 'API without a body (methods as resources)', resources: { 'aws_api_gateway_rest_api.api': { name: 'x' } }, expect: 'not-applicable' },
      {
        name: 'an operation without security and no root security',
        resources: {
          'aws_api_gateway_rest_api.api': { body: openApi({ '/payments': { get: secured }, '/health': { get: { 'x-amazon-apigateway-integration': {} } } }) },
        },
        expect: { nonCompliant: 'operations without authorization: GET /health' },
      },
      {
        name: 'security: [] switches the root requirement off',
        resources: { 'aws_api_gateway_rest_api.api': { body: openApi({ '/payments': { delete: { security: [] } } }, { security: [{ auth: [] }] }) } },
        expect: { nonCompliant: 'DELETE /payments' },
      },
      {
        name: 'an empty requirement {} makes authorization optional',
        resources: { 'aws_api_gateway_rest_api.api': { body: openApi({ '/payments': { get: { security: [{}, { auth: [] }] } } }) } },
        expect: { nonCompliant: 'GET /payments' },
      },
      {
        name: 'ANY method without security in a jsonencode body',
        resources: {
          'aws_api_gateway_rest_api.api': { body: '${jsonencode({"openapi" = "3.0.1", "paths" = {"/{proxy+}" = {"x-amazon-apigateway-any-method" = {}}}})}' },
        },
        expect: { nonCompliant: 'ANY /{proxy+}' },
      },
      {
        name: 'OPTIONS with a real integration is not a preflight',
        resources: {
          'aws_api_gateway_rest_api.api': { body: openApi({ '/payments': { options: { 'x-amazon-apigateway-integration': { type: 'http_proxy' } } } }) },
        },
        expect: { nonCompliant: 'OPTIONS /payments' },
      },
      {
        name: 'a body that is not JSON',
        resources: { 'aws_api_gateway_rest_api.api': { body: 'openapi: 3.0.1' } },
        expect: { nonCompliant: 'body cannot be read' },
      },
    ],
  },
  {
    rule: methodsAuthorized,
    cases: [
      {
        name: 'CUSTOM authorization',
        resources: { 'aws_api_gateway_method.get': { http_method: 'GET', authorization: 'CUSTOM', authorizer_id: '${aws_api_gateway_authorizer.jwt.id}' } },
        expect: 'compliant',
      },
      {
        name: 'OPTIONS with NONE answered by a MOCK integration',
        resources: {
          'aws_api_gateway_method.options': {
            http_method: 'OPTIONS',
            authorization: 'NONE',
            resource_id: '${aws_api_gateway_resource.p.id}',
            rest_api_id: '${aws_api_gateway_rest_api.api.id}',
          },
          'aws_api_gateway_integration.options': {
            type: 'MOCK',
            http_method: '${aws_api_gateway_method.options.http_method}',
            resource_id: '${aws_api_gateway_resource.p.id}',
          },
        },
        expect: 'compliant',
      },
      {
        name: 'GET with NONE',
        resources: { 'aws_api_gateway_method.get': { http_method: 'GET', authorization: 'NONE', api_key_required: true } },
        expect: { nonCompliant: 'authorization is "NONE" on GET' },
      },
      {
        name: 'OPTIONS with NONE and an HTTP integration',
        resources: {
          'aws_api_gateway_method.options': { http_method: 'OPTIONS', authorization: 'NONE' },
          'aws_api_gateway_integration.options': { type: 'HTTP_PROXY', http_method: '${aws_api_gateway_method.options.http_method}' },
        },
        expect: { nonCompliant: 'authorization is "NONE" on OPTIONS' },
      },
    ],
  },
  {
    rule: executeApiEndpointDisabled,
    cases: [
      {
        name: 'REGIONAL API with the endpoint disabled',
        resources: { 'aws_api_gateway_rest_api.api': { endpoint_configuration: { types: ['REGIONAL'] }, disable_execute_api_endpoint: true } },
        expect: 'compliant',
      },
      { name: 'PRIVATE API', resources: { 'aws_api_gateway_rest_api.api': privateApi() }, expect: 'not-applicable' },
      {
        name: 'REGIONAL API with the endpoint enabled',
        resources: { 'aws_api_gateway_rest_api.api': { endpoint_configuration: { types: ['REGIONAL'] } } },
        expect: { nonCompliant: 'disable_execute_api_endpoint is unset' },
      },
      {
        name: 'no endpoint_configuration (EDGE by default)',
        resources: { 'aws_api_gateway_rest_api.api': { disable_execute_api_endpoint: false } },
        expect: { nonCompliant: 'false' },
      },
    ],
  },
  {
    rule: privateApiSourceVpce,
    cases: [
      {
        name: 'policy from an aws_iam_policy_document that conditions the Allow on aws:SourceVpce',
        resources: {
          'aws_api_gateway_rest_api.api': privateApi({ policy: '${data.aws_iam_policy_document.invoke.json}' }),
          'data.aws_iam_policy_document.invoke': vpceAllow,
        },
        expect: 'compliant',
      },
      {
        name: 'aws_api_gateway_rest_api_policy with a Deny for other endpoints',
        resources: {
          'aws_api_gateway_rest_api.api': privateApi(),
          'aws_api_gateway_rest_api_policy.api': { rest_api_id: '${aws_api_gateway_rest_api.api.id}', policy: '${data.aws_iam_policy_document.invoke.json}' },
          'data.aws_iam_policy_document.invoke': vpceDenyOthers,
        },
        expect: 'compliant',
      },
      {
        name: 'inline JSON policy with StringEquals aws:SourceVpce',
        resources: {
          'aws_api_gateway_rest_api.api': privateApi({
            policy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: '*',
                  Action: 'execute-api:Invoke',
                  Resource: 'execute-api:/*',
                  Condition: { StringEquals: { 'aws:SourceVpce': ['vpce-1'] } },
                },
              ],
            }),
          }),
        },
        expect: 'compliant',
      },
      { name: 'REGIONAL API', resources: { 'aws_api_gateway_rest_api.api': { endpoint_configuration: { types: ['REGIONAL'] } } }, expect: 'not-applicable' },
      { name: 'PRIVATE API without any policy', resources: { 'aws_api_gateway_rest_api.api': privateApi() }, expect: { nonCompliant: 'no resource policy' } },
      {
        name: 'PRIVATE API whose policy allows everyone without a condition',
        resources: {
          'aws_api_gateway_rest_api.api': privateApi({ policy: '${data.aws_iam_policy_document.invoke.json}' }),
          'data.aws_iam_policy_document.invoke': { statement: [vpceDenyOthers.statement[0]] },
        },
        expect: { nonCompliant: 'neither denies other aws:SourceVpce' },
      },
      {
        name: 'PRIVATE API conditioned on aws:SourceVpc (the VPC, not the endpoint)',
        resources: {
          'aws_api_gateway_rest_api.api': privateApi({ policy: '${data.aws_iam_policy_document.invoke.json}' }),
          'data.aws_iam_policy_document.invoke': {
            statement: [{ ...vpceAllow.statement[0], condition: [{ test: 'StringEquals', variable: 'aws:SourceVpc', values: ['vpc-1'] }] }],
          },
        },
        expect: { nonCompliant: 'neither denies' },
      },
    ],
  },
  {
    rule: privateDomainSourceVpce,
    cases: [
      {
        name: 'private domain with an aws:SourceVpce policy',
        resources: {
          'aws_api_gateway_domain_name.private': {
            domain_name: 'api.internal.dev.example.com',
            endpoint_configuration: { types: ['PRIVATE'] },
            security_policy: 'TLS_1_2',
            policy: '${data.aws_iam_policy_document.domain.json}',
          },
          'data.aws_iam_policy_document.domain': vpceAllow,
        },
        expect: 'compliant',
      },
      {
        name: 'regional domain',
        resources: { 'aws_api_gateway_domain_name.public': { endpoint_configuration: { types: ['REGIONAL'] } } },
        expect: 'not-applicable',
      },
      {
        name: 'private domain without a policy',
        resources: { 'aws_api_gateway_domain_name.private': { endpoint_configuration: { types: ['PRIVATE'] } } },
        expect: { nonCompliant: 'no resource policy' },
      },
    ],
  },
  {
    rule: domainTls,
    cases: [
      { name: 'REST domain with TLS_1_2', resources: { 'aws_api_gateway_domain_name.public': { security_policy: 'TLS_1_2' } }, expect: 'compliant' },
      {
        name: 'v2 domain with TLS_1_2',
        resources: { 'aws_apigatewayv2_domain_name.public': { domain_name_configuration: { security_policy: 'TLS_1_2', endpoint_type: 'REGIONAL' } } },
        expect: 'compliant',
      },
      {
        name: 'enhanced TLS 1.3 policy',
        resources: { 'aws_api_gateway_domain_name.public': { security_policy: 'SecurityPolicy_TLS13_1_3_2025_09' } },
        expect: 'compliant',
      },
      {
        name: 'REST domain with TLS_1_0',
        resources: { 'aws_api_gateway_domain_name.public': { security_policy: 'TLS_1_0' } },
        expect: { nonCompliant: 'security_policy is "TLS_1_0"' },
      },
      {
        name: 'v2 domain without a security policy',
        resources: { 'aws_apigatewayv2_domain_name.public': { domain_name_configuration: { endpoint_type: 'REGIONAL' } } },
        expect: { nonCompliant: 'security_policy is unset' },
      },
    ],
  },
  {
    rule: deploymentTriggers,
    cases: [
      {
        name: 'triggers on the body hash and create_before_destroy',
        resources: {
          'aws_api_gateway_deployment.api': {
            triggers: { redeployment: '${sha1(aws_api_gateway_rest_api.api.body)}' },
            lifecycle: { create_before_destroy: true },
          },
        },
        expect: 'compliant',
      },
      {
        name: 'no triggers',
        resources: { 'aws_api_gateway_deployment.api': { lifecycle: { create_before_destroy: true } } },
        expect: { nonCompliant: 'triggers is empty' },
      },
      {
        name: 'triggers without create_before_destroy',
        resources: { 'aws_api_gateway_deployment.api': { triggers: { redeployment: 'abc' } } },
        expect: { nonCompliant: 'create_before_destroy' },
      },
    ],
  },
  {
    rule: cacheEncrypted,
    cases: [
      {
        name: 'caching on and encrypted',
        resources: { 'aws_api_gateway_method_settings.all': stageSettings({ caching_enabled: true, cache_data_encrypted: true }) },
        expect: 'compliant',
      },
      { name: 'caching off', resources: { 'aws_api_gateway_method_settings.all': stageSettings(goodSettings) }, expect: 'not-applicable' },
      {
        name: 'caching on, not encrypted',
        resources: { 'aws_api_gateway_method_settings.all': stageSettings({ caching_enabled: true }) },
        expect: { nonCompliant: 'cache_data_encrypted is unset' },
      },
    ],
  },
];
