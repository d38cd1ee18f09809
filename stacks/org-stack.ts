import type { Construct } from 'constructs';
import { accountIdOf } from '../lib/config/model';
import type { Environment } from '../lib/config/schema/environment';
import { RamSharingWithOrganization } from '../modules/organization/ram-sharing-with-organization';
import { FirewallManagerAdministrator } from '../modules/security/firewall-manager-administrator';
import { LandingZoneStack } from './base-stack';

export interface OrgStackProps {
  readonly environment: Environment;
}

/** `<env>-org` in the management account: Firewall Manager delegation and RAM sharing with the organization. */
export class OrgStack extends LandingZoneStack {
  /** Present in the one environment that owns the organization's Firewall Manager delegation. */
  readonly firewallManagerAdministrator?: FirewallManagerAdministrator;

  constructor(scope: Construct, props: OrgStackProps) {
    super(scope, { environment: props.environment, kind: 'org', accountAlias: props.environment.roles.management });
    const administrator = props.environment.organization?.firewallManagerAdministrator;
    if (administrator?.delegatedHere) {
      this.firewallManagerAdministrator = new FirewallManagerAdministrator(this, 'FirewallManagerAdministrator', {
        accountId: accountIdOf(props.environment, administrator.account),
        provider: this.usEast1,
      });
    }
    if (props.environment.organization?.enableRamSharingHere) {
      new RamSharingWithOrganization(this, 'RamSharingWithOrganization');
    }
  }
}
