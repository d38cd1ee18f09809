import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './example-config';

export interface LintMessage {
  readonly ruleId: string | null;
  readonly message: string;
}

/**
 * The project's ESLint configuration, as `make lint` applies it, on planted sources that exist only in memory (each
 * linted as if it were `file` in the repository). One process for all of them: ESLint takes seconds to start, and
 * jest's VM cannot load its ESM flat configuration in-process.
 */
export function lintTexts(sources: readonly { file: string; code: string }[]): LintMessage[][] {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'lint-texts.mjs')], {
    cwd: REPO_ROOT,
    input: JSON.stringify(sources),
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`ESLint failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as LintMessage[][];
}

/** Lints every source once, on first use, and answers each source's messages from that one run. */
export function lintOnce(sources: readonly { file: string; code: string }[]): (index: number) => LintMessage[] {
  let results: LintMessage[][] | undefined;
  return (index) => {
    results ??= lintTexts(sources);
    return results[index]!;
  };
}
