import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { partitionOf } from '../../lib/config/aws-regions';
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
}

/**
 * The environment's SNS topic for CloudWatch alarms, encrypted with its own KMS key. Only CloudWatch in
 * this account may publish, and only over TLS; subscriptions (pager, chat) are added where they are known.
 */
export class AlarmTopic extends Construct {
  readonly topic: SnsTopic;
  /** ARN to put in `alarm_actions` and `ok_actions`. */
  readonly arn: string;

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
    this.topic = new SnsTopic(this, 'Resource', { provider: props.provider, name: props.name, kmsMasterKeyId: key.arn });
    this.arn = this.topic.arn;

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
