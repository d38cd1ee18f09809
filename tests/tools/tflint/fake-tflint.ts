import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** What the fake prints for one stack directory: tflint's JSON and its exit code. */
export interface CannedRun {
  readonly output: unknown;
  readonly exitCode?: number;
}

/**
 * A fake `tflint` executable in a fresh directory, to be put first on PATH. It logs its arguments (one
 * JSON line per call) and answers `--version`, `--init` and `--chdir=<stack dir> ... --format=json`
 * with the canned run of that stack (no issues when none is given).
 */
export function fakeTflint(runs: Record<string, CannedRun>): { binDir: string; log: string } {
  const binDir = mkdtempSync(path.join(tmpdir(), 'uag-fake-tflint-'));
  const log = path.join(binDir, 'calls.log');
  const canned = path.join(binDir, 'runs.json');
  writeFileSync(canned, JSON.stringify(runs));
  writeFileSync(log, '');
  const script = `#!${process.execPath}
const fs = require('fs');
const path = require('path');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');
if (args.includes('--version')) { console.log('TFLint version 0.58.0 (fake)'); process.exit(0); }
if (args.includes('--init')) { console.log('All plugins are already installed'); process.exit(0); }
const chdir = args.find((arg) => arg.startsWith('--chdir='));
const stack = chdir ? path.basename(chdir.slice('--chdir='.length)) : '';
const run = JSON.parse(fs.readFileSync(${JSON.stringify(canned)}, 'utf8'))[stack] || { output: { issues: [], errors: [] } };
process.stdout.write(typeof run.output === 'string' ? run.output : JSON.stringify(run.output));
process.exit(run.exitCode || 0);
`;
  const executable = path.join(binDir, 'tflint');
  writeFileSync(executable, script);
  chmodSync(executable, 0o755);
  return { binDir, log };
}

/** A PATH holding node only: `tflint` cannot be found on it. */
export function pathWithoutTflint(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'uag-no-tflint-'));
  mkdirSync(path.join(dir, 'bin'));
  symlinkSync(process.execPath, path.join(dir, 'bin', 'node'));
  return path.join(dir, 'bin');
}

/** A cdktf output directory with a manifest and the given stacks (contents do not matter to the fake). */
export function fakeOutdir(stacks: readonly string[]): string {
  const outdir = path.join(mkdtempSync(path.join(tmpdir(), 'uag-tflint-out-')), 'cdktf.out');
  const manifest: Record<string, unknown> = {};
  for (const stack of stacks) {
    mkdirSync(path.join(outdir, 'stacks', stack), { recursive: true });
    writeFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), '{}\n');
    manifest[stack] = { workingDirectory: `stacks/${stack}`, dependencies: [] };
  }
  writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: manifest }));
  return outdir;
}
