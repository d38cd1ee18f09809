import { LogEncryptionKey } from '../../../modules/security/log-encryption-key';
import { dataByPath, gatewayTestStack, single, synthJson } from './support';

function logKey(region = 'ap-southeast-1') {
  const { stack } = gatewayTestStack('prod');
  new LogEncryptionKey(stack, 'LogKey', {
    alias: 'alias/prod-gateway-logs',
    accountId: stack.accountId,
    region,
    description: 'Encrypts the log groups of prod-gateway',
  });
  return synthJson(stack);
}

describe('LogEncryptionKey', () => {
  it('is a rotating customer managed key with the stack alias', () => {
    const json = logKey();
    expect(single(json, 'aws_kms_key')).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
      description: 'Encrypts the log groups of prod-gateway',
    });
    expect(single(json, 'aws_kms_alias').name).toBe('alias/prod-gateway-logs');
  });

  it("lets CloudWatch Logs of the key's region use it only for log groups of this account and region", () => {
    const policy = dataByPath(logKey(), 'aws_iam_policy_document', 'LogKey/Policy') as { statement: Record<string, unknown>[] };
    expect(policy.statement.find((statement) => statement.sid === 'ServiceUse0')).toEqual({
      sid: 'ServiceUse0',
      principals: [{ type: 'Service', identifiers: ['logs.ap-southeast-1.amazonaws.com'] }],
      actions: [
        'kms:Decrypt',
        'kms:DescribeKey',
        'kms:Encrypt',
        'kms:GenerateDataKey',
        'kms:GenerateDataKeyWithoutPlaintext',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
      ],
      resources: ['*'],
      condition: [{ test: 'ArnLike', variable: 'kms:EncryptionContext:aws:logs:arn', values: ['arn:aws:logs:ap-southeast-1:444455558888:log-group:*'] }],
    });
  });

  it('names the China partition and DNS suffix in cn- regions', () => {
    const policy = dataByPath(logKey('cn-north-1'), 'aws_iam_policy_document', 'LogKey/Policy') as { statement: Record<string, unknown>[] };
    expect(policy.statement.find((statement) => statement.sid === 'ServiceUse0')).toMatchObject({
      principals: [{ type: 'Service', identifiers: ['logs.cn-north-1.amazonaws.com.cn'] }],
      condition: [{ test: 'ArnLike', variable: 'kms:EncryptionContext:aws:logs:arn', values: ['arn:aws-cn:logs:cn-north-1:444455558888:log-group:*'] }],
    });
  });
});
