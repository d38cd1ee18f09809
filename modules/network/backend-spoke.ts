import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { Spoke } from '../../lib/config/schema/network';
import { logKeyAlias, resourceName } from '../../lib/naming';
import { LogEncryptionKey } from '../security/log-encryption-key';
import { PrivateVpc } from './private-vpc';
import { segmentRouting } from './segment-routing';
import { TransitGatewayAttachment } from './transit-gateway-attachment';
import type { TransitGatewayReference } from './transit-gateway-reference';

export interface BackendSpokeProps {
  readonly environment: string;
  readonly region: string;
  /** The spoke account. */
  readonly accountId: string;
  /** The spoke as configured: an existing VPC to attach, or a VPC to create. */
  readonly spoke: Spoke;
  readonly segments: readonly string[];
  readonly transitGateway: TransitGatewayReference;
  /** Provider in the network account, which accepts the attachment. */
  readonly networkProvider: TerraformProvider;
  /** The network account id; attachments from other accounts need acceptance. */
  readonly networkAccountId: string;
  /** The gateway VPC CIDR, the only destination a backend VPC routes through the Transit Gateway. */
  readonly gatewayCidr: string;
  readonly flowLogRetentionDays: number;
}

/** The backend side of a service account: its VPC (attached or created) joined to its segment of the hub. */
export class BackendSpoke extends Construct {
  readonly attachment: TransitGatewayAttachment;

  constructor(scope: Construct, id: string, props: BackendSpokeProps) {
    super(scope, id);
    const { spoke } = props;
    const vpcName = `spoke-${props.accountId}`;
    // A created VPC brings its flow-log group, which is CMK-encrypted like every log group (UAG-LOG-002).
    const logKey = spoke.vpc.create
      ? new LogEncryptionKey(this, 'LogKey', {
          alias: logKeyAlias(resourceName(props.environment, vpcName)),
          accountId: props.accountId,
          region: props.region,
          description: `Encrypts the flow logs of ${resourceName(props.environment, vpcName)}`,
        })
      : undefined;
    const vpc = logKey
      ? new PrivateVpc(this, 'Vpc', {
          environment: props.environment,
          accountId: props.accountId,
          name: vpcName,
          cidr: spoke.vpc.cidr,
          region: props.region,
          availabilityZones: spoke.vpc.availabilityZones,
          flowLogRetentionDays: props.flowLogRetentionDays,
          logKmsKeyArn: logKey.arn,
        })
      : undefined;
    const routing = segmentRouting(spoke.segment, props.segments);
    this.attachment = new TransitGatewayAttachment(this, 'Attachment', {
      environment: props.environment,
      name: `spoke-${props.accountId}-${spoke.segment}`,
      transitGatewayId: props.transitGateway.transitGatewayId,
      vpcId: vpc ? vpc.vpc.id : spoke.vpc.id!,
      subnetIds: vpc ? vpc.attachmentSubnets.map((subnet) => subnet.id) : spoke.vpc.subnetIds!,
      networkProvider: props.networkProvider,
      crossAccount: props.accountId !== props.networkAccountId,
      associateWithRouteTableId: props.transitGateway.routeTableId(routing.associateWith),
      propagateTo: Object.fromEntries(routing.propagateTo.map((segment) => [segment, props.transitGateway.routeTableId(segment)])),
      vpcRouteTableIds: vpc ? vpc.privateRouteTables.map((table) => table.id) : spoke.vpc.routeTableIds!,
      destinations: [props.gatewayCidr],
      alarmActions: props.transitGateway.alarmActions,
      // An existing VPC is referenced by id only; the tag says in the output which addresses live behind it.
      vpcCidr: vpc ? undefined : spoke.vpc.cidr,
    });
  }
}
