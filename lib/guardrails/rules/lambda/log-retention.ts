import { nonCompliant, compliantIf, type ResourceRule } from '../../rule';
import type { StackView, TerraformResource } from '../../stack-view';
import { block, isReference, numberValue, refersTo } from '../../values';

export const functionLogRetention: ResourceRule = {
  id: 'UAG-LAMBDA-002',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_lambda_function'],
  what: 'Every Lambda function logs to a log group managed in the same stack, with a retention period.',
  why:
    "If the stack does not create the function's log group, Lambda creates /aws/lambda/<name> itself with logs kept forever: " +
    'no retention, no tags, no owner, and personal data held longer than the retention policy allows.',
  fix: 'Add aws_cloudwatch_log_group { name = "/aws/lambda/<function_name>", retention_in_days = <days> } (or set logging_config.log_group to a managed group).',
  check: (fn, stack) => {
    const group = logGroupOf(fn, stack);
    if (!group) return nonCompliant("no aws_cloudwatch_log_group in the stack is this function's log group");
    const retention = group.values.retention_in_days;
    return compliantIf(isReference(retention) || (numberValue(retention) ?? 0) > 0, `${group.address} has no retention_in_days (logs kept forever)`);
  },
};

function logGroupOf(fn: TerraformResource, stack: StackView): TerraformResource | undefined {
  const custom = block(fn.values.logging_config)?.log_group;
  const functionName = fn.values.function_name;
  return stack.ofType('aws_cloudwatch_log_group').find(({ address, values }) => {
    if (custom !== undefined) return refersTo(custom, address) || (typeof custom === 'string' && custom === values.name);
    if (refersTo(values.name, fn.address)) return true;
    return typeof functionName === 'string' && values.name === `/aws/lambda/${functionName}`;
  });
}
