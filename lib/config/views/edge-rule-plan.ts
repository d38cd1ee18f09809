import { EDGE_BASELINE_RULE_GROUPS, type CustomWafRule, type Waf } from '../schema/security';

/** One rule of the edge web ACL with its fixed place; custom rules take their priority from the file. */
export type EdgeRulePlan =
  | { readonly kind: 'allowList'; readonly name: string; readonly priority: number }
  | { readonly kind: 'managedGroup'; readonly name: string; readonly priority: number; readonly group: string }
  | { readonly kind: 'rateLimit'; readonly name: string; readonly priority: number; readonly limit: Waf['rateLimits']['perIp']; readonly pathPrefix?: string }
  | { readonly kind: 'geoBlock'; readonly name: string; readonly priority: number; readonly geo: NonNullable<Waf['geoBlock']> }
  | { readonly kind: 'custom'; readonly name: string; readonly priority: number; readonly rule: CustomWafRule; readonly index: number };

/**
 * The deliberate order of the edge web ACL: allow list, IP reputation, common, known bad inputs, SQL,
 * optional anonymous IPs and bot control, the global then the path rate limits, geo, custom rules.
 * Cheap, high-confidence rules run first so fewer requests reach the costly ones.
 * Built-in priorities are fixed (0, 10-60, 100-120, 200); custom rules choose theirs around them.
 */
export function edgeRulePlan(waf: Waf): EdgeRulePlan[] {
  const managedGroups = [
    ...EDGE_BASELINE_RULE_GROUPS,
    ...(waf.anonymousIpList ? (['AWSManagedRulesAnonymousIpList'] as const) : []),
    ...(waf.botControl.enabled ? (['AWSManagedRulesBotControlRuleSet'] as const) : []),
  ];
  const plan: EdgeRulePlan[] = [
    ...(waf.allowList.length > 0 ? [{ kind: 'allowList' as const, name: 'AllowListedIps', priority: 0 }] : []),
    ...managedGroups.map((group, index) => ({ kind: 'managedGroup' as const, name: group, priority: 10 * (index + 1), group })),
    { kind: 'rateLimit', name: 'RateLimitPerIp', priority: 100, limit: waf.rateLimits.perIp },
    ...waf.rateLimits.paths.map((path, index) => ({
      kind: 'rateLimit' as const,
      name: `RateLimit-${path.name}`,
      priority: 101 + index,
      limit: path,
      pathPrefix: path.pathPrefix,
    })),
    ...(waf.geoBlock ? [{ kind: 'geoBlock' as const, name: 'GeoBlock', priority: 200, geo: waf.geoBlock }] : []),
    ...waf.customRules.map((rule, index) => ({ kind: 'custom' as const, name: `Custom-${rule.name}`, priority: rule.priority, rule, index })),
  ];
  return plan.sort((a, b) => a.priority - b.priority);
}

/** Managed rule groups the edge web ACL evaluates with the given settings. */
export function edgeManagedRuleGroups(waf: Waf): string[] {
  return edgeRulePlan(waf).flatMap((rule) => (rule.kind === 'managedGroup' ? [rule.group] : []));
}
