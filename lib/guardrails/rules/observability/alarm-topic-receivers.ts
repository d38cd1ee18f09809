import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import type { StackView, TerraformResource } from '../../stack-view';
import { ALARM_FORWARDS_TAG } from '../../../output-tags';
import { isReference, refersTo, stringList } from '../../values';

const ACTION_ATTRIBUTES = ['alarm_actions', 'ok_actions', 'insufficient_data_actions'] as const;

function alarmsNotifying(stack: StackView, topic: TerraformResource): TerraformResource[] {
  return stack.ofType('aws_cloudwatch_metric_alarm').filter(({ values }) => ACTION_ATTRIBUTES.some((attribute) => refersTo(values[attribute], topic.address)));
}

/** A literal SNS ARN among the alarm's actions: an existing topic it notifies besides ours. */
function forwardsToExistingTopic(alarm: TerraformResource): boolean {
  return (stringList(alarm.values.alarm_actions) ?? []).some((action) => !isReference(action) && /^arn:aws[a-z-]*:sns:/.test(action));
}

function isAlarmTopic(topic: TerraformResource, stack: StackView): boolean {
  return alarmsNotifying(stack, topic).length > 0 || /-alarms(-|$)/.test(String(topic.values.name ?? ''));
}

export const alarmTopicReceivers: ResourceRule = {
  id: 'UAG-OBS-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_sns_topic'],
  what: 'Every alarm topic reaches someone: a subscription, or alarms that also notify an existing topic.',
  why:
    'An alarm that notifies a topic nobody subscribes to is silent: latency, errors, DDoS detection and backend outages go ' +
    'unnoticed until a customer calls. The review of the prod environment found 29 alarms in that state.',
  fix:
    'List receivers in observability.alarmNotifications.subscriptions of the environment (email, https or topicArn; docs/operations.md ' +
    '"Alarm notifications"); outside production an environment may set optOut with a reason instead.',
  check: (topic, stack, context) => {
    if (!isAlarmTopic(topic, stack)) return NOT_APPLICABLE;
    if (context.alarmNotificationsOptOut) return NOT_APPLICABLE;
    if (stack.ofType('aws_sns_topic_subscription').some(({ values }) => refersTo(values.topic_arn, topic.address))) return compliantIf(true, '');
    const alarms = alarmsNotifying(stack, topic);
    // The network account's topic serves alarms of other stacks; its tag says they forward (the contract adds the topics).
    if (alarms.length === 0) {
      const tags = (topic.values.tags ?? {}) as Record<string, unknown>;
      return compliantIf(Boolean(tags[ALARM_FORWARDS_TAG]), 'no aws_sns_topic_subscription refers to this topic and it forwards to no existing topic');
    }
    const silent = alarms.filter((alarm) => !forwardsToExistingTopic(alarm));
    return compliantIf(
      silent.length === 0,
      `no aws_sns_topic_subscription refers to this topic, and ${silent.length} alarm(s) notify only it (e.g. ${silent[0]?.address})`,
    );
  },
};
