import { Command } from 'commander';
import { createService } from '../../lib/onboarding/new-service';
import { planGatewayExtensions, type ImportReport } from '../../lib/onboarding/openapi-import';
import { applyYamlEdits } from '../../lib/onboarding/yaml-text-edits';
import { isObject, type JsonObject } from '../../lib/openapi/document';
import { readOpenApiSource } from '../../lib/onboarding/openapi-source';
import { OnboardingError, optionProblem } from '../../lib/onboarding/onboarding-error';
import { checkNewServiceName } from '../../lib/onboarding/service-name';
import { runCheck } from './check';
import { configRoot, userPath, type Io } from './io';
import { nextSteps, printCreated } from './new';
import { reportRefusal } from './report-problems';
import { addServiceOptions, serviceRequest, type ServiceFlags } from './service-options';

/**
 * `import <file> --name <service>`: onboards an existing OpenAPI 3.0 document (JSON or YAML) as a new service.
 * Adds the integration and security extensions to every operation that lacks them, keeps everything else as
 * it was, reports what it added per operation, then runs `check`. Nothing is written unless the result validates.
 */
export async function runImport(file: string, flags: ServiceFlags & { name?: string; configDir?: string }, io: Io): Promise<number> {
  return reportRefusal(io, async () => {
    const rootDir = configRoot(io, flags.configDir);
    const source = readOpenApiSource(userPath(io, file), file);
    const name = flags.name ?? (flags.input && io.prompter ? await io.prompter.ask('Service name') : undefined);
    if (name === undefined) {
      throw new OnboardingError(`Cannot import ${file}: no service name; nothing was changed.`, [
        optionProblem('--name', 'is required', 'pass --name <service>, e.g. --name pets'),
      ]);
    }
    // Before any question about the service: a bad or taken name ends the import at once.
    checkNewServiceName(rootDir, name, '--name');
    const request = await serviceRequest(name, flags, io, { description: firstSentence(source.document) });
    const { edits, report } = planGatewayExtensions(source.document, name, request.answers.protocol);
    const openApi = applyYamlEdits(source.yaml, edits);
    const result = createService({ rootDir, ...request, openApi: openApi.content, openApiSource: file });
    printImportReport(file, name, report, io);
    if (!openApi.layoutKept) io.out(`  note: the layout of ${file} could not be kept, so the YAML writer re-formatted it (content unchanged)`);
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

function printImportReport(file: string, name: string, report: ImportReport, io: Io): void {
  io.out(`Imported ${file} as services/${name}/openapi.yaml; everything not listed below is as it was.`);
  for (const change of report.document) io.out(`  document: ${change}`);
  for (const operation of report.operations) {
    const label = `${operation.operation}${operation.operationId ? ` (${operation.operationId})` : ''}`;
    if (operation.changes.length === 0) io.out(`  ${label}: unchanged, already has its integration and security`);
    for (const change of operation.changes) io.out(`  ${label}: ${change}`);
  }
}

/** The catalog description defaults to the document's own, first sentence only. */
function firstSentence(document: JsonObject): string | undefined {
  const info = isObject(document.info) ? document.info : {};
  const description = info.description ?? info.title;
  if (typeof description !== 'string' || description.trim() === '') return undefined;
  const sentence = /^[^\n]*?[.!?](\s|$)/.exec(description.trim())?.[0] ?? description.trim().split('\n')[0];
  return sentence.trim();
}

export function importCommand(io: Io, exit: (code: number) => void): Command {
  return addServiceOptions(
    new Command('import')
      .description('onboard an existing OpenAPI 3.0 document (JSON or YAML) as a new service, adding the gateway extensions it lacks')
      .argument('<openapi-file>', 'the OpenAPI 3.0 document to import')
      .option('--name <name>', 'service name (2-32 lowercase letters, digits or dashes)'),
  )
    .addHelpText(
      'after',
      [
        '',
        'Adds to every operation that lacks them: an http_proxy integration through the service VPC link, and the gateway',
        'authorizer (<name>/read for GET, HEAD, OPTIONS; <name>/write otherwise). Adds request validation and the authorizer',
        'security scheme when missing. Comments, key order and all other content stay as they were.',
        'Example:',
        '  npm run onboard -- import petstore.yaml --name pets --team pets-team --email pets-team@example.com \\',
        '    --visibility public --backend dev=customers:10.103.1.60',
      ].join('\n'),
    )
    .action(async (file: string, flags: ServiceFlags & { name?: string }, command: Command) => {
      exit(await runImport(file, { ...flags, configDir: command.optsWithGlobals().configDir }, io));
    });
}
