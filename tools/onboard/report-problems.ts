import { formatPath, formatPointer, formatProblem, type ConfigProblem } from '../../lib/config/problems';
import type { CheckProblem } from '../../lib/onboarding/check';
import { OnboardingError } from '../../lib/onboarding/onboarding-error';
import type { Io } from './io';

/** `error: services/x/openapi.yaml:12:7: #/paths/~1x/get: ... [UAG-OAS-103]` and its fix on the next line. */
export function formatCheckProblem(problem: CheckProblem): string {
  return `${problem.severity}: ${formatProblem(problem)}`;
}

/** The machine-readable form `--format json` prints, one object per problem. */
export function problemJson(problem: ConfigProblem & { severity?: string }): Record<string, unknown> {
  return {
    severity: problem.severity ?? 'error',
    file: problem.file,
    ...(problem.line !== undefined ? { line: problem.line, column: problem.column ?? 1 } : {}),
    path: problem.pathStyle === 'json-pointer' ? formatPointer(problem.path) : formatPath(problem.path),
    pathStyle: problem.pathStyle ?? 'yaml',
    ...(problem.rule ? { rule: problem.rule } : {}),
    message: problem.message,
    fix: problem.fix,
  };
}

/**
 * Runs a command body; an OnboardingError (refused input, nothing written) is printed with its problems and
 * becomes exit code 1. Anything else is a bug and propagates with its stack.
 */
export async function reportRefusal(io: Io, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof OnboardingError)) throw error;
    io.err(error.message);
    return 1;
  }
}
