import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { exampleServiceCount, generateConfig } from './generate-config';

/**
 * `make bench`, the local loop (docs/decisions/0019): synth as a multiple of the floor (a tsx process with cdktf and
 * one provider resource), the two timed alternately so that a busy machine slows both alike; then make validate
 * and the test suite, wall and CPU seconds. BENCH_RUNS sets the synth/floor pairs (default 5); BENCH_SKIP_TESTS=1
 * leaves out the test suite.
 */
const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = `example (${exampleServiceCount(ROOT)} services)`;
const WORK = path.join(ROOT, '.tmp', 'bench-feedback');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** How `make synth` runs a TypeScript entry point; the floor runs the same way, so the ratio compares like with like. */
const RUN_TS = ['node', '--require', 'tsx/cjs'];

interface Timing {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

/** One run under /usr/bin/time: wall, user+sys CPU of the process tree, peak RSS of the largest process. */
function timed(command: readonly string[], env: NodeJS.ProcessEnv): Timing {
  const result = spawnSync('/usr/bin/time', ['-f', 'BENCH %e %U %S %M', ...command], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const match = /BENCH ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !match)
    throw new Error(`${command.join(' ')} failed (${result.status}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  return { wallSeconds: Number(match[1]), cpuSeconds: Number(match[2]) + Number(match[3]), peakRssMb: Number(match[4]) / 1024 };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function synthVersusFloor(name: string, configDir: string): void {
  const outdir = path.join(WORK, 'out');
  const synth = () => timed([...RUN_TS, 'main.ts'], { UAG_CONFIG_DIR: configDir, CDKTF_OUTDIR: outdir, ENV: '' });
  const floor = () => timed([...RUN_TS, 'tools/bench/floor.ts'], { CDKTF_OUTDIR: path.join(WORK, 'floor') });
  synth();
  floor();
  const pairs = Array.from({ length: RUNS }, () => ({ synth: synth(), floor: floor() }));
  const synthWall = median(pairs.map((pair) => pair.synth.wallSeconds));
  const floorWall = median(pairs.map((pair) => pair.floor.wallSeconds));
  const ratio = median(pairs.map((pair) => pair.synth.wallSeconds / pair.floor.wallSeconds));
  const rss = Math.max(...pairs.map((pair) => pair.synth.peakRssMb));
  console.log(
    `| synth ${name} | ${synthWall.toFixed(2)} | ${median(pairs.map((pair) => pair.synth.cpuSeconds)).toFixed(2)} | ${rss.toFixed(0)} | floor ${floorWall.toFixed(2)} s | **${ratio.toFixed(2)}×** |`,
  );
}

function validate(name: string, configDir: string): void {
  const outdir = path.join(WORK, `validate-${name.replace(/\W+/g, '-')}`);
  timed([...RUN_TS, 'main.ts'], { UAG_CONFIG_DIR: configDir, CDKTF_OUTDIR: outdir, ENV: '' });
  const run = timed(['npx', 'tsx', 'tools/validate/cli.ts'], { CDKTF_OUTDIR: outdir });
  console.log(`| make validate ${name} | ${run.wallSeconds.toFixed(2)} | ${run.cpuSeconds.toFixed(2)} | ${run.peakRssMb.toFixed(0)} | | |`);
}

function tests(): void {
  const run = timed(['npx', 'jest', '--silent'], {});
  console.log(`| make test (npx jest) | ${run.wallSeconds.toFixed(1)} | ${run.cpuSeconds.toFixed(1)} | ${run.peakRssMb.toFixed(0)} | | |`);
}

function main(): void {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const generated = path.join(WORK, 'config-200');
  generateConfig(generated, 200);
  console.log(`Local loop, ${RUNS} synth/floor pairs timed alternately (median), /usr/bin/time, ${new Date().toISOString()}`);
  console.log('');
  console.log('| step | wall (s) | CPU (s) | peak RSS (MB) | baseline | vs baseline |');
  console.log('|---|---:|---:|---:|---:|---:|');
  synthVersusFloor(EXAMPLE, ROOT);
  synthVersusFloor('generated (200 services)', generated);
  if (process.env.UAG_PROVIDER_MIRROR) {
    validate(EXAMPLE, ROOT);
    validate('generated (200 services)', generated);
  } else {
    console.log('| make validate | SKIPPED: UAG_PROVIDER_MIRROR is not set | | | | |');
  }
  if (process.env.BENCH_SKIP_TESTS !== '1') tests();
}

main();
