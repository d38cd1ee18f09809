import { policyDocumentStatements, policyValues, POLICY_ATTRIBUTES, readPolicy, type PolicyStatement } from '../../policy-document';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type RuleResult } from '../../rule';
import type { StackView, TerraformResource } from '../../stack-view';
import { isReference, referencedAddress } from '../../values';

/** Every resource type whose policies the IAM rules read. */
export const POLICY_HOLDER_TYPES = ['data.aws_iam_policy_document', ...Object.keys(POLICY_ATTRIBUTES)];

export type PoliciesOf = { readonly statements: readonly { where: string; statement: PolicyStatement }[]; readonly unreadable: readonly string[] };

/**
 * The statements written on this resource itself. A policy attribute that refers to an
 * aws_iam_policy_document is skipped: the document is checked at its own address, so each problem is reported once.
 */
export function policiesOf(resource: TerraformResource, stack: StackView): PoliciesOf {
  if (resource.type === 'data.aws_iam_policy_document') {
    const literalOnly = (value: unknown): unknown =>
      Array.isArray(value) ? value.filter((item) => !isReference(item)) : isReference(value) ? undefined : value;
    const { values } = resource;
    const own = {
      ...values,
      source_json: literalOnly(values.source_json),
      override_json: literalOnly(values.override_json),
      source_policy_documents: literalOnly(values.source_policy_documents),
      override_policy_documents: literalOnly(values.override_policy_documents),
    };
    return { statements: policyDocumentStatements(own, stack).map((statement, index) => ({ where: `statement[${index}]`, statement })), unreadable: [] };
  }
  const statements: { where: string; statement: PolicyStatement }[] = [];
  const unreadable: string[] = [];
  for (const { attribute, value } of policyValues(resource.type, resource.values)) {
    if (referencedAddress(value)?.startsWith('data.aws_iam_policy_document.')) continue;
    const read = readPolicy(value, stack);
    if (read.kind === 'statements') read.statements.forEach((statement, index) => statements.push({ where: `${attribute} Statement[${index}]`, statement }));
    if (read.kind === 'unreadable') unreadable.push(`${attribute}: ${read.reason}`);
  }
  return { statements, unreadable };
}

/**
 * The evaluation shared by the statement rules: a policy that cannot be read fails, a resource without statements is
 * not applicable, and otherwise every Allow statement is checked with `problemsOf` (Deny statements may be broad).
 */
export function checkAllowStatements(
  resource: TerraformResource,
  stack: StackView,
  problemsOf: (where: string, statement: PolicyStatement) => string[],
): RuleResult {
  const { statements, unreadable } = policiesOf(resource, stack);
  if (unreadable.length > 0) return nonCompliant(`policy cannot be read (${unreadable.join('; ')})`);
  if (statements.length === 0) return NOT_APPLICABLE;
  const problems = statements.filter(({ statement }) => statement.effect === 'Allow').flatMap(({ where, statement }) => problemsOf(where, statement));
  return problems.length === 0 ? COMPLIANT : nonCompliant(problems.join('; '));
}
