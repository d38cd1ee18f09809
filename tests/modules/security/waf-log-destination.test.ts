import { WafLogBucket } from '../../../modules/security/waf-log-bucket';
import { wafLogDestinationKey } from '../../../modules/security/waf-log-destination';
import { gatewayTestStack, single, synthJson } from './support';

/** Both WAF log destinations (the FMS bucket, the gateway's log groups) start from one name check and one key. */
describe('wafLogDestinationKey', () => {
  const serviceUse = { servicePrincipal: 'delivery.logs.amazonaws.com', actions: ['kms:GenerateDataKey'] };

  it('names the field and the prefix when AWS WAF would refuse the destination', () => {
    const { stack } = gatewayTestStack('prod');
    expect(
      () => new WafLogBucket(stack, 'Bucket', { bucketName: 'prod-waf-logs', accountId: stack.accountId, organizationId: 'o-a1b2c3d4e5', retentionDays: 30 }),
    ).toThrow('bucketName must start with "aws-waf-logs-" or AWS WAF rejects it, got "prod-waf-logs"');
    expect(() => wafLogDestinationKey(stack, { destinationName: 'waf-prod-edge', kind: 'log group', accountId: stack.accountId, serviceUse })).toThrow(
      'logGroupName must start with "aws-waf-logs-" or AWS WAF rejects it, got "waf-prod-edge"',
    );
  });

  it('gives the destination its own key, aliased outside the reserved alias/aws namespace', () => {
    const { stack } = gatewayTestStack('prod');
    wafLogDestinationKey(stack, { destinationName: 'aws-waf-logs-prod-edge', kind: 'log group', accountId: stack.accountId, serviceUse });
    const json = synthJson(stack);
    expect(single(json, 'aws_kms_alias').name).toBe('alias/waf-logs-prod-edge');
    expect(single(json, 'aws_kms_key').description).toBe('Encrypts the WAF log group aws-waf-logs-prod-edge');
  });
});
