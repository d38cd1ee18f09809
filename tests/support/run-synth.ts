import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { IAspect } from 'cdktf';
import { runSynthCommand } from '../../app/command';
import { REPO_ROOT } from './example-config';

export interface SynthRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real entry point (`tsx main.ts`) as a user would, against a configuration and output directory. */
export function runSynth(options: { configDir: string; outdir: string; env?: Record<string, string> }): Promise<SynthRun> {
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  return new Promise((resolve) => {
    execFile(
      tsx,
      [path.join(REPO_ROOT, 'main.ts')],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, UAG_CONFIG_DIR: options.configDir, CDKTF_OUTDIR: options.outdir, ENV: '', ...options.env },
        timeout: 120_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * Runs what main.ts runs (app/command.ts), in this process: the same messages and exit code as
 * `runSynth`, without a process start and module load per case. Reads the variables main.ts reads from `env`.
 */
export function synthInProcess(options: { configDir: string; outdir: string; env?: Record<string, string>; aspects?: readonly IAspect[] }): SynthRun {
  const { ENV, UAG_OFFLINE, ...unsupported } = options.env ?? {};
  if (Object.keys(unsupported).length > 0) throw new Error(`synthInProcess reads only ENV and UAG_OFFLINE, not ${Object.keys(unsupported).join(', ')}`);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = runSynthCommand(
    { configDir: options.configDir, outdir: options.outdir, environments: ENV ?? '', offline: UAG_OFFLINE === '1', aspects: options.aspects },
    { out: (text) => stdout.push(`${text}\n`), err: (text) => stderr.push(`${text}\n`) },
    REPO_ROOT,
  );
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** An output directory that looks like a previous successful synth, to prove a failed run leaves it alone. */
export function previousOutput(): string {
  const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-out-')), 'cdktf.out');
  mkdirSync(path.join(outdir, 'stacks', 'dev-org'), { recursive: true });
  writeFileSync(path.join(outdir, 'manifest.json'), '{"version":"previous"}\n');
  writeFileSync(path.join(outdir, 'stacks', 'dev-org', 'cdk.tf.json'), '{"previous":true}\n');
  return outdir;
}

/** Every file below `directory` with its content, for before/after comparison. */
export function snapshotTree(directory: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(directory, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(directory);
  return files;
}
