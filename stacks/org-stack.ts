import type { Construct } from 'constructs';
import type { Environment } from '../lib/config/schema/environment';
import { LandingZoneStack } from './base-stack';

export interface OrgStackProps {
  readonly environment: Environment;
}

/** `<env>-org` in the management account: Firewall Manager delegation and RAM sharing with the organization. */
export class OrgStack extends LandingZoneStack {
  constructor(scope: Construct, props: OrgStackProps) {
    super(scope, { environment: props.environment, kind: 'org', accountAlias: props.environment.roles.management });
  }
}
