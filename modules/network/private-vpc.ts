import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Construct } from 'constructs';
import { resourceName } from '../../lib/naming';
import { FlowLog } from './flow-log';
import { availabilityZoneNames, planSubnets } from './subnet-plan';

export interface PrivateVpcProps {
  readonly environment: string;
  /** Account owning the VPC (flow log delivery guard). */
  readonly accountId: string;
  /** Name of the VPC within the environment, e.g. `gateway`. */
  readonly name: string;
  readonly cidr: string;
  /** Region, for availability zone names. */
  readonly region: string;
  /** Number of availability zones (at least two). */
  readonly availabilityZones: number;
  /** Retention of the VPC flow logs. */
  readonly flowLogRetentionDays: number;
  /** Customer managed key of the flow-log group. */
  readonly logKmsKeyArn: string;
}

/**
 * A VPC with no internet gateway: private subnets in every AZ (one route table each, so routes can differ per
 * AZ later) and small dedicated subnets for the Transit Gateway attachment. Flow logs are always on.
 */
export class PrivateVpc extends Construct {
  readonly vpc: Vpc;
  readonly cidr: string;
  readonly privateSubnets: Subnet[];
  readonly attachmentSubnets: Subnet[];
  /** Route tables of the private subnets; routes to other VPCs through the Transit Gateway go here. */
  readonly privateRouteTables: RouteTable[];

  constructor(scope: Construct, id: string, props: PrivateVpcProps) {
    super(scope, id);
    const name = resourceName(props.environment, props.name);
    this.cidr = props.cidr;
    this.vpc = new Vpc(this, 'Resource', { cidrBlock: props.cidr, enableDnsSupport: true, enableDnsHostnames: true, tags: { Name: name } });
    // AWS creates every VPC with a default security group that admits its own members and all egress; anything
    // launched without a group lands in it. Terraform adopts it and removes every rule (FSBP EC2.2, UAG-NET-008); the
    // empty lists make a rule added later in the console show up as drift.
    new DefaultSecurityGroup(this, 'DefaultSecurityGroup', { vpcId: this.vpc.id, ingress: [], egress: [], tags: { Name: `${name}-default-no-traffic` } });
    const plan = planSubnets(props.cidr, props.availabilityZones);
    const zones = availabilityZoneNames(props.region, props.availabilityZones);

    this.privateSubnets = plan.private.map(
      (cidrBlock, index) =>
        new Subnet(this, `Private-${zones[index]}`, {
          vpcId: this.vpc.id,
          cidrBlock,
          availabilityZone: zones[index],
          tags: { Name: `${name}-private-${zones[index]}`, Tier: 'private' },
        }),
    );
    this.attachmentSubnets = plan.attachment.map(
      (cidrBlock, index) =>
        new Subnet(this, `Attachment-${zones[index]}`, {
          vpcId: this.vpc.id,
          cidrBlock,
          availabilityZone: zones[index],
          tags: { Name: `${name}-tgw-${zones[index]}`, Tier: 'transit-gateway' },
        }),
    );
    this.privateRouteTables = this.privateSubnets.map((subnet, index) => {
      const table = new RouteTable(this, `PrivateRoutes-${zones[index]}`, { vpcId: this.vpc.id, tags: { Name: `${name}-private-${zones[index]}` } });
      new RouteTableAssociation(this, `PrivateRoutesAssociation-${zones[index]}`, { subnetId: subnet.id, routeTableId: table.id });
      return table;
    });
    // The attachment subnets only carry the TGW ENIs; their local route is all they need.
    const attachmentRoutes = new RouteTable(this, 'AttachmentRoutes', { vpcId: this.vpc.id, tags: { Name: `${name}-tgw` } });
    this.attachmentSubnets.forEach(
      (subnet, index) =>
        new RouteTableAssociation(this, `AttachmentRoutesAssociation-${zones[index]}`, { subnetId: subnet.id, routeTableId: attachmentRoutes.id }),
    );

    new FlowLog(this, 'FlowLog', {
      environment: props.environment,
      accountId: props.accountId,
      region: props.region,
      subject: `${props.name}-vpc`,
      target: { vpcId: this.vpc.id },
      retentionDays: props.flowLogRetentionDays,
      kmsKeyArn: props.logKmsKeyArn,
    });
  }
}
