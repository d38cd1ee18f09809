import { stateFromPlan, type PlanJson } from '../../../tools/plan-offline/state-from-plan';

/** The state a rehearsal starts from: unchanged resources must plan as no-op, so references must agree with their targets. */
const plan: PlanJson = {
  terraform_version: '1.11.0',
  planned_values: {
    root_module: {
      resources: [
        {
          address: 'aws_lb.shared',
          mode: 'managed',
          type: 'aws_lb',
          name: 'shared',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          schema_version: 0,
          values: { name: 'dev-shared', internal: true },
        },
        {
          address: 'aws_sns_topic.alarms',
          mode: 'managed',
          type: 'aws_sns_topic',
          name: 'alarms',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          schema_version: 0,
          values: { name: 'dev-alarms' },
        },
        {
          address: 'aws_cloudwatch_metric_alarm.healthy',
          mode: 'managed',
          type: 'aws_cloudwatch_metric_alarm',
          name: 'healthy',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          schema_version: 1,
          values: { alarm_name: 'dev-ledger-nlb-no-healthy-targets', dimensions: { TargetGroup: 'targetgroup/x' } },
        },
      ],
    },
  },
  resource_changes: [
    { address: 'aws_lb.shared', change: { after_unknown: { arn: true, id: true, dns_name: true, zone_id: true } } },
    { address: 'aws_sns_topic.alarms', change: { after_unknown: { arn: true, id: true } } },
    {
      address: 'aws_cloudwatch_metric_alarm.healthy',
      change: { after_unknown: { alarm_actions: true, dimensions: { LoadBalancer: true }, arn: true, id: true } },
    },
  ],
  configuration: {
    provider_config: { aws: { name: 'aws' }, 'aws.us_east_1': { name: 'aws', alias: 'us_east_1' } },
    root_module: {
      resources: [
        { address: 'aws_lb.shared', provider_config_key: 'aws', expressions: {} },
        { address: 'aws_sns_topic.alarms', provider_config_key: 'aws.us_east_1', expressions: {} },
        {
          address: 'aws_cloudwatch_metric_alarm.healthy',
          provider_config_key: 'aws',
          expressions: {
            alarm_actions: { references: ['aws_sns_topic.alarms.arn', 'aws_sns_topic.alarms'] },
            dimensions: { references: ['aws_lb.shared.dns_name'] },
          },
        },
      ],
    },
  },
};

// As cdktf writes it: alarm_actions is a list of one reference.
const synthesized = {
  resource: {
    aws_cloudwatch_metric_alarm: {
      healthy: { alarm_actions: ['${aws_sns_topic.alarms.arn}'], dimensions: { TargetGroup: 'targetgroup/x', LoadBalancer: '${aws_lb.shared.dns_name}' } },
    },
  },
};
const state = stateFromPlan(plan, synthesized) as {
  resources: { type: string; provider: string; instances: { schema_version: number; attributes: Record<string, unknown> }[] }[];
};
const attributes = (type: string) => state.resources.find((resource) => resource.type === type)!.instances[0].attributes;

describe('stateFromPlan', () => {
  it('copies the values known at plan time and the schema version', () => {
    expect(attributes('aws_lb')).toMatchObject({ name: 'dev-shared', internal: true });
    expect(state.resources.find((resource) => resource.type === 'aws_cloudwatch_metric_alarm')!.instances[0].schema_version).toBe(1);
  });

  it('gives referenced and id attributes stand-ins, ARNs in ARN shape, and leaves the rest null', () => {
    expect(attributes('aws_sns_topic').arn).toMatch(/^arn:aws:offline:us-east-1:000000000000:aws_sns_topic\/[0-9a-f]{17}$/);
    expect(attributes('aws_sns_topic').id).toMatch(/^id-[0-9a-f]{17}$/);
    expect(attributes('aws_lb').dns_name).toMatch(/^dns_name-[0-9a-f]{17}$/);
    expect(attributes('aws_lb').zone_id).toBeNull();
  });

  it('resolves a reference to the stand-in of its target, as a list where the synthesized configuration writes one', () => {
    expect(attributes('aws_cloudwatch_metric_alarm').alarm_actions).toEqual([attributes('aws_sns_topic').arn]);
    expect(attributes('aws_cloudwatch_metric_alarm').dimensions).toEqual({ TargetGroup: 'targetgroup/x', LoadBalancer: attributes('aws_lb').dns_name });
  });

  it('names the provider configuration of each resource, aliases included', () => {
    expect(state.resources.map((resource) => resource.provider)).toEqual([
      'provider["registry.terraform.io/hashicorp/aws"]',
      'provider["registry.terraform.io/hashicorp/aws"].us_east_1',
      'provider["registry.terraform.io/hashicorp/aws"]',
    ]);
  });
});
