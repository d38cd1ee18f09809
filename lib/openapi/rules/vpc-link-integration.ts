import type { Service } from '../../config/schema/service';
import { isObject, operationName, type HttpMethod } from '../document';
import { classifyIntegration, gatewayOperations, VPC_LINK_PLACEHOLDER } from '../integration-kind';
import { isCloudFormationIntrinsic } from './foreign-residue';
import type { OpenApiFinding, OpenApiRule } from './rule';

export { VPC_LINK_PLACEHOLDER } from '../integration-kind';

/** Stage variable holding `<host>:<listener port>` of the service's backend; the API stack sets it per environment. */
export const BACKEND_HOST_VARIABLE = '${stageVariables.backendHost}';

/**
 * The integration URI of an operation: the scheme is the backend listener's protocol (TLS → https, TCP → http;
 * an https URI to a plaintext listener fails every handshake), the host the backendHost stage variable.
 */
export function backendUri(protocol: Service['backend']['protocol'], path: string): string {
  return `${protocol === 'TLS' ? 'https' : 'http'}://${BACKEND_HOST_VARIABLE}${path}`;
}

/**
 * Every operation is integrated with the service's backend through its own VPC link: an HTTP proxy (or HTTP)
 * integration with `connectionType: VPC_LINK` and `connectionId: ${vpc_link_id}`. Anything else would either
 * not reach the backend or reach someone else's.
 */
export const vpcLinkIntegration: OpenApiRule = {
  id: 'UAG-OAS-001',
  severity: 'error',
  description: "Every operation has an x-amazon-apigateway-integration through the service's own VPC link.",
  check: ({ document, service }) =>
    gatewayOperations(document).flatMap((reference): OpenApiFinding[] => {
      const integration = reference.operation['x-amazon-apigateway-integration'];
      const path = [...reference.location, 'x-amazon-apigateway-integration'];
      const name =
        reference.method === 'x-amazon-apigateway-any-method'
          ? `ANY ${reference.path}`
          : operationName({ path: reference.path, method: reference.method as HttpMethod });
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
      const { protocol } = service.backend;
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
