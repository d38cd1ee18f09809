import { Construct } from 'constructs';
import type { Environment } from '../../lib/config/schema/environment';
import { LogDeliveryRole, LogSubscription } from './log-subscription';
import { MetricStream } from './metric-stream';

export interface TelemetryExportsProps {
  /** Environment name, prefix of the resource names. */
  readonly environment: string;
  readonly region: string;
  readonly accountId: string;
  /** Metric stream and SIEM log subscription settings (`observability:` of the environment file). */
  readonly observability: Pick<Environment['observability'], 'metricStream' | 'logSubscription'>;
  /** Gateway-owned log groups to subscribe (the authorizer's). */
  readonly logGroupNames: readonly string[];
}

/**
 * The optional exports of the gateway account, switched by `observability` in the environment file: the API
 * Gateway metric stream to the APM tool, and the log subscription role (used by every API stack) to the SIEM.
 */
export class TelemetryExports extends Construct {
  /** Role of the log subscriptions, when the environment subscribes logs to the SIEM. */
  readonly logDeliveryRole?: LogDeliveryRole;

  constructor(scope: Construct, id: string, props: TelemetryExportsProps) {
    super(scope, id);
    const { environment } = props;
    const { metricStream, logSubscription } = props.observability;
    if (metricStream) {
      new MetricStream(this, 'MetricStream', { environment, accountId: props.accountId, region: props.region, ...metricStream });
    }
    if (logSubscription) {
      this.logDeliveryRole = new LogDeliveryRole(this, 'LogDeliveryRole', {
        environment,
        region: props.region,
        accountId: props.accountId,
        destinationArn: logSubscription.destinationArn,
      });
      props.logGroupNames.forEach(
        (logGroupName, index) =>
          new LogSubscription(this, `LogSubscription-${index}`, {
            logGroupName,
            destinationArn: logSubscription.destinationArn,
            roleArn: this.logDeliveryRole!.role.arn,
          }),
      );
    }
  }
}
