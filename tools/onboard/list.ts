import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { buildCatalog } from '../../lib/onboarding/catalog';
import { CATALOG_COMMAND, CATALOG_FORMATS, renderCatalog, type CatalogFormat } from '../../lib/onboarding/catalog-formats';
import { loadExistingConfig } from '../../lib/onboarding/existing-config';
import { OnboardingError, optionProblem } from '../../lib/onboarding/onboarding-error';
import { configRoot, userPath, type Io } from './io';
import { reportRefusal } from './report-problems';

export interface ListOptions {
  readonly configDir?: string;
  readonly format: CatalogFormat;
  /** Write the catalog to this file instead of printing it. */
  readonly output?: string;
  /** Compare `output` with the catalog instead of writing it; exit 1 when it is stale. */
  readonly check?: boolean;
}

/** `list`: the service catalog as a table, JSON or the Markdown of docs/catalog.md. */
export async function runList(options: ListOptions, io: Io): Promise<number> {
  return reportRefusal(io, async () => {
    const catalog = renderCatalog(buildCatalog(loadExistingConfig(configRoot(io, options.configDir))), options.format);
    if (!options.output) {
      io.out(catalog.trimEnd());
      return 0;
    }
    const target = userPath(io, options.output);
    if (options.check) return checkCurrent(target, options.output, catalog, io);
    if (!existsSync(path.dirname(target))) {
      throw new OnboardingError(`Cannot write ${options.output}; nothing was changed.`, [
        optionProblem(
          '--output',
          `the folder ${path.dirname(options.output)} does not exist`,
          'write into an existing folder, e.g. --output docs/catalog.md from the repository root',
        ),
      ]);
    }
    // Written next to the target and renamed over it, so a reader never sees half a catalog.
    const temporary = `${target}.onboard-${process.pid}.tmp`;
    writeFileSync(temporary, catalog);
    renameSync(temporary, target);
    io.out(`wrote ${options.output}`);
    return 0;
  });
}

function checkCurrent(target: string, shown: string, catalog: string, io: Io): number {
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === catalog) {
    io.out(`${shown} is current`);
    return 0;
  }
  io.err(
    `${shown} ${current === undefined ? 'does not exist' : 'is stale: services/ or environments/ changed since it was generated'}\n    fix: run ${CATALOG_COMMAND} and commit the result`,
  );
  return 1;
}

export function listCommand(io: Io, exit: (code: number) => void): Command {
  return new Command('list')
    .description('the service catalog: service, owner, visibility, base path, environments, internal consumers')
    .addOption(new Option('--format <format>', 'output format').choices([...CATALOG_FORMATS]).default('table'))
    .option('--output <file>', 'write the catalog to <file> (atomically) instead of printing it')
    .option('--check', 'with --output: exit 1 if <file> differs from the catalog instead of writing it (CI)')
    .addHelpText(
      'after',
      `\nThe checked-in catalog: ${CATALOG_COMMAND}\nIn CI:                 npm run onboard -- list --format markdown --output docs/catalog.md --check`,
    )
    .action(async (options: Omit<ListOptions, 'configDir'>, command: Command) => {
      if (options.check && !options.output) {
        command.error('error: --check needs --output <file>, the file to compare (e.g. --output docs/catalog.md)');
      }
      exit(await runList({ ...options, configDir: command.optsWithGlobals().configDir }, io));
    });
}
