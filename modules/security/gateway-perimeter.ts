import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { Environment } from '../../lib/config/schema/environment';
import type { RegionalAlarmReceivers } from '../../lib/config/views/alarm-receivers';
import { resourceName } from '../../lib/naming';
import { AlarmTopic } from '../observability/alarm-topic';
import { EdgeWebAcl } from './edge-web-acl';
import { RegionalWebAcl, type OriginVerification } from './regional-web-acl';
import { ShieldAdvanced } from './shield-advanced';

export interface GatewayPerimeterProps {
  /** Environment name, prefix of the resource names. */
  readonly environment: string;
  readonly region: string;
  /** Web ACL settings of the environment. */
  readonly waf: Environment['waf'];
  /** Shield Advanced settings of the environment. */
  readonly shield: Environment['shield'];
  /** The gateway account. */
  readonly accountId: string;
  /** Home-region provider of the gateway stack. */
  readonly provider: TerraformProvider;
  /** us-east-1 provider of the gateway stack (CloudFront web ACL, Shield, global metrics). */
  readonly usEast1: TerraformProvider;
  /** Receivers of the alarm topics in the home region and in us-east-1 (`alarmReceiversFor`).
   * @default - nobody (the guardrail UAG-OBS-001 fails synth unless the environment opts out) */
  readonly alarmReceivers?: { readonly home: RegionalAlarmReceivers; readonly global: RegionalAlarmReceivers };
}

/**
 * The gateway's perimeter: the environment's alarm topics, the edge web ACL for CloudFront, Shield
 * Advanced, and on demand the regional web ACL of the public stages. What the rest of the gateway uses:
 *   edgeWebAcl.arn                      CloudFront `web_acl_id`
 *   enforceOriginVerification(secret)   regional web ACL; `.arn` for each public stage's association
 *   shield.protectDistribution(...)     the distribution (and shield.protectHostedZone for the public zone)
 *   alarmTopic / globalAlarmTopic       alarm actions in the home region / in us-east-1 (CloudFront metrics)
 */
export class GatewayPerimeter extends Construct {
  /** The environment's alarm topic in the home region. */
  readonly alarmTopic: AlarmTopic;
  /** Alarm topic in us-east-1, where CloudFront and Shield publish the metrics of global resources. */
  readonly globalAlarmTopic: AlarmTopic;
  readonly edgeWebAcl: EdgeWebAcl;
  readonly shield: ShieldAdvanced;
  private readonly props: GatewayPerimeterProps;

  constructor(scope: Construct, id: string, props: GatewayPerimeterProps) {
    super(scope, id);
    this.props = props;
    const { environment, accountId } = props;
    this.alarmTopic = new AlarmTopic(this, 'AlarmTopic', {
      name: resourceName(environment, 'alarms'),
      accountId,
      region: props.region,
      provider: props.provider,
      receivers: props.alarmReceivers?.home,
    });
    this.globalAlarmTopic = new AlarmTopic(this, 'GlobalAlarmTopic', {
      name: resourceName(environment, 'alarms-us-east-1'),
      accountId,
      region: 'us-east-1',
      provider: props.usEast1,
      receivers: props.alarmReceivers?.global,
    });
    this.edgeWebAcl = new EdgeWebAcl(this, 'EdgeWebAcl', { environmentName: environment, waf: props.waf, accountId, provider: props.usEast1 });
    this.shield = new ShieldAdvanced(this, 'Shield', {
      environmentName: environment,
      shield: props.shield,
      provider: props.usEast1,
      alarmTopic: this.globalAlarmTopic,
    });
  }

  /**
   * Creates the regional web ACL of the public API stages, which blocks requests without CloudFront's
   * origin-verification header. Called once by the code that creates the secret (CloudFront sends the
   * same value); the secret never appears in source.
   */
  enforceOriginVerification(originVerification: OriginVerification): RegionalWebAcl {
    const { environment, waf, accountId, region, provider } = this.props;
    return new RegionalWebAcl(this, 'RegionalWebAcl', { environmentName: environment, waf, originVerification, accountId, region, provider });
  }
}
