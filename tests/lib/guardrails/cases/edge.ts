import { distributionWebAcl } from '../../../../lib/guardrails/rules/cloudfront/distribution-web-acl';
import { originHttpsOnly } from '../../../../lib/guardrails/rules/cloudfront/origin-https-only';
import { originTls } from '../../../../lib/guardrails/rules/cloudfront/origin-tls';
import { originVerificationHeader } from '../../../../lib/guardrails/rules/cloudfront/origin-verification-header';
import { viewerHttpsOnly } from '../../../../lib/guardrails/rules/cloudfront/viewer-https-only';
import { viewerTls } from '../../../../lib/guardrails/rules/cloudfront/viewer-tls';
import { distributionProtected } from '../../../../lib/guardrails/rules/shield/distribution-protected';
import { protectionHealthCheck } from '../../../../lib/guardrails/rules/shield/protection-health-check';
import { commonRuleSet } from '../../../../lib/guardrails/rules/waf/common-rule-set';
import { ipReputation } from '../../../../lib/guardrails/rules/waf/ip-reputation';
import { knownBadInputs } from '../../../../lib/guardrails/rules/waf/known-bad-inputs';
import { loggingRedactsAuthorization } from '../../../../lib/guardrails/rules/waf/logging-redacts-authorization';
import { rateBasedRule } from '../../../../lib/guardrails/rules/waf/rate-based-rule';
import { visibilityMetrics } from '../../../../lib/guardrails/rules/waf/visibility-metrics';
import { webAclLogging } from '../../../../lib/guardrails/rules/waf/web-acl-logging';
import type { RuleCases } from '../support';

const origin = {
  origin_id: 'regional-api',
  domain_name: '${aws_api_gateway_domain_name.regional.regional_domain_name}',
  custom_origin_config: { http_port: 80, https_port: 443, origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'] },
  custom_header: [{ name: 'X-Origin-Verify', value: '${data.aws_secretsmanager_random_password.origin.random_password}' }],
};

const distribution = {
  enabled: true,
  aliases: ['api.dev.example.com'],
  web_acl_id: '${aws_wafv2_web_acl.edge.arn}',
  origin: [origin],
  default_cache_behavior: {
    target_origin_id: 'regional-api',
    viewer_protocol_policy: 'https-only',
    allowed_methods: ['GET', 'HEAD'],
    cached_methods: ['GET', 'HEAD'],
  },
  ordered_cache_behavior: [{ path_pattern: '/v1/*', target_origin_id: 'regional-api', viewer_protocol_policy: 'https-only' }],
  viewer_certificate: { acm_certificate_arn: '${aws_acm_certificate.edge.arn}', ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' },
  restrictions: { geo_restriction: { restriction_type: 'none' } },
};

const withOrigin = (overrides: Record<string, unknown>) => ({ ...distribution, origin: [{ ...origin, ...overrides }] });
const withOriginConfig = (overrides: Record<string, unknown>) => withOrigin({ custom_origin_config: { ...origin.custom_origin_config, ...overrides } });

const visibility = (name: string) => ({ cloudwatch_metrics_enabled: true, sampled_requests_enabled: true, metric_name: name });
const managed = (priority: number, name: string) => ({
  name,
  priority,
  override_action: { none: {} },
  statement: { managed_rule_group_statement: { vendor_name: 'AWS', name } },
  visibility_config: visibility(name),
});
const rateLimit = {
  name: 'RateLimit-per-ip',
  priority: 50,
  action: { block: {} },
  statement: { rate_based_statement: { limit: 2000, aggregate_key_type: 'IP' } },
  visibility_config: visibility('RateLimit-per-ip'),
};
const baselineRules = [
  managed(10, 'AWSManagedRulesAmazonIpReputationList'),
  managed(20, 'AWSManagedRulesCommonRuleSet'),
  managed(30, 'AWSManagedRulesKnownBadInputsRuleSet'),
  rateLimit,
];
const webAcl = (rule: unknown[]) => ({ name: 'dev-edge', scope: 'CLOUDFRONT', default_action: { allow: {} }, rule, visibility_config: visibility('dev-edge') });
const without = (group: string) => webAcl(baselineRules.filter((rule) => rule.name !== group));

/** The same rules in the WAF API's JSON, as `rule_json` carries them. */
const ruleJson = JSON.stringify([
  {
    Name: 'ip',
    Priority: 1,
    OverrideAction: { None: {} },
    Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesAmazonIpReputationList' } },
    VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: 'ip' },
  },
  {
    Name: 'rate',
    Priority: 2,
    Action: { Block: {} },
    Statement: { RateBasedStatement: { Limit: 1000, AggregateKeyType: 'IP' } },
    VisibilityConfig: { CloudWatchMetricsEnabled: false, SampledRequestsEnabled: true, MetricName: 'rate' },
  },
]);

const logging = (overrides: Record<string, unknown> = {}) => ({
  resource_arn: '${aws_wafv2_web_acl.edge.arn}',
  log_destination_configs: ['${aws_cloudwatch_log_group.waf.arn}'],
  redacted_fields: [{ single_header: { name: 'authorization' } }, { single_header: { name: 'cookie' } }],
  ...overrides,
});

export const EDGE_CASES: RuleCases[] = [
  {
    rule: distributionWebAcl,
    cases: [
      { name: 'web_acl_id refers to the edge web ACL', resources: { 'aws_cloudfront_distribution.edge': distribution }, expect: 'compliant' },
      {
        name: 'no web_acl_id',
        resources: { 'aws_cloudfront_distribution.edge': { ...distribution, web_acl_id: undefined } },
        expect: { nonCompliant: 'web_acl_id is empty' },
      },
      {
        name: 'empty web_acl_id',
        resources: { 'aws_cloudfront_distribution.edge': { ...distribution, web_acl_id: '' } },
        expect: { nonCompliant: 'web_acl_id is empty' },
      },
    ],
  },
  {
    rule: viewerTls,
    cases: [
      { name: 'ACM certificate with TLSv1.2_2021', resources: { 'aws_cloudfront_distribution.edge': distribution }, expect: 'compliant' },
      {
        name: 'TLSv1.3_2025',
        resources: {
          'aws_cloudfront_distribution.edge': {
            ...distribution,
            viewer_certificate: { ...distribution.viewer_certificate, minimum_protocol_version: 'TLSv1.3_2025' },
          },
        },
        expect: 'compliant',
      },
      {
        name: 'TLSv1.2_2019',
        resources: {
          'aws_cloudfront_distribution.edge': {
            ...distribution,
            viewer_certificate: { ...distribution.viewer_certificate, minimum_protocol_version: 'TLSv1.2_2019' },
          },
        },
        expect: { nonCompliant: 'minimum_protocol_version is "TLSv1.2_2019"' },
      },
      {
        name: 'default CloudFront certificate',
        resources: { 'aws_cloudfront_distribution.edge': { ...distribution, viewer_certificate: { cloudfront_default_certificate: true } } },
        expect: { nonCompliant: 'cloudfront_default_certificate is true' },
      },
    ],
  },
  {
    rule: viewerHttpsOnly,
    cases: [
      { name: 'https-only on every behavior', resources: { 'aws_cloudfront_distribution.edge': distribution }, expect: 'compliant' },
      {
        name: 'redirect-to-https on the default behavior',
        resources: {
          'aws_cloudfront_distribution.edge': {
            ...distribution,
            default_cache_behavior: { ...distribution.default_cache_behavior, viewer_protocol_policy: 'redirect-to-https' },
          },
        },
        expect: { nonCompliant: 'default_cache_behavior.viewer_protocol_policy is "redirect-to-https"' },
      },
      {
        name: 'allow-all on an ordered behavior',
        resources: {
          'aws_cloudfront_distribution.edge': { ...distribution, ordered_cache_behavior: [{ path_pattern: '/x', viewer_protocol_policy: 'allow-all' }] },
        },
        expect: { nonCompliant: 'ordered_cache_behavior[0].viewer_protocol_policy is "allow-all"' },
      },
    ],
  },
  {
    rule: originHttpsOnly,
    cases: [
      { name: 'custom origin https-only', resources: { 'aws_cloudfront_distribution.edge': distribution }, expect: 'compliant' },
      {
        name: 'only an S3 origin',
        resources: { 'aws_cloudfront_distribution.edge': { ...distribution, origin: [{ origin_id: 's3', origin_access_control_id: 'x' }] } },
        expect: 'not-applicable',
      },
      {
        name: 'match-viewer',
        resources: { 'aws_cloudfront_distribution.edge': withOriginConfig({ origin_protocol_policy: 'match-viewer' }) },
        expect: { nonCompliant: 'origin "regional-api" origin_protocol_policy is "match-viewer"' },
      },
    ],
  },
  {
    rule: originTls,
    cases: [
      { name: 'TLSv1.2 only', resources: { 'aws_cloudfront_distribution.edge': distribution }, expect: 'compliant' },
      {
        name: 'TLSv1.1 allowed as well',
        resources: { 'aws_cloudfront_distribution.edge': withOriginConfig({ origin_ssl_protocols: ['TLSv1.1', 'TLSv1.2'] }) },
        expect: { nonCompliant: 'allows TLSv1.1' },
      },
      {
        name: 'no protocol at all',
        resources: { 'aws_cloudfront_distribution.edge': withOriginConfig({ origin_ssl_protocols: [] }) },
        expect: { nonCompliant: 'origin_ssl_protocols is empty' },
      },
    ],
  },
  {
    rule: originVerificationHeader,
    cases: [
      { name: 'header value from a generated secret', resources: { 'aws_cloudfront_distribution.edge': distribution }, expect: 'compliant' },
      {
        name: 'no custom header',
        resources: { 'aws_cloudfront_distribution.edge': withOrigin({ custom_header: undefined }) },
        expect: { nonCompliant: 'origin "regional-api" has no custom_header' },
      },
      {
        name: 'a literal secret in source control',
        resources: { 'aws_cloudfront_distribution.edge': withOrigin({ custom_header: [{ name: 'X-Origin-Verify', value: 'hunter2-very-secret' }] }) },
        expect: { nonCompliant: 'generated value' },
      },
    ],
  },
  {
    rule: distributionProtected,
    cases: [
      {
        name: 'Shield on and a protection refers to the distribution',
        resources: {
          'aws_cloudfront_distribution.edge': distribution,
          'aws_shield_protection.edge': { name: 'dev-edge', resource_arn: '${aws_cloudfront_distribution.edge.arn}', provider: 'aws.us_east_1' },
        },
        context: { shieldAdvanced: true },
        expect: 'compliant',
      },
      { name: 'Shield not in use', resources: { 'aws_cloudfront_distribution.edge': distribution }, expect: 'not-applicable' },
      {
        name: 'Shield on, distribution unprotected',
        resources: { 'aws_cloudfront_distribution.edge': distribution },
        context: { shieldAdvanced: true },
        expect: { nonCompliant: 'no aws_shield_protection' },
      },
      {
        name: 'Shield on, protection of another resource',
        resources: { 'aws_cloudfront_distribution.edge': distribution, 'aws_shield_protection.zone': { resource_arn: '${aws_route53_zone.public.arn}' } },
        context: { shieldAdvanced: true },
        expect: { nonCompliant: 'no aws_shield_protection' },
      },
    ],
  },
  {
    rule: protectionHealthCheck,
    cases: [
      {
        name: 'health check associated',
        resources: {
          'aws_shield_protection.edge': { resource_arn: '${aws_cloudfront_distribution.edge.arn}' },
          'aws_shield_protection_health_check_association.edge': {
            shield_protection_id: '${aws_shield_protection.edge.id}',
            health_check_arn: '${aws_route53_health_check.edge.arn}',
          },
        },
        expect: 'compliant',
      },
      {
        name: 'no health check',
        resources: { 'aws_shield_protection.edge': { resource_arn: '${aws_cloudfront_distribution.edge.arn}' } },
        expect: { nonCompliant: 'no aws_shield_protection_health_check_association' },
      },
      {
        name: 'hosted zone (health-based detection unsupported)',
        resources: { 'aws_shield_protection.zone': { resource_arn: 'arn:aws:route53:::hostedzone/Z0PRD1234567890ABCDE' } },
        expect: 'not-applicable',
      },
    ],
  },
  {
    rule: ipReputation,
    cases: [
      { name: 'baseline web ACL', resources: { 'aws_wafv2_web_acl.edge': webAcl(baselineRules) }, expect: 'compliant' },
      {
        name: 'rule_json with the group',
        resources: { 'aws_wafv2_web_acl.edge': { ...webAcl([]), rule: undefined, rule_json: ruleJson } },
        expect: 'compliant',
      },
      {
        name: 'group missing',
        resources: { 'aws_wafv2_web_acl.edge': without('AWSManagedRulesAmazonIpReputationList') },
        expect: { nonCompliant: 'AWS/AWSManagedRulesAmazonIpReputationList' },
      },
      {
        name: 'a vendor other than AWS with the same name',
        resources: {
          'aws_wafv2_web_acl.edge': webAcl([
            { ...managed(1, 'x'), statement: { managed_rule_group_statement: { vendor_name: 'Acme', name: 'AWSManagedRulesAmazonIpReputationList' } } },
          ]),
        },
        expect: { nonCompliant: 'AWS/AWSManagedRulesAmazonIpReputationList' },
      },
    ],
  },
  {
    rule: commonRuleSet,
    cases: [
      { name: 'baseline web ACL', resources: { 'aws_wafv2_web_acl.edge': webAcl(baselineRules) }, expect: 'compliant' },
      {
        name: 'group missing',
        resources: { 'aws_wafv2_web_acl.edge': without('AWSManagedRulesCommonRuleSet') },
        expect: { nonCompliant: 'AWS/AWSManagedRulesCommonRuleSet' },
      },
    ],
  },
  {
    rule: knownBadInputs,
    cases: [
      {
        name: 'baseline web ACL (statement written as a one-element list)',
        resources: { 'aws_wafv2_web_acl.edge': webAcl(baselineRules.map((rule) => ({ ...rule, statement: [rule.statement] }))) },
        expect: 'compliant',
      },
      {
        name: 'group missing',
        resources: { 'aws_wafv2_web_acl.edge': without('AWSManagedRulesKnownBadInputsRuleSet') },
        expect: { nonCompliant: 'AWS/AWSManagedRulesKnownBadInputsRuleSet' },
      },
    ],
  },
  {
    rule: rateBasedRule,
    cases: [
      { name: 'per-IP rate-based rule', resources: { 'aws_wafv2_web_acl.edge': webAcl(baselineRules) }, expect: 'compliant' },
      { name: 'rate-based rule in rule_json', resources: { 'aws_wafv2_web_acl.edge': { ...webAcl([]), rule_json: ruleJson } }, expect: 'compliant' },
      {
        name: 'no rate-based rule',
        resources: { 'aws_wafv2_web_acl.edge': without('RateLimit-per-ip') },
        expect: { nonCompliant: 'no rule has a rate_based_statement' },
      },
    ],
  },
  {
    rule: webAclLogging,
    cases: [
      {
        name: 'logging configuration with a destination',
        resources: { 'aws_wafv2_web_acl.edge': webAcl(baselineRules), 'aws_wafv2_web_acl_logging_configuration.edge': logging() },
        expect: 'compliant',
      },
      {
        name: 'no logging configuration',
        resources: { 'aws_wafv2_web_acl.edge': webAcl(baselineRules) },
        expect: { nonCompliant: 'no aws_wafv2_web_acl_logging_configuration' },
      },
      {
        name: 'logging configuration of another web ACL',
        resources: {
          'aws_wafv2_web_acl.edge': webAcl(baselineRules),
          'aws_wafv2_web_acl_logging_configuration.other': logging({ resource_arn: '${aws_wafv2_web_acl.regional.arn}' }),
        },
        expect: { nonCompliant: 'no aws_wafv2_web_acl_logging_configuration' },
      },
    ],
  },
  {
    rule: loggingRedactsAuthorization,
    cases: [
      { name: 'authorization and cookie redacted', resources: { 'aws_wafv2_web_acl_logging_configuration.edge': logging() }, expect: 'compliant' },
      {
        name: 'header name in capitals',
        resources: { 'aws_wafv2_web_acl_logging_configuration.edge': logging({ redacted_fields: { single_header: { name: 'Authorization' } } }) },
        expect: 'compliant',
      },
      {
        name: 'only the cookie redacted',
        resources: { 'aws_wafv2_web_acl_logging_configuration.edge': logging({ redacted_fields: [{ single_header: { name: 'cookie' } }] }) },
        expect: { nonCompliant: 'authorization' },
      },
      {
        name: 'nothing redacted',
        resources: { 'aws_wafv2_web_acl_logging_configuration.edge': logging({ redacted_fields: undefined }) },
        expect: { nonCompliant: 'authorization' },
      },
    ],
  },
  {
    rule: visibilityMetrics,
    cases: [
      { name: 'metrics and sampling everywhere', resources: { 'aws_wafv2_web_acl.edge': webAcl(baselineRules) }, expect: 'compliant' },
      {
        name: 'a rule without metrics',
        resources: {
          'aws_wafv2_web_acl.edge': webAcl([
            ...baselineRules,
            { ...rateLimit, name: 'quiet', visibility_config: { ...visibility('quiet'), cloudwatch_metrics_enabled: false } },
          ]),
        },
        expect: { nonCompliant: 'rule "quiet"' },
      },
      {
        name: 'a rule in rule_json without metrics',
        resources: { 'aws_wafv2_web_acl.edge': { ...webAcl([]), rule_json: ruleJson } },
        expect: { nonCompliant: 'rule "rate"' },
      },
    ],
  },
];
