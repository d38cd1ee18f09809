import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { lambdaAlarmName } from '../../lib/naming';

/**
 * What the error alarm counts.
 * - `invocation-errors`: Lambda's `Errors` metric, right for handlers where every error is a fault.
 * - `log-patterns`: CloudWatch Logs filter patterns over the function's log group, for handlers that fail
 *   invocations on purpose. A REST API authorizer answers 401 by throwing "Unauthorized", so `Errors`
 *   counts every bad token; only the faults it logs (and runtime crashes) should page someone.
 */
export type ErrorSignal = { readonly kind: 'invocation-errors' } | { readonly kind: 'log-patterns'; readonly patterns: readonly string[] };

/** Namespace of the fault metrics published from log patterns. */
export const FAULT_METRIC_NAMESPACE = 'UnifiedApiGateway/Lambda';

export interface FunctionAlarmsProps {
  /** The watched function. */
  readonly functionName: string;
  /** Its log group, for log-pattern fault metrics. */
  readonly logGroupName: string;
  /** Its timeout; the duration alarm fires at 90 % of it. */
  readonly timeoutSeconds: number;
  /** Its reserved concurrency, quoted in the throttle alarm's description.
   * @default - unreserved */
  readonly reservedConcurrency?: number;
  /** What counts as an error. */
  readonly errorSignal: ErrorSignal;
  /** Notified on every state change.
   * @default - none */
  readonly alarmActions?: readonly string[];
}

/** Errors (or logged faults), throttles and near-timeouts of one function, each per minute. */
export class FunctionAlarms extends Construct {
  readonly errors: CloudwatchMetricAlarm;
  readonly throttles: CloudwatchMetricAlarm;
  readonly duration: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: FunctionAlarmsProps) {
    super(scope, id);
    const { functionName } = props;
    const actions = [...(props.alarmActions ?? [])];
    const common = {
      period: 60,
      evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      // No invocations means nothing failed.
      treatMissingData: 'notBreaching',
      alarmActions: actions,
      okActions: actions,
    };
    const lambdaMetric = { namespace: 'AWS/Lambda', dimensions: { FunctionName: functionName } };

    if (props.errorSignal.kind === 'log-patterns') {
      const metricName = `${functionName}-faults`;
      props.errorSignal.patterns.forEach((pattern, index) => {
        new CloudwatchLogMetricFilter(this, `FaultFilter${index}`, {
          name: `${metricName}-${index}`,
          logGroupName: props.logGroupName,
          pattern,
          metricTransformation: { name: metricName, namespace: FAULT_METRIC_NAMESPACE, value: '1', unit: 'Count' },
        });
      });
      this.errors = new CloudwatchMetricAlarm(this, 'Errors', {
        ...common,
        alarmName: lambdaAlarmName(functionName, 'errors'),
        alarmDescription: `${functionName} logged a fault or crashed (patterns: ${props.errorSignal.patterns.join(' | ')}). Read the function's log group.`,
        namespace: FAULT_METRIC_NAMESPACE,
        metricName,
        statistic: 'Sum',
        threshold: 1,
      });
    } else {
      this.errors = new CloudwatchMetricAlarm(this, 'Errors', {
        ...common,
        ...lambdaMetric,
        alarmName: lambdaAlarmName(functionName, 'errors'),
        alarmDescription: `${functionName} invocations failed. Read the function's log group.`,
        metricName: 'Errors',
        statistic: 'Sum',
        threshold: 1,
      });
    }

    this.throttles = new CloudwatchMetricAlarm(this, 'Throttles', {
      ...common,
      ...lambdaMetric,
      alarmName: lambdaAlarmName(functionName, 'throttles'),
      alarmDescription: `${functionName} was throttled${props.reservedConcurrency === undefined ? '' : ` at its reserved concurrency of ${props.reservedConcurrency}`}; callers were refused. Raise the concurrency or find the traffic spike.`,
      metricName: 'Throttles',
      statistic: 'Sum',
      threshold: 1,
    });

    this.duration = new CloudwatchMetricAlarm(this, 'Duration', {
      ...common,
      ...lambdaMetric,
      alarmName: lambdaAlarmName(functionName, 'duration'),
      alarmDescription: `${functionName} ran for at least 90 % of its ${props.timeoutSeconds} s timeout; invocations are about to time out.`,
      metricName: 'Duration',
      statistic: 'Maximum',
      threshold: Math.floor(props.timeoutSeconds * 1000 * 0.9),
    });
  }
}
