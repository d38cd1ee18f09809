import type { GuardrailSuppression } from '../config/schema/guardrails';
import type { Finding, SuppressedFinding } from './findings';

/**
 * Applies the environment's suppressions: one rule on one address, optionally in one stack.
 * Returns the findings left, the ones suppressed (with their reason, printed on every synth) and the
 * suppressions that matched nothing.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly GuardrailSuppression[],
): { findings: Finding[]; suppressed: SuppressedFinding[]; unused: GuardrailSuppression[] } {
  const used = new Set<GuardrailSuppression>();
  const remaining: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const match = suppressions.find(
      (suppression) =>
        suppression.rule === finding.ruleId &&
        suppression.resource === finding.address &&
        (suppression.stack === undefined || suppression.stack === finding.stack),
    );
    if (match) {
      used.add(match);
      suppressed.push({ ...finding, reason: match.reason });
    } else {
      remaining.push(finding);
    }
  }
  return { findings: remaining, suppressed, unused: suppressions.filter((suppression) => !used.has(suppression)) };
}
