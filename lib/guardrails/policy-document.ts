import { isExpression, readEmbeddedDocument } from './embedded-document';
import type { StackView } from './stack-view';
import { blocks, isAttributes, referencedAddress, type Attributes } from './values';

/**
 * IAM and resource policies in one shape, whether they were synthesized as an `aws_iam_policy_document`
 * data source (the project's way), as a JSON string or as `jsonencode({...})`.
 */
export interface PolicyStatement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly principals: readonly PolicyPrincipal[];
  readonly notPrincipals: readonly PolicyPrincipal[];
  readonly conditions: readonly PolicyCondition[];
}

export interface PolicyPrincipal {
  /** `AWS`, `Service`, `Federated`, or `*` for `"Principal": "*"`. */
  readonly type: string;
  /** Literal identifiers; expressions appear as `${...}` text. */
  readonly identifiers: readonly string[];
}

export interface PolicyCondition {
  /** Operator, e.g. `StringEquals`, `ForAnyValue:StringNotEquals`. */
  readonly test: string;
  /** Key, e.g. `aws:SourceVpce`. */
  readonly variable: string;
}

export type PolicyRead =
  | { readonly kind: 'absent' }
  | { readonly kind: 'statements'; readonly statements: readonly PolicyStatement[] }
  /** A reference the guardrail cannot follow (another stack, a computed value): set, content unknown. */
  | { readonly kind: 'reference' }
  | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * Reads a policy attribute. A reference to an `aws_iam_policy_document` in the same stack is followed
 * (including its source and override documents).
 */
export function readPolicy(value: unknown, stack: StackView, depth = 0): PolicyRead {
  const target = referencedAddress(value);
  if (target?.startsWith('data.aws_iam_policy_document.')) {
    const document = stack.get(target);
    if (document && depth < 8) return { kind: 'statements', statements: policyDocumentStatements(document.values, stack, depth) };
    return { kind: 'reference' };
  }
  const embedded = readEmbeddedDocument(value);
  switch (embedded.kind) {
    case 'absent':
      return { kind: 'absent' };
    case 'reference':
      return { kind: 'reference' };
    case 'unreadable':
      return embedded;
    case 'document':
      return isAttributes(embedded.value)
        ? { kind: 'statements', statements: jsonStatements(embedded.value) }
        : { kind: 'unreadable', reason: 'a policy must be a JSON object' };
  }
}

/** Statements of an `aws_iam_policy_document` data source, own blocks plus readable source/override documents. */
export function policyDocumentStatements(values: Attributes, stack: StackView, depth = 0): PolicyStatement[] {
  const own = blocks(values.statement).map((statement) => ({
    effect: statement.effect === 'Deny' ? ('Deny' as const) : ('Allow' as const),
    actions: strings(statement.actions),
    notActions: strings(statement.not_actions),
    principals: blocks(statement.principals).map(principalBlock),
    notPrincipals: blocks(statement.not_principals).map(principalBlock),
    conditions: blocks(statement.condition).map((condition) => ({ test: String(condition.test ?? ''), variable: String(condition.variable ?? '') })),
  }));
  const merged = [values.source_json, values.override_json, ...asArray(values.source_policy_documents), ...asArray(values.override_policy_documents)]
    .filter((document) => document !== undefined)
    .flatMap((document) => {
      const read = readPolicy(document, stack, depth + 1);
      return read.kind === 'statements' ? read.statements : [];
    });
  return [...own, ...merged];
}

function jsonStatements(policy: Attributes): PolicyStatement[] {
  return asArray(policy.Statement)
    .filter(isAttributes)
    .map((statement) => ({
      effect: statement.Effect === 'Deny' ? ('Deny' as const) : ('Allow' as const),
      actions: strings(statement.Action),
      notActions: strings(statement.NotAction),
      principals: jsonPrincipals(statement.Principal),
      notPrincipals: jsonPrincipals(statement.NotPrincipal),
      conditions: isAttributes(statement.Condition)
        ? Object.entries(statement.Condition).flatMap(([test, keys]) =>
            isAttributes(keys) ? Object.keys(keys).map((variable) => ({ test, variable })) : [{ test, variable: '' }],
          )
        : [],
    }));
}

function jsonPrincipals(value: unknown): PolicyPrincipal[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [{ type: value === '*' ? '*' : 'AWS', identifiers: [value] }];
  if (!isAttributes(value)) return [];
  return Object.entries(value).map(([type, identifiers]) => ({ type, identifiers: strings(identifiers) }));
}

function principalBlock(principal: Attributes): PolicyPrincipal {
  return { type: String(principal.type ?? ''), identifiers: strings(principal.identifiers) };
}

function strings(value: unknown): string[] {
  return asArray(value).map((item) => (typeof item === 'string' ? item : isExpression(item) ? '${expression}' : String(item)));
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Anyone: `"Principal": "*"`, `{"AWS": "*"}` or a `principals` block with identifier `*`. */
export function grantsToAnyone(statement: PolicyStatement): boolean {
  return statement.principals.some((principal) => principal.identifiers.includes('*'));
}

/** Case-insensitive match on the condition key, as IAM compares them. */
export function hasConditionOn(statement: PolicyStatement, key: string, operator?: RegExp): boolean {
  return statement.conditions.some(
    (condition) => condition.variable.toLowerCase() === key.toLowerCase() && (operator === undefined || operator.test(condition.test)),
  );
}

/** Attributes that hold a policy document, per resource type, for rules that read inline policies. */
export const POLICY_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_iam_policy: ['policy'],
  aws_iam_role_policy: ['policy'],
  aws_iam_user_policy: ['policy'],
  aws_iam_group_policy: ['policy'],
  aws_iam_role: ['assume_role_policy', 'inline_policy.policy'],
  aws_api_gateway_rest_api: ['policy'],
  aws_api_gateway_rest_api_policy: ['policy'],
  aws_api_gateway_domain_name: ['policy'],
  aws_sns_topic: ['policy'],
  aws_sns_topic_policy: ['policy'],
  aws_sqs_queue_policy: ['policy'],
  aws_s3_bucket_policy: ['policy'],
  aws_kms_key: ['policy'],
  aws_cloudwatch_log_resource_policy: ['policy_document'],
  aws_secretsmanager_secret_policy: ['policy'],
  aws_vpc_endpoint: ['policy'],
  aws_ecr_repository_policy: ['policy'],
};

/** Inline policy values of a resource (`inline_policy.policy` reads the attribute inside every block). */
export function policyValues(type: string, values: Attributes): { attribute: string; value: unknown }[] {
  return (POLICY_ATTRIBUTES[type] ?? []).flatMap((attribute) => {
    const [outer, inner] = attribute.split('.');
    if (!inner) return values[outer!] === undefined ? [] : [{ attribute, value: values[outer!] }];
    return blocks(values[outer!])
      .map((entry, index) => ({ attribute: `${outer}[${index}].${inner}`, value: entry[inner] }))
      .filter((entry) => entry.value !== undefined);
  });
}
