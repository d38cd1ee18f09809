import { Construct } from 'constructs';
import type { Environment } from '../../lib/config/schema/environment';
import { LogDeliveryRole, LogSubscription } from './log-subscription';
import { MetricStream } from './metric-stream';

export interface TelemetryExportsProps {
  readonly environment: Environment;
  readonly accountId: string;
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
    const { metricStream, logSubscription } = environment.observability;
    if (metricStream) {
      new MetricStream(this, 'MetricStream', { environment: environment.name, accountId: props.accountId, ...metricStream });
    }
    if (logSubscription) {
      this.logDeliveryRole = new LogDeliveryRole(this, 'LogDeliveryRole', {
        environment: environment.name,
        region: environment.region,
        accountId: props.accountId,
        destinationArn: logSubscription.destinationArn,
      });
      props.logGroupNames.forEach(
        (logGroupName, index) =>
          new LogSubscription(this, `LogSubscription-${index}`, { logGroupName, destinationArn: logSubscription.destinationArn, roleArn: this.logDeliveryRole!.role.arn }),
      );
    }
  }
}
