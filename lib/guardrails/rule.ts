import type { GuardrailContext } from './context';
import type { StackView, TerraformResource } from './stack-view';

/**
 * A guardrail rule in the style of cdk-nag: a pure function over synthesized Terraform that says
 * compliant, non-compliant (with what exactly is wrong) or not applicable, plus the text a reviewer needs.
 */

/** `error` fails synthesis unless suppressed; `warning` is printed and never fails. */
export type Severity = 'error' | 'warning';

export type RuleResult =
  { readonly status: 'compliant' } | { readonly status: 'not-applicable' } | { readonly status: 'non-compliant'; readonly detail: string };

export const COMPLIANT: RuleResult = { status: 'compliant' };
export const NOT_APPLICABLE: RuleResult = { status: 'not-applicable' };

/** A finding: `detail` names the attribute and the value that break the rule. */
export function nonCompliant(detail: string): RuleResult {
  return { status: 'non-compliant', detail };
}

/** Shorthand for checks that read as a condition plus the detail to print when it fails. */
export function compliantIf(condition: boolean, detailWhenNot: string): RuleResult {
  return condition ? COMPLIANT : nonCompliant(detailWhenNot);
}

export interface RuleMetadata {
  /** `UAG-<AREA>-NNN`; stable forever, since suppressions and reviews refer to it. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what must be true. */
  readonly what: string;
  /** A paragraph: the risk the rule prevents, for the reviewer who wants to suppress it. */
  readonly why: string;
  /** How to make the resource compliant. */
  readonly fix: string;
}

/** Checks one resource (or data source) at a time; the runner hands it only the types it names. */
export interface ResourceRule extends RuleMetadata {
  readonly kind: 'resource';
  /** Terraform types the rule reads, e.g. `aws_api_gateway_stage`, `data.aws_iam_policy_document`. */
  readonly resourceTypes: readonly string[];
  /** `stack` gives access to the other resources of the same stack (log groups, policies, associations). */
  readonly check: (resource: TerraformResource, stack: StackView, context: GuardrailContext) => RuleResult;
}

/** A result about a stack-level address: `provider.aws.us_east_1`, `(stack)` or a resource address. */
export interface AddressedResult {
  readonly address: string;
  readonly result: RuleResult;
}

/** Checks a whole stack (providers, budgets, tags across every resource). */
export interface StackRule extends RuleMetadata {
  readonly kind: 'stack';
  readonly check: (stack: StackView, context: GuardrailContext) => readonly AddressedResult[];
}

export type GuardrailRule = ResourceRule | StackRule;

/** Address of findings about a stack as a whole (budgets, providers). */
export const STACK_ADDRESS = '(stack)';
