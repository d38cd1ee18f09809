import { EDGE_BASELINE_RULE_GROUPS, type CustomWafRule, type Waf } from '../schema/security';

/** One rule of the edge web ACL with its fixed place; custom rules take their priority from the file. */
export type EdgeRulePlan =
  | { readonly kind: 'allowList'; readonly name: string; readonly priority: number }
  | { readonly kind: 'managedGroup'; readonly name: string; readonly priority: number; readonly group: string }
  | { readonly kind: 'rateLimit'; readonly name: string; readonly priority: number; readonly limit: Waf['rateLimits']['perIp']; readonly pathPrefix?: string }
  | { readonly kind: 'geoBlock'; readonly name: string; readonly priority: number; readonly geo: NonNullable<Waf['geoBlock']> }
  | { readonly kind: 'custom'; readonly name: string; readonly priority: number; readonly rule: CustomWafRule; readonly index: number };

/** Built-in priorities (decision 0016-edge-protection); custom rules choose theirs around them. */
export const EDGE_PRIORITIES = { allowList: 0, geoBlock: 5, perIpRateLimit: 10, firstPathRateLimit: 11, firstManagedGroup: 40 } as const;

/**
 * The deliberate order of the edge web ACL, cheapest first (decision 0016-edge-protection): allow list, geo, the
 * global then the path rate limits (no per-request charge, and what they stop never reaches a managed group), IP
 * reputation, optional anonymous IPs, common, known bad inputs, SQL, then Bot Control, charged per request it
 * inspects, last of the built-in rules; custom rules wherever their priority puts them.
 * Built-in priorities are fixed (0, 5, 10-30, 40-90); custom rules choose theirs around them.
 */
export function edgeRulePlan(waf: Waf): EdgeRulePlan[] {
  const [ipReputation, ...contentGroups] = EDGE_BASELINE_RULE_GROUPS;
  const managedGroups = [
    ipReputation,
    ...(waf.anonymousIpList ? (['AWSManagedRulesAnonymousIpList'] as const) : []),
    ...contentGroups,
    ...(waf.botControl.enabled ? (['AWSManagedRulesBotControlRuleSet'] as const) : []),
  ];
  const plan: EdgeRulePlan[] = [
    ...(waf.allowList.length > 0 ? [{ kind: 'allowList' as const, name: 'AllowListedIps', priority: EDGE_PRIORITIES.allowList }] : []),
    ...(waf.geoBlock ? [{ kind: 'geoBlock' as const, name: 'GeoBlock', priority: EDGE_PRIORITIES.geoBlock, geo: waf.geoBlock }] : []),
    { kind: 'rateLimit', name: 'RateLimitPerIp', priority: EDGE_PRIORITIES.perIpRateLimit, limit: waf.rateLimits.perIp },
    ...waf.rateLimits.paths.map((path, index) => ({
      kind: 'rateLimit' as const,
      name: `RateLimit-${path.name}`,
      priority: EDGE_PRIORITIES.firstPathRateLimit + index,
      limit: path,
      pathPrefix: path.pathPrefix,
    })),
    ...managedGroups.map((group, index) => ({ kind: 'managedGroup' as const, name: group, priority: EDGE_PRIORITIES.firstManagedGroup + 10 * index, group })),
    ...waf.customRules.map((rule, index) => ({ kind: 'custom' as const, name: `Custom-${rule.name}`, priority: rule.priority, rule, index })),
  ];
  return plan.sort((a, b) => a.priority - b.priority);
}

/** Managed rule groups the edge web ACL evaluates with the given settings. */
export function edgeManagedRuleGroups(waf: Waf): string[] {
  return edgeRulePlan(waf).flatMap((rule) => (rule.kind === 'managedGroup' ? [rule.group] : []));
}
