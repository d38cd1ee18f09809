import type { StackView } from '../../stack-view';
import { isAttributes, refersTo, type Attributes } from '../../values';

/** The value of one dimension of a metric alarm, or undefined when the alarm does not set it. */
function dimension(alarm: Attributes, name: string): unknown {
  return isAttributes(alarm.dimensions) ? alarm.dimensions[name] : undefined;
}

/**
 * Metric names of the alarms of `namespace` whose `dimensionName` dimension matches: refers to one of `addresses`,
 * or equals `literal`. Used by the rules that demand an alarm per monitored resource.
 */
export function alarmedMetrics(
  stack: StackView,
  namespace: string,
  dimensionName: string,
  match: { readonly addresses?: readonly string[]; readonly literal?: string },
): Set<string> {
  const metrics = new Set<string>();
  for (const { values } of stack.ofType('aws_cloudwatch_metric_alarm')) {
    if (values.namespace !== namespace || typeof values.metric_name !== 'string') continue;
    const value = dimension(values, dimensionName);
    const matches = (match.addresses ?? []).some((address) => refersTo(value, address)) || (match.literal !== undefined && value === match.literal);
    if (matches) metrics.add(values.metric_name);
  }
  return metrics;
}

/** `expected` minus `found`, for a finding's detail. */
export function missingMetrics(expected: readonly string[], found: ReadonlySet<string>): string[] {
  return expected.filter((metric) => !found.has(metric));
}
