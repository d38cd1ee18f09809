import type { Environment } from '../schema/environment';

/** CloudWatch alarms of global resources (CloudFront, Shield, Route 53 health checks) live in us-east-1. */
export const GLOBAL_ALARM_REGION = 'us-east-1';

/** One receiver of an alarm topic: an SNS subscription the topic gets, or an existing topic its alarms also notify. */
export type AlarmReceiver =
  | { readonly kind: 'email'; readonly endpoint: string }
  | { readonly kind: 'https'; readonly endpoint: string }
  | { readonly kind: 'topic'; readonly topicArn: string };

/** What the alarm topics of one region hand on: subscriptions for the topic, extra alarm actions for its alarms. */
export interface RegionalAlarmReceivers {
  /** E-mail and HTTPS endpoints subscribed to the topic. */
  readonly subscriptions: readonly Extract<AlarmReceiver, { kind: 'email' | 'https' }>[];
  /** Existing topics of the same region every alarm of the topic also notifies (alarm actions stay in-region). */
  readonly forwardTopicArns: readonly string[];
}

/** Region of an SNS topic ARN (`arn:aws:sns:<region>:<account>:<name>`). */
export function topicRegion(topicArn: string): string {
  return topicArn.split(':')[3] ?? '';
}

/** Every receiver the environment declares, in file order. */
export function alarmReceivers(environment: Environment): AlarmReceiver[] {
  return environment.observability.alarmNotifications.subscriptions.flatMap((subscription): AlarmReceiver[] => [
    ...(subscription.email ? [{ kind: 'email' as const, endpoint: subscription.email }] : []),
    ...(subscription.https ? [{ kind: 'https' as const, endpoint: subscription.https }] : []),
    ...(subscription.topicArn ? [{ kind: 'topic' as const, topicArn: subscription.topicArn }] : []),
  ]);
}

/**
 * The receivers of an alarm topic in `region`: every e-mail and HTTPS subscription (SNS delivers them from any
 * region), and the existing topics of that region (a CloudWatch alarm can only notify a topic of its own region).
 */
export function alarmReceiversFor(environment: Environment, region: string): RegionalAlarmReceivers {
  const receivers = alarmReceivers(environment);
  return {
    subscriptions: receivers.filter((receiver): receiver is Extract<AlarmReceiver, { kind: 'email' | 'https' }> => receiver.kind !== 'topic'),
    forwardTopicArns: receivers.flatMap((receiver) => (receiver.kind === 'topic' && topicRegion(receiver.topicArn) === region ? [receiver.topicArn] : [])),
  };
}

/** Whether production-only checks apply: `guardrails.production`, or an environment named prod or prod-*. */
export function isProduction(environment: Environment): boolean {
  return environment.guardrails.production ?? /^prod(-|$)/.test(environment.name);
}
