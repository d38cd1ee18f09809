import { Command, Option } from 'commander';
import { checkConfiguration, type CheckReport } from '../../lib/onboarding/check';
import { configRoot, type Io } from './io';
import { formatCheckProblem, problemJson } from './report-problems';

export interface CheckOptions {
  readonly configDir?: string;
  readonly format: 'text' | 'json';
}

/**
 * `check`: every problem of the configuration and of every OpenAPI document, each with file, line, path (YAML
 * path or JSON pointer), rule id and fix. Exit code 1 when there is an error; warnings alone exit 0.
 */
export async function runCheck(options: CheckOptions, io: Io): Promise<number> {
  const report = await checkConfiguration(configRoot(io, options.configDir));
  const errors = report.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = report.problems.length - errors;
  if (options.format === 'json') io.out(JSON.stringify(checkJson(report, errors, warnings), null, 2));
  else {
    for (const problem of report.problems) (problem.severity === 'error' ? io.err : io.out)(formatCheckProblem(problem));
    io.out(
      `check: ${report.files.length} files, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${errors > 0 ? ' (errors stop synth and the merge request pipeline)' : ''}`,
    );
  }
  return errors > 0 ? 1 : 0;
}

function checkJson(report: CheckReport, errors: number, warnings: number) {
  return { errors, warnings, files: report.files, problems: report.problems.map(problemJson) };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function checkCommand(io: Io, exit: (code: number) => void): Command {
  return new Command('check')
    .description('validate environments/ and services/: configuration rules, OpenAPI rules (errors and API standards) and full OpenAPI validation')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      '\nExit code 1 when any error is found; warnings are printed but exit 0.\nExample: npm run onboard -- check --format json > check.json',
    )
    .action(async (options: { format: 'text' | 'json' }, command: Command) => {
      exit(await runCheck({ ...options, configDir: command.optsWithGlobals().configDir }, io));
    });
}
