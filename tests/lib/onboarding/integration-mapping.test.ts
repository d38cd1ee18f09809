import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { mapIntegrations, type IntegrationMapping } from '../../../lib/onboarding/integration-mapping';
import type { OpenApiSource } from '../../../lib/onboarding/openapi-source';
import { formatProblem } from '../../../lib/config/problems';
import type { JsonObject } from '../../../lib/openapi/document';

const FIXTURES = path.resolve(__dirname, '../../fixtures/openapi/backend-kinds');
const fixture = (name: string): OpenApiSource => {
  const yaml = readFileSync(path.join(FIXTURES, name), 'utf8');
  return { yaml, document: parse(yaml) as JsonObject, originalText: yaml };
};
const LAMBDA_PROXY = { type: 'aws_proxy', httpMethod: 'POST', uri: '${lambda_invoke_arn}', passthroughBehavior: 'when_no_match' };

/** A one-operation document whose GET /x has `integration`, as the YAML text import reads. */
const withIntegration = (integration: unknown): OpenApiSource => {
  const document = {
    openapi: '3.0.1',
    info: { title: 't', version: '1' },
    paths: { '/x': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': integration } } },
  };
  const yaml = JSON.stringify(document, null, 2);
  return { yaml, document, originalText: yaml };
};

/** The mapping's problems as the command prints them. */
const problemsOf = (mapping: IntegrationMapping): string[] => mapping.problems.map(formatProblem);

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
    expect(mapIntegrations(source, 'x.yaml')).toEqual({ source, report: [], problems: [] });
  });
});

describe('mapIntegrations: what it leaves to the rules, and what only it can refuse', () => {
  it('leaves aws service, MOCK and public HTTP integrations to UAG-OAS-001, and refuses only the wildcard preflight', () => {
    const source = fixture('unsupported-integrations.yaml');
    const mapping = mapIntegrations(source, 'orders.yaml');
    expect(problemsOf(mapping)).toEqual([
      'orders.yaml:33:15: #/paths/~1orders/options/x-amazon-apigateway-integration/responses/default/responseParameters: OPTIONS /orders: preflight answers Access-Control-Allow-Origin "\'*\'"; the platform allows exact https origins only\n' +
        "    fix: remove the options operations and import again, then declare cors.allowOrigins in service.yaml with the exact origins (never '*')",
    ]);
    // The refused preflight is out of the document validated next, so the rules do not report it a second time;
    // every other integration is there as it was, for UAG-OAS-001 to name.
    const paths = source.document.paths as Record<string, Record<string, unknown>>;
    const orders = Object.fromEntries(Object.entries(paths['/orders']!).filter(([method]) => method !== 'options'));
    expect(mapping.source.document.paths).toEqual({ ...paths, '/orders': orders });
    expect([mapping.backend, mapping.cors]).toEqual([undefined, undefined]);
  });

  it('asks for --lambda-function when the document names the function only by its CloudFormation resource, and still maps the rest', () => {
    const mapping = mapIntegrations(fixture('lambda-proxy-with-preflight.yaml'), 'notes.yaml');
    expect(problemsOf(mapping)).toEqual([
      "notes.yaml:24:11: #/paths/~1notes/get/x-amazon-apigateway-integration/uri: GET /notes invokes the CloudFormation resource NotesFunction; the document does not carry the function's deployed name\n" +
        "    fix: pass --lambda-function <name of NotesFunction's function in the service account> (aws lambda list-functions in that account shows it)",
    ]);
    // Validated as the Lambda service it will be, so every other problem shows in the same run.
    expect(mapping.backend).toEqual({ kind: 'lambda', functionName: 'unnamed-function' });
    expect((mapping.source.document.paths as Record<string, Record<string, JsonObject>>)['/notes']!.get!['x-amazon-apigateway-integration']).toEqual(
      LAMBDA_PROXY,
    );
  });

  it('asks for --lambda-function when a template variable names the function, at the line of the file as written', () => {
    const yaml = [
      'openapi: 3.0.1',
      'info: { title: t, version: "1" }',
      'paths:',
      '  /x:',
      '    x-amazon-apigateway-any-method:',
      '      x-amazon-apigateway-integration:',
      '        type: aws_proxy',
      '        httpMethod: POST',
      '        uri: "arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${region}:${account_id}:function:${lambda_name}/invocations"',
      '',
    ].join('\n');
    // As for a converted Swagger 2.0 file: the YAML import edits is not the text the team wrote.
    const source = { yaml: `# converted\n\n${yaml}`, document: parse(yaml) as JsonObject, originalText: yaml };
    expect(problemsOf(mapIntegrations(source, 'x.yaml'))).toEqual([
      "x.yaml:9:14: #/paths/~1x/x-amazon-apigateway-any-method/x-amazon-apigateway-integration/uri: ANY /x invokes the function named by the template variable ${lambda_name}; the document does not carry the function's deployed name\n" +
        "    fix: pass --lambda-function <the value of lambda_name: the function's name in the service account> (aws lambda list-functions in that account shows it)",
    ]);
    expect(mapIntegrations(source, 'x.yaml', { functionName: 'docker-deploy' }).backend).toEqual({ kind: 'lambda', functionName: 'docker-deploy' });
  });

  it('refuses two functions in one service, and a Lambda proxy beside a VPC link, validating the rest as Lambda operations', () => {
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
    const yaml = JSON.stringify(document, null, 2);
    const mapping = mapIntegrations({ yaml, document, originalText: yaml }, 'x.json');
    expect(problemsOf(mapping).map((line) => line.split('\n')[0]!.replace(/^x\.json:\d+:\d+: /, ''))).toEqual([
      '#/paths/~1c/get/x-amazon-apigateway-integration: GET /c goes through a VPC link while GET /a invokes a Lambda function; a service has one backend kind',
      '#/paths/~1b/get/x-amazon-apigateway-integration/uri: GET /b invokes fn-b, GET /a invokes fn-a; a service declares one function (backend.functionName)',
    ]);
    expect(mapping.backend).toEqual({ kind: 'lambda', functionName: 'fn-a' });
    const paths = mapping.source.document.paths as Record<string, Record<string, JsonObject>>;
    expect(['/a', '/b', '/c'].map((key) => paths[key]!.get!['x-amazon-apigateway-integration'])).toEqual([LAMBDA_PROXY, LAMBDA_PROXY, LAMBDA_PROXY]);
  });
});
