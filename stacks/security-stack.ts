import type { Construct } from 'constructs';
import type { Environment } from '../lib/config/schema/environment';
import { LandingZoneStack } from './base-stack';

export interface SecurityStackProps {
  readonly environment: Environment;
}

/** `<env>-security` in the Firewall Manager administrator account: organization-wide WAF, Shield and SG policies. */
export class SecurityStack extends LandingZoneStack {
  constructor(scope: Construct, props: SecurityStackProps) {
    super(scope, { environment: props.environment, kind: 'security', accountAlias: props.environment.roles.security });
  }
}
