import { TerraformOutput } from 'cdktf';
import { EdgeWebAcl } from '../../../modules/security/edge-web-acl';
import { dataByPath, gatewayTestStack, resourcesOf, single, synthJson, type WebAclRule } from './support';

function edgeAcl(name = 'prod', edit?: Parameters<typeof gatewayTestStack>[1]) {
  const { stack, environment } = gatewayTestStack(name, edit);
  const acl = new EdgeWebAcl(stack, 'EdgeWebAcl', {
    environmentName: environment.name,
    waf: environment.waf,
    accountId: stack.accountId,
    provider: stack.usEast1,
  });
  const json = synthJson(stack);
  const webAcl = single(json, 'aws_wafv2_web_acl');
  return { acl, json, webAcl, rules: webAcl.rule as WebAclRule[], environment };
}

const actionOf = (rule: WebAclRule) => Object.keys(rule.action ?? rule.override_action ?? {})[0];

describe('EdgeWebAcl', () => {
  describe('placement', () => {
    it('is a CLOUDFRONT web ACL created through the us-east-1 provider, allowing by default', () => {
      const { webAcl } = edgeAcl();
      expect(webAcl).toMatchObject({ name: 'prod-edge', scope: 'CLOUDFRONT', provider: 'aws.us_east_1', default_action: { allow: {} } });
    });
  });

  describe('rule order', () => {
    it('evaluates prod rules in the deliberate order with their priorities and actions', () => {
      const { rules } = edgeAcl();
      expect(rules.map((rule) => [rule.priority, rule.name, actionOf(rule)])).toEqual([
        [5, 'GeoBlock', 'block'],
        [10, 'RateLimitPerIp', 'block'],
        [11, 'RateLimit-token', 'block'],
        [12, 'RateLimit-payments-write', 'block'],
        [40, 'AWSManagedRulesAmazonIpReputationList', 'none'],
        [50, 'AWSManagedRulesAnonymousIpList', 'none'],
        [60, 'AWSManagedRulesCommonRuleSet', 'none'],
        [70, 'AWSManagedRulesKnownBadInputsRuleSet', 'none'],
        [80, 'AWSManagedRulesSQLiRuleSet', 'none'],
        [90, 'AWSManagedRulesBotControlRuleSet', 'count'],
        [300, 'Custom-block-legacy-api', 'block'],
      ]);
    });

    it('puts the allow list first and leaves out optional rules that are off (dev)', () => {
      const { rules, json } = edgeAcl('dev', (environment) => (environment.waf.allowList = ['203.0.113.0/24']));
      expect(rules.map((rule) => rule.name)).toEqual([
        'AllowListedIps',
        'RateLimitPerIp',
        'RateLimit-token',
        'AWSManagedRulesAmazonIpReputationList',
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
        'AWSManagedRulesSQLiRuleSet',
      ]);
      expect(rules[0]).toMatchObject({
        priority: 0,
        action: { allow: {} },
        statement: { ip_set_reference_statement: { arn: expect.stringMatching(/^\$\{aws_wafv2_ip_set\..+\.arn\}$/) } },
      });
      expect(single(json, 'aws_wafv2_ip_set')).toMatchObject({
        name: 'dev-edge-allow-list',
        scope: 'CLOUDFRONT',
        ip_address_version: 'IPV4',
        addresses: ['203.0.113.0/24'],
      });
    });
  });

  describe('rule content', () => {
    it('pins managed rule group versions from the configuration and leaves others on the AWS default', () => {
      const { rules } = edgeAcl();
      const statement = (name: string) => rules.find((rule) => rule.name === name)!.statement.managed_rule_group_statement;
      expect(statement('AWSManagedRulesSQLiRuleSet')).toEqual({ vendor_name: 'AWS', name: 'AWSManagedRulesSQLiRuleSet', version: 'Version_2.0' });
      expect(statement('AWSManagedRulesAmazonIpReputationList')).not.toHaveProperty('version');
    });

    it('moves single managed rules to count mode with rule action overrides', () => {
      const { rules } = edgeAcl('dev');
      const common = rules.find((rule) => rule.name === 'AWSManagedRulesCommonRuleSet')!;
      expect(common.override_action).toEqual({ none: {} });
      expect(common.statement.managed_rule_group_statement.rule_action_override).toEqual([
        { name: 'SizeRestrictions_BODY', action_to_use: { count: {} } },
        { name: 'NoUserAgent_HEADER', action_to_use: { count: {} } },
      ]);
    });

    it('counts the API-hostile managed rules by default: hosting-provider IPs, large bodies, no User-Agent (issue 16)', () => {
      const { rules } = edgeAcl('prod');
      const overrides = (name: string) => rules.find((rule) => rule.name === name)!.statement.managed_rule_group_statement.rule_action_override;
      expect(overrides('AWSManagedRulesAnonymousIpList')).toEqual([{ name: 'HostingProviderIPList', action_to_use: { count: {} } }]);
      expect(overrides('AWSManagedRulesCommonRuleSet')).toEqual([
        { name: 'SizeRestrictions_BODY', action_to_use: { count: {} } },
        { name: 'NoUserAgent_HEADER', action_to_use: { count: {} } },
      ]);
    });

    it('blocks with a defaulted rule again when enforceRules names it', () => {
      const { rules } = edgeAcl('prod', (environment) => {
        environment.waf.managedRuleGroups.AWSManagedRulesCommonRuleSet = { mode: 'block', countRules: [], enforceRules: ['NoUserAgent_HEADER'] };
      });
      const common = rules.find((rule) => rule.name === 'AWSManagedRulesCommonRuleSet')!;
      expect(common.statement.managed_rule_group_statement.rule_action_override).toEqual([{ name: 'SizeRestrictions_BODY', action_to_use: { count: {} } }]);
    });

    it('configures Bot Control with the inspection level', () => {
      const { rules } = edgeAcl('prod', (environment) => (environment.waf.botControl.inspectionLevel = 'TARGETED'));
      const bot = rules.find((rule) => rule.name === 'AWSManagedRulesBotControlRuleSet')!;
      expect(bot.statement.managed_rule_group_statement.managed_rule_group_configs).toEqual([
        { aws_managed_rules_bot_control_rule_set: { inspection_level: 'TARGETED' } },
      ]);
    });

    it('limits every client IP globally and answers 429', () => {
      const { rules } = edgeAcl();
      expect(rules.find((rule) => rule.name === 'RateLimitPerIp')).toMatchObject({
        action: { block: { custom_response: { response_code: 429 } } },
        statement: { rate_based_statement: { limit: 2000, evaluation_window_sec: 300, aggregate_key_type: 'IP' } },
      });
    });

    it('scopes stricter limits to a normalised, lower-cased path prefix', () => {
      const { rules } = edgeAcl();
      expect(rules.find((rule) => rule.name === 'RateLimit-token')!.statement.rate_based_statement).toEqual({
        limit: 100,
        evaluation_window_sec: 300,
        aggregate_key_type: 'IP',
        scope_down_statement: {
          byte_match_statement: {
            field_to_match: { uri_path: {} },
            positional_constraint: 'STARTS_WITH',
            search_string: '/oauth2/token',
            text_transformation: [
              { priority: 0, type: 'URL_DECODE' },
              { priority: 1, type: 'NORMALIZE_PATH' },
              { priority: 2, type: 'LOWERCASE' },
            ],
          },
        },
      });
    });

    it('counts instead of blocking when a rate limit is staged (staging)', () => {
      const { rules } = edgeAcl('staging');
      expect(rules.find((rule) => rule.name === 'RateLimit-payments-write')!.action).toEqual({ count: {} });
    });

    it('blocks the configured countries', () => {
      const { rules } = edgeAcl();
      expect(rules.find((rule) => rule.name === 'GeoBlock')).toMatchObject({
        action: { block: {} },
        statement: { geo_match_statement: { country_codes: ['KP', 'IR', 'SY', 'CU'] } },
      });
    });

    it('builds a custom rule whose conditions must all match, with its own IP set', () => {
      const { rules, json } = edgeAcl('prod', (environment) =>
        environment.waf.customRules.push({
          name: 'partner-admin',
          priority: 1,
          action: 'allow',
          match: { pathPrefix: '/admin/', ipCidrs: ['198.51.100.0/24'] },
        }),
      );
      expect(rules[0].name).toBe('Custom-partner-admin');
      expect(rules[0]).toMatchObject({ priority: 1, action: { allow: {} } });
      expect(rules[0].statement.and_statement.statement).toEqual([
        expect.objectContaining({ byte_match_statement: expect.objectContaining({ search_string: '/admin/' }) }),
        { ip_set_reference_statement: { arn: expect.stringContaining('aws_wafv2_ip_set') } },
      ]);
      expect(single(json, 'aws_wafv2_ip_set')).toMatchObject({ name: 'prod-edge-partner-admin', addresses: ['198.51.100.0/24'] });
    });

    it('publishes metrics and sampled requests for the web ACL and every rule, each under its own name', () => {
      const { rules, webAcl } = edgeAcl();
      expect(webAcl.visibility_config).toEqual({ cloudwatch_metrics_enabled: true, sampled_requests_enabled: true, metric_name: 'prod-edge' });
      for (const rule of rules)
        expect(rule.visibility_config).toEqual({ cloudwatch_metrics_enabled: true, sampled_requests_enabled: true, metric_name: rule.name });
    });
  });

  describe('logging', () => {
    it('logs to an aws-waf-logs- group in us-east-1, redacting the authorization header and cookies', () => {
      const { json } = edgeAcl();
      const logging = single(json, 'aws_wafv2_web_acl_logging_configuration');
      expect(logging).toMatchObject({
        provider: 'aws.us_east_1',
        resource_arn: expect.stringMatching(/^\$\{aws_wafv2_web_acl\..+\.arn\}$/),
        log_destination_configs: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\..+\.arn\}$/)],
        redacted_fields: [{ single_header: { name: 'authorization' } }, { single_header: { name: 'cookie' } }],
      });
      expect(single(json, 'aws_cloudwatch_log_group')).toMatchObject({
        name: 'aws-waf-logs-prod-edge',
        retention_in_days: 365,
        provider: 'aws.us_east_1',
        kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\..+\.arn\}$/),
      });
    });

    it('takes the retention from the configuration', () => {
      const { json } = edgeAcl('dev');
      expect(single(json, 'aws_cloudwatch_log_group').retention_in_days).toBe(30);
    });

    it('lets only the log delivery service of this account write, and only after the policy exists', () => {
      const { json } = edgeAcl();
      const document = dataByPath(json, 'aws_iam_policy_document', 'Logging/DeliveryPolicy') as { statement: Record<string, unknown>[] };
      expect(document.statement).toEqual([
        expect.objectContaining({
          principals: [{ type: 'Service', identifiers: ['delivery.logs.amazonaws.com'] }],
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [expect.stringMatching(/:logs:us-east-1:444455558888:log-group:aws-waf-logs-prod-edge:\*$/)],
          condition: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['444455558888'] },
            { test: 'ArnLike', variable: 'aws:SourceArn', values: [expect.stringMatching(/:logs:us-east-1:444455558888:\*$/)] },
          ],
        }),
      ]);
      expect(single(json, 'aws_wafv2_web_acl_logging_configuration').depends_on).toEqual([expect.stringMatching(/^aws_cloudwatch_log_resource_policy\./)]);
    });

    it('encrypts the log group with a rotating key that CloudWatch Logs may use for this log group only', () => {
      const { json } = edgeAcl();
      expect(single(json, 'aws_kms_key')).toMatchObject({ enable_key_rotation: true, provider: 'aws.us_east_1' });
      expect(single(json, 'aws_kms_alias').name).toBe('alias/waf-logs-prod-edge');
      const keyPolicy = dataByPath(json, 'aws_iam_policy_document', 'Logging/Key/Policy') as {
        statement: { sid: string; actions: string[]; condition?: unknown }[];
      };
      const logsUse = keyPolicy.statement.find((statement) => statement.sid === 'ServiceUse0')!;
      expect(logsUse.condition).toEqual([
        { test: 'ArnEquals', variable: 'kms:EncryptionContext:aws:logs:arn', values: [expect.stringMatching(/:log-group:aws-waf-logs-prod-edge$/)] },
      ]);
      for (const statement of keyPolicy.statement) for (const action of statement.actions) expect(action).not.toContain('*');
    });
  });

  it('exposes the ARN CloudFront puts into web_acl_id', () => {
    const { stack, environment } = gatewayTestStack('prod');
    const acl = new EdgeWebAcl(stack, 'EdgeWebAcl', {
      environmentName: environment.name,
      waf: environment.waf,
      accountId: stack.accountId,
      provider: stack.usEast1,
    });
    new TerraformOutput(stack, 'edge_web_acl_arn', { value: acl.arn });
    const json = synthJson(stack);
    const [address] = Object.keys(resourcesOf(json, 'aws_wafv2_web_acl'));
    expect(json.output!.edge_web_acl_arn.value).toBe(`\${aws_wafv2_web_acl.${address}.arn}`);
  });
});
