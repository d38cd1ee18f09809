import type { Wafv2WebAclRule } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { API_COUNT_RULES, type CustomWafRule, type Waf } from '../../lib/config/schema/security';

/**
 * Builders for the rules of the gateway's web ACLs. Statements are written in Terraform's own block
 * syntax (the provider binding types them as `any`), so `terraform validate` checks every field.
 * Every rule publishes CloudWatch metrics and sampled requests under its own name.
 */

type Statement = Record<string, unknown>;
type Enforcement = 'block' | 'count';

/** Paths are URL-decoded, normalised and lower-cased before matching, so `/OAuth2//%74oken` cannot slip past `/oauth2/token`. */
const PATH_TRANSFORMATIONS = [
  { priority: 0, type: 'URL_DECODE' },
  { priority: 1, type: 'NORMALIZE_PATH' },
  { priority: 2, type: 'LOWERCASE' },
];

export function visibility(metricName: string): Wafv2WebAclRule['visibilityConfig'] {
  return { cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}

function action(kind: CustomWafRule['action']): NonNullable<Wafv2WebAclRule['action']> {
  return { [kind]: {} };
}

export function pathStartsWith(prefix: string): Statement {
  return {
    byte_match_statement: {
      field_to_match: { uri_path: {} },
      positional_constraint: 'STARTS_WITH',
      search_string: prefix,
      text_transformation: PATH_TRANSFORMATIONS,
    },
  };
}

export function headerEquals(name: string, value: string): Statement {
  return {
    byte_match_statement: {
      field_to_match: { single_header: { name } },
      positional_constraint: 'EXACTLY',
      search_string: value,
      text_transformation: [{ priority: 0, type: 'NONE' }],
    },
  };
}

function allOf(statements: Statement[]): Statement {
  return statements.length === 1 ? statements[0] : { and_statement: { statement: statements } };
}

function anyOf(statements: Statement[]): Statement {
  return statements.length === 1 ? statements[0] : { or_statement: { statement: statements } };
}

/** Requests from the allow-listed networks skip every later rule. */
export function allowListRule(name: string, priority: number, ipSetArn: string): Wafv2WebAclRule {
  return { name, priority, action: { allow: {} }, statement: { ip_set_reference_statement: { arn: ipSetArn } }, visibilityConfig: visibility(name) };
}

/**
 * Rules of a group that only count: the API defaults (API_COUNT_RULES) the configuration does not enforce, then the
 * configured `countRules`, each once.
 */
export function countedRules(group: string, settings: Waf['managedRuleGroups'][string] | undefined): string[] {
  const enforced = new Set(settings?.enforceRules ?? []);
  const defaults = (API_COUNT_RULES[group] ?? []).filter((rule) => !enforced.has(rule));
  return [...new Set([...defaults, ...(settings?.countRules ?? [])])];
}

/** An AWS managed rule group, with its version pin and count-mode overrides (API defaults and configuration). */
export function managedGroupRule(priority: number, group: string, settings: Waf['managedRuleGroups'][string] | undefined, waf: Waf): Wafv2WebAclRule {
  const counted = countedRules(group, settings);
  const statement: Statement = {
    vendor_name: 'AWS',
    name: group,
    ...(settings?.version ? { version: settings.version } : {}),
    ...(counted.length > 0 ? { rule_action_override: counted.map((rule) => ({ name: rule, action_to_use: { count: {} } })) } : {}),
    ...(group === 'AWSManagedRulesBotControlRuleSet'
      ? { managed_rule_group_configs: [{ aws_managed_rules_bot_control_rule_set: { inspection_level: waf.botControl.inspectionLevel } }] }
      : {}),
  };
  return {
    name: group,
    priority,
    overrideAction: settings?.mode === 'count' ? { count: {} } : { none: {} },
    statement: { managed_rule_group_statement: statement },
    visibilityConfig: visibility(group),
  };
}

export interface RateLimitRuleOptions {
  readonly limit: number;
  readonly evaluationWindowSeconds: number;
  readonly action: Enforcement;
  /** Only requests under this path count towards the limit.
   * @default - every request */
  readonly pathPrefix?: string;
}

/** A per-IP rate-based rule; blocked clients get 429 Too Many Requests. */
export function rateLimitRule(name: string, priority: number, options: RateLimitRuleOptions): Wafv2WebAclRule {
  return {
    name,
    priority,
    action: options.action === 'block' ? { block: { customResponse: { responseCode: 429 } } } : { count: {} },
    statement: {
      rate_based_statement: {
        limit: options.limit,
        evaluation_window_sec: options.evaluationWindowSeconds,
        aggregate_key_type: 'IP',
        ...(options.pathPrefix ? { scope_down_statement: pathStartsWith(options.pathPrefix) } : {}),
      },
    },
    visibilityConfig: visibility(name),
  };
}

export function geoBlockRule(name: string, priority: number, geo: NonNullable<Waf['geoBlock']>): Wafv2WebAclRule {
  return {
    name,
    priority,
    action: action(geo.action),
    statement: { geo_match_statement: { country_codes: geo.countries } },
    visibilityConfig: visibility(name),
  };
}

/** A rule from the configuration: every condition under `match` must hold. */
export function customRule(name: string, priority: number, rule: CustomWafRule, ipSetArn: string | undefined): Wafv2WebAclRule {
  const { match } = rule;
  const conditions: Statement[] = [
    ...(match.pathPrefix ? [pathStartsWith(match.pathPrefix)] : []),
    ...(match.header ? [headerEquals(match.header.name, match.header.equals)] : []),
    ...(ipSetArn ? [{ ip_set_reference_statement: { arn: ipSetArn } }] : []),
    ...(match.countries ? [{ geo_match_statement: { country_codes: match.countries } }] : []),
  ];
  return { name, priority, action: action(rule.action), statement: allOf(conditions), visibilityConfig: visibility(name) };
}

/**
 * Blocks every request whose origin-verification header is not one of the accepted secrets: only
 * CloudFront knows the value, so requests that bypass the edge (and its WAF and Shield) stop here.
 */
export function originVerificationRule(name: string, priority: number, headerName: string, acceptedValues: readonly string[]): Wafv2WebAclRule {
  return {
    name,
    priority,
    action: { block: {} },
    statement: { not_statement: { statement: anyOf(acceptedValues.map((value) => headerEquals(headerName, value))) } },
    visibilityConfig: visibility(name),
  };
}
