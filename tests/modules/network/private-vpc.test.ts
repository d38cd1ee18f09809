import { PrivateVpc } from '../../../modules/network/private-vpc';
import { dataByPath, gatewayTestStack, single, synthJson } from '../security/support';

const LOG_KEY_ARN = 'arn:aws:kms:ap-southeast-1:444455558888:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function privateVpc() {
  const { stack } = gatewayTestStack('prod');
  new PrivateVpc(stack, 'Vpc', {
    environment: 'prod',
    accountId: stack.accountId,
    name: 'gateway',
    cidr: '10.20.0.0/16',
    region: 'ap-southeast-1',
    availabilityZones: 2,
    flowLogRetentionDays: 365,
    logKmsKeyArn: LOG_KEY_ARN,
  });
  return synthJson(stack);
}

describe('PrivateVpc (issue 16 hardening)', () => {
  it("adopts the VPC's default security group with no ingress and no egress rule", () => {
    expect(single(privateVpc(), 'aws_default_security_group')).toMatchObject({
      vpc_id: expect.stringMatching(/^\$\{aws_vpc\.Vpc_[0-9A-F]{8}\.id\}$/),
      ingress: [],
      egress: [],
      tags: { Name: 'prod-gateway-default-no-traffic' },
    });
  });

  it('encrypts the flow-log group with the given key and trusts only flow logs of this account and region', () => {
    const json = privateVpc();
    expect(single(json, 'aws_cloudwatch_log_group')).toMatchObject({ name: '/uag/prod/flow-logs/gateway-vpc', kms_key_id: LOG_KEY_ARN });
    expect((dataByPath(json, 'aws_iam_policy_document', 'Vpc/FlowLog/Trust') as { statement: unknown[] }).statement).toEqual([
      {
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['vpc-flow-logs.amazonaws.com'] }],
        condition: [
          { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['444455558888'] },
          { test: 'ArnLike', variable: 'aws:SourceArn', values: ['arn:aws:ec2:ap-southeast-1:444455558888:vpc-flow-log/*'] },
        ],
      },
    ]);
  });
});
