import { Ec2TransitGatewayRouteTableAssociation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association';
import { Ec2TransitGatewayRouteTablePropagation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { Ec2TransitGatewayVpcAttachmentAccepter } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment-accepter';
import { Route } from '@cdktf/provider-aws/lib/route';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { resourceName } from '../../lib/naming';
import { VPC_CIDR_TAG } from '../../lib/output-tags';
import { TransitGatewayAttachmentAlarms } from '../observability/transit-gateway-attachment-alarms';

export interface TransitGatewayAttachmentProps {
  readonly environment: string;
  /** Name of the attached VPC, e.g. `gateway` or `spoke-555566668888`. */
  readonly name: string;
  /** The shared Transit Gateway. */
  readonly transitGatewayId: string;
  readonly vpcId: string;
  /** One subnet per AZ for the attachment ENIs. */
  readonly subnetIds: readonly string[];
  /** Provider in the network account, which accepts the attachment and manages its routing. */
  readonly networkProvider: TerraformProvider;
  /** Whether the VPC lives in another account than the Transit Gateway (then the network account accepts it). */
  readonly crossAccount: boolean;
  /** Route table of the attachment's segment. */
  readonly associateWithRouteTableId: string;
  /** Route tables that learn the VPC's CIDR, by segment name (the name keeps construct ids stable). */
  readonly propagateTo: Readonly<Record<string, string>>;
  /** VPC route tables that send `destinations` to the Transit Gateway. */
  readonly vpcRouteTableIds: readonly string[];
  /** CIDRs reachable through the Transit Gateway from this VPC. */
  readonly destinations: readonly string[];
  /**
   * The attached VPC's CIDR, written as the attachment tag `uag:vpc-cidr` so that route proofs (lib/route-proofs)
   * can tell from the synthesized output which spoke holds a backend address when the VPC itself is not in the output.
   * @default - no tag (the VPC is created in the same output, which carries its cidr_block)
   */
  readonly vpcCidr?: string;
  /** Actions of the attachment's packet-drop alarms: topics in the network account (where the Transit Gateway's metrics are). */
  readonly alarmActions: readonly string[];
}

/**
 * Attaches a VPC to the shared Transit Gateway and wires its routing explicitly: the network account accepts a
 * cross-account attachment (auto-accept is off), associates it with its segment's route table and propagates
 * it only where the segment design allows. VPC routes are created after acceptance.
 */
export class TransitGatewayAttachment extends Construct {
  readonly attachment: Ec2TransitGatewayVpcAttachment;

  constructor(scope: Construct, id: string, props: TransitGatewayAttachmentProps) {
    super(scope, id);
    this.attachment = new Ec2TransitGatewayVpcAttachment(this, 'Resource', {
      transitGatewayId: props.transitGatewayId,
      vpcId: props.vpcId,
      subnetIds: [...props.subnetIds],
      dnsSupport: 'enable',
      tags: { Name: resourceName(props.environment, props.name), ...(props.vpcCidr ? { [VPC_CIDR_TAG]: props.vpcCidr } : {}) },
    });

    const accepter = props.crossAccount
      ? new Ec2TransitGatewayVpcAttachmentAccepter(this, 'Accepter', {
          provider: props.networkProvider,
          transitGatewayAttachmentId: this.attachment.id,
          transitGatewayDefaultRouteTableAssociation: false,
          transitGatewayDefaultRouteTablePropagation: false,
          tags: { Name: resourceName(props.environment, props.name) },
        })
      : undefined;
    // Referencing the accepter's attribute orders routing after acceptance.
    const attachmentId = accepter ? accepter.transitGatewayAttachmentId : this.attachment.id;

    new TransitGatewayAttachmentAlarms(this, 'Alarms', {
      name: resourceName(props.environment, 'tgw', props.name),
      transitGatewayId: props.transitGatewayId,
      attachmentId,
      provider: props.networkProvider,
      alarmActions: props.alarmActions,
    });

    new Ec2TransitGatewayRouteTableAssociation(this, 'Association', {
      provider: props.networkProvider,
      transitGatewayAttachmentId: attachmentId,
      transitGatewayRouteTableId: props.associateWithRouteTableId,
    });
    for (const [segment, routeTableId] of Object.entries(props.propagateTo)) {
      new Ec2TransitGatewayRouteTablePropagation(this, `Propagation-${segment}`, {
        provider: props.networkProvider,
        transitGatewayAttachmentId: attachmentId,
        transitGatewayRouteTableId: routeTableId,
      });
    }

    props.vpcRouteTableIds.forEach((routeTableId, tableIndex) =>
      props.destinations.forEach(
        (destination) =>
          new Route(this, `Route-${tableIndex}-${destination}`, {
            routeTableId,
            destinationCidrBlock: destination,
            transitGatewayId: props.transitGatewayId,
            dependsOn: accepter ? [accepter] : [this.attachment],
          }),
      ),
    );
  }
}
