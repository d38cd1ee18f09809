import type { Construct } from 'constructs';
import type { Environment } from '../lib/config/schema/environment';
import { LandingZoneStack } from './base-stack';

export interface NetworkStackProps {
  readonly environment: Environment;
}

/** `<env>-network` in the network hub account: Transit Gateway, segment route tables, RAM share, flow logs. */
export class NetworkStack extends LandingZoneStack {
  constructor(scope: Construct, props: NetworkStackProps) {
    super(scope, { environment: props.environment, kind: 'network', accountAlias: props.environment.roles.network });
  }
}
