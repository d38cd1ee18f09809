import { TerraformOutput } from 'cdktf';
import { GatewayPerimeter } from '../../../modules/security/gateway-perimeter';
import { gatewayTestStack, resourcesOf, secretReference, synthJson } from './support';

function perimeter(name = 'prod') {
  const { stack, environment } = gatewayTestStack(name);
  const built = new GatewayPerimeter(stack, 'Perimeter', {
    environment: environment.name,
    region: environment.region,
    waf: environment.waf,
    shield: environment.shield,
    accountId: stack.accountId,
    provider: stack.provider,
    usEast1: stack.usEast1,
  });
  return { stack, perimeter: built };
}

describe('GatewayPerimeter', () => {
  it('creates the edge web ACL, both alarm topics and Shield, but no regional web ACL until the origin secret exists', () => {
    const { stack } = perimeter();
    const json = synthJson(stack);
    expect(Object.values(resourcesOf(json, 'aws_wafv2_web_acl')).map((acl) => acl.name)).toEqual(['prod-edge']);
    expect(
      Object.values(resourcesOf(json, 'aws_sns_topic'))
        .map((topic) => [topic.name, topic.provider])
        .sort(),
    ).toEqual([
      ['prod-alarms', 'aws'],
      ['prod-alarms-us-east-1', 'aws.us_east_1'],
    ]);
    expect(Object.keys(resourcesOf(json, 'aws_shield_protection_group'))).toHaveLength(1);
  });

  it('hands out the ARNs the gateway wires: web_acl_id for CloudFront, the regional ACL for public stages', () => {
    const { stack, perimeter: built } = perimeter();
    const regional = built.enforceOriginVerification({ secretValue: secretReference(stack) });
    new TerraformOutput(stack, 'edge', { value: built.edgeWebAcl.arn });
    new TerraformOutput(stack, 'regional', { value: regional.arn });
    new TerraformOutput(stack, 'alarms', { value: built.alarmTopic.arn });
    const json = synthJson(stack);
    const acls = Object.entries(resourcesOf(json, 'aws_wafv2_web_acl'));
    const address = (scope: string) => acls.find(([, acl]) => acl.scope === scope)![0];
    expect(json.output!.edge.value).toBe(`\${aws_wafv2_web_acl.${address('CLOUDFRONT')}.arn}`);
    expect(json.output!.regional.value).toBe(`\${aws_wafv2_web_acl.${address('REGIONAL')}.arn}`);
    expect(json.output!.alarms.value).toMatch(/^\$\{aws_sns_topic\.Perimeter_AlarmTopic_[0-9A-F]{8}\.arn\}$/);
  });

  it('refuses a second regional web ACL', () => {
    const { stack, perimeter: built } = perimeter();
    built.enforceOriginVerification({ secretValue: secretReference(stack) });
    expect(() => built.enforceOriginVerification({ secretValue: secretReference(stack, 'other') })).toThrow(
      /There is already a Construct with name 'RegionalWebAcl'/,
    );
  });
});
