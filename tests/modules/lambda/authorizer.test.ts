import { TerraformOutput, Testing } from 'cdktf';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import { compileRouteTable } from '../../../lib/config/views/authorizer-routes';
import { enabledServices } from '../../../lib/config/model';
import type { Environment } from '../../../lib/config/schema/environment';
import { OFFLINE_CONTEXT_KEY } from '../../../lib/synthesis-mode';
import { ApiAuthorizer, AUTHORIZER_IDENTITY_SOURCES, gatewaySecurityScheme } from '../../../modules/lambda/authorizer';
import { LandingZoneStack } from '../../../stacks/base-stack';
import { exampleConfig, exampleEnvironment } from '../../support/example-config';
import { requestEvent } from '../../lambdas/support/authorizer-events';
import { startJwksServer } from '../../lambdas/support/jwks-server';
import { jwks, nowSeconds, rsaSigningKey, signJwt } from '../../lambdas/support/signing-keys';
import { readZip } from './support/read-zip';
import { onlyResource, policyStatements, synthesizeStack } from './support/synth';

const PROD_GATEWAY_ACCOUNT = '444455558888';

function gatewayWithAuthorizer(options: { environment?: Environment; offline?: boolean; services?: ReturnType<typeof enabledServices> } = {}) {
  const environment = options.environment ?? exampleEnvironment('prod');
  const app = Testing.app({ context: options.offline ? { [OFFLINE_CONTEXT_KEY]: true } : {} });
  const stack = new LandingZoneStack(app, { environment, kind: 'gateway', accountAlias: environment.roles.gateway });
  const services = options.services ?? enabledServices(exampleConfig(), environment);
  const authorizer = new ApiAuthorizer(stack, 'Authorizer', {
    environment: environment.name,
    region: environment.region,
    accountId: stack.accountId,
    settings: environment.authorizer,
    routeTable: compileRouteTable(services),
    logKmsKeyArn: 'arn:aws:kms:ap-southeast-1:444455558888:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    alarmActions: ['arn:aws:sns:ap-southeast-1:444455558888:prod-alarms'],
  });
  return { app, stack, authorizer, services };
}

const archiveFiles = (synthesized: ReturnType<typeof synthesizeStack>) =>
  new Map(readZip(synthesized.readFile(onlyResource(synthesized.json, 'aws_lambda_function').filename as string)).map((entry) => [entry.name, entry.data]));

describe('bundled configuration', () => {
  it('ships the route table of the enabled services and the configured issuers next to the handler', () => {
    const { app, stack, services } = gatewayWithAuthorizer();
    const files = archiveFiles(synthesizeStack(app, stack));

    expect([...files.keys()]).toEqual(['index.js', 'index.js.map', 'issuers.json', 'routes.json']);
    expect(JSON.parse(files.get('routes.json')?.toString() ?? '')).toEqual(compileRouteTable(services));
    expect(JSON.parse(files.get('issuers.json')?.toString() ?? '')).toEqual({
      issuers: [
        {
          issuer: 'https://login.example.com/oauth2/default',
          jwksUri: 'https://login.example.com/oauth2/default/v1/keys',
          audiences: ['api://uag-prod'],
          clientIds: [],
          algorithms: ['RS256'],
        },
        {
          issuer: 'https://partners.example.com/oidc',
          jwksUri: 'https://partners.example.com/oidc/.well-known/jwks.json',
          audiences: [],
          clientIds: ['partner-hub-settlement'],
          algorithms: ['ES256'],
        },
      ],
    });
  });

  it('redeploys when the enabled services change, because the route table is part of the archive', () => {
    const all = gatewayWithAuthorizer();
    const onlyPayments = gatewayWithAuthorizer({ services: all.services.filter((entry) => entry.service.definition.name === 'payments') });
    expect(onlyPayments.authorizer.function.sourceCodeHash).not.toBe(all.authorizer.function.sourceCodeHash);
    expect(Object.keys(onlyPayments.authorizer.routeTable.services)).toEqual(['payments']);
  });

  it('keeps the bundle under 150 KB', () => {
    const { app, stack } = gatewayWithAuthorizer();
    expect(archiveFiles(synthesizeStack(app, stack)).get('index.js')?.length).toBeLessThan(150 * 1024);
  });
});

describe('function', () => {
  it('takes name, timeout and reserved concurrency from the environment', () => {
    const { app, stack } = gatewayWithAuthorizer();
    expect(onlyResource(synthesizeStack(app, stack).json, 'aws_lambda_function')).toMatchObject({
      function_name: 'prod-authorizer',
      timeout: 5,
      reserved_concurrent_executions: 100,
      memory_size: 512,
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
    });
  });

  it('alarms on logged faults and runtime crashes, not on the Lambda errors every rejected token causes', () => {
    const { app, stack } = gatewayWithAuthorizer();
    const { json } = synthesizeStack(app, stack);
    const errors = Object.values(json.resource.aws_cloudwatch_metric_alarm).find((alarm) => alarm.alarm_name === 'prod-authorizer-errors');

    expect(errors).toMatchObject({ metric_name: 'prod-authorizer-faults', alarm_actions: ['arn:aws:sns:ap-southeast-1:444455558888:prod-alarms'] });
    expect(Object.values(json.resource.aws_cloudwatch_log_metric_filter).map((filter) => filter.pattern)).toEqual([
      '{ $.level = "error" }',
      '?"Task timed out" ?"Runtime.ImportModuleError" ?"Runtime.ExitError" ?"Runtime.UnhandledPromiseRejection"',
    ]);
  });

  it('gives the function itself no AWS permissions beyond its logs and traces', () => {
    const { app, stack } = gatewayWithAuthorizer();
    const actions = policyStatements(synthesizeStack(app, stack).json, 'Function_Permissions').flatMap((statement) => statement.actions as string[]);
    expect(actions.sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });
});

describe('credentials role', () => {
  it('can be assumed only by API Gateway for this account, and may only invoke the authorizer', () => {
    const { app, stack } = gatewayWithAuthorizer();
    const { json } = synthesizeStack(app, stack);

    expect(policyStatements(json, 'InvokeTrustPolicy')).toEqual([
      {
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['apigateway.amazonaws.com'] }],
        condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [PROD_GATEWAY_ACCOUNT] }],
      },
    ]);
    expect(policyStatements(json, 'InvokePolicy')).toEqual([
      {
        sid: 'InvokeAuthorizer',
        actions: ['lambda:InvokeFunction'],
        resources: [expect.stringMatching(/^\$\{aws_lambda_function\.Authorizer_Function_[0-9A-F]{8}\.arn\}$/)],
      },
    ]);
    expect(
      Object.values(json.resource.aws_iam_role)
        .map((role) => role.name)
        .sort(),
    ).toEqual(['prod-authorizer-exec', 'prod-authorizer-invoke']);
  });
});

describe('wire-up for API stacks', () => {
  const expectedInvokeArn = `arn:aws:apigateway:ap-southeast-1:lambda:path/2015-03-31/functions/arn:aws:lambda:ap-southeast-1:${PROD_GATEWAY_ACCOUNT}:function:prod-authorizer/invocations`;
  const expectedRoleArn = `arn:aws:iam::${PROD_GATEWAY_ACCOUNT}:role/prod-authorizer-invoke`;

  it('describes the OpenAPI security scheme: REQUEST authorizer cached per token and route for the configured TTL', () => {
    const { app, stack, authorizer } = gatewayWithAuthorizer();
    new TerraformOutput(stack, 'scheme', { value: gatewaySecurityScheme(authorizer, authorizer.resultTtlSeconds) });
    const json = synthesizeStack(app, stack).json as unknown as { output: { scheme: { value: Record<string, Record<string, unknown>> } } };
    const scheme = json.output.scheme.value;

    expect(scheme).toMatchObject({ type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'custom' });
    expect(scheme['x-amazon-apigateway-authorizer']).toEqual({
      type: 'request',
      identitySource: 'method.request.header.Authorization, context.httpMethod, context.resourcePath',
      authorizerUri: expect.stringMatching(/^\$\{aws_lambda_function\.Authorizer_Function_[0-9A-F]{8}\.invoke_arn\}$/),
      authorizerCredentials: expect.stringMatching(/^\$\{aws_iam_role\.Authorizer_InvokeRole_[0-9A-F]{8}\.arn\}$/),
      authorizerResultTtlInSeconds: 300,
    });
    expect(AUTHORIZER_IDENTITY_SOURCES).toContain('context.resourcePath');
  });

  it('knows its invoke and role ARNs as literals of the same shape (the offline stand-ins of the gateway contract)', () => {
    expect(gatewayWithAuthorizer().authorizer.predictable).toEqual({ invokeArn: expectedInvokeArn, credentialsRoleArn: expectedRoleArn });
  });

  it('names the service in a stage variable, so the shared authorizer applies that service’s routes', () => {
    expect(gatewayWithAuthorizer().authorizer.stageVariables('payments')).toEqual({ uagService: 'payments' });
  });
});

describe('deployed archive', () => {
  it('decides real requests with the environment’s route table when loaded as Lambda would load it', async () => {
    // GIVEN the prod authorizer, with its issuer's keys served locally instead of by the identity provider
    const key = rsaSigningKey('prod-key-1');
    const server = await startJwksServer({ '/keys': jwks(key) });
    const prod = exampleEnvironment('prod');
    const issuer = prod.authorizer.issuers[0];
    const environment: Environment = { ...prod, authorizer: { ...prod.authorizer, issuers: [{ ...issuer, jwksUri: server.url('/keys') }] } };
    const { app, stack } = gatewayWithAuthorizer({ environment });
    const dir = mkdtempSync(path.join(tmpdir(), 'uag-authorizer-'));
    for (const [name, data] of archiveFiles(synthesizeStack(app, stack))) writeFileSync(path.join(dir, name), data);

    // WHEN the archive's index.js is loaded and called like the Lambda runtime does
    const writes = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { handler } = require(path.join(dir, 'index.js')) as { handler: (event: unknown) => Promise<APIGatewayAuthorizerResult> };
    const token = signJwt(key, { iss: issuer.issuer, sub: 'user-7', aud: 'api://uag-prod', scope: 'ledger/read', exp: nowSeconds() + 300 });
    const allowed = await handler(requestEvent({ authorization: `Bearer ${token}`, service: 'ledger', method: 'GET', resource: '/entries' }));
    const denied = await handler(requestEvent({ authorization: `Bearer ${token}`, service: 'ledger', method: 'POST', resource: '/entries' }));
    const unauthorized = handler(requestEvent({ service: 'ledger', method: 'GET', resource: '/entries' }));
    await expect(unauthorized).rejects.toThrow(/^Unauthorized$/);
    const logLines = writes.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
    writes.mockRestore();
    await server.stop();

    // THEN reads pass, writes are denied (ledger/write is required) and a request without a token gets a 401
    expect(allowed.policyDocument.Statement[0]).toMatchObject({ Effect: 'Allow' });
    expect(denied.policyDocument.Statement[0]).toMatchObject({ Effect: 'Deny' });
    expect(logLines.map((line) => line.decision)).toEqual(['Allow', 'Deny', 'Unauthorized']);
    expect(JSON.stringify(logLines)).not.toContain(token.split('.')[2]);
  });
});
