import type { IConstruct } from 'constructs';
import { crossStackValue, placeholderArn, placeholderId } from '../../lib/cross-stack';
import { resourceName } from '../../lib/naming';
import type { TransitGatewayHub } from '../../modules/network/transit-gateway-hub';
import type { TransitGatewayReference } from '../../modules/network/transit-gateway-reference';
import type { AlarmTopic } from '../../modules/observability/alarm-topic';

/** What `<env>-network` hands the stacks that attach to its Transit Gateway (gateway, spokes). */
export interface NetworkContract {
  readonly transitGateway: TransitGatewayReference;
}

/**
 * Built once by the network stack. Each value is the hub's token (deploy mode: cdktf turns its use in another stack
 * into an output here and remote state there) or, in offline plans, a deterministic stand-in of the same shape
 * (lib/cross-stack.ts). This is the only place that decides which.
 */
export function networkContract(
  producer: IConstruct & { readonly stackId: string; readonly accountId: string; readonly environment: { readonly name: string; readonly region: string } },
  hub: TransitGatewayHub,
  alarmTopic: AlarmTopic,
): NetworkContract {
  const { stackId, accountId, environment } = producer;
  const topicArn = crossStackValue(
    producer,
    alarmTopic.arn,
    placeholderArn({ service: 'sns', region: environment.region, accountId, resource: resourceName(environment.name, 'alarms-network') }),
  );
  return {
    transitGateway: {
      transitGatewayId: crossStackValue(producer, hub.transitGateway.id, placeholderId('tgw', `${stackId}/transit-gateway`)),
      routeTableId: (segment) => crossStackValue(producer, hub.routeTable(segment).id, placeholderId('tgw-rtb', `${stackId}/${segment}`)),
      // The forwarded topics are literals from configuration; only the network stack's own topic crosses as a stack value.
      alarmActions: [topicArn, ...alarmTopic.alarmActions.slice(1)],
    },
  };
}
