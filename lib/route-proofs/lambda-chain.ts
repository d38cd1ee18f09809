import { isAttributes, stringList } from '../guardrails/values';
import type { Chain } from './hops';
import { parseTemplate, refersTo, type Located } from './references';
import { bodyAttribute, type Route } from './route';
import { lambdaInvokeTarget, type LambdaInvokeTarget } from '../openapi/lambda-invoke-arn';

/**
 * From a Lambda proxy integration to the function (docs/decisions/0014-backend-kinds.md): the integration URI is the
 * invoke ARN of a function; a permission in that function's resource policy, created through a provider that may act
 * only in the function's account, lets apigateway.amazonaws.com invoke exactly that function (and qualifier) from this
 * API's execution ARN, this stage and this method and resource, in the API's own account. Without it API Gateway
 * answers 500 "Invalid permissions on Lambda function".
 */

export function proveLambdaBackend(chain: Chain, route: Route, stage: Located): void {
  const integration = route.operation['x-amazon-apigateway-integration'] as Record<string, unknown>;
  const apiAt = { stack: route.api.stack.id, address: route.api.resource.address };
  const target = lambdaInvokeTarget(integration.uri);
  chain.check(
    target !== undefined && integration.httpMethod === 'POST' && integration.credentials === undefined,
    { name: 'integration', ...apiAt, detail: `AWS_PROXY ${target?.functionArn ?? ''}${target?.qualifier ? `:${target.qualifier}` : ''}` },
    {
      attribute: bodyAttribute(
        route,
        'x-amazon-apigateway-integration',
        target ? (integration.credentials !== undefined ? 'credentials' : 'httpMethod') : 'uri',
      ),
      problem: !target
        ? `uri ${JSON.stringify(integration.uri)} is not the invoke ARN of a Lambda function`
        : integration.credentials !== undefined
          ? 'the integration carries credentials: the function is invoked through its resource policy, not a role'
          : `httpMethod is ${JSON.stringify(integration.httpMethod)}: Lambda is invoked with POST`,
      fix: 'write uri: ${lambda_invoke_arn} and httpMethod: POST without credentials; the gateway fills in the declared function',
    },
  );
  provePermission(chain, route, stage, target!);
}

function provePermission(chain: Chain, route: Route, stage: Located, target: LambdaInvokeTarget): void {
  const stack = route.api.stack;
  const accountOfApi = accountOfProvider(route, undefined);
  const resourcePath = route.path.replace(/\{[^}]+\}/g, '*');
  const method = route.method === 'ANY' ? '*' : route.method;
  const candidates = stack.view
    .ofType('aws_lambda_permission')
    .filter(
      (permission) =>
        permission.values.function_name === target.functionArn &&
        (permission.values.qualifier ?? undefined) === target.qualifier &&
        permission.values.principal === 'apigateway.amazonaws.com' &&
        permission.values.action === 'lambda:InvokeFunction',
    );
  const grant = candidates.find((permission) => sourceArnMatches(route, stage, permission.values.source_arn, method, resourcePath));
  if (!grant) {
    chain.fail({
      name: 'lambda-permission',
      stack: stack.id,
      address: candidates[0]?.address ?? route.api.resource.address,
      attribute: candidates[0] ? 'source_arn' : 'aws_lambda_permission',
      problem: candidates[0]
        ? `no permission of ${target.functionArn} has source_arn ${route.api.resource.address}.execution_arn/<stage>/${method}${resourcePath}: API Gateway answers 500 "Invalid permissions on Lambda function"`
        : `no aws_lambda_permission lets apigateway.amazonaws.com invoke ${target.functionArn}${target.qualifier ? `:${target.qualifier}` : ''}: API Gateway answers 500 "Invalid permissions on Lambda function"`,
      fix: 'grant the function to this API, stage and method (modules/gateway/lambda-backend-permissions.ts)',
    });
  }
  const sourceAccount = grant.values.source_account;
  const inFunctionAccount = accountOfProvider(route, grant.values.provider);
  chain.check(
    inFunctionAccount === target.accountId && accountOfApi !== undefined && sourceAccount === accountOfApi,
    {
      name: 'lambda-permission',
      stack: stack.id,
      address: grant.address,
      detail: `${route.method} ${route.path} may invoke ${target.functionArn.split(':').slice(-1)[0]} in ${target.accountId}, from account ${String(sourceAccount)} only`,
    },
    {
      attribute: inFunctionAccount !== target.accountId ? 'provider' : 'source_account',
      problem:
        inFunctionAccount !== target.accountId
          ? `the permission is created through ${String(grant.values.provider ?? 'provider.aws')}, which acts in ${inFunctionAccount ?? 'an unchecked account'}, not the function's account ${target.accountId}`
          : `source_account is ${JSON.stringify(sourceAccount)}, not the API's account ${accountOfApi ?? '(unknown)'}`,
      fix: "create the permission with the provider of the function's account and source_account set to the gateway account",
    },
  );
}

/** `${<api>.execution_arn}/${<stage>.stage_name}/<METHOD><path>`, each reference pointing at this route's API and stage. */
function sourceArnMatches(route: Route, stage: Located, value: unknown, method: string, resourcePath: string): boolean {
  if (typeof value !== 'string') return false;
  const parts = parseTemplate(value);
  if (parts.length !== 4 || parts[0]!.kind !== 'reference' || parts[2]!.kind !== 'reference') return false;
  const [api, slash, stageName, rest] = parts;
  return (
    slash!.kind === 'text' &&
    slash!.text === '/' &&
    rest!.kind === 'text' &&
    rest!.text === `/${method}${resourcePath}` &&
    refersTo(route.app, route.api.stack, `\${${api!.expression}}`, { stack: route.api.stack, address: route.api.resource.address }, 'execution_arn') &&
    refersTo(route.app, route.api.stack, `\${${stageName!.expression}}`, { stack: stage.stack, address: stage.resource.address }, 'stage_name')
  );
}

/** The single account a provider of the API stack may act in (`allowed_account_ids`); `provider` is e.g. `aws.customers`. */
function accountOfProvider(route: Route, provider: unknown): string | undefined {
  const address = typeof provider === 'string' ? `provider.${provider}` : 'provider.aws';
  const block = route.api.stack.view.providers.find((candidate) => candidate.address === address);
  const allowed = block && isAttributes(block.values) ? stringList(block.values.allowed_account_ids) : undefined;
  return allowed?.length === 1 ? allowed[0] : undefined;
}
