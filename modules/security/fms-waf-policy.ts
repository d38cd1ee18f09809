import type { FmsPolicy } from '@cdktf/provider-aws/lib/fms-policy';
import { Wafv2RuleGroup } from '@cdktf/provider-aws/lib/wafv2-rule-group';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { FirewallManager } from '../../lib/config/schema/security';
import { resourceName } from '../../lib/naming';
import { wafV2ManagedServiceData } from './fms-managed-service-data';
import { organizationPolicy } from './fms-policy';
import type { FmsScopeMaps } from '../../lib/config/views/fms-scope';
import { rateLimitRule, visibility } from './web-acl-rules';

/** What a WAFV2 policy protects: regional resources in the home region, or CloudFront from us-east-1. */
export const FMS_WAF_TARGETS = {
  regional: { scope: 'REGIONAL', resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ElasticLoadBalancingV2::LoadBalancer'] },
  cloudfront: { scope: 'CLOUDFRONT', resourceTypes: ['AWS::CloudFront::Distribution'] },
} as const;

export interface FmsWafPolicyProps {
  /** Environment name; prefixes the policy and rule group names. */
  readonly environmentName: string;
  /** Regional (API Gateway stages, ALBs) or CloudFront distributions. */
  readonly target: keyof typeof FMS_WAF_TARGETS;
  /** The environment's `firewallManager.waf` settings. */
  readonly settings: FirewallManager['waf'];
  /** Let Firewall Manager associate web ACLs with non-compliant resources. */
  readonly remediation: boolean;
  /** Accounts and OUs in scope. */
  readonly scope: FmsScopeMaps;
  /** Central log bucket of this region.
   * @default - no central logging */
  readonly logBucketArn?: string;
  /** Home-region provider for regional, us-east-1 for CloudFront. */
  readonly provider: TerraformProvider;
}

/**
 * A Firewall Manager WAFV2 policy: the security team's managed baseline first, the account's own rules in
 * between, and a per-IP rate limit (a rule group of the administrator account) last.
 */
export class FmsWafPolicy extends Construct {
  readonly policy: FmsPolicy;
  readonly rateLimitRuleGroup: Wafv2RuleGroup;

  constructor(scope: Construct, id: string, props: FmsWafPolicyProps) {
    super(scope, id);
    const { provider, settings, environmentName, target } = props;
    const { scope: wafScope, resourceTypes } = FMS_WAF_TARGETS[target];
    const groupName = resourceName(environmentName, 'fms-rate-limit', target);
    const { name, priority, statement, visibilityConfig } = rateLimitRule('RateLimitPerIp', 0, { ...settings.rateLimit, action: 'block' });
    const rateLimit = { name, priority, statement, visibilityConfig };
    this.rateLimitRuleGroup = new Wafv2RuleGroup(this, 'RateLimitRuleGroup', {
      provider,
      name: groupName,
      description: 'Per-IP rate limit Firewall Manager evaluates after the account rules',
      scope: wafScope,
      // A rate-based rule without scope-down costs 2 WCU; capacity cannot change later without replacement.
      capacity: 10,
      rule: [{ ...rateLimit, action: { block: { customResponse: { responseCode: 429 } } } }],
      visibilityConfig: visibility(groupName),
    });

    this.policy = organizationPolicy(this, {
      provider,
      name: resourceName(environmentName, 'waf', target),
      description: `${environmentName}: WAF baseline for ${resourceTypes.join(', ')}`,
      resourceTypes,
      scope: props.scope,
      remediation: props.remediation,
      // A resource leaving scope keeps its web ACL until someone decides otherwise: silently stripping the
      // firewall of a resource that moved OU is worse than a stale baseline.
      deleteUnusedFmManagedResources: false,
      serviceData: wafV2ManagedServiceData({
        settings,
        postProcessRuleGroupArns: [this.rateLimitRuleGroup.arn],
        logDestinationArn: settings.logging ? props.logBucketArn : undefined,
      }),
    });
  }
}
