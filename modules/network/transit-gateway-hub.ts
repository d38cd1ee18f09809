import { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
import { Ec2TransitGatewayRouteTable } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table';
import { Construct } from 'constructs';
import { resourceName } from '../../lib/naming';
import { FlowLog } from './flow-log';

export interface TransitGatewayHubProps {
  /** Environment name: one hub per environment, so prod never shares a Transit Gateway with non-prod. */
  readonly environment: string;
  /** Network account id (flow log delivery guard). */
  readonly accountId: string;
  /** Region of the Transit Gateway. */
  readonly region: string;
  /** Private ASN of the Amazon side. */
  readonly amazonSideAsn: number;
  /** Segment names; one route table each. */
  readonly segments: readonly string[];
  /** Retention of the Transit Gateway flow logs. */
  readonly flowLogRetentionDays: number;
  /** Customer managed key of the flow-log group. */
  readonly logKmsKeyArn: string;
}

/**
 * The Transit Gateway of an environment with one route table per segment. Nothing is associated or propagated
 * by default and shared attachments are never auto-accepted: every attachment, association and propagation is
 * an explicit, reviewed resource (see TransitGatewayAttachment).
 */
export class TransitGatewayHub extends Construct {
  readonly transitGateway: Ec2TransitGateway;
  /** Route table per segment name. */
  readonly routeTables: ReadonlyMap<string, Ec2TransitGatewayRouteTable>;

  constructor(scope: Construct, id: string, props: TransitGatewayHubProps) {
    super(scope, id);
    this.transitGateway = new Ec2TransitGateway(this, 'Resource', {
      description: `Unified API gateway hub (${props.environment})`,
      amazonSideAsn: props.amazonSideAsn,
      autoAcceptSharedAttachments: 'disable',
      defaultRouteTableAssociation: 'disable',
      defaultRouteTablePropagation: 'disable',
      dnsSupport: 'enable',
      vpnEcmpSupport: 'disable',
      tags: { Name: resourceName(props.environment, 'hub') },
    });
    this.routeTables = new Map(
      props.segments.map((segment) => [
        segment,
        new Ec2TransitGatewayRouteTable(this, `RouteTable-${segment}`, {
          transitGatewayId: this.transitGateway.id,
          tags: { Name: resourceName(props.environment, 'tgw', segment), Segment: segment },
        }),
      ]),
    );
    new FlowLog(this, 'FlowLog', {
      environment: props.environment,
      accountId: props.accountId,
      region: props.region,
      subject: 'transit-gateway',
      target: { transitGatewayId: this.transitGateway.id },
      retentionDays: props.flowLogRetentionDays,
      kmsKeyArn: props.logKmsKeyArn,
    });
  }

  routeTable(segment: string): Ec2TransitGatewayRouteTable {
    const table = this.routeTables.get(segment);
    if (!table) throw new Error(`no Transit Gateway route table for segment "${segment}"; segments are ${[...this.routeTables.keys()].join(', ')}`);
    return table;
  }
}
