import type { GuardrailSuppression } from '../config/schema/guardrails';
import type { Severity } from './rule';

/** A non-compliant result, located: which rule, which stack, which resource, and what to do. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly stack: string;
  readonly address: string;
  /** What exactly is wrong on this resource. */
  readonly detail: string;
  /** The rule's one-line statement. */
  readonly what: string;
  readonly fix: string;
}

export interface SuppressedFinding extends Finding {
  /** The written reason from the configuration. */
  readonly reason: string;
}

/** Guardrail outcome for one environment. */
export interface GuardrailReport {
  readonly environment: string;
  /** Configuration file that holds the environment's suppressions, e.g. `environments/prod.yaml`. */
  readonly file: string;
  readonly stacks: number;
  /** Resources and data sources inspected. */
  readonly resources: number;
  readonly rules: number;
  /** Unsuppressed findings, errors first. */
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  /** Suppressions that matched no finding: stale exceptions someone should remove. */
  readonly unusedSuppressions: readonly GuardrailSuppression[];
}

export function errorsOf(reports: readonly GuardrailReport[]): Finding[] {
  return reports.flatMap((report) => report.findings.filter((finding) => finding.severity === 'error'));
}

/** Thrown inside the staging step so that an error finding fails synth and leaves the previous output as it was. */
export class GuardrailError extends Error {
  constructor(readonly reports: readonly GuardrailReport[]) {
    const errors = errorsOf(reports);
    super(`Guardrails found ${errors.length} error${errors.length === 1 ? '' : 's'}: ${[...new Set(errors.map((error) => error.ruleId))].join(', ')}`);
    this.name = 'GuardrailError';
  }
}
