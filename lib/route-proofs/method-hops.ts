import { isAttributes } from '../guardrails/values';
import { Chain } from './hops';
import { grantsAction, policyStatements } from './policies';
import { readReference, refersTo, type Located, type ValueReading } from './references';
import { bodyAttribute, nameOf, referrers, type Route } from './route';

/** The hops inside the REST API between the mapping and the integration: stage, method, authorizer and its role. */

/** The stage the mapping points at deploys this API. */
export function proveStage(chain: Chain, route: Route, stage: Located): void {
  const deployment = readReference(route.app, stage.stack, stage.resource.values.deployment_id);
  const deploysApi =
    deployment.kind === 'resolved' &&
    refersTo(
      route.app,
      deployment.resolution.stack,
      deployment.resolution.resource.values.rest_api_id,
      { stack: route.api.stack, address: route.api.resource.address },
      'id',
    );
  chain.check(
    deploysApi,
    {
      name: 'stage',
      stack: stage.stack.id,
      address: stage.resource.address,
      detail: `stage "${String(stage.resource.values.stage_name)}" deploys ${route.api.resource.address}`,
    },
    {
      attribute: 'deployment_id',
      problem: `the stage's deployment_id is not a deployment of ${route.api.resource.address}`,
      fix: 'point the stage at an aws_api_gateway_deployment of the same REST API',
    },
  );
}

/** The operation exists with an integration and names a security scheme. */
export function proveMethod(chain: Chain, route: Route): void {
  const integration = route.operation['x-amazon-apigateway-integration'];
  chain.check(
    isAttributes(integration),
    { name: 'method', stack: route.api.stack.id, address: route.api.resource.address, detail: `${route.method} ${route.path} in the body` },
    {
      attribute: bodyAttribute(route, 'x-amazon-apigateway-integration'),
      problem: 'the method has no x-amazon-apigateway-integration, so API Gateway has nowhere to send it',
      fix: 'add the integration to the operation in the service OpenAPI document',
    },
  );
}

/**
 * The authorizer's URI and credentials must reach AWS as the ARNs of a Lambda function and an IAM role: real,
 * unescaped references (an escaped `$${...}` arrives as text; a literal is a hand-written or offline stand-in).
 * The role must trust API Gateway and be allowed to invoke exactly that function.
 */
export function proveAuthorizer(chain: Chain, route: Route): void {
  const security = Array.isArray(route.operation.security) ? route.operation.security : [];
  const schemeName = security.flatMap((requirement) => (isAttributes(requirement) ? Object.keys(requirement) : []))[0];
  const schemes = isAttributes(route.body.components) && isAttributes(route.body.components.securitySchemes) ? route.body.components.securitySchemes : {};
  const scheme = schemeName ? schemes[schemeName] : undefined;
  const authorizer = isAttributes(scheme) ? scheme['x-amazon-apigateway-authorizer'] : undefined;
  const at = { name: 'authorizer', stack: route.api.stack.id, address: route.api.resource.address };
  if (!schemeName || !isAttributes(authorizer)) {
    chain.fail({
      ...at,
      attribute: schemeName ? `body: components.securitySchemes.${schemeName}.x-amazon-apigateway-authorizer` : bodyAttribute(route, 'security'),
      problem: schemeName
        ? `security scheme ${schemeName} has no x-amazon-apigateway-authorizer`
        : 'the method names no security scheme, so no authorizer runs',
      fix: 'secure the operation with the gateway authorizer scheme',
    });
  }
  const field = (name: string) => `body: components.securitySchemes.${schemeName}.x-amazon-apigateway-authorizer.${name}`;
  const fn = expectResource(
    chain,
    { ...at, attribute: field('authorizerUri') },
    readReference(route.app, route.api.stack, authorizer.authorizerUri),
    'aws_lambda_function',
    'invoke_arn',
  );
  const role = expectResource(
    chain,
    { ...at, attribute: field('authorizerCredentials') },
    readReference(route.app, route.api.stack, authorizer.authorizerCredentials),
    'aws_iam_role',
    'arn',
  );
  chain.pass({ ...at, detail: `${schemeName}: ${nameOf(fn)}.invoke_arn with ${nameOf(role)}.arn` });
  proveInvokeRole(chain, route, fn, role);
}

function expectResource(
  chain: Chain,
  at: { name: string; stack: string; address: string; attribute: string },
  reading: ValueReading,
  type: string,
  attribute: string,
): Located {
  const wanted = `a reference to an ${type}'s ${attribute}`;
  switch (reading.kind) {
    case 'resolved': {
      const { resource, stack } = reading.resolution;
      if (resource.type === type && reading.resolution.attribute === attribute) return { stack, resource };
      return chain.fail({
        ...at,
        problem: `resolves to ${stack.id}/${resource.address}.${reading.resolution.attribute}, not ${wanted}`,
        fix: `reference the ${type}'s ${attribute}`,
      });
    }
    case 'escaped':
      return chain.fail({
        ...at,
        problem: `is escaped ($\${…}): Terraform writes the literal text ${reading.text} and API Gateway receives it instead of an ARN`,
        fix: 'emit the cdktf token unescaped; escape only API Gateway variables such as ${stageVariables.*} (modules/gateway/openapi-body.ts)',
      });
    case 'literal':
    case 'literal-resolution':
      return chain.fail({
        ...at,
        problem: `is the literal ${JSON.stringify(reading.value)}, not ${wanted} (an offline stand-in or a hand-written ARN that nothing proves exists)`,
        fix: 'synthesize in deploy mode (`make synth`, not UAG_OFFLINE=1) and pass the resource attribute, not a string',
      });
    case 'unresolved':
      return chain.fail({
        ...at,
        problem: `does not resolve: ${reading.problem}`,
        fix: 'reference an attribute of a resource that the synthesized output contains',
      });
  }
}

function proveInvokeRole(chain: Chain, route: Route, fn: Located, role: Located): void {
  const at = { name: 'authorizer-role', stack: role.stack.id, address: role.resource.address };
  const trust = policyStatements(route.app, role.stack, role.resource.values.assume_role_policy) ?? [];
  const trusted = trust.some(
    (statement) =>
      statement.effect === 'Allow' &&
      grantsAction(statement.actions, 'sts:AssumeRole') &&
      statement.principals.some((principal) => principal.type === 'Service' && principal.identifiers.includes('apigateway.amazonaws.com')),
  );
  if (!trusted) {
    chain.fail({
      ...at,
      attribute: 'assume_role_policy',
      problem: 'the role does not trust apigateway.amazonaws.com, so API Gateway cannot assume it to call the authorizer',
      fix: 'allow sts:AssumeRole to the Service principal apigateway.amazonaws.com',
    });
  }
  const invokes = [...referrers(route, 'aws_iam_role_policy', 'role', role, 'id'), ...referrers(route, 'aws_iam_role_policy', 'role', role, 'name')].some(
    (policy) =>
      (policyStatements(route.app, policy.stack, policy.resource.values.policy) ?? []).some(
        (statement) =>
          statement.effect === 'Allow' &&
          grantsAction(statement.actions, 'lambda:InvokeFunction') &&
          statement.resources.some((resource) => refersTo(route.app, policy.stack, resource, { stack: fn.stack, address: fn.resource.address }, 'arn')),
      ),
  );
  chain.check(
    invokes,
    { ...at, detail: `trusts apigateway.amazonaws.com, may lambda:InvokeFunction ${fn.resource.address}` },
    {
      attribute: 'aws_iam_role_policy.policy',
      problem: `no inline policy of the role allows lambda:InvokeFunction on ${fn.resource.address}.arn`,
      fix: 'attach an aws_iam_role_policy allowing lambda:InvokeFunction on the authorizer function',
    },
  );
}
