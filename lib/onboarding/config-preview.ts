import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../config/load';
import { ConfigError, type ConfigProblem } from '../config/problems';
import { applyFileChanges, type FileChange } from './file-changes';

/**
 * The problems loadConfig would report after `changes` (schema, cross-file and error-level OpenAPI rules),
 * found in a scratch copy of environments/ and services/ so a command can refuse before it writes anything.
 */
export function previewProblems(rootDir: string, changes: readonly FileChange[]): readonly ConfigProblem[] {
  const scratch = mkdtempSync(path.join(tmpdir(), 'uag-onboard-preview-'));
  try {
    for (const folder of ['environments', 'services']) {
      if (existsSync(path.join(rootDir, folder))) cpSync(path.join(rootDir, folder), path.join(scratch, folder), { recursive: true });
    }
    applyFileChanges(scratch, changes);
    loadConfig(scratch);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
