import type { VpcLinkBackend } from '../../config/schema/service-backend';
import { isVpcLinkBackend } from '../../config/schema/service-backend';
import { isObject, operationName, type HttpMethod, type OperationRef } from '../document';
import { classifyIntegration, gatewayOperations, VPC_LINK_PLACEHOLDER } from '../integration-kind';
import { isCloudFormationIntrinsic } from './foreign-residue';
import { handWrittenPreflight, LAMBDA_INVOKE_ARN_PLACEHOLDER, lambdaIntegrationProblems } from './lambda-integration';
import type { OpenApiFinding, OpenApiRule } from './rule';

export { VPC_LINK_PLACEHOLDER } from '../integration-kind';

/** Stage variable holding `<host>:<listener port>` of the service's backend; the API stack sets it per environment. */
export const BACKEND_HOST_VARIABLE = '${stageVariables.backendHost}';

/**
 * The integration URI of an operation: the scheme is the backend listener's protocol (TLS → https, TCP → http;
 * an https URI to a plaintext listener fails every handshake), the host the backendHost stage variable.
 */
export function backendUri(protocol: VpcLinkBackend['protocol'], path: string): string {
  return `${protocol === 'TLS' ? 'https' : 'http'}://${BACKEND_HOST_VARIABLE}${path}`;
}

/**
 * Every operation is integrated with the service's declared backend (docs/decisions/0014-backend-kinds.md): for a
 * vpcLink backend (the default) an HTTP proxy (or HTTP) integration with `connectionType: VPC_LINK` and
 * `connectionId: ${vpc_link_id}`; for a lambda backend a Lambda proxy to `${lambda_invoke_arn}`
 * (lambda-integration.ts). OPTIONS is never written by hand: the platform generates preflight from `cors:`.
 * Anything else would either not reach the backend or reach someone else's.
 */
export const vpcLinkIntegration: OpenApiRule = {
  id: 'UAG-OAS-001',
  severity: 'error',
  description: "Every operation is integrated with the service's declared backend: its own VPC link, or its Lambda function (backend.kind).",
  check: ({ document, service }) =>
    gatewayOperations(document).flatMap((reference): OpenApiFinding[] => {
      const isAny = reference.method === 'x-amazon-apigateway-any-method';
      const name = isAny ? `ANY ${reference.path}` : operationName({ path: reference.path, method: reference.method as HttpMethod });
      if (reference.method === 'options') return [handWrittenPreflight(reference as OperationRef)];
      const backend = service.backend;
      if (!isVpcLinkBackend(backend)) return lambdaBackendProblems(reference, name);
      const integration = reference.operation['x-amazon-apigateway-integration'];
      const path = [...reference.location, 'x-amazon-apigateway-integration'];
      const kind = classifyIntegration(reference.method, integration);
      if (kind.kind === 'missing') {
        return [
          {
            path,
            message: `${name} has no x-amazon-apigateway-integration`,
            fix: `add an http_proxy integration with connectionType: VPC_LINK and connectionId: "${VPC_LINK_PLACEHOLDER}" (npm run onboard -- import adds it)`,
          },
        ];
      }
      // Not an HTTP integration through a VPC link: one finding saying what it is and what the team can do.
      if (kind.kind === 'service-lambda')
        return [
          {
            path: [...path, 'uri'],
            message: `${name} invokes the service's Lambda function, but backend.kind in service.yaml is vpcLink`,
            fix: 'declare backend: { kind: lambda, functionName } in service.yaml, or route this operation through the VPC link',
          },
        ];
      if (kind.kind !== 'service-vpc-link' && kind.kind !== 'other-vpc-link') return [{ path, message: `${name} has ${kind.found}`, fix: kind.choice }];
      if (!isObject(integration)) return [];
      const problems = [];
      if (integration.type !== 'http_proxy' && integration.type !== 'http') {
        problems.push({
          path: [...path, 'type'],
          message: `${name} integration type is ${JSON.stringify(integration.type)}`,
          fix: 'use type: http_proxy (or http) to the backend behind the VPC link',
        });
      }
      if (integration.connectionType !== 'VPC_LINK') {
        problems.push({
          path: [...path, 'connectionType'],
          message: `${name} integration does not go through a VPC link`,
          fix: 'set connectionType: VPC_LINK',
        });
      }
      // An intrinsic ({"Ref": …}) is UAG-OAS-005's finding, with its own fix: one message per problem.
      if (integration.connectionId !== VPC_LINK_PLACEHOLDER && !isCloudFormationIntrinsic(integration.connectionId)) {
        problems.push({
          path: [...path, 'connectionId'],
          message: `${name} integration connectionId is ${JSON.stringify(integration.connectionId)}`,
          fix: `set connectionId: "${VPC_LINK_PLACEHOLDER}"; the gateway fills in the service's own VPC link`,
        });
      }
      const { protocol } = backend;
      const origin = backendUri(protocol, '');
      if (
        !isCloudFormationIntrinsic(integration.uri) &&
        (typeof integration.uri !== 'string' || !integration.uri.startsWith(origin) || !/^(\/|$)/.test(integration.uri.slice(origin.length)))
      ) {
        problems.push({
          path: [...path, 'uri'],
          message: `${name} integration uri is ${JSON.stringify(integration.uri)}, but the backend listener is ${protocol} (backend.protocol in service.yaml)`,
          fix: `set uri: "${backendUri(protocol, reference.path)}" (the scheme follows the listener protocol; the gateway sets the host and port)`,
        });
      }
      return problems;
    }),
};

/**
 * An operation of a service whose backend is its Lambda function: every problem of it at once (an ANY method, and
 * an integration of another kind as one finding, or what is wrong with its Lambda proxy).
 */
function lambdaBackendProblems(reference: ReturnType<typeof gatewayOperations>[number], name: string): OpenApiFinding[] {
  const problems: OpenApiFinding[] = [];
  if (reference.method === 'x-amazon-apigateway-any-method') {
    // ANY is an extension the OpenAPI schema does not check: a listed method must also carry what OpenAPI requires.
    const { responses } = reference.operation;
    const lacking =
      isObject(responses) && Object.keys(responses).length > 0
        ? ''
        : ` and a responses map with at least one response (e.g. '200': { description: OK }), which this ANY operation lacks`;
    problems.push({
      path: [...reference.location],
      message: `${name} is an ANY method, which a Lambda backend does not support (each method gets its own grant)`,
      fix: `list the methods the function answers (get, post, …) instead of x-amazon-apigateway-any-method, each with the same integration${lacking}`,
    });
  }
  const kind = classifyIntegration(reference.method, reference.operation['x-amazon-apigateway-integration']);
  if (kind.kind === 'service-lambda' || kind.kind === 'lambda-proxy' || kind.kind === 'missing')
    return [...problems, ...lambdaIntegrationProblems(reference as OperationRef)];
  return [
    ...problems,
    {
      path: [...reference.location, 'x-amazon-apigateway-integration'],
      message: `${name} has ${kind.found}, but the service's backend is a Lambda function (backend.kind: lambda in service.yaml)`,
      fix: `replace it with the Lambda proxy to the declared function (type: aws_proxy, httpMethod: POST, uri: "${LAMBDA_INVOKE_ARN_PLACEHOLDER}"; import --fix does it), or onboard this operation as its own service`,
    },
  ];
}
