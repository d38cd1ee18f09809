import type { GuardrailContext } from '../../../lib/guardrails/context';
import type { GuardrailRule, RuleResult } from '../../../lib/guardrails/rule';
import { StackView, type TerraformStackJson } from '../../../lib/guardrails/stack-view';
import type { Attributes } from '../../../lib/guardrails/values';

/** Hand-built synthesized resources: `{ 'aws_vpc.main': {...}, 'data.aws_iam_policy_document.x': {...} }`. */
export type Resources = Record<string, Attributes>;

/** Builds the `cdk.tf.json` shape cdktf writes from resources keyed by address. */
export function stackJson(resources: Resources, extra: Partial<TerraformStackJson> = {}): TerraformStackJson {
  const resource: Record<string, Record<string, Attributes>> = {};
  const data: Record<string, Record<string, Attributes>> = {};
  for (const [address, values] of Object.entries(resources)) {
    const isData = address.startsWith('data.');
    const [type, name] = (isData ? address.slice(5) : address).split('.') as [string, string];
    const target = isData ? data : resource;
    target[type] = { ...target[type], [name]: values };
  }
  return { ...extra, resource, data };
}

export function stackOf(resources: Resources, extra: Partial<TerraformStackJson> = {}, id = 'dev-gateway'): StackView {
  return new StackView(id, stackJson(resources, extra));
}

export const DECLARED = { management: '111122223333', gateway: '444455556666', consumer: '777788886666', outsider: '999900001111' };

/** A dev-like context; production rules need `{ production: true }`. */
export function testContext(overrides: Partial<GuardrailContext> = {}): GuardrailContext {
  return {
    environment: 'dev',
    production: false,
    managementAccountId: DECLARED.management,
    organizationId: 'o-a1b2c3d4e5',
    organizationalUnits: new Set(['ou-ab12-11111111']),
    accounts: new Map([
      [DECLARED.management, { alias: 'management', inOrganization: true }],
      [DECLARED.gateway, { alias: 'gateway', inOrganization: true }],
      [DECLARED.consumer, { alias: 'retail-app', inOrganization: true }],
      [DECLARED.outsider, { alias: 'partner', inOrganization: false }],
    ]),
    requiredTags: ['Environment', 'Stack', 'ManagedBy', 'Repository', 'Owner'],
    maxResourcesPerStack: 500,
    shieldAdvanced: false,
    ...overrides,
  };
}

export type Expectation = 'compliant' | 'not-applicable' | { readonly nonCompliant: string | RegExp };

export interface RuleCase {
  readonly name: string;
  readonly resources: Resources;
  /** Address the result is read at. @default - the first resource (stack rules: `(stack)`) */
  readonly address?: string;
  readonly context?: Partial<GuardrailContext>;
  /** Providers and terraform block, for stack rules. */
  readonly extra?: Partial<TerraformStackJson>;
  readonly expect: Expectation;
}

export interface RuleCases {
  readonly rule: GuardrailRule;
  readonly cases: readonly RuleCase[];
}

/** The rule's result at the case's address; stack rules report nothing for compliant addresses they skip. */
export function evaluate(rule: GuardrailRule, testCase: RuleCase): RuleResult {
  const stack = stackOf(testCase.resources, testCase.extra);
  const context = testContext(testCase.context);
  if (rule.kind === 'stack') {
    const address = testCase.address ?? '(stack)';
    return rule.check(stack, context).find((entry) => entry.address === address)?.result ?? { status: 'not-applicable' };
  }
  const address = testCase.address ?? Object.keys(testCase.resources)[0]!;
  const resource = stack.get(address);
  if (!resource) throw new Error(`case "${testCase.name}" has no resource ${address}`);
  if (!rule.resourceTypes.includes(resource.type)) throw new Error(`rule ${rule.id} does not check ${resource.type}`);
  return rule.check(resource, stack, context);
}

export function expectationKind(expectation: Expectation): 'compliant' | 'not-applicable' | 'non-compliant' {
  return typeof expectation === 'string' ? expectation : 'non-compliant';
}
