import type { FmsPolicy } from '@cdktf/provider-aws/lib/fms-policy';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { resourceName } from '../../lib/naming';
import { securityGroupsContentAuditManagedServiceData } from './fms-managed-service-data';
import { organizationPolicy } from './fms-policy';
import type { FmsScopeMaps } from '../../lib/config/views/fms-scope';

export interface FmsSecurityGroupAuditPolicyProps {
  /** Environment name; prefixes the policy and reference group names. */
  readonly environmentName: string;
  /** VPC of the administrator account that holds the reference security group. */
  readonly referenceVpcId: string;
  /** Let Firewall Manager remove the offending rules. */
  readonly remediation: boolean;
  /** Accounts and OUs in scope. */
  readonly scope: FmsScopeMaps;
  /** Home-region provider (security groups are regional).
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * A SECURITY_GROUPS_CONTENT_AUDIT policy in DENY mode: a security group rule anywhere in scope that admits
 * 0.0.0.0/0 or ::/0 matches the reference group and is reported (and removed when remediating). The
 * reference group is attached to nothing; it only describes what is forbidden.
 */
export class FmsSecurityGroupAuditPolicy extends Construct {
  readonly policy: FmsPolicy;
  readonly referenceSecurityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: FmsSecurityGroupAuditPolicyProps) {
    super(scope, id);
    const { provider, environmentName } = props;
    const anywhere = { fromPort: 0, toPort: 0, protocol: '-1' };
    this.referenceSecurityGroup = new SecurityGroup(this, 'ReferenceSecurityGroup', {
      provider,
      name: resourceName(environmentName, 'fms-audit-open-ingress'),
      description: 'Firewall Manager audit reference: ingress from anywhere is forbidden. Attached to nothing.',
      vpcId: props.referenceVpcId,
      ingress: [
        { ...anywhere, cidrBlocks: ['0.0.0.0/0'], description: 'Forbidden: IPv4 ingress from anywhere' },
        { ...anywhere, ipv6CidrBlocks: ['::/0'], description: 'Forbidden: IPv6 ingress from anywhere' },
      ],
      egress: [],
      revokeRulesOnDelete: true,
    });
    this.policy = organizationPolicy(this, {
      provider,
      name: resourceName(environmentName, 'sg-open-ingress-audit'),
      description: `${environmentName}: security group rules must not admit 0.0.0.0/0 or ::/0`,
      resourceTypes: ['AWS::EC2::SecurityGroup'],
      scope: props.scope,
      remediation: props.remediation,
      // Audit policies create no resources in member accounts; nothing to clean up when one leaves scope.
      deleteUnusedFmManagedResources: false,
      serviceData: securityGroupsContentAuditManagedServiceData(this.referenceSecurityGroup.id),
    });
  }
}
