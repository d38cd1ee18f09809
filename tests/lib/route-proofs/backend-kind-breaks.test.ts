import { proveRoutes, type BrokenHop, type RouteProof } from '../../../lib/route-proofs';
import { sharedExampleSynth } from '../../support/shared-example';
import { appFrom, readExampleJson, resourceNamed, type StackJson } from './synthesized-output';

/**
 * The route proofs of the Lambda and CORS backend kinds (docs/decisions/0014-backend-kinds.md), on the example's
 * staging `notifications` service (Lambda proxy + cors:): the unbroken chain ends at the function's permission or
 * at the gateway's own preflight answer, and each break stops the route at that hop.
 */
const example = readExampleJson(sharedExampleSynth().outdir);
const STACK = 'staging-api-notifications';
type Stacks = Map<string, StackJson>;

function proofOf(stacks: Stacks, method: string, path: string): RouteProof {
  const proof = proveRoutes(appFrom(example, stacks), ['staging']).find(
    (candidate) => candidate.service === 'notifications' && candidate.method === method && candidate.path === path,
  );
  if (!proof) throw new Error(`no route staging notifications ${method} ${path}`);
  return proof;
}
const brokenHop = (stacks: Stacks, method: string, path: string): BrokenHop | undefined => proofOf(stacks, method, path).broken;

function editBody(stacks: Stacks, edit: (body: Record<string, any>) => void): void {
  const api = resourceNamed(stacks, STACK, 'aws_api_gateway_rest_api', 'Api_Public_');
  const body = JSON.parse(String(api.values.body)) as Record<string, any>;
  edit(body);
  api.values.body = JSON.stringify(body);
}
const permission = (stacks: Stacks, name: string) => resourceNamed(stacks, STACK, 'aws_lambda_permission', name);

describe('an unbroken Lambda backend and preflight', () => {
  it('ends GET /notifications/{id} at the per-method permission in the function account', () => {
    const proof = proofOf(example.copy(), 'GET', '/notifications/{id}');
    expect(proof.broken).toBeUndefined();
    expect(proof.hops.slice(-2).map(({ name, detail }) => `${name}: ${detail}`)).toEqual([
      'integration: AWS_PROXY arn:aws:lambda:ap-southeast-1:777766667777:function:notifications-api:live',
      'lambda-permission: GET /notifications/{id} may invoke notifications-api in 777766667777, from account 444455557777 only',
    ]);
  });

  it('ends OPTIONS /notifications at the gateway: MOCK 200 without the authorizer', () => {
    const proof = proofOf(example.copy(), 'OPTIONS', '/notifications');
    expect(proof.broken).toBeUndefined();
    expect(proof.hops.map(({ name }) => name).slice(-2)).toEqual(['method', 'cors-preflight']);
    expect(proof.hops.at(-1)!.detail).toBe('MOCK 200 without authorizer, Allow-Origin echoed from the allowed origins');
  });
});

describe('a break fails the route at that hop', () => {
  it('fails at lambda-permission when the grant names another method', () => {
    const stacks = example.copy();
    const grant = permission(stacks, 'Api_PublicLambdaPermissions_POST-notifications_');
    grant.values.source_arn = String(grant.values.source_arn).replace('/POST/notifications', '/GET/notifications');
    expect(brokenHop(stacks, 'POST', '/notifications')).toMatchObject({
      name: 'lambda-permission',
      stack: STACK,
      attribute: 'source_arn',
      problem: expect.stringContaining('/POST/notifications: API Gateway answers 500 "Invalid permissions on Lambda function"'),
    });
  });

  it('fails at lambda-permission when the grant is written in the gateway account instead of the function account', () => {
    const stacks = example.copy();
    delete permission(stacks, 'Api_PublicLambdaPermissions_GET-notifications_').values.provider;
    expect(brokenHop(stacks, 'GET', '/notifications')).toMatchObject({
      name: 'lambda-permission',
      attribute: 'provider',
      problem: "the permission is created through provider.aws, which acts in 444455557777, not the function's account 777766667777",
    });
  });

  it('fails at lambda-permission when source_account is not the API account', () => {
    const stacks = example.copy();
    permission(stacks, 'Api_PublicLambdaPermissions_GET-notifications_').values.source_account = '999900001111';
    expect(brokenHop(stacks, 'GET', '/notifications')).toMatchObject({
      name: 'lambda-permission',
      attribute: 'source_account',
      problem: 'source_account is "999900001111", not the API\'s account 444455557777',
    });
  });

  it('fails at integration when a CloudFormation Fn::Sub is left as the uri', () => {
    const stacks = example.copy();
    editBody(stacks, (body) => {
      body.paths['/notifications'].get['x-amazon-apigateway-integration'].uri = { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:x' };
    });
    expect(brokenHop(stacks, 'GET', '/notifications')).toMatchObject({
      name: 'integration',
      attribute: 'body: paths./notifications.get.x-amazon-apigateway-integration.uri',
      problem: 'uri {"Fn::Sub":"arn:${AWS::Partition}:apigateway:x"} is not the invoke ARN of a Lambda function',
    });
  });

  it("fails at cors-preflight when the preflight answers Allow-Origin '*'", () => {
    const stacks = example.copy();
    editBody(stacks, (body) => {
      const answer = body.paths['/notifications'].options['x-amazon-apigateway-integration'].responses.default;
      delete answer.responseTemplates;
      answer.responseParameters['method.response.header.Access-Control-Allow-Origin'] = "'*'";
    });
    expect(brokenHop(stacks, 'OPTIONS', '/notifications')).toMatchObject({
      name: 'cors-preflight',
      attribute: 'body: paths./notifications.options.x-amazon-apigateway-integration.responses.default.responseParameters',
      problem: "Access-Control-Allow-Origin is '*': every web site may call the API",
    });
  });

  it('fails at cors-preflight when the preflight requires the authorizer', () => {
    const stacks = example.copy();
    editBody(stacks, (body) => {
      body.paths['/notifications'].options.security = [{ gatewayAuthorizer: [] }];
    });
    expect(brokenHop(stacks, 'OPTIONS', '/notifications')).toMatchObject({
      name: 'cors-preflight',
      attribute: 'body: paths./notifications.options.security',
    });
  });
});
