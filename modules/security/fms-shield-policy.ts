import type { FmsPolicy } from '@cdktf/provider-aws/lib/fms-policy';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { FirewallManager } from '../../lib/config/schema/security';
import { resourceName } from '../../lib/naming';
import { shieldAdvancedManagedServiceData } from './fms-managed-service-data';
import { organizationPolicy } from './fms-policy';
import type { FmsScopeMaps } from '../../lib/config/views/fms-scope';

export interface FmsShieldPolicyProps {
  /** Environment name; prefixes the policy name. */
  readonly environmentName: string;
  /** The environment's `firewallManager.shieldAdvanced` settings. */
  readonly settings: FirewallManager['shieldAdvanced'];
  /** Let Firewall Manager protect (and subscribe) accounts and resources in scope. */
  readonly remediation: boolean;
  /** Accounts and OUs in scope. */
  readonly scope: FmsScopeMaps;
  /** The us-east-1 provider: CloudFront is a global resource. */
  readonly provider: TerraformProvider;
}

/**
 * A SHIELD_ADVANCED policy for every CloudFront distribution in scope, with automatic application-layer
 * response. With remediation on, Firewall Manager subscribes accounts in scope to Shield Advanced.
 */
export class FmsShieldPolicy extends Construct {
  readonly policy: FmsPolicy;

  constructor(scope: Construct, id: string, props: FmsShieldPolicyProps) {
    super(scope, id);
    this.policy = organizationPolicy(this, {
      provider: props.provider,
      name: resourceName(props.environmentName, 'shield', 'cloudfront'),
      description: `${props.environmentName}: Shield Advanced for CloudFront distributions`,
      resourceTypes: ['AWS::CloudFront::Distribution'],
      scope: props.scope,
      remediation: props.remediation,
      // Firewall Manager does not offer this clean-up for Shield Advanced policies; stated so nobody expects it.
      deleteUnusedFmManagedResources: false,
      serviceData: shieldAdvancedManagedServiceData(props.settings.automaticResponse),
    });
  }
}
