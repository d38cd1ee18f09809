import type { Construct } from 'constructs';
import { accountIdOf } from '../lib/config/model';
import type { Environment } from '../lib/config/schema/environment';
import { BackendSpoke } from '../modules/network/backend-spoke';
import { ConsumerAccess } from '../modules/private-domain/consumer-access';
import { LandingZoneStack } from './base-stack';
import type { GatewayContract } from './contracts/gateway';
import type { NetworkContract } from './contracts/network';

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
  /** The network stack's contract: the shared Transit Gateway. */
  readonly network: NetworkContract;
  /** The gateway stack's contract: the shared private domain and the consumers' endpoints.
   * @default - none; required when the account has consumers */
  readonly gateway?: GatewayContract;
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
    const { environment } = props;
    if (this.backends.length > 0) {
      const { transitGateway } = props.network;
      for (const spoke of this.backends) {
        new BackendSpoke(this, `Backend-${spoke.vpc.id ?? spoke.vpc.cidr.replace(/[./]/g, '-')}`, {
          environment: environment.name,
          region: environment.region,
          accountId: this.accountId,
          spoke,
          segments: environment.network.transitGateway.segments,
          transitGateway,
          networkProvider: this.providerForAccount(environment.roles.network),
          networkAccountId: accountIdOf(environment, environment.roles.network),
          gatewayCidr: environment.network.gatewayVpc.cidr,
          flowLogRetentionDays: environment.network.flowLogRetentionDays,
        });
      }
    }
    const consumers = Object.entries(this.consumers);
    if (consumers.length > 0) {
      if (!props.gateway)
        throw new Error(`${this.stackId}: the account has consumers, so SpokeStackProps.gateway (owner of the shared private domain) is required`);
      new ConsumerAccess(this, 'ConsumerAccess', {
        domain: props.gateway.privateDomain,
        accountId: this.accountId,
        consumers: consumers.map(([name, consumer]) => ({ name, vpcId: consumer.vpc.id })),
      });
    }
  }
}
