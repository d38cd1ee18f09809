import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { accountIdOf } from '../lib/config/model';
import type { Environment } from '../lib/config/schema/environment';
import { alarmReceiversFor } from '../lib/config/views/alarm-receivers';
import { logKeyAlias, resourceName } from '../lib/naming';
import { TransitGatewayHub } from '../modules/network/transit-gateway-hub';
import { LogEncryptionKey } from '../modules/security/log-encryption-key';
import { AlarmTopic } from '../modules/observability/alarm-topic';
import { RamShare } from '../modules/organization/ram-share';
import { LandingZoneStack } from './base-stack';
import { networkContract, type NetworkContract } from './contracts/network';

export interface NetworkStackProps {
  readonly environment: Environment;
}

/** `<env>-network` in the network hub account: Transit Gateway, segment route tables, RAM share, flow logs. */
export class NetworkStack extends LandingZoneStack {
  readonly hub: TransitGatewayHub;
  /** Topic of the Transit Gateway attachment alarms, which live in this account (where AWS/TransitGateway publishes). */
  readonly alarmTopic: AlarmTopic;
  /** What the gateway and spoke stacks attach to. */
  readonly contract: NetworkContract;

  constructor(scope: Construct, props: NetworkStackProps) {
    const { environment } = props;
    super(scope, { environment, kind: 'network', accountAlias: environment.roles.network });
    const { network } = environment;
    const logKey = new LogEncryptionKey(this, 'LogKey', {
      alias: logKeyAlias(this.stackId),
      accountId: this.accountId,
      region: environment.region,
      description: `Encrypts the log groups of ${this.stackId}`,
    });
    this.hub = new TransitGatewayHub(this, 'TransitGateway', {
      environment: environment.name,
      accountId: this.accountId,
      region: environment.region,
      amazonSideAsn: network.transitGateway.amazonSideAsn,
      segments: network.transitGateway.segments,
      flowLogRetentionDays: network.flowLogRetentionDays,
      logKmsKeyArn: logKey.arn,
    });
    const attachingAccounts = [environment.roles.gateway, ...network.spokes.map((spoke) => spoke.account)].map((alias) => accountIdOf(environment, alias));
    // Every principal is an account of the organization: RAM accepts for it, and external principals stay closed.
    new RamShare(this, 'TransitGatewayShare', {
      name: resourceName(environment.name, 'transit-gateway'),
      resource: { associationId: 'TransitGateway', arn: this.hub.transitGateway.arn },
      principalAccountIds: attachingAccounts.filter((accountId) => accountId !== this.accountId),
      external: false,
    });

    this.alarmTopic = new AlarmTopic(this, 'AlarmTopic', {
      name: resourceName(environment.name, 'alarms-network'),
      accountId: this.accountId,
      region: environment.region,
      receivers: alarmReceiversFor(environment, environment.region),
    });

    this.contract = networkContract(this, this.hub, this.alarmTopic);

    new TerraformOutput(this, 'transit_gateway_id', {
      value: this.hub.transitGateway.id,
      description: 'Transit Gateway shared with the gateway and spoke accounts.',
    });
    for (const [segment, table] of this.hub.routeTables) {
      new TerraformOutput(this, `transit_gateway_route_table_${segment.replace(/-/g, '_')}`, {
        value: table.id,
        description: `Route table of the "${segment}" segment.`,
      });
    }
  }
}
