import { compliantIf, NOT_APPLICABLE, type ResourceRule } from '../../rule';
import type { StackView, TerraformResource } from '../../stack-view';
import { isReference, numberValue, refersTo, show } from '../../values';

export const authorizerConcurrency: ResourceRule = {
  id: 'UAG-LAMBDA-004',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_lambda_function'],
  what: 'The API authorizer function has reserved concurrency.',
  why:
    "Every API call runs the authorizer (cache misses at least). It shares the account's concurrency pool with every other " +
    'function: a burst elsewhere throttles the authorizer and every API answers 500. Reserved concurrency guarantees it capacity.',
  fix: 'Set reserved_concurrent_executions to a positive number sized for peak authorizer invocations.',
  check: (fn, stack) => {
    if (!isAuthorizer(fn, stack)) return NOT_APPLICABLE;
    const reserved = fn.values.reserved_concurrent_executions;
    return compliantIf(isReference(reserved) || (numberValue(reserved) ?? 0) > 0, `reserved_concurrent_executions is ${show(reserved)}`);
  },
};

/**
 * An aws_api_gateway_authorizer in the stack invokes it, or its name says it is one. REST APIs live in their own stacks and
 * reach the gateway's authorizer through a stack output, so the name is the link the guardrail can see.
 */
function isAuthorizer(fn: TerraformResource, stack: StackView): boolean {
  const name = fn.values.function_name;
  return (
    (typeof name === 'string' && /authori[sz]er/i.test(name)) ||
    stack.ofType('aws_api_gateway_authorizer').some(({ values }) => refersTo(values.authorizer_uri, fn.address))
  );
}
