import type { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { Construct } from 'constructs';
import type { BackendTarget } from '../../lib/config/views/backend-targets';
import { resourceName, targetGroupName } from '../../lib/naming';
import { TLS_SERVER_NAME_TAG } from '../../lib/output-tags';
import { TargetGroupHealthAlarms } from '../observability/target-group-health-alarms';

export type { BackendTarget };

/** TLS 1.3 with TLS 1.2 as the floor: the recommended ELB policy for new listeners. */
export const TLS_LISTENER_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

export interface BackendListenerProps {
  readonly environment: string;
  readonly loadBalancer: Lb;
  readonly vpcId: string;
  readonly backend: BackendTarget;
  /** ACM certificate for TLS listeners.
   * @default - none; required when the backend speaks TLS */
  readonly tlsCertificateArn?: string;
  /** Actions of the target group's health alarms. */
  readonly alarmActions: readonly string[];
}

/**
 * A listener and IP target group for one backend: targets live in another VPC behind the Transit Gateway,
 * hence `availability_zone = "all"`. A TLS backend gets a TLS listener with a TLS 1.2+ policy and a TLS target
 * group, so traffic stays encrypted end to end.
 */
export class BackendListener extends Construct {
  readonly targetGroup: LbTargetGroup;
  readonly listener: LbListener;

  constructor(scope: Construct, id: string, props: BackendListenerProps) {
    super(scope, id);
    const { backend } = props;
    const tls = backend.protocol === 'TLS';
    if (tls && !props.tlsCertificateArn) {
      throw new Error(`service ${backend.service} speaks TLS: network.privateIntegrations.tlsCertificateArn is required`);
    }
    if (tls && !backend.tlsServerName) {
      throw new Error(`service ${backend.service} speaks TLS: services.${backend.service}.backend.tlsServerName is required`);
    }
    // Port, protocol, VPC and target type replace a target group, and its listener keeps it in use: the replacement is
    // created first under its own name (targetGroupName), the listener moves, then the old one is deleted (docs/decisions/0016-alarm-receivers-and-replacements.md).
    this.targetGroup = new LbTargetGroup(this, 'TargetGroup', {
      name: targetGroupName(props.environment, backend.service, backend.protocol, backend.port),
      lifecycle: { createBeforeDestroy: true },
      targetType: 'ip',
      protocol: backend.protocol,
      port: backend.port,
      vpcId: props.vpcId,
      healthCheck: {
        enabled: true,
        protocol: tls ? 'HTTPS' : 'HTTP',
        path: backend.healthCheckPath,
        port: 'traffic-port',
        healthyThreshold: 3,
        unhealthyThreshold: 3,
        interval: 10,
      },
    });
    for (const address of backend.addresses) {
      new LbTargetGroupAttachment(this, `Target-${address}`, {
        targetGroupArn: this.targetGroup.arn,
        targetId: address,
        port: backend.port,
        availabilityZone: 'all',
        // Registered in the new target group before the listener moves to it.
        lifecycle: { createBeforeDestroy: true },
      });
    }
    this.listener = new LbListener(this, 'Resource', {
      loadBalancerArn: props.loadBalancer.arn,
      port: backend.listenerPort,
      protocol: backend.protocol,
      ...(tls
        ? { sslPolicy: TLS_LISTENER_POLICY, certificateArn: props.tlsCertificateArn, tags: { [TLS_SERVER_NAME_TAG]: backend.tlsServerName as string } }
        : {}),
      defaultAction: [{ type: 'forward', targetGroupArn: this.targetGroup.arn }],
    });
    new TargetGroupHealthAlarms(this, 'TargetHealth', {
      name: resourceName(props.environment, backend.service, 'nlb'),
      subject: `the ${backend.service} backend`,
      targetGroupArnSuffix: this.targetGroup.arnSuffix,
      loadBalancerArnSuffix: props.loadBalancer.arnSuffix,
      alarmActions: props.alarmActions,
    });
  }
}
