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
  const definition = serviceDefinition(answers);
  checkDistinctEnvironments(request.backends);
  checkAccess(config, definition.visibility, request.access);

  const folder = `services/${answers.name}`;
  const changes: FileChange[] = [
    { file: `${folder}/service.yaml`, content: renderServiceYaml(definition), kind: 'create' },
    { file: `${folder}/openapi.yaml`, content: request.openApi, kind: 'create' },
  ];
  const notes: string[] = [];
  const service = { name: answers.name, port: answers.port, private: definition.visibility !== 'public', tls: definition.backend.protocol === 'TLS' };
  for (const target of request.backends) {
    const enablement = enableInEnvironment(config, service, target, request.access);
    changes.push(enablement.change);
    notes.push(...enablement.notes);
  }

  const problems = previewProblems(rootDir, changes).map((problem) => pointAtSource(problem, `${folder}/openapi.yaml`, request.openApiSource));
  if (problems.length > 0) {
    throw new OnboardingError(
      `services/${answers.name} would not pass validation (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}); nothing was changed.`,
      problems,
    );
  }
  applyFileChanges(rootDir, changes);
  return { changes, notes };
}

/** A problem in the generated openapi.yaml is reported against the imported file (positions differ, the pointer holds). */
function pointAtSource(problem: ConfigProblem, generated: string, source: string | undefined): ConfigProblem {
  if (!source || problem.file !== generated) return problem;
  return { ...problem, file: source, line: undefined, column: undefined };
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
