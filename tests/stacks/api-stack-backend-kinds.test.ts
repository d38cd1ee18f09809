import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { sharedExampleSynth } from '../support/shared-example';
import { onlyResource, resourcesOf, type TerraformJson } from '../support/synth-json';

/**
 * What the API stack of a Lambda-backed service with cors: deploys (the example's staging `notifications`), value by
 * value: the invoke ARN in the body, one grant per method in the function's account, the preflight the gateway answers.
 * docs/decisions/0014-backend-kinds.md.
 */
const { outdir } = sharedExampleSynth();
const stackJson = (id: string) => JSON.parse(readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8')) as TerraformJson;
const stack = stackJson('staging-api-notifications');
const api = onlyResource<{ body: string }>(stack, 'aws_api_gateway_rest_api', 'Api_Public_');
const body = JSON.parse(api.body) as { paths: Record<string, Record<string, Record<string, any>>> };

const INVOKE_ARN =
  'arn:aws:apigateway:ap-southeast-1:lambda:path/2015-03-31/functions/arn:aws:lambda:ap-southeast-1:777766667777:function:notifications-api:live/invocations';

describe('a Lambda backend', () => {
  it('integrates every operation as a Lambda proxy to the declared function alias, with no header mappings or credentials', () => {
    for (const [path, method] of [
      ['/notifications', 'get'],
      ['/notifications', 'post'],
      ['/notifications/{id}', 'get'],
    ] as const) {
      expect(body.paths[path]![method]!['x-amazon-apigateway-integration']).toEqual({
        type: 'aws_proxy',
        httpMethod: 'POST',
        uri: INVOKE_ARN,
        passthroughBehavior: 'when_no_match',
      });
    }
  });

  it('grants each method once, in the function account, to this API, stage and method from the gateway account', () => {
    const permissions = Object.values(resourcesOf(stack, 'aws_lambda_permission')).map(({ '//': _metadata, ...values }) => values);
    const grant = (method: string, resource: string, digest: string) => ({
      action: 'lambda:InvokeFunction',
      function_name: 'arn:aws:lambda:ap-southeast-1:777766667777:function:notifications-api',
      qualifier: 'live',
      principal: 'apigateway.amazonaws.com',
      provider: 'aws.customers',
      source_account: '444455557777',
      source_arn: `\${aws_api_gateway_rest_api.Api_Public_83375171.execution_arn}/\${aws_api_gateway_stage.Api_Public_Stage_FBE39E3E.stage_name}/${method}${resource}`,
      statement_id: `staging-notifications-${method}-${digest}`,
    });
    expect(permissions).toEqual([
      grant('GET', '/notifications/*', '2e1ea531ad4c'),
      grant('GET', '/notifications', '4bf31ea26a70'),
      grant('POST', '/notifications', '7cae6bbc334b'),
    ]);
  });

  it("writes the grants through a provider that may act only in the function's account", () => {
    const customers = stack.provider!.aws!.find((provider) => provider.alias === 'customers');
    expect(customers).toMatchObject({
      allowed_account_ids: ['777766667777'],
      assume_role: [{ role_arn: 'arn:aws:iam::777766667777:role/uag-deployer', session_name: 'uag-staging-api-notifications' }],
      region: 'ap-southeast-1',
    });
  });

  it('sets no backendHost stage variable and creates no NLB listener for the service', () => {
    const stage = onlyResource<{ variables: Record<string, string> }>(stack, 'aws_api_gateway_stage', 'Api_Public_Stage');
    expect(Object.keys(stage.variables)).not.toContain('backendHost');
    expect(Object.keys(resourcesOf(stackJson('staging-gateway'), 'aws_lb_listener')).filter((name) => name.includes('notifications'))).toEqual([]);
  });
});

describe('cors: preflight', () => {
  it('answers OPTIONS on every path with a MOCK, without the authorizer, echoing only the listed origins', () => {
    expect(body.paths['/notifications']!.options).toEqual({
      summary: 'CORS preflight, answered by the gateway (generated from cors: in service.yaml)',
      security: [],
      responses: {
        '200': {
          description: 'Preflight answer: what the browser may send from the allowed origins.',
          headers: Object.fromEntries(
            ['Access-Control-Allow-Headers', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Origin', 'Access-Control-Max-Age', 'Vary'].map((name) => [
              name,
              { schema: { type: 'string' } },
            ]),
          ),
        },
      },
      'x-amazon-apigateway-integration': {
        type: 'mock',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        passthroughBehavior: 'never',
        responses: {
          default: {
            statusCode: '200',
            responseParameters: {
              'method.response.header.Access-Control-Allow-Methods': "'GET,POST,OPTIONS'",
              'method.response.header.Access-Control-Allow-Headers': "'Authorization,Content-Type,X-Channel-Id'",
              'method.response.header.Access-Control-Max-Age': "'600'",
              'method.response.header.Vary': "'Origin'",
            },
            responseTemplates: {
              'application/json':
                '#set($origin = $input.params().header.get("Origin"))\n' +
                '#if("$!origin" == "")#set($origin = $input.params().header.get("origin"))#end\n' +
                '#if($origin == "https://app.example.com" || $origin == "https://app.staging.example.com")\n' +
                '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)\n' +
                '#end\n',
            },
          },
        },
      },
    });
  });

  it('declares the path parameter of a templated path on its preflight', () => {
    expect(body.paths['/notifications/{id}']!.options!.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(body.paths['/notifications/{id}']!.options!['x-amazon-apigateway-integration'].responses.default.responseParameters).toMatchObject({
      'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS'",
    });
  });
});
