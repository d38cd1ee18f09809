import type { LandingZoneConfig } from '../config/model';
import type { ConfigProblem } from '../config/problems';
import { checkDistinctEnvironments, type BackendTarget } from './backend-target';
import { previewProblems } from './config-preview';
import { enableInEnvironment, type PrivateAccess } from './environment-enablement';
import { loadExistingConfig } from './existing-config';
import { applyFileChanges, type FileChange } from './file-changes';
import { OnboardingError, optionProblem } from './onboarding-error';
import { serviceDefinition, type ServiceAnswers } from './service-definition';
import { checkNewServiceName } from './service-name';
import { renderServiceYaml } from './service-yaml';
import { SourceFile } from '../config/source-file';
import { ServiceSchema, type Service, type ServiceInput } from '../config/schema/service';
import { isObject } from '../openapi/document';
import { lintOpenApi } from '../openapi/lint';
import { parse } from 'yaml';
import type { CorsInput } from '../config/schema/cors';
import type { LambdaBackendInput } from '../config/schema/service-backend';

export interface NewServiceRequest {
  readonly rootDir: string;
  readonly answers: ServiceAnswers;
  /** Environments to enable the service in, with its backend there. */
  readonly backends: readonly BackendTarget[];
  /** Who may call it on the private domain (private and both services). */
  readonly access: PrivateAccess;
  /** The openapi.yaml content (a stub for `new`, the imported document for `import`). */
  readonly openApi: string;
  /** Where problems found in openapi.yaml should point instead (the file being imported).
   * @default - services/<name>/openapi.yaml */
  readonly openApiSource?: string;
  /** The text of that file, so problems point at its lines too.
   * @default - problems in the imported document carry no line */
  readonly openApiSourceText?: string;
  /** What import mapped from the document's own integrations (integration-mapping.ts): a Lambda backend, cors, and
   * what the mapping could not decide (reported with every other problem).
   * @default - the VPC-link backend of the answers, no cors, no problems */
  readonly mapped?: { readonly backend?: LambdaBackendInput; readonly cors?: CorsInput; readonly problems?: readonly ConfigProblem[] };
}

export interface NewServiceResult {
  /** Files written, in order. */
  readonly changes: readonly FileChange[];
  /** Choices made on the team's behalf, e.g. a listener port. */
  readonly notes: readonly string[];
}

/**
 * Creates services/<name>/{service.yaml,openapi.yaml} and enables the service in the chosen environments,
 * all or nothing: every input is checked, then the whole configuration as it would be is loaded in a scratch
 * copy, and only a configuration without errors is written.
 */
export function createService(request: NewServiceRequest): NewServiceResult {
  const { rootDir, answers } = request;
  checkNewServiceName(rootDir, answers.name);
  // An environment naming a service without a folder is a configuration error, so this also covers leftovers.
  const config = loadExistingConfig(rootDir);
  const definition = withMappedIntegrations(serviceDefinition(answers), request.mapped);
  checkDistinctEnvironments(request.backends);
  checkAccess(config, definition.visibility, request.access);

  const folder = `services/${answers.name}`;
  const changes: FileChange[] = [
    { file: `${folder}/service.yaml`, content: renderServiceYaml(definition), kind: 'create' },
    { file: `${folder}/openapi.yaml`, content: request.openApi, kind: 'create' },
  ];
  const notes: string[] = [];
  // A refused --backend is reported with the document's problems: one run shows everything to change.
  const refused: ConfigProblem[] = [];
  const service = {
    name: answers.name,
    port: answers.port,
    private: definition.visibility !== 'public',
    tls: 'protocol' in definition.backend && definition.backend.protocol === 'TLS',
    lambda: definition.backend.kind === 'lambda',
  };
  for (const target of request.backends) {
    try {
      const enablement = enableInEnvironment(config, service, target, request.access);
      changes.push(enablement.change);
      notes.push(...enablement.notes);
    } catch (error) {
      if (!(error instanceof OnboardingError)) throw error;
      refused.push(...error.problems);
    }
  }

  const generated = `${folder}/openapi.yaml`;
  const problems = [
    ...refused,
    ...(request.mapped?.problems ?? []),
    ...withRulesDespiteOutline(previewProblems(rootDir, changes), generated, request.openApi, ServiceSchema.parse(definition)).map((problem) =>
      pointAtSource(problem, generated, request.openApiSource, request.openApiSourceText),
    ),
  ].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  if (problems.length > 0) {
    throw new OnboardingError(
      `services/${answers.name} would not pass validation (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}); nothing was changed.`,
      problems,
    );
  }
  applyFileChanges(rootDir, changes);
  return { changes, notes };
}

/**
 * A problem in the generated openapi.yaml is reported against the imported file: the pointer holds, and the line is
 * that of the same node in the file (or of its nearest ancestor there, for what import added or conversion moved).
 */
function pointAtSource(problem: ConfigProblem, generated: string, source: string | undefined, text: string | undefined): ConfigProblem {
  if (!source || problem.file !== generated) return problem;
  const position = text === undefined ? undefined : SourceFile.parse(source, text).source?.locate(problem.path);
  return { ...problem, file: source, line: position?.line, column: position?.column };
}

/**
 * loadConfig lints an OpenAPI document only once its outline (openapi, info, paths) holds; a refusal should still
 * list every rule problem in one run, so a document refused for its outline is linted here too.
 */
function withRulesDespiteOutline(problems: readonly ConfigProblem[], file: string, openApi: string, service: Service): ConfigProblem[] {
  const outline = problems.some((problem) => problem.file === file && problem.rule === undefined);
  const linted = problems.some((problem) => problem.file === file && problem.rule !== undefined);
  const document: unknown = parse(openApi);
  if (!outline || linted || !isObject(document)) return [...problems];
  return [...problems, ...lintOpenApi(file, document, service).map(({ severity: _severity, ...problem }) => problem)];
}

/** Grants only make sense for a service on the private domain, and only to consumers that exist somewhere. */
function checkAccess(config: LandingZoneConfig, visibility: string | undefined, access: PrivateAccess): void {
  const problems: ConfigProblem[] = [];
  if (visibility === 'public' && (access.consumers.length > 0 || access.reasonWithoutConsumers)) {
    problems.push(
      optionProblem(
        access.consumers.length > 0 ? '--consumer' : '--without-consumers-reason',
        'a public service is not on the private domain, so it has no internal consumers',
        'drop the option, or use --visibility private or both',
      ),
    );
  }
  const known = new Set(config.environments.flatMap(({ config: environment }) => Object.keys(environment.consumers)));
  for (const consumer of access.consumers.filter((candidate) => !known.has(candidate))) {
    problems.push(
      optionProblem(
        '--consumer',
        `"${consumer}" is not a consumer in any environment`,
        `use one of: ${[...known].sort().join(', ') || '(none declared)'}; a new consumer is declared under consumers in environments/<env>.yaml by the platform team`,
      ),
    );
  }
  if (problems.length > 0) throw new OnboardingError('Cannot onboard with these options; nothing was changed.', problems);
}

/** The definition with the backend and cors import mapped from the document, when it mapped any. */
function withMappedIntegrations(definition: ServiceInput, mapped: NewServiceRequest['mapped']): ServiceInput {
  return {
    ...definition,
    ...(mapped?.backend ? { backend: mapped.backend } : {}),
    ...(mapped?.cors ? { cors: mapped.cors } : {}),
  };
}
