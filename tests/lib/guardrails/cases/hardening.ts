import { principalIssuerForwarded } from '../../../../lib/guardrails/rules/api-gateway/principal-issuer-forwarded';
import { defaultSecurityGroupClosed } from '../../../../lib/guardrails/rules/network/default-security-group-closed';
import { originSecretRotation } from '../../../../lib/guardrails/rules/cloudfront/origin-secret-rotation';
import { bucketLifecycleExpiry } from '../../../../lib/guardrails/rules/s3/lifecycle-expiry';
import { bucketTlsOnly } from '../../../../lib/guardrails/rules/s3/tls-only';
import { bucketVersioning } from '../../../../lib/guardrails/rules/s3/versioning';
import { distributionHsts } from '../../../../lib/guardrails/rules/cloudfront/hsts';
import { apiHostileRulesCount } from '../../../../lib/guardrails/rules/waf/api-rule-actions';
import { botControlAfterCheapRules } from '../../../../lib/guardrails/rules/waf/bot-control-last';
import { servicePrincipalSource } from '../../../../lib/guardrails/rules/iam/service-principal-source';
import { logGroupEncrypted } from '../../../../lib/guardrails/rules/logs/log-group-encrypted';
import type { RuleCases } from '../support';

/** Cases of the rules issue 16 added (security review of the synthesized prod environment). */
const trust = (service: string, condition: Record<string, unknown>[] = []) => ({
  statement: [{ effect: 'Allow', actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: [service] }], condition }],
});
const sourceAccount = { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['444455556666'] };
const sourceArn = (arn: string) => ({ test: 'ArnLike', variable: 'aws:SourceArn', values: [arn] });
const anchored = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const api = (requestParameters: Record<string, string>) => ({
  name: 'dev-payments',
  body: JSON.stringify({
    openapi: '3.0.3',
    paths: { '/payments': { get: { 'x-amazon-apigateway-integration': { type: 'http_proxy', requestParameters } } } },
  }),
});
const identity = {
  'integration.request.header.X-Principal-Id': 'context.authorizer.principalId',
  'integration.request.header.X-Principal-Issuer': 'context.authorizer.issuer',
};

const vpc = { cidr_block: '10.10.0.0/16' };

const distribution = (value: string) => ({
  origin: [
    {
      origin_id: 'regional-api',
      domain_name: 'origin.api.example.com',
      custom_origin_config: { origin_protocol_policy: 'https-only' },
      custom_header: [{ name: 'x-origin-verify', value }],
    },
  ],
});
const rotatingVersion = (trigger: string) => ({
  secret_string: '${data.x.random_password}',
  lifecycle: { replace_triggered_by: [`terraform_data.${trigger}`] },
});
const twoSlots = '${(local.period % 2 == 1) ? aws_secretsmanager_secret_version.a.secret_string : aws_secretsmanager_secret_version.b.secret_string}';

const bucket = { bucket_prefix: 'dev-api-metrics-failed-' };
const tlsDeny = {
  statement: [
    {
      effect: 'Deny',
      principals: [{ type: '*', identifiers: ['*'] }],
      actions: ['s3:*'],
      resources: ['${aws_s3_bucket.failed.arn}', '${aws_s3_bucket.failed.arn}/*'],
      condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
    },
  ],
};
const lifecycle = (rule: Record<string, unknown>) => ({
  bucket: '${aws_s3_bucket.failed.id}',
  rule: [{ id: 'expire', status: 'Enabled', filter: [{ prefix: '' }], ...rule }],
});

const managedRule = (group: string, priority: number, overrides: string[] = [], groupAction: 'none' | 'count' = 'none') => ({
  name: group,
  priority,
  override_action: { [groupAction]: {} },
  statement: {
    managed_rule_group_statement: {
      vendor_name: 'AWS',
      name: group,
      ...(overrides.length > 0 ? { rule_action_override: overrides.map((name) => ({ name, action_to_use: { count: {} } })) } : {}),
    },
  },
  visibility_config: { cloudwatch_metrics_enabled: true, metric_name: group, sampled_requests_enabled: true },
});
const rateRule = (priority: number) => ({ name: 'RateLimitPerIp', priority, action: { block: {} }, statement: { rate_based_statement: { limit: 2000 } } });
const geoRule = (priority: number) => ({ name: 'GeoBlock', priority, action: { block: {} }, statement: { geo_match_statement: { country_codes: ['KP'] } } });
const webAcl = (rule: unknown[]) => ({ name: 'prod-edge', scope: 'CLOUDFRONT', default_action: { allow: {} }, rule });
const apiCounted = [
  managedRule('AWSManagedRulesAnonymousIpList', 50, ['HostingProviderIPList']),
  managedRule('AWSManagedRulesCommonRuleSet', 60, ['SizeRestrictions_BODY', 'NoUserAgent_HEADER']),
];
const headersPolicy = (hsts: Record<string, unknown> | undefined) => ({
  name: 'prod-api-security-headers',
  security_headers_config: hsts ? { strict_transport_security: hsts } : { content_type_options: { override: true } },
});
const withBehavior = (policyId: string | undefined) => ({
  default_cache_behavior: { target_origin_id: 'regional-api', ...(policyId ? { response_headers_policy_id: policyId } : {}) },
});

export const HARDENING_CASES: RuleCases[] = [
  {
    rule: botControlAfterCheapRules,
    cases: [
      {
        name: 'geo and rate limits before Bot Control',
        resources: { 'aws_wafv2_web_acl.edge': webAcl([geoRule(5), rateRule(10), managedRule('AWSManagedRulesBotControlRuleSet', 90)]) },
        expect: 'compliant',
      },
      { name: 'no Bot Control', resources: { 'aws_wafv2_web_acl.edge': webAcl([rateRule(100), geoRule(200)]) }, expect: 'not-applicable' },
      {
        name: 'rate limit and geo after Bot Control (the order before issue 16)',
        resources: { 'aws_wafv2_web_acl.edge': webAcl([managedRule('AWSManagedRulesBotControlRuleSet', 60), rateRule(100), geoRule(200)]) },
        expect: {
          nonCompliant: anchored('RateLimitPerIp (priority 100), GeoBlock (priority 200) run after AWSManagedRulesBotControlRuleSet (priority 60)'),
        },
      },
    ],
  },
  {
    rule: apiHostileRulesCount,
    cases: [
      { name: 'API-hostile rules overridden to count', resources: { 'aws_wafv2_web_acl.edge': webAcl(apiCounted) }, expect: 'compliant' },
      {
        name: 'whole anonymous IP group in count mode',
        resources: {
          'aws_wafv2_web_acl.edge': webAcl([
            managedRule('AWSManagedRulesAnonymousIpList', 50, [], 'count'),
            managedRule('AWSManagedRulesCommonRuleSet', 60, ['SizeRestrictions_BODY', 'NoUserAgent_HEADER']),
          ]),
        },
        expect: 'compliant',
      },
      {
        name: 'NoUserAgent_HEADER blocking because the environment enforces it',
        resources: {
          'aws_wafv2_web_acl.edge': webAcl([
            managedRule('AWSManagedRulesAnonymousIpList', 50, ['HostingProviderIPList']),
            managedRule('AWSManagedRulesCommonRuleSet', 60, ['SizeRestrictions_BODY']),
          ]),
        },
        context: { enforcedApiRules: new Map([['AWSManagedRulesCommonRuleSet', new Set(['NoUserAgent_HEADER'])]]) },
        expect: 'compliant',
      },
      {
        name: 'no managed group with API-hostile rules',
        resources: { 'aws_wafv2_web_acl.edge': webAcl([managedRule('AWSManagedRulesSQLiRuleSet', 80)]) },
        expect: 'not-applicable',
      },
      {
        name: 'anonymous IP list and common rule set blocking (before issue 16)',
        resources: {
          'aws_wafv2_web_acl.edge': webAcl([
            managedRule('AWSManagedRulesAnonymousIpList', 50),
            managedRule('AWSManagedRulesCommonRuleSet', 60, ['SizeRestrictions_BODY']),
          ]),
        },
        expect: {
          nonCompliant: anchored(
            'blocks API clients with AWSManagedRulesAnonymousIpList/HostingProviderIPList, AWSManagedRulesCommonRuleSet/NoUserAgent_HEADER',
          ),
        },
      },
    ],
  },
  {
    rule: distributionHsts,
    cases: [
      {
        name: 'two-year HSTS overriding the origin',
        resources: {
          'aws_cloudfront_distribution.api': withBehavior('${aws_cloudfront_response_headers_policy.security.id}'),
          'aws_cloudfront_response_headers_policy.security': headersPolicy({ access_control_max_age_sec: 63072000, include_subdomains: true, override: true }),
        },
        expect: 'compliant',
      },
      {
        name: 'no response headers policy (before issue 16)',
        resources: { 'aws_cloudfront_distribution.api': withBehavior(undefined) },
        expect: { nonCompliant: anchored('default_cache_behavior: no response_headers_policy_id') },
      },
      {
        name: 'policy without HSTS',
        resources: {
          'aws_cloudfront_distribution.api': withBehavior('${aws_cloudfront_response_headers_policy.security.id}'),
          'aws_cloudfront_response_headers_policy.security': headersPolicy(undefined),
        },
        expect: {
          nonCompliant: anchored('default_cache_behavior: aws_cloudfront_response_headers_policy.security sends no Strict-Transport-Security'),
        },
      },
      {
        name: 'HSTS for one day',
        resources: {
          'aws_cloudfront_distribution.api': withBehavior('${aws_cloudfront_response_headers_policy.security.id}'),
          'aws_cloudfront_response_headers_policy.security': headersPolicy({ access_control_max_age_sec: 86400, override: true }),
        },
        expect: {
          nonCompliant: anchored('default_cache_behavior: aws_cloudfront_response_headers_policy.security sets HSTS max-age 86400 s, below one year'),
        },
      },
    ],
  },
  {
    rule: bucketTlsOnly,
    cases: [
      {
        name: 'bucket policy denying plain HTTP',
        resources: {
          'aws_s3_bucket.failed': bucket,
          'aws_s3_bucket_policy.failed': { bucket: '${aws_s3_bucket.failed.id}', policy: '${data.aws_iam_policy_document.tls.json}' },
          'data.aws_iam_policy_document.tls': tlsDeny,
        },
        expect: 'compliant',
      },
      {
        name: 'no bucket policy (the failed-delivery bucket before issue 16)',
        resources: { 'aws_s3_bucket.failed': bucket },
        expect: { nonCompliant: anchored('no bucket policy of this bucket denies aws:SecureTransport = false') },
      },
      {
        name: 'bucket policy that only allows a service',
        resources: {
          'aws_s3_bucket.failed': bucket,
          'aws_s3_bucket_policy.failed': {
            bucket: '${aws_s3_bucket.failed.id}',
            policy: JSON.stringify({
              Statement: [{ Effect: 'Allow', Principal: { Service: 'delivery.logs.amazonaws.com' }, Action: 's3:PutObject', Resource: '*' }],
            }),
          },
        },
        expect: { nonCompliant: anchored('no bucket policy of this bucket denies aws:SecureTransport = false') },
      },
    ],
  },
  {
    rule: bucketVersioning,
    cases: [
      {
        name: 'versioning enabled',
        resources: {
          'aws_s3_bucket.failed': bucket,
          'aws_s3_bucket_versioning.failed': { bucket: '${aws_s3_bucket.failed.id}', versioning_configuration: { status: 'Enabled' } },
        },
        expect: 'compliant',
      },
      {
        name: 'versioning suspended',
        resources: {
          'aws_s3_bucket.failed': bucket,
          'aws_s3_bucket_versioning.failed': { bucket: '${aws_s3_bucket.failed.id}', versioning_configuration: { status: 'Suspended' } },
        },
        expect: { nonCompliant: anchored('no aws_s3_bucket_versioning with status "Enabled" refers to this bucket') },
      },
      {
        name: 'no versioning resource',
        resources: { 'aws_s3_bucket.failed': bucket },
        expect: { nonCompliant: anchored('no aws_s3_bucket_versioning with status "Enabled" refers to this bucket') },
      },
    ],
  },
  {
    rule: bucketLifecycleExpiry,
    cases: [
      {
        name: 'current and noncurrent objects expire',
        resources: {
          'aws_s3_bucket.failed': bucket,
          'aws_s3_bucket_lifecycle_configuration.failed': lifecycle({ expiration: [{ days: 30 }], noncurrent_version_expiration: [{ noncurrent_days: 7 }] }),
        },
        expect: 'compliant',
      },
      {
        name: 'no lifecycle (failed batches kept for ever)',
        resources: { 'aws_s3_bucket.failed': bucket },
        expect: { nonCompliant: anchored('no enabled lifecycle rule expires current objects (expiration.days)') },
      },
      {
        name: 'only multipart uploads are cleaned up',
        resources: {
          'aws_s3_bucket.failed': bucket,
          'aws_s3_bucket_lifecycle_configuration.failed': lifecycle({ abort_incomplete_multipart_upload: [{ days_after_initiation: 1 }] }),
        },
        expect: { nonCompliant: anchored('no enabled lifecycle rule expires current objects (expiration.days)') },
      },
      {
        name: 'current objects expire, noncurrent versions are kept',
        resources: {
          'aws_s3_bucket.failed': bucket,
          'aws_s3_bucket_lifecycle_configuration.failed': lifecycle({ expiration: [{ days: 30 }] }),
        },
        expect: { nonCompliant: anchored('no enabled lifecycle rule expires noncurrent versions (noncurrent_version_expiration.noncurrent_days)') },
      },
      {
        name: 'expiring rule disabled',
        resources: {
          'aws_s3_bucket.failed': bucket,
          'aws_s3_bucket_lifecycle_configuration.failed': lifecycle({
            status: 'Disabled',
            expiration: [{ days: 30 }],
            noncurrent_version_expiration: [{ noncurrent_days: 7 }],
          }),
        },
        expect: { nonCompliant: anchored('no enabled lifecycle rule expires current objects (expiration.days)') },
      },
    ],
  },
  {
    rule: originSecretRotation,
    cases: [
      {
        name: 'header drawn from two rotating slots',
        resources: {
          'aws_cloudfront_distribution.api': distribution(twoSlots),
          'aws_secretsmanager_secret_version.a': rotatingVersion('rotation_a'),
          'aws_secretsmanager_secret_version.b': rotatingVersion('rotation_b'),
        },
        expect: 'compliant',
      },
      {
        name: 'one never-rotated version (before issue 16)',
        resources: {
          'aws_cloudfront_distribution.api': distribution('${aws_secretsmanager_secret_version.a.secret_string}'),
          'aws_secretsmanager_secret_version.a': { secret_string: '${data.x.random_password}', lifecycle: { ignore_changes: ['secret_string'] } },
        },
        expect: { nonCompliant: anchored('origin "regional-api" sends x-origin-verify from 1 secret version(s), not two rotation slots') },
      },
      {
        name: 'two slots, one without a rotation trigger',
        resources: {
          'aws_cloudfront_distribution.api': distribution(twoSlots),
          'aws_secretsmanager_secret_version.a': rotatingVersion('rotation_a'),
          'aws_secretsmanager_secret_version.b': { secret_string: '${data.x.random_password}' },
        },
        expect: { nonCompliant: anchored('aws_secretsmanager_secret_version.b has no lifecycle.replace_triggered_by, so its value never rotates') },
      },
    ],
  },
  {
    rule: defaultSecurityGroupClosed,
    cases: [
      {
        name: 'default security group adopted with no rules',
        resources: { 'aws_vpc.gateway': vpc, 'aws_default_security_group.gateway': { vpc_id: '${aws_vpc.gateway.id}', ingress: [], egress: [] } },
        expect: 'compliant',
      },
      {
        name: 'default security group not managed (AWS allow rules stay)',
        resources: { 'aws_vpc.gateway': vpc },
        expect: { nonCompliant: anchored("no aws_default_security_group refers to this VPC: it keeps AWS's allow rules") },
      },
      {
        name: 'default security group of another VPC only',
        resources: { 'aws_vpc.gateway': vpc, 'aws_default_security_group.other': { vpc_id: '${aws_vpc.other.id}', ingress: [], egress: [] } },
        expect: { nonCompliant: anchored("no aws_default_security_group refers to this VPC: it keeps AWS's allow rules") },
      },
      {
        name: 'default security group that keeps the self-referencing ingress rule',
        resources: {
          'aws_vpc.gateway': vpc,
          'aws_default_security_group.gateway': {
            vpc_id: '${aws_vpc.gateway.id}',
            ingress: [{ protocol: '-1', self: true, from_port: 0, to_port: 0 }],
            egress: [],
          },
        },
        expect: { nonCompliant: anchored('aws_default_security_group.gateway keeps ingress or egress rules') },
      },
    ],
  },
  {
    rule: principalIssuerForwarded,
    cases: [
      {
        name: 'namespaced principal and its issuer from the authorizer',
        resources: { 'aws_api_gateway_rest_api.payments': api(identity) },
        expect: 'compliant',
      },
      {
        name: 'operation forwarding no identity (public operation)',
        resources: { 'aws_api_gateway_rest_api.payments': api({ 'integration.request.header.X-Request-Id': 'context.requestId' }) },
        expect: 'not-applicable',
      },
      {
        name: 'principal without its issuer (before issue 16)',
        resources: { 'aws_api_gateway_rest_api.payments': api({ 'integration.request.header.X-Principal-Id': 'context.authorizer.principalId' }) },
        expect: { nonCompliant: anchored('GET /payments maps X-Principal-Issuer from null, expected context.authorizer.issuer') },
      },
      {
        name: 'principal taken from a request header a client can set',
        resources: {
          'aws_api_gateway_rest_api.payments': api({ ...identity, 'integration.request.header.X-Principal-Id': 'method.request.header.X-Principal-Id' }),
        },
        expect: {
          nonCompliant: anchored('GET /payments maps X-Principal-Id from "method.request.header.X-Principal-Id", expected context.authorizer.principalId'),
        },
      },
    ],
  },
  {
    rule: servicePrincipalSource,
    cases: [
      {
        name: 'Lambda execution role trusted for this account only',
        resources: { 'data.aws_iam_policy_document.exec': trust('lambda.amazonaws.com', [sourceAccount]) },
        expect: 'compliant',
      },
      {
        name: 'flow-log delivery role with source account and flow-log ARN',
        resources: {
          'data.aws_iam_policy_document.flow': trust('vpc-flow-logs.amazonaws.com', [
            sourceAccount,
            sourceArn('arn:aws:ec2:ap-southeast-1:444455556666:vpc-flow-log/*'),
          ]),
        },
        expect: 'compliant',
      },
      {
        name: 'CloudWatch Logs key grant pinned by the encryption context',
        resources: {
          'aws_kms_key.logs': {
            policy: JSON.stringify({
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Service: 'logs.ap-southeast-1.amazonaws.com' },
                  Action: ['kms:Encrypt', 'kms:Decrypt'],
                  Resource: '*',
                  Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:ap-southeast-1:444455556666:log-group:*' } },
                },
              ],
            }),
          },
        },
        expect: 'compliant',
      },
      {
        name: 'Shield Response Team role (documented without source keys)',
        resources: { 'data.aws_iam_policy_document.srt': trust('drt.shield.amazonaws.com') },
        expect: 'compliant',
      },
      {
        name: 'role trusted by an AWS account, no service principal',
        resources: {
          'data.aws_iam_policy_document.deployer': {
            statement: [{ effect: 'Allow', actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::444455556666:root'] }] }],
          },
        },
        expect: 'compliant',
      },
      {
        name: 'Lambda execution role without a condition',
        resources: { 'data.aws_iam_policy_document.exec': trust('lambda.amazonaws.com') },
        expect: { nonCompliant: anchored('statement[0] grants lambda.amazonaws.com without aws:SourceAccount or aws:SourceArn') },
      },
      {
        name: 'KMS key policy granting cloudwatch.amazonaws.com without conditions (alarm topic key before issue 16)',
        resources: {
          'aws_kms_key.alarms': {
            policy: JSON.stringify({
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*' },
              ],
            }),
          },
        },
        expect: { nonCompliant: anchored('policy Statement[0] grants cloudwatch.amazonaws.com without aws:SourceAccount or aws:SourceArn') },
      },
      {
        name: 'Firehose delivery role with the source account only',
        resources: { 'data.aws_iam_policy_document.firehose': trust('firehose.amazonaws.com', [sourceAccount]) },
        expect: { nonCompliant: anchored('statement[0] lets firehose.amazonaws.com assume the role without aws:SourceArn') },
      },
      {
        name: 'log subscription role (logs.<region>) with the source account only',
        resources: { 'data.aws_iam_policy_document.siem': trust('logs.ap-southeast-1.amazonaws.com', [sourceAccount]) },
        expect: { nonCompliant: anchored('statement[0] lets logs.ap-southeast-1.amazonaws.com assume the role without aws:SourceArn') },
      },
    ],
  },
  {
    rule: logGroupEncrypted,
    cases: [
      {
        name: 'log group with the stack key',
        resources: {
          'aws_cloudwatch_log_group.access': { name: '/uag/api/dev-payments/access', retention_in_days: 90, kms_key_id: '${aws_kms_key.LogKey_Key.arn}' },
        },
        expect: 'compliant',
      },
      {
        name: 'log group with service-managed encryption',
        resources: { 'aws_cloudwatch_log_group.access': { name: '/uag/api/dev-payments/access', retention_in_days: 90 } },
        expect: { nonCompliant: anchored("kms_key_id is unset (CloudWatch Logs' service-managed encryption)") },
      },
    ],
  },
];
