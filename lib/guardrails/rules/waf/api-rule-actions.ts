import { API_COUNT_RULES } from '../../../config/schema/security';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type ResourceRule } from '../../rule';
import { webAclRules } from './web-acl-rules';

export const apiHostileRulesCount: ResourceRule = {
  id: 'UAG-WAF-009',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_wafv2_web_acl'],
  what: 'Managed rules that block legitimate API clients count instead: HostingProviderIPList (anonymous IP list), SizeRestrictions_BODY and NoUserAgent_HEADER (common rule set), unless enforceRules names them.',
  why:
    'The gateway serves APIs, not browsers. Partners call from cloud hosts (hosting-provider ranges), batch and document APIs ' +
    'send bodies over 8 KB, and SDKs or partner gateways often send no User-Agent: blocking on these rules turns away paying ' +
    'clients with a bare 403 nobody can diagnose. Counting keeps the label and the log line for investigation ' +
    '(decision 0016-edge-protection); an environment that wants one to block says so with waf.managedRuleGroups.<group>.enforceRules.',
  fix: 'Override the rule to count (rule_action_override { name = "<rule>", action_to_use { count {} } }); modules/security/web-acl-rules.ts managedGroupRule does this for API_COUNT_RULES.',
  check: ({ values }, _stack, context) => {
    const managed = webAclRules(values).filter((rule) => rule.managedGroup?.startsWith('AWS/') && API_COUNT_RULES[rule.managedGroup.slice(4)]);
    if (managed.length === 0) return NOT_APPLICABLE;
    const blocking = managed.flatMap((rule) => {
      const group = rule.managedGroup!.slice(4);
      if (rule.groupCounts) return [];
      const enforced = context.enforcedApiRules?.get(group) ?? new Set<string>();
      return API_COUNT_RULES[group]!.filter((name) => !enforced.has(name) && !rule.countedRules.includes(name)).map((name) => `${group}/${name}`);
    });
    return blocking.length === 0 ? COMPLIANT : nonCompliant(`blocks API clients with ${blocking.join(', ')}`);
  },
};
