import { OnboardingError, optionProblem } from './onboarding-error';

/**
 * Where a new service runs in one environment: `--backend dev=payments:10.101.1.50,10.101.2.50`, or for a Lambda
 * backend only the account that owns the function: `--backend dev=customers`.
 */
export interface BackendTarget {
  readonly environment: string;
  /** Account alias declared under `accounts` in the environment file. */
  readonly account: string;
  /** Empty for a Lambda backend. */
  readonly addresses: readonly string[];
}

const FORMAT = /^([a-z][a-z0-9-]*)=([a-z][a-z0-9-]*)(?::([0-9.]+(?:,[0-9.]+)*))?$/;

/** Parses `<env>=<account>[:<ip>[,<ip>...]]`; the configuration rules check the values themselves. */
export function parseBackendTarget(value: string): BackendTarget {
  const match = FORMAT.exec(value.trim());
  if (!match) {
    throw new OnboardingError('Cannot read --backend; nothing was changed.', [
      optionProblem(
        '--backend',
        `"${value}" is not <env>=<account>:<ip>[,<ip>...] (or <env>=<account> for a Lambda backend)`,
        'write e.g. --backend dev=payments:10.101.1.50 (the account alias from environments/<env>.yaml, addresses inside its spoke VPC)',
      ),
    ]);
  }
  return { environment: match[1], account: match[2], addresses: match[3] ? match[3].split(',') : [] };
}

/** One target per environment: two for the same environment would be ambiguous. */
export function checkDistinctEnvironments(targets: readonly BackendTarget[]): void {
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.environment)) {
      throw new OnboardingError('Cannot read --backend; nothing was changed.', [
        optionProblem(
          '--backend',
          `environment "${target.environment}" is given more than once`,
          'give one --backend per environment, with all its addresses separated by commas',
        ),
      ]);
    }
    seen.add(target.environment);
  }
}
