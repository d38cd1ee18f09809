import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { loadConfig } from '../../lib/config/load';
import type { LandingZoneConfig } from '../../lib/config/model';
import type { Environment } from '../../lib/config/schema/environment';

/** The repository root: the example configuration lives there. */
export const REPO_ROOT = path.resolve(__dirname, '../..');

let cached: LandingZoneConfig | undefined;

/** The example configuration, loaded once per test file. */
export function exampleConfig(): LandingZoneConfig {
  cached ??= loadConfig(REPO_ROOT);
  return cached;
}

export function exampleEnvironment(name: string): Environment {
  const found = exampleConfig().environments.find((environment) => environment.config.name === name);
  if (!found) throw new Error(`no example environment ${name}`);
  return found.config;
}

/** A writable copy of environments/ and services/ in a temporary directory. */
export function copyExampleConfig(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'uag-config-'));
  cpSync(path.join(REPO_ROOT, 'environments'), path.join(dir, 'environments'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'services'), path.join(dir, 'services'), { recursive: true });
  return dir;
}

/** Edits one YAML file of a config copy through the yaml Document API (comments and layout survive). */
export function editYaml(configDir: string, file: string, edit: (document: Document) => void): void {
  const target = path.join(configDir, file);
  const document = parseDocument(readFileSync(target, 'utf8'));
  edit(document);
  writeFileSync(target, document.toString());
}
