import { FmsAdminAccount } from '@cdktf/provider-aws/lib/fms-admin-account';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

export interface FirewallManagerAdministratorProps {
  /** The account that becomes the organization's Firewall Manager administrator (the security account). */
  readonly accountId: string;
  /** A us-east-1 provider of the management account: Firewall Manager's administrator API lives there. */
  readonly provider: TerraformProvider;
}

/**
 * Delegates Firewall Manager administration from the management account. One per organization: exactly
 * one environment creates it (organization.firewallManagerAdministrator.delegatedHere).
 */
export class FirewallManagerAdministrator extends Construct {
  readonly resource: FmsAdminAccount;

  constructor(scope: Construct, id: string, props: FirewallManagerAdministratorProps) {
    super(scope, id);
    this.resource = new FmsAdminAccount(this, 'Resource', { provider: props.provider, accountId: props.accountId });
  }
}
