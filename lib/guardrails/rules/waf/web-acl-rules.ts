import { readEmbeddedDocument } from '../../embedded-document';
import { blocks, isAttributes, isFalse, numberValue, type Attributes } from '../../values';

/** What the WAF rules need to know about a web ACL's rules, from `rule` blocks and from `rule_json`. */
export interface WebAclRuleSummary {
  readonly name: string;
  /** `AWS/AWSManagedRulesCommonRuleSet` for managed rule groups. */
  readonly managedGroup?: string;
  readonly rateBased: boolean;
  /** Whether the rule's visibility config turns off metrics or sampling. */
  readonly visibilityOff: boolean;
  /** Evaluation order; `undefined` when not a literal number. */
  readonly priority?: number;
  /** A top-level geo match (the geo block rule). */
  readonly geo: boolean;
  /** Rules of a managed group overridden to count (rule_action_override). */
  readonly countedRules: readonly string[];
  /** A managed group whose override action is count as a whole. */
  readonly groupCounts: boolean;
}

export function webAclRules(values: Attributes): WebAclRuleSummary[] {
  const fromBlocks = blocks(values.rule).map((rule) => {
    const statement = firstBlock(rule.statement);
    const managed = firstBlock(statement?.managed_rule_group_statement);
    const visibility = firstBlock(rule.visibility_config);
    return {
      name: String(rule.name ?? ''),
      managedGroup: managed ? `${String(managed.vendor_name)}/${String(managed.name)}` : undefined,
      rateBased: firstBlock(statement?.rate_based_statement) !== undefined,
      visibilityOff: !visibility || isFalse(visibility.cloudwatch_metrics_enabled) || isFalse(visibility.sampled_requests_enabled),
      priority: numberValue(rule.priority),
      geo: firstBlock(statement?.geo_match_statement) !== undefined,
      countedRules: blocks(managed?.rule_action_override)
        .filter((override) => firstBlock(override.action_to_use)?.count !== undefined)
        .map((override) => String(override.name ?? '')),
      groupCounts: firstBlock(rule.override_action)?.count !== undefined,
    };
  });
  // rule_json carries the rules in the WAF API's own JSON (PascalCase keys).
  const json = readEmbeddedDocument(values.rule_json);
  const fromJson = json.kind === 'document' && Array.isArray(json.value) ? json.value.filter(isAttributes).map(apiRule) : [];
  return [...fromBlocks, ...fromJson];
}

function apiRule(rule: Attributes): WebAclRuleSummary {
  const statement = isAttributes(rule.Statement) ? rule.Statement : {};
  const managed = isAttributes(statement.ManagedRuleGroupStatement) ? statement.ManagedRuleGroupStatement : undefined;
  const visibility = isAttributes(rule.VisibilityConfig) ? rule.VisibilityConfig : undefined;
  const overrides = managed && Array.isArray(managed.RuleActionOverrides) ? managed.RuleActionOverrides.filter(isAttributes) : [];
  return {
    name: String(rule.Name ?? ''),
    managedGroup: managed ? `${String(managed.VendorName)}/${String(managed.Name)}` : undefined,
    rateBased: isAttributes(statement.RateBasedStatement),
    visibilityOff: !visibility || visibility.CloudWatchMetricsEnabled === false || visibility.SampledRequestsEnabled === false,
    priority: numberValue(rule.Priority),
    geo: isAttributes(statement.GeoMatchStatement),
    countedRules: overrides
      .filter((override) => isAttributes(override.ActionToUse) && isAttributes(override.ActionToUse.Count))
      .map((override) => String(override.Name ?? '')),
    groupCounts: isAttributes(rule.OverrideAction) && isAttributes(rule.OverrideAction.Count),
  };
}

function firstBlock(value: unknown): Attributes | undefined {
  return blocks(value)[0];
}
