import { AlarmTopic } from '../../../modules/observability/alarm-topic';
import { dataByPath, gatewayTestStack, single, synthJson } from '../security/support';

function alarmTopic() {
  const { stack } = gatewayTestStack('prod');
  new AlarmTopic(stack, 'AlarmTopic', { name: 'prod-alarms', accountId: stack.accountId, region: 'ap-southeast-1' });
  return synthJson(stack);
}

describe('AlarmTopic', () => {
  it('encrypts the topic with its own rotating KMS key', () => {
    const json = alarmTopic();
    expect(single(json, 'aws_sns_topic')).toMatchObject({ name: 'prod-alarms', kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\..+\.arn\}$/) });
    expect(single(json, 'aws_kms_key')).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(single(json, 'aws_kms_alias').name).toBe('alias/prod-alarms');
  });

  it('lets CloudWatch use the key, and the account administer it with named actions only', () => {
    const json = alarmTopic();
    const policy = dataByPath(json, 'aws_iam_policy_document', 'AlarmTopic/Key/Policy') as {
      statement: { sid: string; actions: string[]; principals: unknown }[];
    };
    expect(policy.statement.find((statement) => statement.sid === 'ServiceUse0')).toMatchObject({
      principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      // Confused-deputy guard (issue 16, UAG-IAM-004): alarms of this account and region only.
      condition: [
        { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['444455558888'] },
        { test: 'ArnLike', variable: 'aws:SourceArn', values: ['arn:aws:cloudwatch:ap-southeast-1:444455558888:alarm:*'] },
      ],
    });
    expect(policy.statement.find((statement) => statement.sid === 'AccountAdministration')!.actions).toContain('kms:PutKeyPolicy');
    for (const statement of policy.statement) for (const action of statement.actions) expect(action).not.toContain('*');
  });

  it('accepts messages only from CloudWatch alarms of its own account, and only over TLS', () => {
    const json = alarmTopic();
    const policy = dataByPath(json, 'aws_iam_policy_document', 'AlarmTopic/Policy') as { statement: Record<string, unknown>[] };
    expect(policy.statement).toEqual([
      expect.objectContaining({
        principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
        actions: ['sns:Publish'],
        condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: ['444455558888'] }],
      }),
      expect.objectContaining({ effect: 'Deny', condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }] }),
    ]);
    expect(single(json, 'aws_sns_topic_policy').policy).toMatch(/^\$\{data\.aws_iam_policy_document\.AlarmTopic_Policy_.+\.json\}$/);
  });
});

describe('AlarmTopic receivers', () => {
  function withReceivers() {
    const { stack } = gatewayTestStack('prod');
    const topic = new AlarmTopic(stack, 'AlarmTopic', {
      name: 'prod-alarms',
      accountId: stack.accountId,
      region: 'ap-southeast-1',
      receivers: {
        subscriptions: [
          { kind: 'email', endpoint: 'oncall@example.com' },
          { kind: 'https', endpoint: 'https://alerts.example.com/hooks/sns' },
        ],
        forwardTopicArns: ['arn:aws:sns:ap-southeast-1:444455558888:ops-chatbot-alerts'],
      },
    });
    return { topic, json: synthJson(stack) };
  }

  it('subscribes each e-mail and HTTPS receiver; HTTPS endpoints confirm themselves', () => {
    const subscriptions = Object.values(withReceivers().json.resource?.aws_sns_topic_subscription ?? {});
    expect(subscriptions).toEqual([
      { topic_arn: expect.stringMatching(/^\$\{aws_sns_topic\.AlarmTopic_.+\.arn\}$/), protocol: 'email', endpoint: 'oncall@example.com' },
      {
        topic_arn: expect.stringMatching(/^\$\{aws_sns_topic\.AlarmTopic_.+\.arn\}$/),
        protocol: 'https',
        endpoint: 'https://alerts.example.com/hooks/sns',
        endpoint_auto_confirms: true,
        confirmation_timeout_in_minutes: 5,
      },
    ]);
  });

  it('hands alarms the topic and the existing topics, and tags the topic as forwarding', () => {
    const { topic, json } = withReceivers();
    expect(topic.alarmActions).toEqual([topic.arn, 'arn:aws:sns:ap-southeast-1:444455558888:ops-chatbot-alerts']);
    expect(single(json, 'aws_sns_topic').tags).toEqual({ 'uag:alarm-forwards': '1' });
  });

  it('keys subscriptions by endpoint, so reordering the list moves no resource', () => {
    const { stack } = gatewayTestStack('prod');
    new AlarmTopic(stack, 'AlarmTopic', {
      name: 'prod-alarms',
      accountId: stack.accountId,
      region: 'ap-southeast-1',
      receivers: {
        subscriptions: [
          { kind: 'https', endpoint: 'https://alerts.example.com/hooks/sns' },
          { kind: 'email', endpoint: 'oncall@example.com' },
        ],
        forwardTopicArns: [],
      },
    });
    const reordered = Object.keys(synthJson(stack).resource?.aws_sns_topic_subscription ?? {}).sort();
    expect(reordered).toEqual(Object.keys(withReceivers().json.resource?.aws_sns_topic_subscription ?? {}).sort());
  });
});
