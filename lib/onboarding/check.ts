import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../config/load';
import { ConfigError, formatPath, formatPointer, type ConfigProblem } from '../config/problems';
import { checkSchema } from '../config/schema-problems';
import { OpenApiOutlineSchema } from '../config/schema/openapi';
import { ServiceSchema } from '../config/schema/service';
import { SourceFile } from '../config/source-file';
import { isObject, type JsonObject } from '../openapi/document';
import { lintOpenApi } from '../openapi/lint';
import { openApiStructure } from '../openapi/rules/structure';
import { PARSER_RULE, validateWithParser, type Severity } from './parser-validation';

export type CheckProblem = ConfigProblem & { readonly severity: Severity };

export interface CheckReport {
  /** Every problem, errors and warnings, ordered by file and position. */
  readonly problems: readonly CheckProblem[];
  /** Files looked at, relative to the configuration root. */
  readonly files: readonly string[];
}

/**
 * Everything `onboard check` reports: what loadConfig rejects (schema, cross-file rules, error-level OpenAPI
 * rules; these also stop synth), the warning-level API standards, and the full validation of every OpenAPI
 * document by @readme/openapi-parser. Documents are linted on their own too, so one broken environment file
 * does not hide the problems of every service.
 */
export async function checkConfiguration(rootDir: string): Promise<CheckReport> {
  const problems: CheckProblem[] = [];
  try {
    loadConfig(rootDir);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems.map((problem) => ({ ...problem, severity: 'error' as const })));
  }

  const files = new Set(listFiles(rootDir, 'environments', (name) => name.endsWith('.yaml')));
  for (const folder of listFiles(rootDir, 'services', (name) => statSync(path.join(rootDir, 'services', name)).isDirectory())) {
    const serviceFile = `${folder}/service.yaml`;
    const openApiFile = `${folder}/openapi.yaml`;
    files.add(serviceFile).add(openApiFile);
    problems.push(...(await checkService(rootDir, serviceFile, openApiFile)));
  }
  return { problems: order(withoutDuplicates(problems)), files: [...files].sort() };
}

async function checkService(rootDir: string, serviceFile: string, openApiFile: string): Promise<CheckProblem[]> {
  const service = SourceFile.read(rootDir, serviceFile).source;
  const openApi = SourceFile.read(rootDir, openApiFile).source;
  // Unreadable or schema-invalid files are already reported by loadConfig, with their lines.
  if (!service || !openApi) return [];
  const definition = checkSchema(ServiceSchema, service.data(), serviceFile).value;
  // A document whose outline loadConfig refused (say, an empty info.version) is still linted: every problem at once.
  const outlined = checkSchema(OpenApiOutlineSchema, openApi.data(), openApiFile).value as JsonObject | undefined;
  const document = outlined ?? (isObject(openApi.data()) ? (openApi.data() as JsonObject) : undefined);
  if (!definition || !document) return [];

  const linted = lintOpenApi(openApiFile, document, definition, { severities: ['error', 'warning'] });
  // Full validation repeats the official-schema errors in vaguer words; it adds value once the structure holds.
  const structural = linted.some((problem) => problem.rule === openApiStructure.id);
  const parsed = structural || !outlined ? [] : await validateWithParser(openApiFile, document);
  return [...linted, ...parsed].map((problem) => {
    if (problem.line !== undefined) return problem;
    const position = openApi.locate(problem.path);
    return position ? { ...problem, line: position.line, column: position.column } : problem;
  });
}

function listFiles(rootDir: string, folder: string, keep: (name: string) => boolean): string[] {
  try {
    return readdirSync(path.join(rootDir, folder))
      .filter(keep)
      .sort()
      .map((name) => `${folder}/${name}`);
  } catch {
    return [];
  }
}

/**
 * loadConfig and the per-document lint report the same error-level findings; the parser often restates a
 * platform rule's finding at the same place (duplicate operationId, undeclared path parameter). Keep one.
 */
function withoutDuplicates(problems: readonly CheckProblem[]): CheckProblem[] {
  const seen = new Set<string>();
  const ruleLocations = new Set(
    problems.filter((problem) => problem.rule && problem.rule !== PARSER_RULE).map((problem) => `${problem.file}|${where(problem)}`),
  );
  return problems.filter((problem) => {
    if (problem.rule === PARSER_RULE && ruleLocations.has(`${problem.file}|${where(problem)}`)) return false;
    const key = `${problem.file}|${where(problem)}|${problem.rule ?? ''}|${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function where(problem: ConfigProblem): string {
  return problem.pathStyle === 'json-pointer' ? formatPointer(problem.path) : formatPath(problem.path);
}

function order(problems: CheckProblem[]): CheckProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        a.problem.file.localeCompare(b.problem.file) ||
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        (a.problem.column ?? 0) - (b.problem.column ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}
