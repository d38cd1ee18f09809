import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** A file an onboarding command will write, relative to the configuration root. */
export interface FileChange {
  readonly file: string;
  readonly content: string;
  /** `create` refuses to replace an existing file; `modify` replaces one that exists. */
  readonly kind: 'create' | 'modify';
}

/**
 * Writes every change or none. Each file is first written next to its target under a temporary name, then all
 * are renamed into place (a rename is atomic on one filesystem); if anything fails, files already renamed get
 * their previous content back and created files and folders are removed.
 */
export function applyFileChanges(rootDir: string, changes: readonly FileChange[]): void {
  const staged: { target: string; temporary: string; previous?: string }[] = [];
  const createdDirectories: string[] = [];
  const renamed: typeof staged = [];
  try {
    for (const change of changes) {
      const target = path.join(rootDir, change.file);
      const exists = existsSync(target);
      if (change.kind === 'create' && exists) throw new Error(`${change.file} appeared while onboarding; nothing was written`);
      if (change.kind === 'modify' && !exists) throw new Error(`${change.file} disappeared while onboarding; nothing was written`);
      // Read before anything is written, so a failure here leaves nothing behind for this change.
      const previous = exists ? readFileSync(target, 'utf8') : undefined;
      createdDirectories.push(...createMissingDirectories(path.dirname(target)));
      const temporary = `${target}.onboard-${process.pid}.tmp`;
      staged.push({ target, temporary, previous });
      writeFileSync(temporary, change.content);
    }
    for (const entry of staged) {
      renameSync(entry.temporary, entry.target);
      renamed.push(entry);
    }
  } catch (error) {
    for (const entry of renamed) {
      if (entry.previous === undefined) rmSync(entry.target, { force: true });
      else writeFileSync(entry.target, entry.previous);
    }
    for (const entry of staged) rmSync(entry.temporary, { force: true });
    for (const directory of createdDirectories.reverse()) rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}

/** Creates `directory` and missing parents; returns the ones it created, outermost first. */
function createMissingDirectories(directory: string): string[] {
  const missing: string[] = [];
  for (let current = directory; !existsSync(current); current = path.dirname(current)) missing.unshift(current);
  if (missing.length > 0) mkdirSync(directory, { recursive: true });
  return missing;
}
