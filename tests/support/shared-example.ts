import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { synthesize, type SynthesizeResult } from '../../app/synthesize';
import { REPO_ROOT } from './example-config';

/** Set by tests/support/global-setup.js: one directory per jest run, shared by every worker. */
export const SHARED_OUTPUT_VARIABLE = 'UAG_TEST_SHARED_OUTPUT';

export interface SharedSynth {
  /** cdktf output directory (manifest.json, stacks/<id>/cdk.tf.json). Read it; never write into it. */
  readonly outdir: string;
  readonly result: SynthesizeResult;
}

let processRoot: string | undefined;

/**
 * The example configuration (every environment) synthesized once per jest run instead of once per suite: a dozen
 * suites read the same unmodified output. The first worker to need it synthesizes into a private directory and
 * renames it into place; a worker that loses the race drops its copy (same input, same bytes). Without the jest
 * global setup (a file run some other way) the cache lives for the process.
 */
export function sharedExampleSynth(mode: 'deploy' | 'offline' = 'deploy'): SharedSynth {
  const root = process.env[SHARED_OUTPUT_VARIABLE] ?? (processRoot ??= mkdtempSync(path.join(tmpdir(), 'uag-shared-')));
  const target = path.join(root, mode);
  const resultFile = path.join(target, 'result.json');
  if (!existsSync(resultFile)) {
    const staging = mkdtempSync(path.join(root, `.${mode}-`));
    const result = synthesize({ configDir: REPO_ROOT, outdir: path.join(staging, 'cdktf.out'), offline: mode === 'offline' });
    writeFileSync(path.join(staging, 'result.json'), JSON.stringify(result));
    try {
      renameSync(staging, target);
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return { outdir: path.join(target, 'cdktf.out'), result: JSON.parse(readFileSync(resultFile, 'utf8')) as SynthesizeResult };
}
