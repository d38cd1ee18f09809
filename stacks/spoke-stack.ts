import type { Construct } from 'constructs';
import type { Environment } from '../lib/config/schema/environment';
import { LandingZoneStack } from './base-stack';

type Spoke = Environment['network']['spokes'][number];
type Consumer = Environment['consumers'][string];

export interface SpokeStackProps {
  readonly environment: Environment;
  /** Alias of the service or consumer account. */
  readonly accountAlias: string;
  /** Backend VPCs of this account attached to the shared Transit Gateway.
   * @default - none */
  readonly backends?: readonly Spoke[];
  /** Consumers in this account that call private APIs.
   * @default - none */
  readonly consumers?: Readonly<Record<string, Consumer>>;
}

/** `<env>-spoke-<account id>` in a service or consumer account: TGW attachment, execute-api endpoint, domain association. */
export class SpokeStack extends LandingZoneStack {
  readonly backends: readonly Spoke[];
  readonly consumers: Readonly<Record<string, Consumer>>;

  constructor(scope: Construct, props: SpokeStackProps) {
    const accountId = props.environment.accounts[props.accountAlias]?.id;
    super(scope, { environment: props.environment, kind: 'spoke', name: accountId, accountAlias: props.accountAlias });
    this.backends = props.backends ?? [];
    this.consumers = props.consumers ?? {};
  }
}
