import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a new output directory next to the old one and swaps it in only when `write` succeeds,
 * so a failed synth (bad configuration, guardrail error, crash) leaves the previous output untouched.
 */
export function replaceDirectoryAtomically<T>(target: string, write: (stagingDir: string) => T): T {
  const parent = path.dirname(path.resolve(target));
  mkdirSync(parent, { recursive: true });
  // Same parent directory, so both renames stay on one filesystem and are atomic.
  const staging = mkdtempSync(path.join(parent, `.${path.basename(target)}.staging-`));
  try {
    const result = write(staging);
    const retired = `${staging}.previous`;
    if (existsSync(target)) renameSync(target, retired);
    renameSync(staging, target);
    rmSync(retired, { recursive: true, force: true });
    return result;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
