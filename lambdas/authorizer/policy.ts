import type { APIGatewayAuthorizerResult } from 'aws-lambda';

/** The parts of `arn:<partition>:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>`. */
export interface MethodArn {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly method: string;
}

const METHOD_ARN = /^arn:(aws[a-z-]*):execute-api:([a-z0-9-]+):(\d{12}):([A-Za-z0-9]+)\/([A-Za-z0-9_-]+)\/([A-Z]+)\/[^\s]*$/;
/** Resource path templates as API Gateway reports them: `/payments/{id}`, `/files/{proxy+}`. */
const RESOURCE_TEMPLATE = /^\/[A-Za-z0-9._~{}+/-]*$/;

export function parseMethodArn(value: unknown): MethodArn | undefined {
  if (typeof value !== 'string') return undefined;
  const match = METHOD_ARN.exec(value);
  if (!match) return undefined;
  const [, partition, region, accountId, apiId, stage, method] = match;
  return { partition, region, accountId, apiId, stage, method };
}

/**
 * The execute-api ARN covering every concrete path of one route, `.../GET/payments/*` for
 * `/payments/{id}`. API Gateway caches the decision per token *and route* (see the identity sources in
 * modules/lambda/authorizer.ts), so the policy must admit all calls of the route, not just the first path.
 */
export function routeResourceArn(arn: MethodArn, resourceTemplate: string): string | undefined {
  if (!RESOURCE_TEMPLATE.test(resourceTemplate)) return undefined;
  const path = resourceTemplate.slice(1).replace(/\{[^}]*\}/g, '*');
  return `arn:${arn.partition}:execute-api:${arn.region}:${arn.accountId}:${arn.apiId}/${arn.stage}/${arn.method}/${path}`;
}

export type DecisionContext = Record<string, string>;

export function policy(principalId: string, effect: 'Allow' | 'Deny', resource: string, context?: DecisionContext): APIGatewayAuthorizerResult {
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
    },
    ...(context ? { context } : {}),
  };
}
