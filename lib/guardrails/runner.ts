import type { GuardrailSuppression } from '../config/schema/guardrails';
import type { GuardrailContext } from './context';
import type { Finding, GuardrailReport } from './findings';
import { STACK_ADDRESS, type GuardrailRule, type ResourceRule, type RuleResult, type StackRule } from './rule';
import { ALL_RULES } from './rules';
import { StackView, type TerraformStackJson } from './stack-view';
import { applySuppressions } from './suppressions';

/** One synthesized stack: its id and its parsed `cdk.tf.json`. */
export interface SynthesizedStack {
  readonly id: string;
  readonly json: TerraformStackJson;
}

export interface RunGuardrailsOptions {
  readonly context: GuardrailContext;
  /** Configuration file of the environment, named in the report. */
  readonly file: string;
  /** @default - none */
  readonly suppressions?: readonly GuardrailSuppression[];
  /** @default ALL_RULES */
  readonly rules?: readonly GuardrailRule[];
}

/** Resource types whose presence means Shield Advanced is in use in the environment. */
const SHIELD_TYPES = ['aws_shield_subscription', 'aws_shield_protection', 'aws_shield_protection_group'];

/**
 * Runs the pack over the stacks of one environment. Each stack is indexed once; each resource is
 * handed only to the rules registered for its type, so the cost grows with the output, not with
 * rules × resources.
 */
export function runGuardrails(stacks: readonly SynthesizedStack[], options: RunGuardrailsOptions): GuardrailReport {
  const rules = options.rules ?? ALL_RULES;
  const { byType, stackRules } = dispatchTable(rules);
  const views = stacks.map((stack) => new StackView(stack.id, stack.json));
  const context: GuardrailContext = {
    ...options.context,
    shieldAdvanced: options.context.shieldAdvanced || views.some((view) => view.has(...SHIELD_TYPES)),
  };

  const findings: Finding[] = [];
  const record = (rule: GuardrailRule, stack: string, address: string, result: RuleResult): void => {
    if (result.status === 'non-compliant') {
      findings.push({ ruleId: rule.id, severity: rule.severity, stack, address, detail: result.detail, what: rule.what, fix: rule.fix });
    }
  };
  // A rule that cannot read a resource must not wave it through: its exception becomes an error finding of that rule.
  const crashed = (rule: GuardrailRule, stack: string, address: string, error: unknown): void => {
    const detail = `the rule failed on this resource (${(error as Error).message}); report it to the platform team`;
    findings.push({ ruleId: rule.id, severity: 'error', stack, address, detail, what: rule.what, fix: rule.fix });
  };

  let resources = 0;
  for (const view of views) {
    for (const resource of view.resources) {
      resources++;
      for (const rule of byType.get(resource.type) ?? []) {
        try {
          record(rule, view.id, resource.address, rule.check(resource, view, context));
        } catch (error) {
          crashed(rule, view.id, resource.address, error);
        }
      }
    }
    for (const rule of stackRules) {
      try {
        for (const { address, result } of rule.check(view, context)) record(rule, view.id, address, result);
      } catch (error) {
        crashed(rule, view.id, STACK_ADDRESS, error);
      }
    }
  }

  const { findings: remaining, suppressed, unused } = applySuppressions(findings, options.suppressions ?? []);
  return {
    environment: context.environment,
    file: options.file,
    stacks: views.length,
    resources,
    rules: rules.length,
    findings: remaining.sort(bySeverityThenLocation),
    suppressed: suppressed.sort(bySeverityThenLocation),
    unusedSuppressions: unused,
  };
}

const tables = new WeakMap<readonly GuardrailRule[], { byType: Map<string, ResourceRule[]>; stackRules: StackRule[] }>();

function dispatchTable(rules: readonly GuardrailRule[]): { byType: Map<string, ResourceRule[]>; stackRules: StackRule[] } {
  let table = tables.get(rules);
  if (!table) {
    const byType = new Map<string, ResourceRule[]>();
    const stackRules: StackRule[] = [];
    for (const rule of rules) {
      if (rule.kind === 'stack') {
        stackRules.push(rule);
        continue;
      }
      for (const type of rule.resourceTypes) byType.set(type, [...(byType.get(type) ?? []), rule]);
    }
    table = { byType, stackRules };
    tables.set(rules, table);
  }
  return table;
}

function bySeverityThenLocation(a: Finding, b: Finding): number {
  return (
    Number(a.severity !== 'error') - Number(b.severity !== 'error') ||
    a.stack.localeCompare(b.stack) ||
    a.address.localeCompare(b.address) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
