import { ApiGatewayVpcLink } from '@cdktf/provider-aws/lib/api-gateway-vpc-link';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { App } from 'cdktf';
import { OFFLINE_CONTEXT_KEY } from '../../../lib/synthesis-mode';
import { LandingZoneStack } from '../../../stacks/base-stack';
import { exampleEnvironment } from '../../support/example-config';

/** Stack id of the fixture; its seeded state is tests/fixtures/plans/seeded-state/terraform.tfstate. */
export const FIXTURE_STACK = 'dev-gateway-planfixture';

/**
 * A real offline stack whose plan against the seeded state holds every kind of change: the state has
 * the log groups, the VPC link and a role; the configuration keeps the unchanged log group (no-op),
 * raises the retention of another (update), points the VPC link at a new NLB (replace, delete first),
 * renames a create_before_destroy log group (replace, create first), drops the role (delete), adds a
 * topic (create) and a policy document that waits for the topic's ARN (read).
 */
export function synthPlanFixture(outdir: string): void {
  const app = new App({ outdir, context: { [OFFLINE_CONTEXT_KEY]: true } });
  const stack = new LandingZoneStack(app, { environment: exampleEnvironment('dev'), kind: 'gateway', name: 'planfixture', accountAlias: 'gateway' });
  new CloudwatchLogGroup(stack, 'unchanged', { name: 'dev-unchanged', retentionInDays: 30 });
  new CloudwatchLogGroup(stack, 'access', { name: 'dev-access', retentionInDays: 400 });
  new CloudwatchLogGroup(stack, 'execution', { name: 'dev-execution-v2', retentionInDays: 30, lifecycle: { createBeforeDestroy: true } });
  new ApiGatewayVpcLink(stack, 'payments', {
    name: 'dev-payments',
    targetArns: ['arn:aws:elasticloadbalancing:ap-southeast-1:444455556666:loadbalancer/net/dev-payments/2222222222222222'],
  });
  const topic = new SnsTopic(stack, 'alarms', { name: 'dev-alarms' });
  const publish = new DataAwsIamPolicyDocument(stack, 'publish', {
    statement: [{ actions: ['sns:Publish'], resources: [topic.arn], principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }] }],
  });
  new SnsTopicPolicy(stack, 'alarms-policy', { arn: topic.arn, policy: publish.json });
  app.synth();
}
