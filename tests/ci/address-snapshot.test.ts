import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { compareAddresses, declaredMoves, describeDifference, parseSnapshot, stackAddresses, type StackJson } from '../../tools/ci/address-snapshot';
import { exampleConfig, REPO_ROOT } from '../support/example-config';
import { synthEnvironment } from '../support/environment-json';

const SNAPSHOT_DIR = path.join(REPO_ROOT, 'tests/snapshots/addresses');
const snapshotOf = (environment: string): string[] =>
  parseSnapshot(readFileSync(path.join(SNAPSHOT_DIR, `${environment}.txt`), 'utf8'), `tests/snapshots/addresses/${environment}.txt`);

describe('resource addresses of the example configuration', () => {
  it.each(exampleConfig().environments.map(({ config }) => config.name))('%s matches tests/snapshots/addresses (or declares its moves)', (name) => {
    const environment = exampleConfig().environments.find(({ config }) => config.name === name)!.config;
    const stacks = synthEnvironment(environment) as Map<string, StackJson>;
    const difference = compareAddresses(snapshotOf(name), stackAddresses(stacks), declaredMoves(stacks));
    const message = describeDifference(name, `tests/snapshots/addresses/${name}.txt`, difference);
    // The message is the whole point of a failure here: it lists old and new addresses and how to declare a move.
    if (message) throw new Error(message);
  });
});

describe('compareAddresses', () => {
  const gateway = (name: string) => ({ stack: 'dev-gateway', address: `aws_cloudwatch_dashboard.${name}` });
  const snapshot = ['dev-gateway aws_cloudwatch_dashboard.Dashboard_9E4231ED', 'dev-gateway aws_sns_topic.Topic_1'];

  it('fails when a resource is renamed without a move, naming the old and the new address', () => {
    const difference = compareAddresses(snapshot, [gateway('Dashboard_Board_1234ABCD'), { stack: 'dev-gateway', address: 'aws_sns_topic.Topic_1' }], []);
    expect(difference).toEqual({ removed: [gateway('Dashboard_9E4231ED')], added: [gateway('Dashboard_Board_1234ABCD')], moved: [] });
    const message = describeDifference('dev', 'dev.txt', difference);
    expect(message.split('\n').slice(0, 5)).toEqual([
      'dev: resource addresses differ from dev.txt (1 removed, 1 added)',
      '  removed (Terraform would DESTROY these):',
      '    - dev-gateway aws_cloudwatch_dashboard.Dashboard_9E4231ED',
      '  added (Terraform would create these):',
      '    + dev-gateway aws_cloudwatch_dashboard.Dashboard_Board_1234ABCD',
    ]);
    expect(message).toContain("<new construct>.moveFromId('aws_cloudwatch_dashboard.Dashboard_9E4231ED')");
    expect(message).toContain('make addresses');
  });

  it('accounts for a rename that declares a moved block, instance keys included', () => {
    const current = [gateway('Dashboard_Board_1234ABCD'), { stack: 'dev-gateway', address: 'aws_sns_topic.Topic_1' }];
    const moves = declaredMoves(
      new Map([
        ['dev-gateway', { moved: [{ from: 'aws_cloudwatch_dashboard.Dashboard_9E4231ED[0]', to: 'aws_cloudwatch_dashboard.Dashboard_Board_1234ABCD[0]' }] }],
      ]),
    );
    const difference = compareAddresses(snapshot, current, moves);
    expect(difference).toEqual({
      removed: [],
      added: [],
      moved: [{ stack: 'dev-gateway', from: 'aws_cloudwatch_dashboard.Dashboard_9E4231ED', to: 'aws_cloudwatch_dashboard.Dashboard_Board_1234ABCD' }],
    });
    expect(describeDifference('dev', 'dev.txt', difference)).toBe('');
  });

  it('fails when the move is declared in another stack (state is per stack, so Terraform cannot move it)', () => {
    const moves = [{ stack: 'dev-network', from: 'aws_cloudwatch_dashboard.Dashboard_9E4231ED', to: 'aws_cloudwatch_dashboard.Dashboard_Board_1234ABCD' }];
    const difference = compareAddresses(snapshot, [gateway('Dashboard_Board_1234ABCD'), { stack: 'dev-gateway', address: 'aws_sns_topic.Topic_1' }], moves);
    expect(difference.removed).toEqual([gateway('Dashboard_9E4231ED')]);
  });

  it('fails when a snapshot line is malformed, naming file and line', () => {
    expect(() => parseSnapshot('# header\ndev-gateway aws_x.a\ndev-gateway\n', 'dev.txt')).toThrow(
      'dev.txt:3: expected "<stack> <type>.<name>", got "dev-gateway"',
    );
  });
});

/**
 * Acceptance: a scratch copy of the repository renames a construct id (the gateway dashboard's `Resource`),
 * the check fails naming old and new address, and passes once the new construct declares the move.
 */
describe('make addresses-check in a scratch copy', () => {
  const OLD = "new CloudwatchDashboard(this, 'Resource', { dashboardName: props.name, dashboardBody: JSON.stringify({ widgets }) });";
  const source = 'modules/observability/environment-dashboard.ts';
  let copy = '';

  const check = (): Promise<{ code: number; output: string }> =>
    new Promise((resolve) => {
      execFile(
        path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
        ['tools/ci/addresses-cli.ts', '--check'],
        { cwd: copy, env: { ...process.env, ENV: 'dev', UAG_CONFIG_DIR: copy } },
        (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr }),
      );
    });

  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'uag-rename-'));
    const skip = new Set(['node_modules', '.git', 'cdktf.out', 'cdktf.out.offline', '.tmp', 'coverage']);
    cpSync(REPO_ROOT, copy, { recursive: true, filter: (file) => !skip.has(path.basename(file)) || path.dirname(file) !== REPO_ROOT });
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    const text = readFileSync(path.join(copy, source), 'utf8');
    if (!text.includes(OLD)) throw new Error(`${source} no longer contains ${OLD}; point this test at another construct`);
  });

  const edit = (replacement: string): void => {
    const file = path.join(copy, source);
    writeFileSync(file, readFileSync(path.join(REPO_ROOT, source), 'utf8').replace(OLD, replacement));
  };
  const oldAddress = (): string =>
    snapshotOf('dev')
      .find((entry) => entry.startsWith('dev-gateway aws_cloudwatch_dashboard.'))!
      .split(' ')[1];

  it('fails when the construct id is renamed, naming the old and the new address', async () => {
    edit(OLD.replace("'Resource'", "'Board'"));
    const { code, output } = await check();
    expect(code).toBe(1);
    expect(output).toContain('dev: resource addresses differ from tests/snapshots/addresses/dev.txt (1 removed, 1 added)');
    expect(output).toContain(`    - dev-gateway ${oldAddress()}\n`);
    expect(output).toMatch(/\n {4}\+ dev-gateway aws_cloudwatch_dashboard\.Dashboard_Board_[0-9A-F]{8} {3}\(dev-gateway\/Dashboard\/Board\)\n/);
  });

  it('passes once the renamed construct declares the move (cdktf moveFromId → moved block)', async () => {
    edit(OLD.replace("'Resource'", "'Board'").replace(/\);$/, `).moveFromId('${oldAddress()}');`));
    const { code, output } = await check();
    expect([code, output]).toEqual([
      0,
      expect.stringMatching(
        new RegExp(`dev-gateway ${oldAddress().replace('.', '\\.')} → aws_cloudwatch_dashboard\\.Dashboard_Board_[0-9A-F]{8} \\(moved block\\)\\n`),
      ),
    ]);
    expect(output).toContain('addresses: dev: 11 stacks match tests/snapshots/addresses/dev.txt');
  });
});
