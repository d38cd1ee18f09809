import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { EnvironmentFile, LandingZoneConfig, OpenApiDocument, ServiceFiles } from './model';
import { ConfigError, type ConfigProblem } from './problems';
import { CONFIG_RULES } from './rules';
import { checkSchema } from './schema-problems';
import { EnvironmentSchema } from './schema/environment';
import { OpenApiOutlineSchema } from './schema/openapi';
import { ServiceSchema } from './schema/service';
import { SourceFile } from './source-file';

/** Files in environments/ that are not environments. */
const GENERATED_FILES = new Set(['schema.json']);

/**
 * Loads and validates the whole configuration under `rootDir` once.
 * Schema problems of every file are reported together; cross-file rules run when every file is well-formed
 * (a cross-file check over a half-read file would only add noise). Throws a ConfigError listing them all.
 */
export function loadConfig(rootDir: string): LandingZoneConfig {
  const sources = new Map<string, SourceFile>();
  const problems: ConfigProblem[] = [];

  const read = <T>(file: string, parse: (source: SourceFile) => { value?: T; problems: ConfigProblem[] }): T | undefined => {
    const { source, problems: readProblems } = SourceFile.read(rootDir, file);
    problems.push(...readProblems);
    if (!source) return undefined;
    sources.set(file, source);
    const result = parse(source);
    problems.push(...result.problems);
    return result.value;
  };

  const environments: EnvironmentFile[] = [];
  for (const file of listEnvironmentFiles(rootDir, problems)) {
    const config = read(file, (source) => checkSchema(EnvironmentSchema, source.data(), file));
    if (config) environments.push({ file, config });
  }

  const services = new Map<string, ServiceFiles>();
  for (const folder of listServiceFolders(rootDir)) {
    const file = `services/${folder}/service.yaml`;
    const openApiFile = `services/${folder}/openapi.yaml`;
    const definition = read(file, (source) => checkSchema(ServiceSchema, source.data(), file));
    const openApi = read(openApiFile, (source) => checkSchema(OpenApiOutlineSchema, source.data(), openApiFile));
    if (definition && openApi) services.set(folder, { file, openApiFile, definition, openApi: openApi as OpenApiDocument });
  }

  const config: LandingZoneConfig = { rootDir: path.resolve(rootDir), environments, services };
  if (problems.length === 0) problems.push(...CONFIG_RULES.flatMap((rule) => rule.check(config).map((problem) => ({ rule: rule.id, ...problem }))));
  if (problems.length > 0) throw new ConfigError(problems.map((problem) => withPosition(problem, sources)));
  return config;
}

function listEnvironmentFiles(rootDir: string, problems: ConfigProblem[]): string[] {
  const files = safeReaddir(path.join(rootDir, 'environments'))
    .filter((name) => !GENERATED_FILES.has(name))
    .filter((name) => {
      if (name.endsWith('.yaml')) return true;
      if (name.endsWith('.yml') || name.endsWith('.json')) {
        problems.push({
          file: `environments/${name}`,
          path: [],
          message: 'environment files must end in .yaml',
          fix: `rename it to environments/${path.parse(name).name}.yaml`,
        });
      }
      return false;
    })
    .sort();
  if (files.length === 0 && problems.length === 0) {
    problems.push({ file: 'environments/', path: [], message: 'no environment files found', fix: 'add environments/<env>.yaml (copy environments/dev.yaml)' });
  }
  return files.map((name) => `environments/${name}`);
}

function listServiceFolders(rootDir: string): string[] {
  const servicesDir = path.join(rootDir, 'services');
  return safeReaddir(servicesDir)
    .filter((name) => statSync(path.join(servicesDir, name)).isDirectory())
    .sort();
}

function safeReaddir(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}

function withPosition(problem: ConfigProblem, sources: ReadonlyMap<string, SourceFile>): ConfigProblem {
  if (problem.line !== undefined) return problem;
  const position = sources.get(problem.file)?.locate(problem.path);
  return position ? { ...problem, line: position.line, column: position.column } : problem;
}
