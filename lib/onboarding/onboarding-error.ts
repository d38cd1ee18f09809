import { formatProblem, type ConfigProblem } from '../config/problems';

/** The file name problems about command-line input carry: the "file" the user typed them into. */
export const COMMAND_LINE = '(command line)';

/**
 * An onboarding command refused its input. Thrown before anything is written, so the working tree is as it
 * was; `problems` say where (file and path, or the option) and what to do.
 */
export class OnboardingError extends Error {
  constructor(
    readonly summary: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super([summary, ...problems.map((problem) => `  ${formatProblem(problem)}`)].join('\n'));
    this.name = 'OnboardingError';
  }
}

/** A problem with a command-line option or argument, e.g. `--email`. */
export function optionProblem(option: string, message: string, fix: string): ConfigProblem {
  return { file: COMMAND_LINE, path: [option], message, fix };
}
