import * as ipaddr from 'ipaddr.js';
import { numberValue } from '../guardrails/values';
import type { SpokeVpc } from './spokes';
import { Chain } from './hops';
import { readReference, refersTo, type Located } from './references';
import { nameOf, referrers, resourcesOfType, type Route } from './route';

export interface NetworkLeg {
  readonly nlb: Located;
  readonly listenerPort: number;
  readonly targetPort: number;
  /** Target IPs, all inside `spoke.cidr`. */
  readonly addresses: readonly string[];
  readonly spoke: SpokeVpc;
}

/**
 * From the NLB in the gateway VPC to the backend spoke and back, through the Transit Gateway:
 * the NLB's subnets route the spoke CIDR to the TGW; the gateway attachment's route table learns the spoke
 * CIDR (propagation of the spoke attachment); the spoke attachment's route table learns the gateway CIDR;
 * the spoke routes the gateway CIDR back to the TGW; the NLB's security group admits the gateway VPC on the
 * listener port and lets the NLB reach the targets.
 */
export function proveNetwork(chain: Chain, route: Route, leg: NetworkLeg): void {
  const { app } = route;
  const { nlb, spoke } = leg;
  const subnets = (Array.isArray(nlb.resource.values.subnets) ? nlb.resource.values.subnets : [])
    .map((value) => readReference(app, nlb.stack, value))
    .flatMap((reading) =>
      reading.kind === 'resolved' && reading.resolution.resource.type === 'aws_subnet'
        ? [{ stack: reading.resolution.stack, resource: reading.resolution.resource }]
        : [],
    );
  const vpcReading = subnets[0] ? readReference(app, subnets[0].stack, subnets[0].resource.values.vpc_id) : undefined;
  const nlbAt = { stack: nlb.stack.id, address: nlb.resource.address };
  if (!vpcReading || vpcReading.kind !== 'resolved' || vpcReading.resolution.resource.type !== 'aws_vpc') {
    chain.fail({
      name: 'gateway-subnet-routes',
      ...nlbAt,
      attribute: 'subnets',
      problem: "the NLB's subnets are not subnets of a VPC in the output",
      fix: 'place the NLB in the gateway VPC private subnets',
    });
  }
  const gatewayVpc: Located = { stack: vpcReading.resolution.stack, resource: vpcReading.resolution.resource };
  const gatewayCidr = String(gatewayVpc.resource.values.cidr_block);
  const transitGateways = new Set<string>();
  const isTransitGateway = (stack: Located['stack'], value: unknown): boolean => {
    const reading = readReference(app, stack, value);
    if (reading.kind !== 'resolved' || reading.resolution.resource.type !== 'aws_ec2_transit_gateway') return false;
    transitGateways.add(nameOf(reading.resolution));
    return true;
  };

  // 1. Every NLB subnet's route table sends the spoke CIDR (covering every target) to the Transit Gateway.
  for (const subnet of subnets) {
    const association = referrers(route, 'aws_route_table_association', 'subnet_id', subnet, 'id')[0];
    const table = association ? readReference(app, association.stack, association.resource.values.route_table_id) : undefined;
    if (!table || table.kind !== 'resolved') {
      chain.fail({
        name: 'gateway-subnet-routes',
        stack: subnet.stack.id,
        address: subnet.resource.address,
        attribute: 'aws_route_table_association',
        problem: 'the NLB subnet has no route table association',
        fix: 'associate the subnet with its private route table',
      });
    }
    const routeTable: Located = { stack: table.resolution.stack, resource: table.resolution.resource };
    const routes = referrers(route, 'aws_route', 'route_table_id', routeTable, 'id');
    const toSpoke = routes.find(
      (candidate) =>
        covers(candidate.resource.values.destination_cidr_block, leg.addresses) &&
        isTransitGateway(candidate.stack, candidate.resource.values.transit_gateway_id),
    );
    if (!toSpoke) {
      chain.fail({
        name: 'gateway-subnet-routes',
        stack: routeTable.stack.id,
        address: routeTable.resource.address,
        attribute: 'aws_route.destination_cidr_block',
        problem: `no route sends ${spoke.cidr} to the Transit Gateway from ${subnet.resource.address}; the NLB cannot reach ${leg.addresses.join(', ')}`,
        fix: `add an aws_route ${spoke.cidr} → transit gateway to ${routeTable.resource.address}`,
      });
    }
  }
  chain.pass({
    name: 'gateway-subnet-routes',
    ...nlbAt,
    detail: `${subnets.length} subnet route tables send ${spoke.cidr} to ${[...transitGateways].join(', ')}`,
  });

  // 2. Transit Gateway route tables: gateway attachment's learns the spoke, spoke attachment's learns the gateway.
  const gatewayAttachment = resourcesOfType(route, 'aws_ec2_transit_gateway_vpc_attachment').find((attachment) =>
    refersTo(app, attachment.stack, attachment.resource.values.vpc_id, { stack: gatewayVpc.stack, address: gatewayVpc.resource.address }, 'id'),
  );
  if (!gatewayAttachment) {
    chain.fail({
      name: 'tgw-gateway-attachment',
      stack: gatewayVpc.stack.id,
      address: gatewayVpc.resource.address,
      attribute: 'aws_ec2_transit_gateway_vpc_attachment',
      problem: 'the gateway VPC is not attached to the Transit Gateway',
      fix: 'attach the gateway VPC',
    });
  }
  const gatewayTable = associatedTable(route, gatewayAttachment);
  chain.check(
    gatewayTable !== undefined,
    {
      name: 'tgw-gateway-association',
      stack: gatewayAttachment.stack.id,
      address: gatewayAttachment.resource.address,
      detail: `associated with ${gatewayTable ? nameOf(gatewayTable) : ''}`,
    },
    {
      attribute: 'aws_ec2_transit_gateway_route_table_association',
      problem: 'the gateway attachment is associated with no Transit Gateway route table, so traffic from the gateway VPC is not routed',
      fix: 'associate the gateway attachment with the gateway segment route table',
    },
  );
  const learnsSpoke = propagation(route, spoke.attachment, gatewayTable!);
  chain.check(
    learnsSpoke !== undefined,
    {
      name: 'tgw-propagation-to-gateway',
      stack: learnsSpoke?.stack.id ?? spoke.attachment.stack.id,
      address: learnsSpoke?.resource.address ?? spoke.attachment.resource.address,
      detail: `${nameOf(gatewayTable!)} learns ${spoke.cidr}`,
    },
    {
      attribute: 'aws_ec2_transit_gateway_route_table_propagation',
      problem: `no propagation of ${nameOf(spoke.attachment)} into ${nameOf(gatewayTable!)}: the gateway's route table never learns ${spoke.cidr}`,
      fix: "propagate the spoke attachment into the gateway segment's route table",
    },
  );
  const spokeTable = associatedTable(route, spoke.attachment);
  chain.check(
    spokeTable !== undefined,
    {
      name: 'tgw-spoke-association',
      stack: spoke.attachment.stack.id,
      address: spoke.attachment.resource.address,
      detail: `associated with ${spokeTable ? nameOf(spokeTable) : ''}`,
    },
    {
      attribute: 'aws_ec2_transit_gateway_route_table_association',
      problem: 'the spoke attachment is associated with no Transit Gateway route table, so responses are not routed',
      fix: 'associate the spoke attachment with its segment route table',
    },
  );
  const learnsGateway = propagation(route, gatewayAttachment, spokeTable!);
  chain.check(
    learnsGateway !== undefined,
    {
      name: 'tgw-propagation-to-spoke',
      stack: learnsGateway?.stack.id ?? gatewayAttachment.stack.id,
      address: learnsGateway?.resource.address ?? gatewayAttachment.resource.address,
      detail: `${nameOf(spokeTable!)} learns ${gatewayCidr}`,
    },
    {
      attribute: 'aws_ec2_transit_gateway_route_table_propagation',
      problem: `no propagation of the gateway attachment into ${nameOf(spokeTable!)}: responses to ${gatewayCidr} have no route back`,
      fix: "propagate the gateway attachment into the spoke segment's route table",
    },
  );

  // 3. The spoke routes the gateway CIDR back to the Transit Gateway.
  const back = spoke.attachment.stack.view
    .ofType('aws_route')
    .filter(
      (candidate) =>
        covers(candidate.values.destination_cidr_block, [String(gatewayCidr.split('/')[0])], gatewayCidr) &&
        isTransitGateway(spoke.attachment.stack, candidate.values.transit_gateway_id),
    );
  chain.check(
    back.length > 0,
    {
      name: 'spoke-routes',
      stack: spoke.attachment.stack.id,
      address: back[0]?.address ?? spoke.attachment.resource.address,
      detail: `${back.length} spoke route tables send ${gatewayCidr} to the Transit Gateway`,
    },
    {
      attribute: 'aws_route.destination_cidr_block',
      problem: `no route in ${spoke.attachment.stack.id} sends the gateway CIDR ${gatewayCidr} to the Transit Gateway: backend responses cannot return`,
      fix: `add aws_route ${gatewayCidr} → transit gateway to the spoke VPC route tables`,
    },
  );

  // 4. Security groups of the NLB: the gateway VPC in on the listener port, the targets out on the target port.
  const groups = (Array.isArray(nlb.resource.values.security_groups) ? nlb.resource.values.security_groups : [])
    .map((value) => readReference(app, nlb.stack, value))
    .flatMap((reading) =>
      reading.kind === 'resolved' && reading.resolution.resource.type === 'aws_security_group'
        ? [{ stack: reading.resolution.stack, resource: reading.resolution.resource }]
        : [],
    );
  const rules = (type: string) => groups.flatMap((group) => referrers(route, type, 'security_group_id', group, 'id'));
  const admits = (rule: Located, port: number, addresses: readonly string[], cidr?: string) => {
    const from = numberValue(rule.resource.values.from_port);
    const to = numberValue(rule.resource.values.to_port);
    const protocol = String(rule.resource.values.ip_protocol);
    const portOk = protocol === '-1' || (protocol === 'tcp' && from !== undefined && to !== undefined && from <= port && port <= to);
    return portOk && covers(rule.resource.values.cidr_ipv4, addresses, cidr);
  };
  const group = groups[0];
  const groupAt = { name: 'nlb-security-group', stack: group?.stack.id ?? nlb.stack.id, address: group?.resource.address ?? nlb.resource.address };
  if (groups.length > 0) {
    const ingress = rules('aws_vpc_security_group_ingress_rule').some((rule) =>
      admits(rule, leg.listenerPort, [String(gatewayCidr.split('/')[0])], gatewayCidr),
    );
    if (!ingress) {
      chain.fail({
        ...groupAt,
        attribute: 'aws_vpc_security_group_ingress_rule',
        problem: `no ingress rule admits the gateway VPC ${gatewayCidr} on tcp/${leg.listenerPort}: the NLB drops VPC link traffic`,
        fix: `allow tcp/${leg.listenerPort} from ${gatewayCidr}`,
      });
    }
    const egress = rules('aws_vpc_security_group_egress_rule').some((rule) => admits(rule, leg.targetPort, leg.addresses));
    if (!egress) {
      chain.fail({
        ...groupAt,
        attribute: 'aws_vpc_security_group_egress_rule',
        problem: `no egress rule lets the NLB reach ${leg.addresses.join(', ')} on tcp/${leg.targetPort}`,
        fix: `allow tcp/${leg.targetPort} to ${spoke.cidr}`,
      });
    }
  }
  chain.pass({
    ...groupAt,
    detail:
      groups.length > 0
        ? `in tcp/${leg.listenerPort} from ${gatewayCidr}, out tcp/${leg.targetPort} to ${spoke.cidr}`
        : 'no security group on the NLB (all traffic admitted)',
  });
}

/** Whether a literal CIDR contains every address (and, when given, the whole network `cidr`). */
function covers(value: unknown, addresses: readonly string[], cidr?: string): boolean {
  if (typeof value !== 'string' || !ipaddr.IPv4.isValidCIDR(value)) return false;
  const range = ipaddr.IPv4.parseCIDR(value);
  if (cidr && ipaddr.IPv4.isValidCIDR(cidr) && ipaddr.IPv4.parseCIDR(cidr)[1] < range[1]) return false;
  return addresses.every((address) => ipaddr.IPv4.isValidFourPartDecimal(address) && ipaddr.IPv4.parse(address).match(range));
}

/** The attachment a `transit_gateway_attachment_id` names, directly or through an accepter. */
function attachmentBehind(route: Route, stack: Located['stack'], value: unknown): Located | undefined {
  const reading = readReference(route.app, stack, value);
  if (reading.kind !== 'resolved') return undefined;
  const { resource } = reading.resolution;
  if (resource.type === 'aws_ec2_transit_gateway_vpc_attachment') return { stack: reading.resolution.stack, resource };
  if (resource.type === 'aws_ec2_transit_gateway_vpc_attachment_accepter')
    return attachmentBehind(route, reading.resolution.stack, resource.values.transit_gateway_attachment_id);
  return undefined;
}

const same = (a: Located, b: Located) => a.stack.id === b.stack.id && a.resource.address === b.resource.address;

function associatedTable(route: Route, attachment: Located): Located | undefined {
  for (const association of resourcesOfType(route, 'aws_ec2_transit_gateway_route_table_association')) {
    const behind = attachmentBehind(route, association.stack, association.resource.values.transit_gateway_attachment_id);
    if (!behind || !same(behind, attachment)) continue;
    const table = readReference(route.app, association.stack, association.resource.values.transit_gateway_route_table_id);
    if (table.kind === 'resolved' && table.resolution.resource.type === 'aws_ec2_transit_gateway_route_table')
      return { stack: table.resolution.stack, resource: table.resolution.resource };
  }
  return undefined;
}

function propagation(route: Route, attachment: Located, table: Located): Located | undefined {
  return resourcesOfType(route, 'aws_ec2_transit_gateway_route_table_propagation').find((candidate) => {
    const behind = attachmentBehind(route, candidate.stack, candidate.resource.values.transit_gateway_attachment_id);
    return (
      behind !== undefined &&
      same(behind, attachment) &&
      refersTo(
        route.app,
        candidate.stack,
        candidate.resource.values.transit_gateway_route_table_id,
        { stack: table.stack, address: table.resource.address },
        'id',
      )
    );
  });
}
