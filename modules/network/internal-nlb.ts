import { Lb } from '@cdktf/provider-aws/lib/lb';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { shortName } from '../../lib/naming';
import type { PrivateVpc } from './private-vpc';

export interface InternalNlbProps {
  readonly environment: string;
  /** Load balancer name within the environment (service name, or `shared`). */
  readonly name: string;
  /** The gateway VPC: subnets, and the only source admitted by the security group. */
  readonly vpc: PrivateVpc;
  /** Ports the listeners open. */
  readonly listenerPorts: readonly number[];
  /** Backend networks and ports the load balancer may reach (targets and health checks). */
  readonly backends: readonly { readonly cidr: string; readonly port: number }[];
  /** Refuse deletion through the API (on in prod). */
  readonly deletionProtection: boolean;
  /** S3 bucket for access logs.
   * @default - no access logs */
  readonly accessLogsBucket?: string;
}

/**
 * An internal Network Load Balancer in the gateway VPC's private subnets, cross-zone, with a security group
 * that admits only the gateway VPC on the listener ports and reaches only the backend networks.
 */
export class InternalNlb extends Construct {
  readonly loadBalancer: Lb;
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: InternalNlbProps) {
    super(scope, id);
    const name = shortName(props.environment, props.name);
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      name: `${name}-nlb`,
      description: `Internal NLB ${name}: gateway VPC in, backends out`,
      vpcId: props.vpc.vpc.id,
      tags: { Name: `${name}-nlb` },
    });
    for (const port of [...new Set(props.listenerPorts)].sort((a, b) => a - b)) {
      new VpcSecurityGroupIngressRule(this, `Ingress-${port}`, {
        securityGroupId: this.securityGroup.id,
        description: 'VPC link traffic from the gateway VPC',
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        cidrIpv4: props.vpc.cidr,
      });
    }
    const egress = new Map(props.backends.map((backend) => [`${backend.cidr}:${backend.port}`, backend]));
    for (const [key, backend] of [...egress.entries()].sort()) {
      new VpcSecurityGroupEgressRule(this, `Egress-${key}`, {
        securityGroupId: this.securityGroup.id,
        description: 'Backend targets and health checks through the Transit Gateway',
        ipProtocol: 'tcp',
        fromPort: backend.port,
        toPort: backend.port,
        cidrIpv4: backend.cidr,
      });
    }

    this.loadBalancer = new Lb(this, 'Resource', {
      name,
      internal: true,
      loadBalancerType: 'network',
      subnets: props.vpc.privateSubnets.map((subnet) => subnet.id),
      securityGroups: [this.securityGroup.id],
      enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: 'on',
      enableCrossZoneLoadBalancing: true,
      enableDeletionProtection: props.deletionProtection,
      accessLogs: props.accessLogsBucket ? { bucket: props.accessLogsBucket, prefix: name, enabled: true } : undefined,
    });
  }
}
