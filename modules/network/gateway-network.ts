import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { accountIdOf, type EnabledService } from '../../lib/config/model';
import type { LandingZoneStack } from '../../stacks/base-stack';
import type { NetworkStack } from '../../stacks/network-stack';
import { backendTargets } from './backend-targets';
import { PrivateIntegrations } from './private-integrations';
import { PrivateVpc } from './private-vpc';
import { segmentRouting } from './segment-routing';
import { TransitGatewayAttachment } from './transit-gateway-attachment';
import { referenceTransitGateway } from './transit-gateway-reference';
import { GATEWAY_SEGMENT } from '../../lib/config/schema/network';

export interface GatewayNetworkProps {
  /** The gateway stack (its account, environment and cross-account providers). */
  readonly stack: LandingZoneStack;
  /** The environment's network stack. */
  readonly network: NetworkStack;
  /** Services enabled in the environment, each with its backend. */
  readonly services: readonly EnabledService[];
}

/**
 * The gateway account's side of the private path: the gateway VPC, its Transit Gateway attachment (gateway
 * segment, routes to every backend VPC) and one private integration (NLB + VPC link) per backend.
 */
export class GatewayNetwork extends Construct {
  readonly vpc: PrivateVpc;
  readonly integrations: PrivateIntegrations;

  constructor(scope: Construct, id: string, props: GatewayNetworkProps) {
    super(scope, id);
    const { stack } = props;
    const { environment } = stack;
    const { network } = environment;
    this.vpc = new PrivateVpc(this, 'Vpc', {
      environment: environment.name,
      accountId: stack.accountId,
      name: 'gateway',
      cidr: network.gatewayVpc.cidr,
      region: environment.region,
      availabilityZones: network.gatewayVpc.availabilityZones,
      flowLogRetentionDays: network.flowLogRetentionDays,
    });

    const transitGateway = referenceTransitGateway(this, props.network.hub, props.network.stackId);
    const routing = segmentRouting(GATEWAY_SEGMENT, network.transitGateway.segments);
    new TransitGatewayAttachment(this, 'TransitGatewayAttachment', {
      environment: environment.name,
      name: 'gateway',
      transitGatewayId: transitGateway.transitGatewayId,
      vpcId: this.vpc.vpc.id,
      subnetIds: this.vpc.attachmentSubnets.map((subnet) => subnet.id),
      networkProvider: stack.providerForAccount(environment.roles.network),
      crossAccount: stack.accountId !== accountIdOf(environment, environment.roles.network),
      associateWithRouteTableId: transitGateway.routeTableId(routing.associateWith),
      propagateTo: Object.fromEntries(routing.propagateTo.map((segment) => [segment, transitGateway.routeTableId(segment)])),
      vpcRouteTableIds: this.vpc.privateRouteTables.map((table) => table.id),
      destinations: network.spokes.map((spoke) => spoke.vpc.cidr),
    });

    this.integrations = new PrivateIntegrations(this, 'PrivateIntegrations', {
      environment: environment.name,
      strategy: network.privateIntegrations.nlbStrategy,
      vpc: this.vpc,
      backends: backendTargets(environment, props.services),
      deletionProtection: network.privateIntegrations.deletionProtection,
      tlsCertificateArn: network.privateIntegrations.tlsCertificateArn,
      accessLogsBucket: network.privateIntegrations.accessLogsBucket,
    });

    new TerraformOutput(stack, 'gateway_vpc_id', { value: this.vpc.vpc.id, description: 'Gateway VPC (private subnets, no internet gateway).' });
    for (const service of this.integrations.services) {
      const integration = this.integrations.forService(service);
      const key = service.replace(/-/g, '_');
      new TerraformOutput(stack, `vpc_link_id_${key}`, { value: integration.vpcLinkId, description: `REST API VPC link of ${service} (x-amazon-apigateway-integration connectionId).` });
      new TerraformOutput(stack, `nlb_dns_name_${key}`, { value: integration.loadBalancerDnsName, description: `Internal NLB in front of ${service}, for its stage variable.` });
      new TerraformOutput(stack, `nlb_listener_port_${key}`, { value: integration.listenerPort, description: `NLB listener port of ${service}.` });
    }
  }
}
