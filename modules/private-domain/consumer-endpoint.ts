import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Token, type TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { resourceName } from '../../lib/naming';

/** The consumer's VPC, as declared under `consumers.<name>.vpc`. */
export interface ConsumerVpc {
  readonly id: string;
  /** The only source admitted on 443. */
  readonly cidr: string;
  /** Subnets for the endpoint's network interfaces, in at least two availability zones. */
  readonly subnetIds: readonly string[];
}

export interface ConsumerEndpointProps {
  readonly environment: string;
  readonly region: string;
  /** Name of the consumer under `consumers`; part of resource names. */
  readonly consumer: string;
  readonly vpc: ConsumerVpc;
  /** Private DNS on the endpoint (every *.execute-api name resolves to it inside the VPC).
   * @default false */
  readonly privateDns?: boolean;
  /** Provider acting in the consumer's account.
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * The execute-api interface VPC endpoint of one consumer VPC, with a security group that admits HTTPS from the VPC's
 * own CIDR only and has no egress rule (interface endpoints answer on the same connection). The private domain policy
 * and the private APIs' policies admit this endpoint by id.
 */
export class ConsumerEndpoint extends Construct {
  readonly resource: VpcEndpoint;
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: ConsumerEndpointProps) {
    super(scope, id);
    validate(this, props);
    const name = resourceName(props.environment, props.consumer, 'execute-api');
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      provider: props.provider,
      name,
      description: `execute-api endpoint of consumer ${props.consumer}: HTTPS from ${props.vpc.cidr} only`,
      vpcId: props.vpc.id,
      tags: { Name: name },
    });
    new VpcSecurityGroupIngressRule(this, 'HttpsFromVpc', {
      provider: props.provider,
      securityGroupId: this.securityGroup.id,
      description: 'HTTPS to the private APIs from the consumer VPC',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: props.vpc.cidr,
    });
    this.resource = new VpcEndpoint(this, 'Resource', {
      provider: props.provider,
      vpcId: props.vpc.id,
      serviceName: `com.amazonaws.${props.region}.execute-api`,
      vpcEndpointType: 'Interface',
      subnetIds: [...props.vpc.subnetIds],
      securityGroupIds: [this.securityGroup.id],
      privateDnsEnabled: props.privateDns ?? false,
      tags: { Name: name },
    });
  }

  get id(): string {
    return this.resource.id;
  }

  /** Regional DNS name of the endpoint (`vpce-….execute-api.<region>.vpce.amazonaws.com`), the alias target of the domain record. */
  get dnsName(): string {
    return this.resource.dnsEntry.get(0).dnsName;
  }

  /** Route 53 zone of that DNS name, for the alias record. */
  get dnsHostedZoneId(): string {
    return this.resource.dnsEntry.get(0).hostedZoneId;
  }
}

function validate(scope: Construct, props: ConsumerEndpointProps): void {
  const problems: string[] = [];
  const subnets = props.vpc.subnetIds.filter((subnet) => !Token.isUnresolved(subnet));
  if (props.vpc.subnetIds.length < 2) problems.push(`vpc.subnetIds needs subnets in at least two availability zones, got ${props.vpc.subnetIds.length}`);
  if (new Set(subnets).size !== subnets.length) problems.push(`vpc.subnetIds lists a subnet twice: ${subnets.join(', ')}`);
  if (!Token.isUnresolved(props.vpc.cidr) && !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(props.vpc.cidr))
    problems.push(`vpc.cidr must be an IPv4 CIDR, got "${props.vpc.cidr}"`);
  if (!Token.isUnresolved(props.vpc.cidr) && props.vpc.cidr.endsWith('/0')) problems.push('vpc.cidr must be the VPC network, not 0.0.0.0/0');
  if (problems.length > 0) throw new Error(`ConsumerEndpoint ${scope.node.path}: ${problems.join('; ')}`);
}
