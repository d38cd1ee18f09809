import { planImportFixes } from '../../../lib/onboarding/import-fixes';
import { applyYamlEdits } from '../../../lib/onboarding/yaml-text-edits';
import { parse } from 'yaml';
import type { JsonObject } from '../../../lib/openapi/document';

/**
 * `import --fix` acts on what UAG-OAS-001 refuses, and only on that: a Lambda proxy and a MOCK preflight are the
 * mapping's to turn into the Lambda backend and cors: (integration-mapping.ts), never deleted or replaced here.
 */
const SQS = { type: 'aws', httpMethod: 'POST', uri: 'arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders' };
const PREFLIGHT = {
  type: 'mock',
  requestTemplates: { 'application/json': '{"statusCode": 200}' },
  responses: { default: { statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'" } } },
};
const LAMBDA = {
  type: 'aws_proxy',
  httpMethod: 'POST',
  uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders/invocations',
};
const document: JsonObject = {
  openapi: '3.0.1',
  info: { title: 't', version: '1' },
  paths: {
    '/orders': {
      post: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': SQS },
      get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': LAMBDA },
      options: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': PREFLIGHT },
    },
    '/hand-written': { options: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': SQS } },
  },
};
const fixed = (backend: Parameters<typeof planImportFixes>[1]) => {
  const { edits, changes } = planImportFixes(document, backend);
  const paths = parse(applyYamlEdits(JSON.stringify(document, null, 2), edits).content).paths as Record<string, Record<string, JsonObject>>;
  return { changes, paths };
};

describe('planImportFixes', () => {
  it('replaces an aws service integration by the VPC-link proxy and leaves the Lambda proxy, the MOCK preflight and a hand-written OPTIONS', () => {
    const { changes, paths } = fixed({ kind: 'vpcLink', protocol: 'TLS' });
    expect(changes).toEqual([
      'POST /orders: replaced an aws integration calling the AWS service "sqs" directly (uri "arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders") with an http_proxy through the service VPC link to https://${stageVariables.backendHost}/orders',
    ]);
    expect(paths['/orders']!.get!['x-amazon-apigateway-integration']).toEqual(LAMBDA);
    expect(paths['/orders']!.options!['x-amazon-apigateway-integration']).toEqual(PREFLIGHT);
    expect(paths['/hand-written']!.options!['x-amazon-apigateway-integration']).toEqual(SQS);
  });

  it('replaces it by the Lambda proxy to the declared function when the document maps to a Lambda backend', () => {
    const { changes, paths } = fixed({ kind: 'lambda' });
    expect(changes).toEqual([
      'POST /orders: replaced an aws integration calling the AWS service "sqs" directly (uri "arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders") with a Lambda proxy to the service\'s declared function',
    ]);
    expect(paths['/orders']!.post!['x-amazon-apigateway-integration']).toEqual({
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: '${lambda_invoke_arn}',
      passthroughBehavior: 'when_no_match',
    });
  });
});
