import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { affectedStacks, describeAffected, snapshotChange, type AffectedResult, type SnapshotChange } from './affected-stacks';
import { deserializeFingerprints, fingerprintOutdir, serializeFingerprints, type StackFingerprint } from './stack-digest';
import { skipSourceMappedStackTraces } from '../../lib/stack-traces';

/**
 * `make affected BASE=<ref>`: which stacks a merge request changes.
 *   tsx tools/ci/affected-cli.ts --base <ref> [--out affected.json] [--head-outdir <dir>] [--base-outdir <dir>]
 * The merge base of <ref> and HEAD is checked out into a temporary git worktree and synthesized with its own
 * code and configuration; the head is the working tree (or `--head-outdir`, e.g. the synth job's cdktf.out).
 * Both synthesize at the same time (one process each). `--base-outdir` skips the base synthesis when the target
 * pipeline's synth artifact is at hand. The merge base's fingerprints are cached in .tmp/affected-cache by commit
 * and package-lock.json digest (a commit synthesizes the same way every time), so the next run on the same base
 * synthesizes the head only; `--no-cache` ignores the cache.
 * Exit codes: 0 written, 2 bad input or a synthesis that failed.
 */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const option = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const baseRef = option('--base') ?? env.BASE;
  const out = path.resolve(option('--out') ?? 'affected.json');
  if (!baseRef) {
    console.error('affected: --base <ref> (or BASE=<ref>) is required: the merge request target, e.g. origin/main');
    return 2;
  }
  let repo: string;
  let mergeBase: string;
  try {
    repo = git(process.cwd(), 'rev-parse', '--show-toplevel');
    mergeBase = git(repo, 'merge-base', baseRef, 'HEAD');
  } catch (error) {
    console.error(
      `affected: no merge base of ${baseRef} and HEAD (${(error as Error).message.split('\n')[0]}); fetch the target branch (git fetch origin ${baseRef.replace(/^origin\//, '')}) or, in CI, set GIT_DEPTH: 0`,
    );
    return 2;
  }

  // Inside the checkout (ignored .tmp/): the hard-linked node_modules below must be on the same filesystem.
  mkdirSync(path.join(repo, '.tmp'), { recursive: true });
  const scratch = mkdtempSync(path.join(repo, '.tmp', 'affected-'));
  const worktree = path.join(scratch, 'base');
  try {
    const baseOutdir = option('--base-outdir') ? path.resolve(option('--base-outdir')!) : path.join(scratch, 'base-out');
    const headOutdir = option('--head-outdir') ? path.resolve(option('--head-outdir')!) : path.join(scratch, 'head-out');
    const runs: Promise<void>[] = [];
    const cacheFile = path.join(repo, '.tmp', 'affected-cache', `${mergeBase}-${lockDigest(repo)}.json`);
    let cachedBase = !option('--base-outdir') && !argv.includes('--no-cache') ? readCachedFingerprints(cacheFile) : undefined;
    if (!option('--base-outdir') && !cachedBase) {
      git(repo, 'worktree', 'add', '--detach', '--quiet', worktree, mergeBase);
      linkPackages(repo, worktree);
      runs.push(synth(worktree, worktree, baseOutdir, `the merge base ${mergeBase.slice(0, 12)}`));
    }
    if (!option('--head-outdir')) runs.push(synth(repo, env.UAG_CONFIG_DIR ?? repo, headOutdir, 'the head (working tree)'));
    await Promise.all(runs);

    if (!cachedBase) {
      cachedBase = fingerprintOutdir(baseOutdir);
      if (!option('--base-outdir')) writeCachedFingerprints(cacheFile, cachedBase);
    } else {
      console.log(`affected: merge base ${mergeBase.slice(0, 12)} from ${path.relative(repo, cacheFile)} (--no-cache synthesizes it again)`);
    }
    const result: AffectedResult = {
      ...affectedStacks(cachedBase, fingerprintOutdir(headOutdir), mergeBase),
      snapshotChanges: snapshotChanges(repo, mergeBase),
    };
    writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    console.log(describeAffected(result));
    console.log(`affected: written to ${path.relative(process.cwd(), out) || out}`);
    return 0;
  } catch (error) {
    console.error(`affected: ${(error as Error).message}`);
    return 2;
  } finally {
    if (existsSync(worktree)) {
      try {
        git(repo, 'worktree', 'remove', '--force', worktree);
      } catch {
        // The directory goes with the scratch directory below; `git worktree prune` forgets it later.
      }
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The merge base synthesizes with its own code but this checkout's installed packages, hard-linked (seconds):
 * through a symlink, esbuild would record other source paths in the Lambda bundles' source maps and every
 * stack with a Lambda would look changed.
 */
function linkPackages(repo: string, worktree: string): void {
  const packages = path.join(repo, 'node_modules');
  if (!existsSync(packages)) return;
  try {
    execFileSync('cp', ['-al', packages, path.join(worktree, 'node_modules')], { stdio: 'ignore' });
  } catch {
    console.error('affected: cannot hard-link node_modules; linking it instead (stacks with Lambda bundles may show as changed)');
    symlinkSync(packages, path.join(worktree, 'node_modules'));
  }
}

/** Address snapshot files that differ between the merge base and the working tree (see tests/ci/address-snapshot.test.ts). */
function snapshotChanges(repo: string, mergeBase: string): SnapshotChange[] {
  const directory = 'tests/snapshots/addresses';
  const files = git(repo, 'diff', '--name-only', mergeBase, '--', directory).split('\n').filter(Boolean);
  return files.flatMap((file) => {
    const before = gitOrEmpty(repo, 'show', `${mergeBase}:${file}`);
    const after = existsSync(path.join(repo, file)) ? readFileSync(path.join(repo, file), 'utf8') : '';
    return snapshotChange(file, before, after) ?? [];
  });
}

function gitOrEmpty(cwd: string, ...args: string[]): string {
  try {
    return git(cwd, ...args);
  } catch {
    return ''; // A file the merge base did not have.
  }
}

function lockDigest(repo: string): string {
  const lock = path.join(repo, 'package-lock.json');
  return createHash('sha256')
    .update(existsSync(lock) ? readFileSync(lock) : '')
    .digest('hex')
    .slice(0, 16);
}

function readCachedFingerprints(file: string): Map<string, StackFingerprint> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return deserializeFingerprints(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // A damaged cache entry is synthesized again and overwritten.
  }
}

function writeCachedFingerprints(file: string, fingerprints: ReadonlyMap<string, StackFingerprint>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, serializeFingerprints(fingerprints));
  renameSync(`${file}.tmp`, file);
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** `tsx main.ts` of one checkout (its own code and configuration) into `outdir`. */
function synth(checkout: string, configDir: string, outdir: string, label: string): Promise<void> {
  const tsx = path.join(checkout, 'node_modules', '.bin', 'tsx');
  return new Promise((resolve, reject) => {
    execFile(
      existsSync(tsx) ? tsx : 'npx',
      existsSync(tsx) ? ['main.ts'] : ['tsx', 'main.ts'],
      { cwd: checkout, env: { ...process.env, ENV: '', UAG_OFFLINE: '', UAG_CONFIG_DIR: configDir, CDKTF_OUTDIR: outdir }, maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        reject(new Error(`synthesizing ${label} failed:\n${stderr.trim().split('\n').slice(-15).join('\n')}\nfix it, or plan every stack (UAG_PLAN_ALL=1)`));
      },
    );
  });
}

if (require.main === module) {
  skipSourceMappedStackTraces();
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
