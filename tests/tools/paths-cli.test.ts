import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/example-config';
import { sharedExampleSynth } from '../support/shared-example';

/** `make paths` as a user runs it: text and JSON reports, exit codes, and bad input. */
// The run's shared synthesis of every environment (read only; the broken-hop case edits a copy); ENV=dev, as a user
// narrows `make paths ENV=dev`.
const { outdir } = sharedExampleSynth();

function paths(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(REPO_ROOT, 'tools/paths/cli.ts'), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ENV: 'dev' }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('make paths', () => {
  it('prints one ok line per route and the summary, exit 0, and the same in JSON for CI', async () => {
    const text = await paths('--outdir', outdir);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('ok dev '))).toHaveLength(12);
    expect(lines).toContain('ok dev ledger GET /entries (private, 25 hops)');
    expect(lines.at(-1)).toMatch(/^dev: 12 routes, 12 proven, 0 broken, \d+ hops$/);

    const json = await paths('--outdir', outdir, '--format', 'json');
    const report = JSON.parse(json.stdout) as { environments: { environment: string; routes: number; broken: number }[]; routes: { status: string }[] };
    expect(report.environments.map(({ environment, routes, broken }) => ({ environment, routes, broken }))).toEqual([
      { environment: 'dev', routes: 12, broken: 0 },
    ]);
    expect(new Set(report.routes.map((route) => route.status))).toEqual(new Set(['ok']));
  });

  it('names the broken hop with stack, address, attribute and fix, exit 1', async () => {
    const broken = path.join(mkdtempSync(path.join(tmpdir(), 'uag-paths-broken-')), 'cdktf.out');
    cpSync(outdir, broken, { recursive: true });
    const file = path.join(broken, 'stacks/dev-api-ledger/cdk.tf.json');
    const stack = JSON.parse(readFileSync(file, 'utf8')) as { resource: { aws_api_gateway_base_path_mapping: Record<string, { stage_name: string }> } };
    const [name, mapping] = Object.entries(stack.resource.aws_api_gateway_base_path_mapping)[0]!;
    mapping.stage_name = 'missing';
    writeFileSync(file, JSON.stringify(stack));

    const run = await paths('--outdir', broken, '--service', 'ledger');
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const at = lines.indexOf('BROKEN dev ledger GET /entries (private) at hop 5 "base-path-mapping"');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe(`    dev-api-ledger aws_api_gateway_base_path_mapping.${name} stage_name`);
    expect(lines[at + 3]).toBe('    fix: reference the stage_name of the API stage');
  });

  it('refuses a directory without manifest.json with exit 2 and says what to do', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'uag-paths-empty-'));
    const run = await paths('--outdir', empty);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`paths: ${path.join(empty, 'manifest.json')} is missing (run \`make synth\` first)`);
  });

  it('refuses an environment the output does not hold, exit 2', async () => {
    const run = await paths('--outdir', outdir, '--env', 'qa');
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`paths: ${outdir} has no environment qa (it has dev, prod, staging); synthesize it first`);
  });
});
