import { COMPLIANT, nonCompliant, type ResourceRule } from '../../rule';
import { block, isFalse } from '../../values';
import { webAclRules } from './web-acl-rules';

export const visibilityMetrics: ResourceRule = {
  id: 'UAG-WAF-007',
  kind: 'resource',
  severity: 'warning',
  resourceTypes: ['aws_wafv2_web_acl'],
  what: 'A web ACL and each of its rules publish CloudWatch metrics and sampled requests.',
  why:
    'Per-rule metrics are how a rule moved to count mode is judged before it blocks, and how an operator sees which rule ' +
    'started blocking real customers. A rule without metrics is invisible until someone reads raw logs.',
  fix: 'Set visibility_config { cloudwatch_metrics_enabled = true, sampled_requests_enabled = true, metric_name = ... } on the web ACL and on every rule.',
  check: ({ values }) => {
    const visibility = block(values.visibility_config);
    const off = [
      ...(!visibility || isFalse(visibility.cloudwatch_metrics_enabled) || isFalse(visibility.sampled_requests_enabled) ? ['the web ACL'] : []),
      ...webAclRules(values)
        .filter((rule) => rule.visibilityOff)
        .map((rule) => `rule "${rule.name}"`),
    ];
    return off.length === 0 ? COMPLIANT : nonCompliant(`metrics or sampling off for ${off.join(', ')}`);
  },
};
