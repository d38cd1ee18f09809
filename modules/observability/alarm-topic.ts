import { createHash } from 'node:crypto';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { partitionOf } from '../../lib/config/aws-regions';
import type { RegionalAlarmReceivers } from '../../lib/config/views/alarm-receivers';
import { ALARM_FORWARDS_TAG } from '../../lib/output-tags';
import { EncryptionKey } from '../security/encryption-key';

export interface AlarmTopicProps {
  /** Topic name from lib/naming.ts, e.g. `prod-alarms`. */
  readonly name: string;
  /** The account the topic lives in; only its CloudWatch alarms may publish. */
  readonly accountId: string;
  /** Region of the topic and of the alarms that publish to it (alarms notify topics of their own region only). */
  readonly region: string;
  /** Provider of the region the alarms live in (alarms can only notify topics of their own region).
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Who hears the alarms: e-mail/HTTPS subscriptions of the topic and existing topics of the same region the alarms also notify
   * (`alarmReceiversFor(environment, region)`).
   * @default - nobody (the guardrail UAG-OBS-001 fails synth unless the environment opts out) */
  readonly receivers?: RegionalAlarmReceivers;
}

/**
 * The environment's SNS topic for CloudWatch alarms, encrypted with its own KMS key. Only CloudWatch in
 * this account may publish, and only over TLS. Its receivers come from `observability.alarmNotifications`: e-mail and
 * HTTPS subscriptions on the topic, and existing topics (Chatbot, a central pager) that its alarms notify as well,
 * so every alarm uses `alarmActions`, never the topic ARN alone.
 */
export class AlarmTopic extends Construct {
  readonly topic: SnsTopic;
  /** The topic's own ARN. */
  readonly arn: string;
  /** What to put in `alarm_actions` and `ok_actions`: this topic and the existing topics the environment forwards to. */
  readonly alarmActions: readonly string[];

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    const key = new EncryptionKey(this, 'Key', {
      alias: `alias/${props.name}`,
      description: `Encrypts the ${props.name} SNS topic`,
      accountId: props.accountId,
      provider: props.provider,
      // CloudWatch needs the data key to publish to an encrypted topic; only for alarms of this account and region
      // (confused-deputy guard, UAG-IAM-004: CloudWatch sends the alarm as aws:SourceArn).
      serviceUses: [
        {
          servicePrincipal: 'cloudwatch.amazonaws.com',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          conditions: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] },
            { test: 'ArnLike', variable: 'aws:SourceArn', values: [`arn:${partitionOf(props.region)}:cloudwatch:${props.region}:${props.accountId}:alarm:*`] },
          ],
        },
      ],
    });
    const forwards = props.receivers?.forwardTopicArns.length ?? 0;
    this.topic = new SnsTopic(this, 'Resource', {
      provider: props.provider,
      name: props.name,
      kmsMasterKeyId: key.arn,
      ...(forwards > 0 ? { tags: { [ALARM_FORWARDS_TAG]: String(forwards) } } : {}),
    });
    this.arn = this.topic.arn;
    this.alarmActions = [this.arn, ...(props.receivers?.forwardTopicArns ?? [])];
    for (const receiver of props.receivers?.subscriptions ?? []) {
      // Keyed by the endpoint, not the position, so reordering the list moves no subscription.
      const key = createHash('sha256').update(`${receiver.kind}:${receiver.endpoint}`).digest('hex').slice(0, 12);
      new SnsTopicSubscription(this, `Subscription-${receiver.kind}-${key}`, {
        provider: props.provider,
        topicArn: this.topic.arn,
        protocol: receiver.kind,
        endpoint: receiver.endpoint,
        // An HTTPS receiver must confirm the subscription itself (pagers and incident tools do); Terraform then sees it confirmed.
        ...(receiver.kind === 'https' ? { endpointAutoConfirms: true, confirmationTimeoutInMinutes: 5 } : {}),
      });
    }

    const policy = new DataAwsIamPolicyDocument(this, 'Policy', {
      provider: props.provider,
      statement: [
        {
          sid: 'CloudWatchAlarmsOfThisAccount',
          principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
          actions: ['sns:Publish'],
          resources: [this.topic.arn],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] }],
        },
        {
          sid: 'DenyInsecureTransport',
          effect: 'Deny',
          principals: [{ type: '*', identifiers: ['*'] }],
          actions: ['sns:Publish', 'sns:Subscribe'],
          resources: [this.topic.arn],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
      ],
    });
    new SnsTopicPolicy(this, 'TopicPolicy', { provider: props.provider, arn: this.topic.arn, policy: policy.json });
  }
}
