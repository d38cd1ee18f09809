import { blocks, type Attributes } from '../guardrails/values';
import { readReference, refersTo, type Located } from './references';
import type { SynthesizedApp, SynthesizedStack } from './synthesized-app';

/** A statement of an `aws_iam_policy_document` data source, values as synthesized (references as `${...}`). */
export interface Statement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly principals: readonly { readonly type: string; readonly identifiers: readonly string[] }[];
  readonly conditions: readonly { readonly test: string; readonly variable: string; readonly values: readonly unknown[] }[];
}

/** The statements behind a `policy`/`assume_role_policy` attribute that references a policy document; undefined otherwise. */
export function policyStatements(app: SynthesizedApp, stack: SynthesizedStack, value: unknown): Statement[] | undefined {
  const reading = readReference(app, stack, value);
  if (reading.kind !== 'resolved' || reading.resolution.resource.type !== 'data.aws_iam_policy_document') return undefined;
  return blocks(reading.resolution.resource.values.statement).map((statement: Attributes) => ({
    effect: statement.effect === 'Deny' ? 'Deny' : 'Allow',
    actions: strings(statement.actions),
    resources: strings(statement.resources),
    principals: blocks(statement.principals).map((principal) => ({ type: String(principal.type ?? ''), identifiers: strings(principal.identifiers) })),
    conditions: blocks(statement.condition).map((condition) => ({
      test: String(condition.test ?? ''),
      variable: String(condition.variable ?? ''),
      values: Array.isArray(condition.values) ? condition.values : [],
    })),
  }));
}

/** Whether an action list grants `action` (exact, service wildcard or `*`). */
export function grantsAction(actions: readonly string[], action: string): boolean {
  const service = action.split(':')[0];
  return actions.some((candidate) => candidate === '*' || candidate === action || candidate === `${service}:*`);
}

/**
 * Whether a resource policy lets requests through `endpoint` invoke: an Allow of execute-api:Invoke conditioned on
 * `aws:SourceVpce` equal to the endpoint's id, and no Deny whose `StringNotEquals aws:SourceVpce` leaves it out.
 * The policy's values live in the policy's stack (`stack`), so references are resolved from there.
 */
export function admitsEndpoint(
  app: SynthesizedApp,
  stack: SynthesizedStack,
  statements: readonly Statement[],
  endpoint: Located,
): { admitted: boolean; reason: string } {
  const isEndpoint = (value: unknown) => refersTo(app, stack, value, { stack: endpoint.stack, address: endpoint.resource.address }, 'id');
  const sourceVpce = (statement: Statement, test: string) =>
    statement.conditions.filter((condition) => condition.variable === 'aws:SourceVpce' && condition.test === test).flatMap((condition) => condition.values);
  const allowed = statements.some(
    (statement) =>
      statement.effect === 'Allow' && grantsAction(statement.actions, 'execute-api:Invoke') && sourceVpce(statement, 'StringEquals').some(isEndpoint),
  );
  if (!allowed) return { admitted: false, reason: `no Allow of execute-api:Invoke with aws:SourceVpce = ${endpoint.resource.address}.id` };
  const denying = statements.find(
    (statement) =>
      statement.effect === 'Deny' &&
      grantsAction(statement.actions, 'execute-api:Invoke') &&
      statement.conditions.some((condition) => condition.variable === 'aws:SourceVpce' && condition.test === 'StringNotEquals') &&
      !sourceVpce(statement, 'StringNotEquals').some(isEndpoint),
  );
  if (denying)
    return { admitted: false, reason: `a Deny with StringNotEquals aws:SourceVpce leaves out ${endpoint.resource.address}.id, so it denies that endpoint` };
  return { admitted: true, reason: '' };
}

/** Endpoints an `aws:SourceVpce` Allow of execute-api:Invoke names, resolved to `aws_vpc_endpoint` resources. */
export function allowedEndpoints(app: SynthesizedApp, stack: SynthesizedStack, statements: readonly Statement[]): Located[] {
  const found = new Map<string, Located>();
  for (const statement of statements) {
    if (statement.effect !== 'Allow' || !grantsAction(statement.actions, 'execute-api:Invoke')) continue;
    for (const condition of statement.conditions) {
      if (condition.variable !== 'aws:SourceVpce' || condition.test !== 'StringEquals') continue;
      for (const value of condition.values) {
        const reading = readReference(app, stack, value);
        if (reading.kind === 'resolved' && reading.resolution.resource.type === 'aws_vpc_endpoint') {
          found.set(`${reading.resolution.stack.id}/${reading.resolution.resource.address}`, {
            stack: reading.resolution.stack,
            resource: reading.resolution.resource,
          });
        }
      }
    }
  }
  return [...found.values()];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : [];
}
