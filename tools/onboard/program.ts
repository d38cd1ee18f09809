import { Command, CommanderError } from 'commander';
import { checkCommand } from './check';
import { importCommand } from './import';
import type { Io } from './io';
import { listCommand } from './list';
import { newCommand } from './new';
import { statusCommand } from './status';

/**
 * The `onboard` command line: one file per command. Output goes through `io`, so tests run it in-process and
 * see exactly what a user sees; the exit code is returned rather than passed to process.exit.
 */
export async function runOnboard(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const exit = (value: number) => {
    code = value;
  };
  const program = new Command('onboard')
    .description('Onboard service APIs onto the unified API gateway: scaffold, import, check, list, status.')
    .option('-C, --config-dir <dir>', 'configuration root holding environments/ and services/ (default: $UAG_CONFIG_DIR or this repository)')
    .addHelpText('after', '\nGuide: docs/onboarding.md. Every command has --help.')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .exitOverride();
  for (const command of [newCommand(io, exit), importCommand(io, exit), checkCommand(io, exit), listCommand(io, exit), statusCommand(io, exit)]) {
    program.addCommand(command.configureOutput(program.configureOutput()).exitOverride().showHelpAfterError('(add --help for usage)'));
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help and --version end here with exit code 0; usage errors with 1 (commander already printed them).
    return error.exitCode;
  }
  return code;
}
