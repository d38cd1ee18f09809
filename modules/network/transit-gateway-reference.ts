import type { Construct } from 'constructs';
import { crossStackValue, placeholderId } from '../../lib/cross-stack';
import type { TransitGatewayHub } from './transit-gateway-hub';

/** The shared Transit Gateway as another stack sees it. */
export interface TransitGatewayReference {
  readonly transitGatewayId: string;
  routeTableId(segment: string): string;
}

/**
 * Reads the hub of `<env>-network` from a consuming stack: remote state in deploy mode, deterministic
 * placeholders in offline plans (lib/cross-stack.ts).
 */
export function referenceTransitGateway(consumer: Construct, hub: TransitGatewayHub, producerStackId: string): TransitGatewayReference {
  return {
    transitGatewayId: crossStackValue(consumer, hub.transitGateway.id, placeholderId('tgw', `${producerStackId}/transit-gateway`)),
    routeTableId: (segment) => crossStackValue(consumer, hub.routeTable(segment).id, placeholderId('tgw-rtb', `${producerStackId}/${segment}`)),
  };
}
