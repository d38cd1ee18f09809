import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { generateConfig } from './generate-config';

/**
 * `make bench`, second part: wall time of `make affected` (tools/ci/affected-cli.ts) on the 200-service
 * configuration, in a scratch git repository whose branch edits one service's OpenAPI file. The baseline,
 * measured in the same run, is one synthesis of the same configuration: `make affected` synthesizes the
 * merge base and the head at the same time, so on two free cores it should cost about one synthesis.
 * Target: under 60 s (docs/decisions/0015-merge-request-scope.md).
 */
const ROOT = path.resolve(__dirname, '../..');
const REPO = path.join(ROOT, '.tmp', 'bench', 'affected-repo');
const RUNS = Number(process.env.BENCH_AFFECTED_RUNS ?? 2);
const TARGET_SECONDS = 60;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', ...args], { cwd: REPO, encoding: 'utf8' });
}

/** A repository with this checkout's files, the generated configuration, and a branch `change` one commit ahead. */
function scratchRepository(): void {
  rmSync(REPO, { recursive: true, force: true });
  mkdirSync(REPO, { recursive: true });
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of files) {
    if (!existsSync(path.join(ROOT, file))) continue;
    mkdirSync(path.dirname(path.join(REPO, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(REPO, file));
  }
  // Hard links, as a real install: the command hard-links the same tree into the merge base's worktree.
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(REPO, 'node_modules')]);
  const generated = path.join(ROOT, '.tmp', 'bench', 'affected-config');
  generateConfig(generated, 200);
  for (const dir of ['environments', 'services']) {
    rmSync(path.join(REPO, dir), { recursive: true, force: true });
    cpSync(path.join(generated, dir), path.join(REPO, dir), { recursive: true });
  }
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'generated 200-service configuration');
  git('checkout', '-qb', 'change');
  const openapi = path.join(REPO, 'services/svc-001/openapi.yaml');
  writeFileSync(openapi, readFileSync(openapi, 'utf8').replace('description: svc-001 API,', 'description: svc-001 API (v1.1),'));
  git('commit', '-qam', 'svc-001: OpenAPI description');
}

function hyperfine(name: string, command: string): { mean: number; stddev: number } {
  const exportFile = path.join(ROOT, '.tmp', 'bench', `${name}.json`);
  execFileSync('hyperfine', ['--style', 'none', '--runs', String(RUNS), '--export-json', exportFile, command], {
    cwd: REPO,
    env: { ...process.env, ENV: '', UAG_CONFIG_DIR: REPO, CDKTF_OUTDIR: path.join(REPO, 'cdktf.out') },
    stdio: 'ignore',
  });
  return (JSON.parse(readFileSync(exportFile, 'utf8')) as { results: { mean: number; stddev: number }[] }).results[0];
}

function main(): void {
  scratchRepository();
  const synth = hyperfine('affected-baseline-synth', 'node --require tsx/cjs main.ts');
  // Cold: both ends synthesized. Warm: the merge base from the cache (the next run on the same branch).
  const affected = hyperfine('affected-200', 'npx tsx tools/ci/affected-cli.ts --base main --no-cache --out .tmp/affected.json');
  const warm = hyperfine('affected-200-warm', 'npx tsx tools/ci/affected-cli.ts --base main --out .tmp/affected.json');
  const result = JSON.parse(readFileSync(path.join(REPO, '.tmp', 'affected.json'), 'utf8')) as { affected: { id: string }[]; total: number };
  console.log(`make affected on the 200-service configuration (one OpenAPI file changed), ${RUNS} runs each (hyperfine), ${new Date().toISOString()}`);
  console.log('');
  console.log('| command | wall mean (s) | ± (s) | vs one synthesis | result |');
  console.log('|---|---:|---:|---:|---|');
  console.log(`| one synthesis (baseline) | ${synth.mean.toFixed(2)} | ${synth.stddev.toFixed(2)} | 1.00 | ${result.total} stacks |`);
  console.log(
    `| make affected BASE=main (cold) | ${affected.mean.toFixed(2)} | ${affected.stddev.toFixed(2)} | ${(affected.mean / synth.mean).toFixed(2)} | ${result.affected.length} affected: ${result.affected.map((entry) => entry.id).join(', ')} |`,
  );
  console.log(
    `| make affected BASE=main, merge base cached | ${warm.mean.toFixed(2)} | ${warm.stddev.toFixed(2)} | ${(warm.mean / synth.mean).toFixed(2)} | same |`,
  );
  console.log('');
  console.log(
    `load average at the end: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(', ')} on ${cpus().length} cores (other processes share them)`,
  );
  console.log(`target: under ${TARGET_SECONDS} s: ${affected.mean < TARGET_SECONDS ? 'met' : 'MISSED'}`);
}

main();
