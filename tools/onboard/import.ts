import { Command } from 'commander';
import { createService } from '../../lib/onboarding/new-service';
import { mapIntegrations } from '../../lib/onboarding/integration-mapping';
import { planGatewayExtensions, type ImportReport } from '../../lib/onboarding/openapi-import';
import { applyYamlEdits } from '../../lib/onboarding/yaml-text-edits';
import { isObject, type JsonObject } from '../../lib/openapi/document';
import { loadOpenApiSource } from '../../lib/onboarding/openapi-source';
import { planImportFixes } from '../../lib/onboarding/import-fixes';
import { parse } from 'yaml';
import { OnboardingError, optionProblem } from '../../lib/onboarding/onboarding-error';
import { checkNewServiceName } from '../../lib/onboarding/service-name';
import { runCheck } from './check';
import { configRoot, userPath, type Io } from './io';
import { nextSteps, printCreated } from './new';
import { reportRefusal } from './report-problems';
import { addServiceOptions, serviceRequest, type ServiceFlags } from './service-options';

/**
 * `import <file> --name <service>`: onboards an existing OpenAPI 3.0 or Swagger 2.0 document (JSON or YAML; Swagger is
 * converted first and the changes listed) as a new service.
 * Adds the integration and security extensions to every operation that lacks them, keeps everything else as
 * it was, reports what it added per operation, then runs `check`. Nothing is written unless the result validates.
 */
export async function runImport(
  file: string,
  flags: ServiceFlags & { name?: string; lambdaFunction?: string; configDir?: string; fix?: boolean },
  io: Io,
): Promise<number> {
  return reportRefusal(io, async () => {
    const rootDir = configRoot(io, flags.configDir);
    // A document that cannot be imported and a bad or taken --name are reported together, before any question about
    // the service.
    const loaded = await refusal(() => loadOpenApiSource(userPath(io, file), file));
    const name = flags.name ?? (!(loaded instanceof OnboardingError) && flags.input && io.prompter ? await io.prompter.ask('Service name') : undefined);
    const named =
      name === undefined
        ? new OnboardingError(`Cannot import ${file}: no service name; nothing was changed.`, [
            optionProblem('--name', 'is required', 'pass --name <service>, e.g. --name pets'),
          ])
        : await refusal(() => checkNewServiceName(rootDir, name, '--name'));
    if (loaded instanceof OnboardingError || named instanceof OnboardingError || name === undefined) {
      const refused = [loaded, named].filter((outcome) => outcome instanceof OnboardingError);
      throw new OnboardingError(
        refused[0]!.summary,
        refused.flatMap((error) => error.problems),
      );
    }
    const source = loaded;
    // Lambda proxies and MOCK preflight become the declared backend and cors:; what it cannot decide is reported with
    // the rules' problems (createService), in one run.
    const mapping = mapIntegrations(source, file, { functionName: flags.lambdaFunction });
    const request = await serviceRequest(name, flags, io, { description: firstSentence(source.document) });
    if (source.conversion) {
      io.out(`Converted ${file} from Swagger 2.0 to OpenAPI 3.0 (swagger2openapi):`);
      for (const line of source.conversion) io.out(`  ${line}`);
    }
    // --fix first makes the changes the refusal messages describe, then the gateway extensions go on the result.
    const backend = mapping.backend ? ({ kind: 'lambda' } as const) : ({ kind: 'vpcLink', protocol: request.answers.protocol } as const);
    const fixes = flags.fix ? planImportFixes(mapping.source.document, backend) : { edits: [], changes: [] };
    const fixed = applyYamlEdits(mapping.source.yaml, fixes.edits);
    const { edits, report } = planGatewayExtensions(parse(fixed.content), name, request.answers.protocol);
    const openApi = applyYamlEdits(fixed.content, edits);
    const result = withFixHint(flags.fix === true, () =>
      createService({ rootDir, ...request, openApi: openApi.content, openApiSource: file, openApiSourceText: source.originalText, mapped: mapping }),
    );
    if (fixes.changes.length > 0) {
      io.out(`Fixed (--fix) in ${file}:`);
      for (const change of fixes.changes) io.out(`  ${change}`);
    }
    printImportReport(file, name, report, io);
    for (const line of mapping.report) io.out(`  mapped: ${line}`);
    if (source.conversion) io.out(`  note: converted from Swagger 2.0 and written as YAML; comments of ${file} are not carried over`);
    else if (!openApi.layoutKept || !fixed.layoutKept)
      io.out(`  note: the layout of ${file} could not be kept, so the YAML writer re-formatted it (content unchanged)`);
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

/** A refusal that --fix would partly resolve says so under the problems. */
function withFixHint<T>(fixed: boolean, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (fixed || !(error instanceof OnboardingError) || !error.problems.some((problem) => /--fix/.test(problem.fix))) throw error;
    const hint = 'Problems whose fix mentions --fix are changed by `import --fix`, which lists every change it makes.';
    throw new OnboardingError(`${error.summary}\n${hint}`, error.problems);
  }
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
      .description('onboard an existing OpenAPI 3.0 or Swagger 2.0 document (JSON or YAML) as a new service, adding the gateway extensions it lacks')
      .argument('<openapi-file>', 'the OpenAPI 3.0 or Swagger 2.0 document to import (a relative path is read from the directory you ran the command in)')
      .option('--name <name>', 'service name (2-32 lowercase letters, digits or dashes)')
      .option(
        '--lambda-function <name>',
        "deployed name of the Lambda function the document's Lambda proxies invoke, when it names only a CloudFormation resource",
      )
      .option(
        '--fix',
        'make the fixes import can make itself, and list them: replace integrations the platform does not deploy with the integration of the declared backend (VPC-link or Lambda proxy), remove x-amazon-apigateway-auth, move Swagger 2.0 leftovers (securityDefinitions, header type) to their OpenAPI 3.0 places',
      ),
  )
    .addHelpText(
      'after',
      [
        '',
        'Adds to every operation that lacks them: an http_proxy integration through the service VPC link, and the gateway',
        'authorizer (<name>/read for GET, HEAD, OPTIONS; <name>/write otherwise). Adds request validation and the authorizer',
        'security scheme when missing. Comments, key order and all other content stay as they were.',
        'Lambda proxy integrations (also CloudFormation Fn::Sub / Fn::Join) become a Lambda backend in service.yaml',
        '(--lambda-function names the function when the document only names a CloudFormation resource or a template',
        'variable; enable it with --backend <env>=<account>); MOCK OPTIONS become cors:. Other integrations (aws service,',
        'HTTP to a public URL) are refused with every other problem in one run, each operation with what was found and',
        'the choice you have (docs/decisions/0014-backend-kinds.md).',
        'Example:',
        '  npm run onboard -- import petstore.yaml --name pets --team pets-team --email pets-team@example.com \\',
        '    --visibility public --backend dev=customers:10.103.1.60',
      ].join('\n'),
    )
    .action(async (file: string, flags: ServiceFlags & { name?: string; lambdaFunction?: string; fix?: boolean }, command: Command) => {
      exit(await runImport(file, { ...flags, configDir: command.optsWithGlobals().configDir }, io));
    });
}

/** What `run` returns, or the OnboardingError it refused with (any other error still throws). */
async function refusal<T>(run: () => T | Promise<T>): Promise<T | OnboardingError> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof OnboardingError) return error;
    throw error;
  }
}
