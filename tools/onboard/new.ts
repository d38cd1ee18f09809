import { Command } from 'commander';
import { createService, type NewServiceResult } from '../../lib/onboarding/new-service';
import { renderOpenApiStub } from '../../lib/onboarding/openapi-stub';
import { runCheck } from './check';
import { configRoot, type Io } from './io';
import { reportRefusal } from './report-problems';
import { addServiceOptions, serviceRequest, type ServiceFlags } from './service-options';

/**
 * `new <name>`: scaffolds services/<name>/service.yaml and an openapi.yaml stub with the gateway extensions in
 * place, enables the service in the environments given with --backend, then runs `check`. Refuses an existing
 * service and any input that would not validate, before writing anything.
 */
export async function runNew(name: string, flags: ServiceFlags & { configDir?: string }, io: Io): Promise<number> {
  return reportRefusal(io, async () => {
    const rootDir = configRoot(io, flags.configDir);
    const request = await serviceRequest(name, flags, io);
    const result = createService({
      rootDir,
      ...request,
      openApi: renderOpenApiStub({ name, description: request.answers.description, protocol: request.answers.protocol }),
    });
    printCreated(name, result, io);
    io.out('\nRunning check:');
    const code = await runCheck({ configDir: rootDir, format: 'text' }, io);
    io.out(
      nextSteps(
        name,
        request.backends.map((backend) => backend.environment),
      ),
    );
    return code;
  });
}

export function printCreated(name: string, result: NewServiceResult, io: Io): void {
  io.out(`Onboarded ${name}:`);
  for (const change of result.changes) io.out(`  ${change.kind === 'create' ? 'created' : 'updated'} ${change.file}`);
  for (const note of result.notes) io.out(`  note: ${note}`);
}

export function nextSteps(name: string, environments: readonly string[]): string {
  const first = environments[0];
  return [
    '',
    'Next:',
    `  1. edit services/${name}/openapi.yaml (your operations, with the extensions npm run onboard -- check asks for)`,
    first
      ? `  2. make synth ENV=${first} && make validate   # builds ${first}-api-${name} and checks it with terraform validate`
      : `  2. enable it in an environment: services.${name}.backend in environments/<env>.yaml`,
    '  3. npm run onboard -- list --format markdown --output docs/catalog.md, then open the merge request (docs/onboarding.md)',
  ].join('\n');
}

export function newCommand(io: Io, exit: (code: number) => void): Command {
  return addServiceOptions(
    new Command('new')
      .description('scaffold services/<name>/ (service.yaml + openapi.yaml stub), enable it in environments, then run check')
      .argument('<name>', 'service name: 2-32 lowercase letters, digits or dashes, starting with a letter'),
  )
    .addHelpText(
      'after',
      [
        '',
        'Missing options are asked for in a terminal; with --no-input (or no terminal) they must all be given.',
        'Example:',
        '  npm run onboard -- new orders --description "Order intake for the retail app." --team orders-team \\',
        '    --email orders-team@example.com --visibility private --consumer retail-app --backend dev=payments:10.101.2.40',
      ].join('\n'),
    )
    .action(async (name: string, flags: ServiceFlags, command: Command) => {
      exit(await runNew(name, { ...flags, configDir: command.optsWithGlobals().configDir }, io));
    });
}
