import { compliantIf, type ResourceRule } from '../../rule';
import { webAclRules } from './web-acl-rules';

/** A rule requiring one AWS managed rule group in every web ACL. */
export function requireManagedGroup(options: { id: string; group: string; what: string; why: string }): ResourceRule {
  return {
    id: options.id,
    kind: 'resource',
    severity: 'error',
    resourceTypes: ['aws_wafv2_web_acl'],
    what: options.what,
    why: options.why,
    fix: `Add a rule with statement { managed_rule_group_statement { vendor_name = "AWS", name = "${options.group}" } } and override_action { none {} }.`,
    check: ({ values }) =>
      compliantIf(
        webAclRules(values).some((rule) => rule.managedGroup === `AWS/${options.group}`),
        `no rule uses the managed rule group AWS/${options.group}`,
      ),
  };
}
