import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { BackendTarget } from './backend-listener';
import { PrivateIntegrations, type PrivateIntegrationsProps } from './private-integrations';
import { PrivateVpc } from './private-vpc';
import { GATEWAY_SEGMENT, segmentRouting } from './segment-routing';
import { TransitGatewayAttachment } from './transit-gateway-attachment';
import type { TransitGatewayReference } from './transit-gateway-reference';

export interface GatewayNetworkProps {
  /** Environment name, prefix of every resource name. */
  readonly environment: string;
  readonly region: string;
  /** The gateway account. */
  readonly accountId: string;
  /** CIDR and availability zones of the gateway VPC. */
  readonly vpc: { readonly cidr: string; readonly availabilityZones: number };
  readonly flowLogRetentionDays: number;
  /** Customer managed key of the gateway VPC's flow-log group (the gateway stack's log key). */
  readonly logKmsKeyArn: string;
  /** The shared Transit Gateway, from the network stack's contract. */
  readonly transitGateway: TransitGatewayReference;
  /** Transit Gateway segments; the gateway VPC joins the gateway segment. */
  readonly segments: readonly string[];
  /** Provider in the network account, which accepts the attachment. */
  readonly networkProvider: TerraformProvider;
  /** Whether the network hub is another account (the attachment is then accepted there). */
  readonly crossAccount: boolean;
  /** Backend VPC CIDRs the gateway subnets route to the Transit Gateway. */
  readonly spokeCidrs: readonly string[];
  /** NLB strategy, deletion protection, listener certificate, access logs. */
  readonly privateIntegrations: Pick<PrivateIntegrationsProps, 'strategy' | 'deletionProtection' | 'tlsCertificateArn' | 'accessLogsBucket'>;
  /** Every enabled service's backend. */
  readonly backends: readonly BackendTarget[];
  /** Actions of the target-group health and certificate-expiry alarms (the gateway's alarm topic). */
  readonly alarmActions: readonly string[];
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
    this.vpc = new PrivateVpc(this, 'Vpc', {
      environment: props.environment,
      accountId: props.accountId,
      name: 'gateway',
      cidr: props.vpc.cidr,
      region: props.region,
      availabilityZones: props.vpc.availabilityZones,
      flowLogRetentionDays: props.flowLogRetentionDays,
      logKmsKeyArn: props.logKmsKeyArn,
    });

    const { transitGateway } = props;
    const routing = segmentRouting(GATEWAY_SEGMENT, props.segments);
    new TransitGatewayAttachment(this, 'TransitGatewayAttachment', {
      environment: props.environment,
      name: 'gateway',
      transitGatewayId: transitGateway.transitGatewayId,
      vpcId: this.vpc.vpc.id,
      subnetIds: this.vpc.attachmentSubnets.map((subnet) => subnet.id),
      networkProvider: props.networkProvider,
      crossAccount: props.crossAccount,
      associateWithRouteTableId: transitGateway.routeTableId(routing.associateWith),
      propagateTo: Object.fromEntries(routing.propagateTo.map((segment) => [segment, transitGateway.routeTableId(segment)])),
      vpcRouteTableIds: this.vpc.privateRouteTables.map((table) => table.id),
      destinations: props.spokeCidrs,
      alarmActions: transitGateway.alarmActions,
    });

    this.integrations = new PrivateIntegrations(this, 'PrivateIntegrations', {
      environment: props.environment,
      vpc: this.vpc,
      backends: props.backends,
      alarmActions: props.alarmActions,
      ...props.privateIntegrations,
    });
  }
}
