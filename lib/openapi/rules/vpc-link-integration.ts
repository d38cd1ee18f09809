import { isObject, operationName, operationsOf } from '../document';
import type { OpenApiRule } from './rule';

/** The placeholder the gateway fills with the service's own VPC link id at synth time. */
export const VPC_LINK_PLACEHOLDER = '${vpc_link_id}';

/**
 * Every operation is integrated with the service's backend through its own VPC link: an HTTP proxy (or HTTP)
 * integration with `connectionType: VPC_LINK` and `connectionId: ${vpc_link_id}`. Anything else would either
 * not reach the backend or reach someone else's.
 */
export const vpcLinkIntegration: OpenApiRule = {
  id: 'UAG-OAS-001',
  severity: 'error',
  description: 'Every operation has an x-amazon-apigateway-integration through the service\'s own VPC link.',
  check: ({ document }) =>
    operationsOf(document).flatMap((reference) => {
      const integration = reference.operation['x-amazon-apigateway-integration'];
      const path = [...reference.location, 'x-amazon-apigateway-integration'];
      const name = operationName(reference);
      if (!isObject(integration)) {
        return [{ path, message: `${name} has no x-amazon-apigateway-integration`, fix: `add an http_proxy integration with connectionType: VPC_LINK and connectionId: "${VPC_LINK_PLACEHOLDER}" (npm run onboard -- import adds it)` }];
      }
      const problems = [];
      if (integration.type !== 'http_proxy' && integration.type !== 'http') {
        problems.push({ path: [...path, 'type'], message: `${name} integration type is ${JSON.stringify(integration.type)}`, fix: 'use type: http_proxy (or http) to the backend behind the VPC link' });
      }
      if (integration.connectionType !== 'VPC_LINK') {
        problems.push({ path: [...path, 'connectionType'], message: `${name} integration does not go through a VPC link`, fix: 'set connectionType: VPC_LINK' });
      }
      if (integration.connectionId !== VPC_LINK_PLACEHOLDER) {
        problems.push({ path: [...path, 'connectionId'], message: `${name} integration connectionId is ${JSON.stringify(integration.connectionId)}`, fix: `set connectionId: "${VPC_LINK_PLACEHOLDER}"; the gateway fills in the service's own VPC link` });
      }
      return problems;
    }),
};
