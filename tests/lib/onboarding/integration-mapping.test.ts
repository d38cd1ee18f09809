import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { mapIntegrations } from '../../../lib/onboarding/integration-mapping';
import { OnboardingError } from '../../../lib/onboarding/onboarding-error';
import type { OpenApiSource } from '../../../lib/onboarding/openapi-source';
import { formatProblem } from '../../../lib/config/problems';
import type { JsonObject } from '../../../lib/openapi/document';

const FIXTURES = path.resolve(__dirname, '../../fixtures/openapi/backend-kinds');
const fixture = (name: string): OpenApiSource => {
  const yaml = readFileSync(path.join(FIXTURES, name), 'utf8');
  return { yaml, document: parse(yaml) as JsonObject };
};
const LAMBDA_PROXY = { type: 'aws_proxy', httpMethod: 'POST', uri: '${lambda_invoke_arn}', passthroughBehavior: 'when_no_match' };

/** A one-operation document whose GET /x has `integration`, as the YAML text import reads. */
const withIntegration = (integration: unknown): OpenApiSource => {
  const document = {
    openapi: '3.0.1',
    info: { title: 't', version: '1' },
    paths: { '/x': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': integration } } },
  };
  return { yaml: JSON.stringify(document, null, 2), document };
};

/** The refusal's problems as the command prints them. */
const refusal = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof OnboardingError) return [error.summary, ...error.problems.map(formatProblem)];
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('mapIntegrations: Lambda proxy', () => {
  it('maps Fn::Sub Lambda proxies and MOCK preflight to the declared function and cors:, reporting each', () => {
    const mapping = mapIntegrations(fixture('lambda-proxy-with-preflight.yaml'), 'notes.yaml', { functionName: 'notes-api' });
    expect(mapping.backend).toEqual({ kind: 'lambda', functionName: 'notes-api' });
    expect(mapping.cors).toEqual({ allowOrigins: ['https://notes.example.com'], allowHeaders: ['Content-Type', 'Authorization'] });
    const paths = mapping.source.document.paths as Record<string, Record<string, JsonObject>>;
    expect(Object.keys(paths['/notes']!)).toEqual(['get', 'post']);
    expect(paths['/notes']!.get!['x-amazon-apigateway-integration']).toEqual(LAMBDA_PROXY);
    expect(paths['/notes']!.post!['x-amazon-apigateway-integration']).toEqual(LAMBDA_PROXY);
    expect(parse(mapping.source.yaml)).toEqual(mapping.source.document);
    expect(mapping.report).toEqual([
      'GET /notes: Lambda proxy to ${NotesFunction} (Fn::Sub) → uri ${lambda_invoke_arn}, the declared function notes-api',
      'POST /notes: Lambda proxy to ${NotesFunction} (Fn::Sub) → uri ${lambda_invoke_arn}, the declared function notes-api; credentials dropped (the function resource policy grants this API)',
      'OPTIONS /notes: MOCK preflight → removed; the gateway generates it from cors: in service.yaml',
      'service.yaml: backend {"kind":"lambda","functionName":"notes-api"}',
      'service.yaml: cors {"allowOrigins":["https://notes.example.com"],"allowHeaders":["Content-Type","Authorization"]}',
    ]);
  });

  it.each([
    [
      'a literal invoke ARN with an alias',
      'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders-api:live/invocations',
      { kind: 'lambda', functionName: 'orders-api', qualifier: 'live' },
    ],
    [
      'Fn::Sub with the function name in the ARN',
      {
        'Fn::Sub':
          'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:orders-api/invocations',
      },
      { kind: 'lambda', functionName: 'orders-api' },
    ],
    [
      'Fn::Join with Fn::GetAtt, named by --lambda-function',
      {
        'Fn::Join': [
          '',
          ['arn:aws:apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': ['OrdersFunction', 'Arn'] }, '/invocations'],
        ],
      },
      { kind: 'lambda', functionName: 'orders-from-flag' },
    ],
  ])('reads %s', (_name, uri, backend) => {
    const mapping = mapIntegrations(withIntegration({ type: 'aws_proxy', httpMethod: 'POST', uri }), 'x.yaml', {
      functionName: backend.functionName === 'orders-from-flag' ? 'orders-from-flag' : undefined,
    });
    expect(mapping.backend).toEqual(backend);
    expect((mapping.source.document.paths as Record<string, Record<string, JsonObject>>)['/x']!.get!['x-amazon-apigateway-integration']).toEqual(LAMBDA_PROXY);
  });

  it('leaves a document without Lambda or MOCK integrations exactly as it was', () => {
    const source = withIntegration({
      type: 'http_proxy',
      connectionType: 'VPC_LINK',
      connectionId: '${vpc_link_id}',
      uri: 'https://${stageVariables.backendHost}/x',
    });
    expect(mapIntegrations(source, 'x.yaml')).toEqual({ source, report: [] });
  });
});

describe('mapIntegrations: refusals', () => {
  it('names every unsupported integration at its line, with what was found and the choice, in one run', () => {
    expect(refusal(() => mapIntegrations(fixture('unsupported-integrations.yaml'), 'orders.yaml'))).toEqual([
      'Cannot import orders.yaml: 4 integrations are not supported by the platform; nothing was changed.',
      'orders.yaml:16:9: #/paths/~1orders/post/x-amazon-apigateway-integration: POST /orders: AWS service integration ("arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders"), which calls an AWS API with the gateway\'s credentials\n' +
        '    fix: put the call behind a Lambda function in the service account (backend.kind: lambda) or the service behind its VPC link, and remove this integration; import then adds the declared backend',
      'orders.yaml:33:15: #/paths/~1orders/options/x-amazon-apigateway-integration/responses/default/responseParameters: OPTIONS /orders: preflight answers Access-Control-Allow-Origin "\'*\'"; the platform allows exact https origins only\n' +
        "    fix: remove the options operations and import again, then declare cors.allowOrigins in service.yaml with the exact origins (never '*')",
      'orders.yaml:42:9: #/paths/~1status/get/x-amazon-apigateway-integration: GET /status: MOCK integration (a canned answer, no backend) on a method other than OPTIONS\n' +
        '    fix: serve it from the backend: remove this integration and import adds the declared backend',
      'orders.yaml:53:9: #/paths/~1catalog/get/x-amazon-apigateway-integration: GET /catalog: http_proxy integration to a public URL ("https://catalog.example.com/catalog"), outside the service\'s VPC\n' +
        "    fix: serve it from the service's VPC behind the NLB: remove this integration and import adds the VPC-link one (--backend <env>=<account>:<ip>)",
    ]);
  });

  it('asks for --lambda-function when the document names the function only by its CloudFormation resource', () => {
    expect(refusal(() => mapIntegrations(fixture('lambda-proxy-with-preflight.yaml'), 'notes.yaml'))).toEqual([
      'Cannot import notes.yaml: one integration is not supported by the platform; nothing was changed.',
      "notes.yaml:24:11: #/paths/~1notes/get/x-amazon-apigateway-integration/uri: GET /notes invokes the CloudFormation resource NotesFunction; the document does not carry the function's deployed name\n" +
        "    fix: pass --lambda-function <name of NotesFunction's function in the service account> (aws lambda list-functions in that account shows it)",
    ]);
  });

  it('refuses two functions in one service, and a Lambda proxy beside a VPC link', () => {
    const arn = (name: string) =>
      `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:${name}/invocations`;
    const document = {
      openapi: '3.0.1',
      info: { title: 't', version: '1' },
      paths: {
        '/a': { get: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: arn('fn-a') } } },
        '/b': { get: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: arn('fn-b') } } },
        '/c': { get: { 'x-amazon-apigateway-integration': { type: 'http_proxy', connectionType: 'VPC_LINK', uri: 'https://x/c' } } },
      },
    };
    const messages = refusal(() => mapIntegrations({ yaml: JSON.stringify(document, null, 2), document }, 'x.json')).map((line) =>
      line.split('\n')[0]!.replace(/^x\.json:\d+:\d+: /, ''),
    );
    expect(messages).toEqual([
      'Cannot import x.json: 2 integrations are not supported by the platform; nothing was changed.',
      '#/paths/~1b/get/x-amazon-apigateway-integration/uri: GET /b invokes fn-b, GET /a invokes fn-a; a service declares one function (backend.functionName)',
      '#/paths/~1c/get/x-amazon-apigateway-integration: GET /c goes through a VPC link while GET /a invokes a Lambda function; a service has one backend kind',
    ]);
  });
});
