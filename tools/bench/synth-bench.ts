import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { exampleServiceCount, generateConfig } from './generate-config';

/**
 * `make bench`: wall time (hyperfine, mean of several runs) and peak RSS (/usr/bin/time -v) of synthesizing
 * every environment, for the example configuration and a generated 200-service one, each compared in the
 * same run with a baseline that loads @cdktf/provider-aws from its package root before the same app.
 * Then route proofs alone (make paths over the finished output) for the same two configurations, against the
 * issue-13 targets (under 5 s for the example's three environments, under 30 s for 200 services) and as a
 * ratio of that configuration's synthesis time measured in the same run.
 */
const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = `example (${exampleServiceCount(ROOT)} services)`;
const WORK = path.join(ROOT, '.tmp', 'bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Case {
  readonly name: string;
  readonly configDir: string;
  readonly baseline: boolean;
}

interface Measurement {
  readonly meanSeconds: number;
  readonly stddevSeconds: number;
  readonly peakRssMb: number;
}

function command(entry: Case): string[] {
  // The baseline differs only by loading the provider package root first, as a root import of the package would.
  const preload = entry.baseline ? ['--require', '@cdktf/provider-aws'] : [];
  return ['node', ...preload, '--require', 'tsx/cjs', 'main.ts'];
}

function environmentFor(entry: Case): NodeJS.ProcessEnv {
  return { ...process.env, UAG_CONFIG_DIR: entry.configDir, CDKTF_OUTDIR: path.join(WORK, 'out'), ENV: '' };
}

function measure(entry: Case): Measurement {
  const exportFile = path.join(WORK, `${entry.name.replace(/\W+/g, '-')}.json`);
  const shellCommand = command(entry).join(' ');
  execFileSync('hyperfine', ['--style', 'none', '--warmup', '1', '--runs', String(RUNS), '--export-json', exportFile, shellCommand], {
    cwd: ROOT,
    env: environmentFor(entry),
    stdio: 'ignore',
  });
  const [result] = (JSON.parse(readFileSync(exportFile, 'utf8')) as { results: { mean: number; stddev: number | null }[] }).results;
  const timed = spawnSync('/usr/bin/time', ['-v', ...command(entry)], { cwd: ROOT, env: environmentFor(entry), encoding: 'utf8' });
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timed.stderr)?.[1]);
  if (timed.status !== 0 || !rssKb) throw new Error(`${shellCommand} failed:\n${timed.stderr}`);
  return { meanSeconds: result.mean, stddevSeconds: result.stddev ?? 0, peakRssMb: rssKb / 1024 };
}

function main(): void {
  mkdirSync(WORK, { recursive: true });
  const generated = path.join(WORK, 'config-200');
  generateConfig(generated, 200);
  const cases: Case[] = [
    { name: EXAMPLE, configDir: ROOT, baseline: false },
    { name: EXAMPLE, configDir: ROOT, baseline: true },
    { name: 'generated (200 services)', configDir: generated, baseline: false },
    { name: 'generated (200 services)', configDir: generated, baseline: true },
  ];
  const stackCount = (configDir: string) => {
    const output = execFileSync('node', ['--require', 'tsx/cjs', 'main.ts'], {
      cwd: ROOT,
      env: environmentFor({ name: '', configDir, baseline: false }),
      encoding: 'utf8',
    });
    return Number(/Synthesized (\d+) stacks/.exec(output)?.[1]);
  };

  console.log(
    `Synthesis of every environment, ${RUNS} runs each after one warm-up (hyperfine ${execFileSync('hyperfine', ['--version'], { encoding: 'utf8' }).trim().split(' ')[1]}), peak RSS from /usr/bin/time -v, ${new Date().toISOString()}`,
  );
  console.log('');
  const synthMeans = new Map<string, { configDir: string; meanSeconds: number }>();
  console.log('| configuration | stacks | imports | wall mean (s) | ± (s) | peak RSS (MB) | wall vs baseline | RSS vs baseline |');
  console.log('|---|---:|---|---:|---:|---:|---:|---:|');
  for (let index = 0; index < cases.length; index += 2) {
    const [deep, root] = [cases[index], cases[index + 1]];
    const stacks = stackCount(deep.configDir);
    const deepResult = measure(deep);
    const rootResult = measure(root);
    const row = (label: string, result: Measurement) =>
      `| ${deep.name} | ${stacks} | ${label} | ${result.meanSeconds.toFixed(2)} | ${result.stddevSeconds.toFixed(2)} | ${result.peakRssMb.toFixed(0)} | ${(result.meanSeconds / rootResult.meanSeconds).toFixed(2)} | ${(result.peakRssMb / rootResult.peakRssMb).toFixed(2)} |`;
    console.log(row('deep (lib/<resource>)', deepResult));
    console.log(row('package root (baseline)', rootResult));
    synthMeans.set(deep.name, { configDir: deep.configDir, meanSeconds: deepResult.meanSeconds });
  }
  routeProofBench(synthMeans);
}

/** Route-proof targets (issue 13): the checker over every environment's output. */
const ROUTE_PROOF_TARGET_SECONDS: Readonly<Record<string, number>> = { [EXAMPLE]: 5, 'generated (200 services)': 30 };

/**
 * `make paths` alone (tools/paths/cli.ts over a finished cdktf.out, every environment), timed like synthesis and
 * compared with the synthesis of the same configuration measured above in the same run.
 */
function routeProofBench(synthMeans: ReadonlyMap<string, { configDir: string; meanSeconds: number }>): void {
  console.log('');
  console.log(`Route proofs (tools/paths/cli.ts, every environment), ${RUNS} runs each after one warm-up`);
  console.log('');
  console.log('| configuration | routes | hops | wall mean (s) | ± (s) | peak RSS (MB) | target (s) | vs synthesis |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, synth] of synthMeans) {
    const outdir = path.join(WORK, `paths-${name.replace(/\W+/g, '-')}`);
    execFileSync('node', ['--require', 'tsx/cjs', 'main.ts'], {
      cwd: ROOT,
      env: { ...environmentFor({ name, configDir: synth.configDir, baseline: false }), CDKTF_OUTDIR: outdir },
      stdio: 'ignore',
    });
    const cli = ['node', '--import', 'tsx', 'tools/paths/cli.ts', '--outdir', outdir];
    const json = JSON.parse(
      execFileSync(cli[0]!, [...cli.slice(1), '--format', 'json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ENV: '' } }),
    ) as {
      environments: { routes: number; hops: number; broken: number }[];
    };
    const total = (field: 'routes' | 'hops' | 'broken') => json.environments.reduce((sum, environment) => sum + environment[field], 0);
    if (total('broken') > 0) throw new Error(`route proofs of ${name} found ${total('broken')} broken routes; run make paths`);
    const result = measureCommand(`paths-${name}`, cli, { ...process.env, ENV: '' });
    const target = ROUTE_PROOF_TARGET_SECONDS[name];
    const verdict = target === undefined ? '' : `${target} ${result.meanSeconds < target ? '(met)' : '(MISSED)'}`;
    console.log(
      `| ${name} | ${total('routes')} | ${total('hops')} | ${result.meanSeconds.toFixed(2)} | ${result.stddevSeconds.toFixed(2)} | ${result.peakRssMb.toFixed(0)} | ${verdict} | ${(result.meanSeconds / synth.meanSeconds).toFixed(2)} |`,
    );
  }
}

function measureCommand(name: string, argv: readonly string[], env: NodeJS.ProcessEnv): Measurement {
  const exportFile = path.join(WORK, `${name.replace(/\W+/g, '-')}.json`);
  execFileSync('hyperfine', ['--style', 'none', '--warmup', '1', '--runs', String(RUNS), '--export-json', exportFile, argv.join(' ')], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  const [result] = (JSON.parse(readFileSync(exportFile, 'utf8')) as { results: { mean: number; stddev: number | null }[] }).results;
  const timed = spawnSync('/usr/bin/time', ['-v', ...argv], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timed.stderr)?.[1]);
  if (!rssKb) throw new Error(`${argv.join(' ')} failed:\n${timed.stderr}`);
  return { meanSeconds: result.mean, stddevSeconds: result.stddev ?? 0, peakRssMb: rssKb / 1024 };
}

main();
