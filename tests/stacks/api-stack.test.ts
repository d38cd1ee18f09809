import { copyExampleConfig, editYaml, exampleEnvironment } from '../support/example-config';
import { synthEnvironment } from '../support/environment-json';
import { onlyResource, type TerraformJson } from '../support/synth-json';
import { loadConfig } from '../../lib/config/load';
import { App } from 'cdktf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildEnvironmentStacks } from '../../stacks/environment-stacks';

const only = onlyResource;
type RestApi = { name: string; body: string; policy?: string; endpoint_configuration: { types: string[] }; disable_execute_api_endpoint: boolean };

describe('API stacks (<env>-api-<service>)', () => {
  const prod = synthEnvironment(exampleEnvironment('prod'));
  const payments = prod.get('prod-api-payments')!;
  const ledger = prod.get('prod-api-ledger')!;
  const customers = prod.get('prod-api-customers')!;

  describe('REST API from the OpenAPI document', () => {
    const api = only<RestApi>(payments, 'aws_api_gateway_rest_api');
    const body = JSON.parse(api.body);

    it('is named <env>-<service>, REGIONAL, with the execute-api endpoint disabled', () => {
      expect(api).toMatchObject({ name: 'prod-payments', endpoint_configuration: { types: ['REGIONAL'] }, disable_execute_api_endpoint: true });
    });

    it('keeps API Gateway stage variables literal ($${...}) and fills the VPC link placeholder', () => {
      const integration = body.paths['/payments/{id}'].get['x-amazon-apigateway-integration'];
      expect(integration.uri).toBe('https://$${stageVariables.backendHost}/payments/{id}');
      expect(integration.connectionId).toMatch(/^\$\{data\.terraform_remote_state\.[\w-]+\.outputs\.[\w-]+\}$/);
      expect(api.body).not.toContain('${vpc_link_id}');
    });

    it('replaces the service authorizer with the gateway authorizer: unescaped references to its invoke ARN and role', () => {
      // `$${…}` here would reach API Gateway as the text of the reference, not the ARN.
      const scheme = body.components.securitySchemes.gatewayAuthorizer['x-amazon-apigateway-authorizer'];
      const remote = '${data.terraform_remote_state.cross-stack-reference-input-prod-gateway.outputs.';
      expect(scheme.authorizerUri).toBe(`${remote}cross-stack-output-aws_lambda_functionAuthorizer_Function_EB19F618invoke_arn}`);
      expect(scheme.authorizerCredentials).toBe(`${remote}cross-stack-output-aws_iam_roleAuthorizer_InvokeRole_EDD039E0arn}`);
      // …and those outputs of the gateway stack are the authorizer function's invoke ARN and its invoke role.
      const outputs = prod.get('prod-gateway')!.output!;
      expect(outputs['cross-stack-output-aws_lambda_functionAuthorizer_Function_EB19F618invoke_arn'].value).toBe(
        '${aws_lambda_function.Authorizer_Function_EB19F618.invoke_arn}',
      );
      expect(outputs['cross-stack-output-aws_iam_roleAuthorizer_InvokeRole_EDD039E0arn'].value).toBe('${aws_iam_role.Authorizer_InvokeRole_EDD039E0.arn}');
      expect(api.body).not.toContain('${authorizer_uri}');
    });

    it('calls a plaintext (TCP) backend over http://, never https:// to a TCP listener', () => {
      const privateBody = JSON.parse(only<RestApi>(ledger, 'aws_api_gateway_rest_api').body);
      expect(privateBody.paths['/entries/{id}'].get['x-amazon-apigateway-integration'].uri).toBe('http://$${stageVariables.backendHost}/entries/{id}');
      const stage = only<{ variables: Record<string, string> }>(ledger, 'aws_api_gateway_stage');
      expect(stage.variables.backendHost).toBe(
        '${data.terraform_remote_state.cross-stack-reference-input-prod-gateway.outputs.cross-stack-output-aws_lbNetwork_PrivateIntegrations_Nlb-ledger_0ECACDBAdns_name}:8080',
      );
    });

    it('sends the authorizer context, request id, audit headers and path parameters to the backend', () => {
      const operation = body.paths['/payments/{id}'].get;
      expect(operation['x-amazon-apigateway-integration'].requestParameters).toEqual({
        'integration.request.path.id': 'method.request.path.id',
        'integration.request.header.X-Principal-Id': 'context.authorizer.principalId',
        'integration.request.header.X-Principal-Issuer': 'context.authorizer.issuer',
        'integration.request.header.X-Client-Id': 'context.authorizer.clientId',
        'integration.request.header.X-Scopes': 'context.authorizer.scopes',
        'integration.request.header.X-Correlation-Id': 'context.authorizer.correlationId',
        'integration.request.header.X-Request-Id': 'context.requestId',
        'integration.request.header.X-Channel-Id': 'method.request.header.X-Channel-Id',
        'integration.request.header.X-Device-Id': 'method.request.header.X-Device-Id',
      });
      expect(operation.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'X-Channel-Id', in: 'header', required: false })]));
    });
  });

  describe('deployment and stage', () => {
    it('redeploys when the body or the policy changes (hash trigger, create before destroy)', () => {
      const deployment = only<{ triggers: Record<string, string>; lifecycle: Record<string, unknown> }>(payments, 'aws_api_gateway_deployment');
      expect(deployment.triggers).toEqual({ redeployment: '${sha1(jsonencode(local.Api_Public_DeploymentSource_F3C8E09C))}' });
      expect(payments.locals).toEqual({ Api_Public_DeploymentSource_F3C8E09C: [only<RestApi>(payments, 'aws_api_gateway_rest_api').body, ''] });
      expect(deployment.lifecycle).toEqual({ create_before_destroy: true });
    });

    it('hashes the private API policy from its source document, not the stored attribute the provider normalises', () => {
      // Hashing aws_api_gateway_rest_api.policy changed the trigger between plan and apply (issue 18).
      const deployment = only<{ triggers: Record<string, string> }>(ledger, 'aws_api_gateway_deployment');
      const api = only<RestApi>(ledger, 'aws_api_gateway_rest_api');
      expect(deployment.triggers).toEqual({ redeployment: '${sha1(jsonencode(local.Api_Private_DeploymentSource_B9C6B4F4))}' });
      expect(api.policy).toBe('${data.aws_iam_policy_document.Api_PrivatePolicy_504F5173.json}');
      expect(ledger.locals).toEqual({ Api_Private_DeploymentSource_B9C6B4F4: [api.body, '${data.aws_iam_policy_document.Api_PrivatePolicy_504F5173.json}'] });
    });

    it('changes the deployed body when the OpenAPI document changes', () => {
      const configDir = copyExampleConfig();
      editYaml(configDir, 'services/payments/openapi.yaml', (doc) => doc.setIn(['paths', '/payments', 'get', 'summary'], 'List payments, newest first.'));
      const config = loadConfig(configDir);
      const outdir = mkdtempSync(path.join(tmpdir(), 'uag-api-'));
      const app = new App({ outdir });
      buildEnvironmentStacks(app, config, config.environments.find((entry) => entry.config.name === 'prod')!.config);
      app.synth();
      const changed = JSON.parse(readFileSync(path.join(outdir, 'stacks', 'prod-api-payments', 'cdk.tf.json'), 'utf8')) as TerraformJson;
      const before = only<RestApi>(payments, 'aws_api_gateway_rest_api').body;
      const after = only<RestApi>(changed, 'aws_api_gateway_rest_api').body;
      expect(after).not.toBe(before);
      // The trigger hashes the body attribute, so a different body is a different trigger value at plan time.
      expect(only<{ triggers: unknown }>(changed, 'aws_api_gateway_deployment').triggers).toEqual(
        only<{ triggers: unknown }>(payments, 'aws_api_gateway_deployment').triggers,
      );
    });

    it('has JSON access logs, X-Ray tracing and the authorizer and backend stage variables', () => {
      const stage = only<{ xray_tracing_enabled: boolean; access_log_settings: { format: string }; variables: Record<string, string>; stage_name: string }>(
        payments,
        'aws_api_gateway_stage',
      );
      expect(stage.stage_name).toBe('prod');
      expect(stage.xray_tracing_enabled).toBe(true);
      expect(Object.keys(JSON.parse(stage.access_log_settings.format))).toEqual(
        expect.arrayContaining([
          'requestId',
          'extendedRequestId',
          'sourceIp',
          'principal',
          'clientId',
          'status',
          'latency',
          'integrationLatency',
          'authorizerError',
        ]),
      );
      expect(stage.variables.uagService).toBe('payments');
      // A TLS backend is called by the name on the listener certificate, not the NLB's *.elb.amazonaws.com name.
      expect(stage.variables.backendHost).toBe('payments.backends.example.com:8443');
    });

    it('sets metrics, logging level, no data trace and the service throttling on every method', () => {
      const settings = only<{ method_path: string; settings: Record<string, unknown> }>(payments, 'aws_api_gateway_method_settings');
      expect(settings.method_path).toBe('*/*');
      expect(settings.settings).toEqual({
        metrics_enabled: true,
        logging_level: 'ERROR',
        data_trace_enabled: false,
        throttling_rate_limit: 500,
        throttling_burst_limit: 1000,
      });
    });

    it('keeps access and execution logs with retention', () => {
      const groups = Object.values(payments.resource!.aws_cloudwatch_log_group).map((group) => [group.name, group.retention_in_days]);
      expect(groups).toEqual(
        expect.arrayContaining([
          ['/uag/api/prod-payments/access', 731],
          [expect.stringMatching(/^API-Gateway-Execution-Logs_\$\{aws_api_gateway_rest_api\.[\w-]+\.id\}\/prod$/), 90],
        ]),
      );
    });
  });

  describe('custom domains', () => {
    it('maps the public API on the regional domain under its multi-level base path', () => {
      const mapping = only<Record<string, unknown>>(payments, 'aws_apigatewayv2_api_mapping');
      expect(mapping).toMatchObject({
        domain_name: 'origin.api.example.com',
        api_mapping_key: 'v1/payments',
        stage: expect.stringMatching(/aws_api_gateway_stage\..*\.stage_name/),
      });
    });

    it('protects the public stage with the regional web ACL', () => {
      expect(only<Record<string, string>>(payments, 'aws_wafv2_web_acl_association')).toMatchObject({
        resource_arn: expect.stringMatching(/aws_api_gateway_stage\..*\.arn/),
        web_acl_arn: expect.stringMatching(/terraform_remote_state/),
      });
    });

    it('has a TLS 1.2 regional domain named origin.<public> in the gateway stack', () => {
      const gateway = prod.get('prod-gateway')!;
      expect(only<Record<string, unknown>>(gateway, 'aws_api_gateway_domain_name', 'RegionalDomain')).toMatchObject({
        domain_name: 'origin.api.example.com',
        security_policy: 'TLS_1_2',
        endpoint_configuration: { types: ['REGIONAL'] },
      });
    });
  });

  describe('visibility', () => {
    it('deploys a private service as a PRIVATE API with a resource policy and no public mapping', () => {
      const api = only<RestApi>(ledger, 'aws_api_gateway_rest_api');
      expect(api).toMatchObject({ name: 'prod-ledger', endpoint_configuration: { types: ['PRIVATE'] }, disable_execute_api_endpoint: false });
      expect(api.policy).toMatch(/aws_iam_policy_document/);
      expect(ledger.resource!.aws_apigatewayv2_api_mapping).toBeUndefined();
      expect(ledger.resource!.aws_wafv2_web_acl_association).toBeUndefined();
    });

    it('deploys a "both" service as a public API and an -internal private twin from the same document', () => {
      const apis = Object.values(customers.resource!.aws_api_gateway_rest_api) as unknown as RestApi[];
      expect(apis.map((api) => [api.name, api.endpoint_configuration.types[0]]).sort()).toEqual([
        ['prod-customers', 'REGIONAL'],
        ['prod-customers-internal', 'PRIVATE'],
      ]);
      expect(apis[0].body).toBe(apis[1].body);
    });
  });

  describe('alarms', () => {
    const alarms = Object.values(payments.resource!.aws_cloudwatch_metric_alarm);

    it('alarms on p95 and p99 latency, p99 integration latency and 5XX / 4XX rates', () => {
      const specs = alarms.map((alarm) => [alarm.metric_name, alarm.extended_statistic ?? alarm.statistic, alarm.threshold]);
      expect(specs).toHaveLength(5);
      expect(specs).toEqual(
        expect.arrayContaining([
          ['Latency', 'p95', 800],
          ['Latency', 'p99', 2000],
          ['IntegrationLatency', 'p99', 1500],
          ['5XXError', 'Average', 0.005],
          ['4XXError', 'Average', 0.05],
        ]),
      );
    });

    it('watches this API and stage and notifies the environment topic', () => {
      for (const alarm of alarms) {
        expect(alarm.dimensions).toEqual({ ApiName: 'prod-payments', Stage: 'prod' });
        // The gateway's topic (remote state) and the existing topic prod forwards to (observability.alarmNotifications).
        expect(alarm.alarm_actions).toEqual([expect.stringMatching(/terraform_remote_state/), 'arn:aws:sns:ap-southeast-1:444455558888:ops-chatbot-alerts']);
      }
    });
  });
});
