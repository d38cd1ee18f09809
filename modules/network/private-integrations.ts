import { ApiGatewayVpcLink } from '@cdktf/provider-aws/lib/api-gateway-vpc-link';
import { Construct } from 'constructs';
import { resourceName } from '../../lib/naming';
import { CertificateExpiryAlarm } from '../observability/certificate-expiry-alarm';
import { BackendListener, type BackendTarget } from './backend-listener';
import { InternalNlb } from './internal-nlb';
import type { PrivateVpc } from './private-vpc';

/** What an API needs to reach its backend: the VPC link and the host/port for the integration URI. */
export interface PrivateIntegration {
  readonly vpcLinkId: string;
  readonly loadBalancerDnsName: string;
  readonly listenerPort: number;
  /** TLS backends: the host of the integration URI (Host header, SNI, certificate check); TCP backends use the NLB's name.
   * @default - none (TCP backend) */
  readonly tlsServerName?: string;
}

export interface PrivateIntegrationsProps {
  readonly environment: string;
  /** `per-service`: one NLB and VPC link per service; `shared`: one NLB (a listener per service) and one VPC link. */
  readonly strategy: 'per-service' | 'shared';
  /** The gateway VPC. */
  readonly vpc: PrivateVpc;
  readonly backends: readonly BackendTarget[];
  /** Protect the load balancers against deletion (prod). */
  readonly deletionProtection: boolean;
  /** ACM certificate for TLS listeners.
   * @default - none; required when a backend speaks TLS */
  readonly tlsCertificateArn?: string;
  /** S3 bucket for NLB access logs.
   * @default - no access logs */
  readonly accessLogsBucket?: string;
  /** Actions of the target-group health alarms and the listener certificate's expiry alarm. */
  readonly alarmActions: readonly string[];
}

/**
 * REST API private integrations in the gateway account: internal NLBs whose IP targets are the backends in
 * other accounts, and the VPC links API Gateway uses to reach them.
 */
export class PrivateIntegrations extends Construct {
  private readonly byService = new Map<string, PrivateIntegration>();

  constructor(scope: Construct, id: string, props: PrivateIntegrationsProps) {
    super(scope, id);
    const groups =
      props.strategy === 'shared'
        ? [{ name: 'shared', backends: props.backends }]
        : props.backends.map((backend) => ({ name: backend.service, backends: [backend] }));
    for (const group of groups) {
      if (group.backends.length === 0) continue;
      const nlb = new InternalNlb(this, `Nlb-${group.name}`, {
        environment: props.environment,
        name: group.name,
        vpc: props.vpc,
        listenerPorts: group.backends.map((backend) => backend.listenerPort),
        backends: group.backends.map((backend) => ({ cidr: backend.cidr, port: backend.port })),
        deletionProtection: props.deletionProtection,
        accessLogsBucket: props.accessLogsBucket,
      });
      const vpcLink = new ApiGatewayVpcLink(this, `VpcLink-${group.name}`, {
        name: resourceName(props.environment, group.name),
        description: `REST API private integration to ${group.name === 'shared' ? 'the shared NLB' : `the ${group.name} backend`}`,
        targetArns: [nlb.loadBalancer.arn],
        // A new NLB replaces the link (target_arns forces it). Names need not be unique, so the new link comes first;
        // the old one can only go once the api-* stacks have moved off it (docs/operations.md, "Replacing a VPC link").
        lifecycle: { createBeforeDestroy: true },
      });
      for (const backend of group.backends) {
        new BackendListener(this, `Backend-${backend.service}`, {
          environment: props.environment,
          loadBalancer: nlb.loadBalancer,
          vpcId: props.vpc.vpc.id,
          backend,
          tlsCertificateArn: props.tlsCertificateArn,
          alarmActions: props.alarmActions,
        });
        this.byService.set(backend.service, {
          vpcLinkId: vpcLink.id,
          loadBalancerDnsName: nlb.loadBalancer.dnsName,
          listenerPort: backend.listenerPort,
          tlsServerName: backend.tlsServerName,
        });
      }
    }
    // The listener certificate comes from configuration (imported or issued elsewhere): nobody renews it for this stack.
    if (props.tlsCertificateArn && props.backends.some((backend) => backend.protocol === 'TLS')) {
      new CertificateExpiryAlarm(this, 'TlsCertificateExpiry', {
        name: resourceName(props.environment, 'nlb-certificate-expiry'),
        certificateArn: props.tlsCertificateArn,
        usedBy: 'the NLB TLS listeners',
        alarmActions: props.alarmActions,
      });
    }
  }

  /** The integration of one service; fails for a service without a backend in this environment. */
  forService(service: string): PrivateIntegration {
    const integration = this.byService.get(service);
    if (!integration) throw new Error(`no private integration for service "${service}"; is it enabled with a backend in this environment?`);
    return integration;
  }

  get services(): string[] {
    return [...this.byService.keys()];
  }
}
