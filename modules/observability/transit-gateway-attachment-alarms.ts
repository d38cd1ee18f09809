import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

export interface TransitGatewayAttachmentAlarmsProps {
  /** Alarm name prefix, e.g. `prod-tgw-gateway`. */
  readonly name: string;
  readonly transitGatewayId: string;
  readonly attachmentId: string;
  /** Provider of the Transit Gateway owner's account, where AWS/TransitGateway publishes the attachment's metrics. */
  readonly provider: TerraformProvider;
  /** Notified on every state change; topics of the Transit Gateway owner's account and region. */
  readonly alarmActions: readonly string[];
}

/**
 * Packets the Transit Gateway dropped on their way in through one attachment, per 5 minutes:
 *   no route      PacketDropCountNoRoute: the segment's route table has no route to the destination (a missing
 *                 propagation or a withdrawn CIDR: a backend or the gateway is cut off)
 *   blackhole     PacketDropCountBlackhole: a route points at a deleted attachment
 * Both need traffic to fire, so they complement the target-group health alarms, which do not.
 */
export class TransitGatewayAttachmentAlarms extends Construct {
  readonly noRoute: CloudwatchMetricAlarm;
  readonly blackhole: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: TransitGatewayAttachmentAlarmsProps) {
    super(scope, id);
    const common = {
      provider: props.provider,
      namespace: 'AWS/TransitGateway',
      dimensions: { TransitGateway: props.transitGatewayId, TransitGatewayAttachment: props.attachmentId },
      statistic: 'Sum',
      period: 300,
      evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      threshold: 1,
      // No traffic, nothing dropped.
      treatMissingData: 'notBreaching',
      alarmActions: [...props.alarmActions],
      okActions: [...props.alarmActions],
    };
    this.noRoute = new CloudwatchMetricAlarm(this, 'NoRouteDrops', {
      ...common,
      alarmName: `${props.name}-no-route-drops`,
      alarmDescription: `The Transit Gateway dropped packets entering through ${props.name} for lack of a route: check the segment's route table and propagations.`,
      metricName: 'PacketDropCountNoRoute',
    });
    this.blackhole = new CloudwatchMetricAlarm(this, 'BlackholeDrops', {
      ...common,
      alarmName: `${props.name}-blackhole-drops`,
      alarmDescription: `The Transit Gateway dropped packets entering through ${props.name} on a blackhole route (an attachment it points at is gone).`,
      metricName: 'PacketDropCountBlackhole',
    });
  }
}
