import { compliantIf, type ResourceRule } from '../../rule';
import { refersTo } from '../../values';
import { alarmedMetrics, missingMetrics } from './metric-alarms';

const DROP_METRICS = ['PacketDropCountNoRoute', 'PacketDropCountBlackhole'];

export const transitGatewayAttachmentAlarms: ResourceRule = {
  id: 'UAG-OBS-003',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_ec2_transit_gateway_vpc_attachment'],
  what: 'Every Transit Gateway VPC attachment has alarms on PacketDropCountNoRoute and PacketDropCountBlackhole.',
  why:
    'A missing propagation or a route to a deleted attachment silently drops the traffic between the gateway and a backend. ' +
    'The drop counters per attachment name the VPC and the cause; API metrics only show that calls failed.',
  fix:
    'Add aws_cloudwatch_metric_alarm resources in AWS/TransitGateway on PacketDropCountNoRoute and PacketDropCountBlackhole ' +
    'with dimensions { TransitGateway = <tgw id>, TransitGatewayAttachment = <attachment id> }, created with the provider of the ' +
    "Transit Gateway owner's account (modules/observability/transit-gateway-attachment-alarms.ts).",
  check: (attachment, stack) => {
    // Cross-account attachments are referenced through their accepter, which orders the alarm after acceptance.
    const accepters = stack
      .ofType('aws_ec2_transit_gateway_vpc_attachment_accepter')
      .filter(({ values }) => refersTo(values.transit_gateway_attachment_id, attachment.address))
      .map(({ address }) => address);
    const found = alarmedMetrics(stack, 'AWS/TransitGateway', 'TransitGatewayAttachment', { addresses: [attachment.address, ...accepters] });
    const missing = missingMetrics(DROP_METRICS, found);
    return compliantIf(
      missing.length === 0,
      `no AWS/TransitGateway alarm on ${missing.join(' and ')} with dimension TransitGatewayAttachment of this attachment`,
    );
  },
};
