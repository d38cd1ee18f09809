import { ORIGIN_VERIFY_HEADER, RegionalWebAcl, type OriginVerification } from '../../../modules/security/regional-web-acl';
import { gatewayTestStack, secretReference, single, synthJson, type WebAclRule } from './support';

function regionalAcl(verification: (stack: ReturnType<typeof gatewayTestStack>['stack']) => OriginVerification) {
  const { stack, environment } = gatewayTestStack('prod');
  new RegionalWebAcl(stack, 'RegionalWebAcl', {
    environmentName: environment.name,
    waf: environment.waf,
    originVerification: verification(stack),
    accountId: stack.accountId,
    region: environment.region,
    provider: stack.provider,
  });
  const json = synthJson(stack);
  const webAcl = single(json, 'aws_wafv2_web_acl');
  return { json, webAcl, rules: webAcl.rule as WebAclRule[] };
}

const headerMatch = (value: string, header = ORIGIN_VERIFY_HEADER) => ({
  byte_match_statement: {
    field_to_match: { single_header: { name: header } },
    positional_constraint: 'EXACTLY',
    search_string: value,
    text_transformation: [{ priority: 0, type: 'NONE' }],
  },
});

describe('RegionalWebAcl', () => {
  it('is a REGIONAL web ACL in the home region', () => {
    const { webAcl } = regionalAcl((stack) => ({ secretValue: secretReference(stack) }));
    expect(webAcl).toMatchObject({ name: 'prod-regional', scope: 'REGIONAL', provider: 'aws', default_action: { allow: {} } });
  });

  describe('origin verification', () => {
    it('blocks, before any other rule, every request whose header is not the secret', () => {
      const { rules } = regionalAcl((stack) => ({ secretValue: secretReference(stack) }));
      expect(rules[0]).toEqual({
        name: 'OriginVerification',
        priority: 0,
        action: { block: {} },
        statement: { not_statement: { statement: headerMatch('${var.origin_secret}') } },
        visibility_config: { cloudwatch_metrics_enabled: true, metric_name: 'OriginVerification', sampled_requests_enabled: true },
      });
    });

    it('accepts the previous secret as well while a rotation is under way', () => {
      const { rules } = regionalAcl((stack) => ({ secretValue: secretReference(stack), previousSecretValue: secretReference(stack, 'previous_secret') }));
      expect(rules[0].statement).toEqual({
        not_statement: { statement: { or_statement: { statement: [headerMatch('${var.origin_secret}'), headerMatch('${var.previous_secret}')] } } },
      });
    });

    it('uses a custom header name when given', () => {
      const { rules } = regionalAcl((stack) => ({ headerName: 'x-edge-auth', secretValue: secretReference(stack) }));
      expect(rules[0].statement).toEqual({ not_statement: { statement: headerMatch('${var.origin_secret}', 'x-edge-auth') } });
    });

    it('keeps the secret out of the logs, with the authorization header and cookies', () => {
      const { json } = regionalAcl((stack) => ({ secretValue: secretReference(stack) }));
      expect(single(json, 'aws_wafv2_web_acl_logging_configuration').redacted_fields).toEqual([
        { single_header: { name: 'authorization' } },
        { single_header: { name: 'cookie' } },
        { single_header: { name: 'x-origin-verify' } },
      ]);
      expect(single(json, 'aws_cloudwatch_log_group')).toMatchObject({ name: 'aws-waf-logs-prod-regional', provider: 'aws' });
    });

    it('fails when the secret is a literal: it would be in source control', () => {
      expect(() => regionalAcl(() => ({ secretValue: 'hunter2-but-longer' }))).toThrow(
        'originVerification.secretValue must be a reference to the resource that generates the secret, got a literal',
      );
    });

    it('fails when the header name is not a lowercase header name', () => {
      expect(() => regionalAcl((stack) => ({ headerName: 'X-Origin-Verify', secretValue: secretReference(stack) }))).toThrow(
        'originVerification.headerName must be a lowercase HTTP header name matching ^[a-z0-9-]{1,64}$, got "X-Origin-Verify"',
      );
    });
  });

  it('repeats the managed baseline and limits each source address, for anyone who obtained the secret', () => {
    const { rules } = regionalAcl((stack) => ({ secretValue: secretReference(stack) }));
    expect(rules.slice(1).map((rule) => [rule.priority, rule.name])).toEqual([
      [5, 'OriginRateLimit'],
      [10, 'AWSManagedRulesAmazonIpReputationList'],
      [20, 'AWSManagedRulesCommonRuleSet'],
      [30, 'AWSManagedRulesKnownBadInputsRuleSet'],
      [40, 'AWSManagedRulesSQLiRuleSet'],
    ]);
    expect(rules.find((rule) => rule.name === 'OriginRateLimit')!.statement.rate_based_statement).toEqual({
      limit: 100000,
      evaluation_window_sec: 300,
      aggregate_key_type: 'IP',
    });
  });
});
