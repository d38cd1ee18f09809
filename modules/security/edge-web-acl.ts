import { Wafv2IpSet } from '@cdktf/provider-aws/lib/wafv2-ip-set';
import type { Wafv2WebAcl, Wafv2WebAclRule } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { Waf } from '../../lib/config/schema/security';
import { edgeRulePlan, type EdgeRulePlan } from '../../lib/config/views/edge-rule-plan';
import { resourceName } from '../../lib/naming';
import { loggedWebAcl } from './logged-web-acl';
import type { WafLogging } from './waf-logging';
import { allowListRule, customRule, geoBlockRule, managedGroupRule, rateLimitRule } from './web-acl-rules';

export interface EdgeWebAclProps {
  /** Environment name; prefixes every resource name. */
  readonly environmentName: string;
  /** The environment's `waf` settings. */
  readonly waf: Waf;
  /** Account of the gateway; owns the log group and its key. */
  readonly accountId: string;
  /** The us-east-1 provider: CLOUDFRONT web ACLs and their logs live there. */
  readonly provider: TerraformProvider;
}

/**
 * The web ACL in front of the CloudFront distribution (scope CLOUDFRONT, us-east-1), with the rules of
 * edgeRulePlan in their deliberate order, and full request logs with credentials redacted.
 * The gateway puts `arn` into the distribution's `web_acl_id`.
 */
export class EdgeWebAcl extends Construct {
  readonly webAcl: Wafv2WebAcl;
  /** ARN for `aws_cloudfront_distribution.web_acl_id`. */
  readonly arn: string;
  readonly logging: WafLogging;

  constructor(scope: Construct, id: string, props: EdgeWebAclProps) {
    super(scope, id);
    const { environmentName, waf, provider } = props;
    const ipSet = (setId: string, setName: string, addresses: readonly string[]) =>
      new Wafv2IpSet(this, setId, { provider, name: setName, scope: 'CLOUDFRONT', ipAddressVersion: 'IPV4', addresses: [...addresses] }).arn;

    const rules = edgeRulePlan(waf).map((planned: EdgeRulePlan): Wafv2WebAclRule => {
      switch (planned.kind) {
        case 'allowList':
          return allowListRule(planned.name, planned.priority, ipSet('AllowList', resourceName(environmentName, 'edge-allow-list'), waf.allowList));
        case 'managedGroup':
          return managedGroupRule(planned.priority, planned.group, waf.managedRuleGroups[planned.group], waf);
        case 'rateLimit':
          return rateLimitRule(planned.name, planned.priority, { ...planned.limit, pathPrefix: planned.pathPrefix });
        case 'geoBlock':
          return geoBlockRule(planned.name, planned.priority, planned.geo);
        case 'custom': {
          const cidrs = planned.rule.match.ipCidrs;
          const arn = cidrs ? ipSet(`CustomRuleIps-${planned.rule.name}`, resourceName(environmentName, 'edge', planned.rule.name), cidrs) : undefined;
          return customRule(planned.name, planned.priority, planned.rule, arn);
        }
      }
    });

    ({ webAcl: this.webAcl, logging: this.logging } = loggedWebAcl(this, {
      environmentName,
      placement: 'edge',
      description: `${environmentName} edge web ACL in front of the API gateway's CloudFront distribution`,
      rules,
      logRetentionDays: waf.logging.retentionDays,
      accountId: props.accountId,
      region: 'us-east-1',
      provider,
    }));
    this.arn = this.webAcl.arn;
  }
}
