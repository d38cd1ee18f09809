import Ajv from 'ajv';
import { App } from 'cdktf';
import type { Environment } from '../../../lib/config/schema/environment';
import { stableJson, wafV2ManagedServiceData } from '../../../modules/security/fms-managed-service-data';
import { SecurityStack } from '../../../stacks/security-stack';
import { exampleEnvironment } from '../../support/example-config';
import { SECURITY_GROUPS_CONTENT_AUDIT_MANAGED_SERVICE_DATA, SHIELD_ADVANCED_MANAGED_SERVICE_DATA, WAFV2_MANAGED_SERVICE_DATA } from './fms-documented-format';
import { byPath, dataByPath, resourcesOf, single, synthJson } from './support';

type Policy = Record<string, unknown> & { security_service_policy_data: { type: string; managed_service_data: string } };

function securityStack(name: string, edit?: (environment: Environment) => void) {
  const environment = structuredClone(exampleEnvironment(name));
  edit?.(environment);
  const json = synthJson(new SecurityStack(new App(), { environment }));
  const policies = Object.values(resourcesOf(json, 'aws_fms_policy')) as Policy[];
  const policy = (policyName: string) => {
    const found = policies.find((candidate) => candidate.name === policyName);
    if (!found) throw new Error(`no policy ${policyName}; have ${policies.map((candidate) => candidate.name).join(', ')}`);
    return found;
  };
  return { json, policies, policy, data: (policyName: string) => JSON.parse(policy(policyName).security_service_policy_data.managed_service_data) };
}

const ajv = new Ajv({ strict: false, allErrors: true });
const DOCUMENTED: Record<string, object> = {
  WAFV2: WAFV2_MANAGED_SERVICE_DATA,
  SHIELD_ADVANCED: SHIELD_ADVANCED_MANAGED_SERVICE_DATA,
  SECURITY_GROUPS_CONTENT_AUDIT: SECURITY_GROUPS_CONTENT_AUDIT_MANAGED_SERVICE_DATA,
};
function documentedFormatErrors(type: string, data: unknown): string[] {
  const validate = ajv.compile(DOCUMENTED[type]);
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe('Firewall Manager policies (security stack)', () => {
  it('defines, for prod, regional and CloudFront WAF policies, a Shield policy and a security-group audit in their regions', () => {
    const { policies } = securityStack('prod');
    const summary = policies.map((policy) => [
      policy.name,
      policy.security_service_policy_data.type,
      policy.provider,
      policy.resource_type ?? policy.resource_type_list,
    ]);
    expect(summary).toHaveLength(4);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['prod-waf-regional', 'WAFV2', 'aws', ['AWS::ApiGateway::Stage', 'AWS::ElasticLoadBalancingV2::LoadBalancer']],
        ['prod-waf-cloudfront', 'WAFV2', 'aws.us_east_1', 'AWS::CloudFront::Distribution'],
        ['prod-shield-cloudfront', 'SHIELD_ADVANCED', 'aws.us_east_1', 'AWS::CloudFront::Distribution'],
        ['prod-sg-open-ingress-audit', 'SECURITY_GROUPS_CONTENT_AUDIT', 'aws', 'AWS::EC2::SecurityGroup'],
      ]),
    );
  });

  describe('managed_service_data', () => {
    it.each(['dev', 'staging', 'prod'])('matches the documented FMS format for every policy of %s', (name) => {
      const { policies } = securityStack(name);
      expect(policies.length).toBeGreaterThan(0);
      for (const policy of policies) {
        const { type, managed_service_data: data } = policy.security_service_policy_data;
        const parsed = JSON.parse(data);
        expect({ policy: policy.name, type: parsed.type, errors: documentedFormatErrors(type, parsed) }).toEqual({ policy: policy.name, type, errors: [] });
      }
    });

    it('is checked strictly: the documented-format check rejects an unknown field and a missing ENABLED action', () => {
      const { data } = securityStack('prod');
      expect(documentedFormatErrors('WAFV2', { ...data('prod-waf-regional'), webACLSource: 'RETROFIT_EXISTING' })).toEqual([
        ' must NOT have additional properties',
      ]);
      const shield = data('prod-shield-cloudfront');
      delete shield.automaticResponseConfiguration.automaticResponseAction;
      expect(documentedFormatErrors('SHIELD_ADVANCED', shield)).toContain(
        "/automaticResponseConfiguration must have required property 'automaticResponseAction'",
      );
    });

    it('carries the baseline as pre-process groups in order, pinned where configured, and the rate limit as post-process', () => {
      const { data, json } = securityStack('prod');
      const waf = data('prod-waf-regional');
      expect(waf.preProcessRuleGroups.map((group: { managedRuleGroupIdentifier: Record<string, unknown> }) => group.managedRuleGroupIdentifier)).toEqual([
        { version: null, vendorName: 'AWS', managedRuleGroupName: 'AWSManagedRulesAmazonIpReputationList' },
        { versionEnabled: true, version: 'Version_1.12', vendorName: 'AWS', managedRuleGroupName: 'AWSManagedRulesCommonRuleSet' },
        { version: null, vendorName: 'AWS', managedRuleGroupName: 'AWSManagedRulesKnownBadInputsRuleSet' },
        { version: null, vendorName: 'AWS', managedRuleGroupName: 'AWSManagedRulesSQLiRuleSet' },
      ]);
      const regionalGroup = byPath(json, 'aws_wafv2_rule_group', 'WafRegionalPolicy/RateLimitRuleGroup');
      expect(waf.postProcessRuleGroups).toEqual([
        {
          excludeRules: [],
          managedRuleGroupIdentifier: null,
          overrideAction: { type: 'NONE' },
          ruleGroupArn: expect.stringMatching(/^\$\{aws_wafv2_rule_group\.WafRegionalPolicy_RateLimitRuleGroup_[0-9A-F]{8}\.arn\}$/),
          ruleGroupType: 'RuleGroup',
          sampledRequestsEnabled: true,
        },
      ]);
      expect(regionalGroup).toMatchObject({ name: 'prod-fms-rate-limit-regional', scope: 'REGIONAL', capacity: 10 });
      expect((regionalGroup.rule as { statement: unknown }[])[0].statement).toEqual({
        rate_based_statement: { limit: 2000, evaluation_window_sec: 300, aggregate_key_type: 'IP' },
      });
      expect(byPath(json, 'aws_wafv2_rule_group', 'WafCloudFrontPolicy/RateLimitRuleGroup')).toMatchObject({ scope: 'CLOUDFRONT', provider: 'aws.us_east_1' });
    });

    it('moves baseline rules to count mode through rule action overrides', () => {
      const { data } = securityStack(
        'prod',
        (environment) => (environment.firewallManager!.waf.preProcessRuleGroups[1].countRules = ['SizeRestrictions_BODY']),
      );
      const common = data('prod-waf-regional').preProcessRuleGroups[1];
      expect(common.ruleActionOverrides).toEqual([{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }]);
      expect(documentedFormatErrors('WAFV2', data('prod-waf-regional'))).toEqual([]);
      expect(data('prod-waf-regional').preProcessRuleGroups[0]).not.toHaveProperty('ruleActionOverrides');
    });

    it('takes default action and customer web ACL override from the configuration', () => {
      const { data } = securityStack('prod', (environment) =>
        Object.assign(environment.firewallManager!.waf, { defaultAction: 'block', overrideCustomerWebAclAssociation: true }),
      );
      expect(data('prod-waf-cloudfront')).toMatchObject({ defaultAction: { type: 'BLOCK' }, overrideCustomerWebACLAssociation: true });
      expect(securityStack('prod').data('prod-waf-cloudfront')).toMatchObject({ defaultAction: { type: 'ALLOW' }, overrideCustomerWebACLAssociation: false });
    });

    it('logs centrally to the bucket of the policy region, redacting authorization and cookies', () => {
      const { data } = securityStack('prod');
      expect(data('prod-waf-regional').loggingConfiguration).toEqual({
        logDestinationConfigs: [expect.stringMatching(/^\$\{aws_s3_bucket\.WafLogBucket_[0-9A-F]{8}\.arn\}$/)],
        redactedFields: [
          { redactedFieldType: 'SingleHeader', redactedFieldValue: 'authorization' },
          { redactedFieldType: 'SingleHeader', redactedFieldValue: 'cookie' },
        ],
      });
      expect(data('prod-waf-cloudfront').loggingConfiguration.logDestinationConfigs).toEqual([
        expect.stringMatching(/^\$\{aws_s3_bucket\.WafLogBucketUsEast1_/),
      ]);
    });

    it('has no logging configuration when central logging is off', () => {
      const { data, json } = securityStack('prod', (environment) => (environment.firewallManager!.waf.logging = false));
      expect(data('prod-waf-regional')).not.toHaveProperty('loggingConfiguration');
      expect(resourcesOf(json, 'aws_s3_bucket')).toEqual({});
    });

    it('turns on automatic application-layer response for CloudFront as configured', () => {
      expect(securityStack('prod').data('prod-shield-cloudfront')).toEqual({
        type: 'SHIELD_ADVANCED',
        automaticResponseConfiguration: { automaticResponseStatus: 'ENABLED', automaticResponseAction: 'COUNT' },
        overrideCustomerWebaclClassic: false,
      });
      const ignored = securityStack('prod', (environment) => (environment.firewallManager!.shieldAdvanced.automaticResponse = 'ignored'));
      expect(ignored.data('prod-shield-cloudfront').automaticResponseConfiguration).toEqual({ automaticResponseStatus: 'IGNORED' });
    });

    it('audits security groups against a reference group that admits 0.0.0.0/0 and ::/0 (DENY)', () => {
      const { data, json } = securityStack('prod');
      expect(data('prod-sg-open-ingress-audit')).toEqual({
        type: 'SECURITY_GROUPS_CONTENT_AUDIT',
        securityGroups: [{ id: expect.stringMatching(/^\$\{aws_security_group\..+\.id\}$/) }],
        securityGroupAction: { type: 'DENY' },
      });
      expect(single(json, 'aws_security_group')).toMatchObject({
        name: 'prod-fms-audit-open-ingress',
        vpc_id: 'vpc-0e1b2c3d4e5f60001',
        egress: [],
        ingress: [
          expect.objectContaining({ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }),
          expect.objectContaining({ protocol: '-1', from_port: 0, to_port: 0, ipv6_cidr_blocks: ['::/0'] }),
        ],
      });
    });

    it('is emitted with keys sorted at every level, so the same policy always renders the same string', () => {
      const first = securityStack('prod').policies.map((policy) => policy.security_service_policy_data.managed_service_data);
      const second = securityStack('prod').policies.map((policy) => policy.security_service_policy_data.managed_service_data);
      expect(second).toEqual(first);
      for (const data of first) expect(data).toBe(stableJson(JSON.parse(data)));
      expect(securityStack('prod').policy('prod-waf-regional').security_service_policy_data.managed_service_data).toMatch(
        /^\{"defaultAction":\{"type":"ALLOW"\},"loggingConfiguration":\{"logDestinationConfigs":/,
      );
    });

    it('does not depend on the order in which fields were built', () => {
      const settings = exampleEnvironment('prod').firewallManager!.waf;
      const built = wafV2ManagedServiceData({ settings, postProcessRuleGroupArns: ['arn:aws:wafv2:ap-southeast-1:222233334444:regional/rulegroup/x/1'] });
      const reversed = Object.fromEntries(Object.entries(built).reverse());
      expect(stableJson(reversed)).toBe(stableJson(built));
      expect(stableJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
    });
  });

  describe('scope', () => {
    it('includes the configured organizational units, resolved to their ids (prod)', () => {
      const { policy } = securityStack('prod');
      for (const name of ['prod-waf-regional', 'prod-waf-cloudfront', 'prod-shield-cloudfront']) {
        expect(policy(name).include_map).toEqual({ orgunit: ['ou-a1b2-7f3c9d01'] });
        expect(policy(name)).not.toHaveProperty('exclude_map');
      }
      expect(policy('prod-sg-open-ingress-audit').include_map).toEqual({ orgunit: ['ou-a1b2-7f3c9d01', 'ou-a1b2-9c1d5e03'] });
    });

    it('includes the configured accounts, resolved to their ids (dev)', () => {
      expect(securityStack('dev').policy('dev-waf-regional').include_map).toEqual({
        account: ['555566666666', '666677776666', '777766666666', '777788886666'],
      });
    });

    it('excludes instead when the scope says so', () => {
      const { policy } = securityStack(
        'prod',
        (environment) => (environment.firewallManager!.waf.scope = { exclude: { organizationalUnits: ['infrastructure'], accounts: ['partner-hub'] } }),
      );
      expect(policy('prod-waf-regional').exclude_map).toEqual({ account: ['999988887777'], orgunit: ['ou-a1b2-9c1d5e03'] });
      expect(policy('prod-waf-regional')).not.toHaveProperty('include_map');
      expect(policy('prod-shield-cloudfront').include_map).toEqual({ orgunit: ['ou-a1b2-7f3c9d01'] });
    });
  });

  describe('behaviour settings', () => {
    it('remediates in prod and only reports in dev', () => {
      for (const policy of securityStack('prod').policies) expect(policy.remediation_enabled).toBe(true);
      for (const policy of securityStack('dev').policies) expect(policy.remediation_enabled).toBe(false);
    });

    it('sets delete_unused_fm_managed_resources deliberately on every policy', () => {
      for (const policy of securityStack('prod').policies)
        expect(policy).toMatchObject({ delete_unused_fm_managed_resources: false, delete_all_policy_resources: true, exclude_resource_tags: false });
    });

    it('creates no Shield policy where Firewall Manager would subscribe non-production accounts', () => {
      expect(
        securityStack('dev')
          .policies.map((policy) => policy.name)
          .sort(),
      ).toEqual(['dev-sg-open-ingress-audit', 'dev-waf-cloudfront', 'dev-waf-regional']);
      expect(securityStack('staging').policies.map((policy) => policy.security_service_policy_data.type)).not.toContain('SHIELD_ADVANCED');
    });

    it('creates nothing without a firewallManager section', () => {
      const { json } = securityStack('dev', (environment) => delete environment.firewallManager);
      expect(json.resource ?? {}).toEqual({});
    });
  });

  describe('central WAF log buckets', () => {
    it('has one aws-waf-logs- bucket per policy region, named for environment, account and region', () => {
      const { json } = securityStack('prod');
      expect(byPath(json, 'aws_s3_bucket', 'WafLogBucket')).toMatchObject({ bucket: 'aws-waf-logs-prod-222233334444-ap-southeast-1', provider: 'aws' });
      expect(byPath(json, 'aws_s3_bucket', 'WafLogBucketUsEast1')).toMatchObject({
        bucket: 'aws-waf-logs-prod-222233334444-us-east-1',
        provider: 'aws.us_east_1',
      });
      expect(Object.keys(resourcesOf(json, 'aws_s3_bucket'))).toHaveLength(2);
    });

    it('is private, versioned, KMS-encrypted and expires logs after the configured retention', () => {
      const { json } = securityStack('prod');
      expect(byPath(json, 'aws_s3_bucket_public_access_block', 'WafLogBucket/PublicAccessBlock')).toMatchObject({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
      expect(byPath(json, 'aws_s3_bucket_ownership_controls', 'WafLogBucket/Ownership').rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
      expect(byPath(json, 'aws_s3_bucket_versioning', 'WafLogBucket/Versioning').versioning_configuration).toEqual({ status: 'Enabled' });
      expect(byPath(json, 'aws_s3_bucket_server_side_encryption_configuration', 'WafLogBucket/Encryption').rule).toEqual([
        {
          apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\./) },
          bucket_key_enabled: true,
        },
      ]);
      expect(byPath(json, 'aws_s3_bucket_lifecycle_configuration', 'WafLogBucket/Lifecycle').rule).toEqual([
        expect.objectContaining({ expiration: [{ days: 365 }], status: 'Enabled' }),
      ]);
    });

    it('accepts log deliveries from the organization only, and only over TLS', () => {
      const { json } = securityStack('prod');
      const policy = dataByPath(json, 'aws_iam_policy_document', 'WafLogBucket/Policy') as { statement: Record<string, unknown>[] };
      const fromOrganization = [{ test: 'StringEquals', variable: 'aws:SourceOrgID', values: ['o-a1b2c3d4e5'] }];
      expect(policy.statement).toEqual([
        expect.objectContaining({
          sid: 'LogDeliveryWrite',
          actions: ['s3:PutObject'],
          condition: fromOrganization,
          resources: [expect.stringMatching(/\.arn\}\/AWSLogs\/\*$/)],
        }),
        expect.objectContaining({ sid: 'LogDeliveryAclCheck', actions: ['s3:GetBucketAcl', 's3:ListBucket'], condition: fromOrganization }),
        expect.objectContaining({
          sid: 'DenyInsecureTransport',
          effect: 'Deny',
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        }),
      ]);
    });
  });
});
