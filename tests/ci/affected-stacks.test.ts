import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main as affectedMain } from '../../tools/ci/affected-cli';
import { affectedStacks, type AffectedResult } from '../../tools/ci/affected-stacks';
import { canonicalJson, type StackFingerprint } from '../../tools/ci/stack-digest';
import { REPO_ROOT } from '../support/example-config';

const stack = (id: string, digest: string, extra: Partial<StackFingerprint> = {}): StackFingerprint => ({
  id,
  digest,
  outputs: new Map(),
  reads: new Map(),
  dependencies: [],
  resources: [],
  ...extra,
});
const ids = (result: AffectedResult) => result.affected.map((entry) => entry.id);

describe('canonicalJson', () => {
  it('ignores key order, cdktf metadata and asset hash directories, but not values', () => {
    const a = {
      resource: {
        aws_lambda_function: { F: { filename: 'assets/Fn_Code_1/a93b43ca26a5a4e7f2c8b56094b23880/fn.zip', '//': { metadata: { path: 'x' } }, timeout: 3 } },
      },
    };
    const b = { resource: { aws_lambda_function: { F: { timeout: 3, filename: 'assets/Fn_Code_1/6ffd21f3f80b7ad0f8d97b32abc359e3/fn.zip' } } } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"resource":{"aws_lambda_function":{"F":{"filename":"assets/Fn_Code_1/<asset>/fn.zip","timeout":3}}}}');
    expect(canonicalJson({ ...b, x: 1 })).not.toBe(canonicalJson(b));
  });
});

describe('affectedStacks', () => {
  const gatewayOutputs = new Map([
    ['vpc_link_payments', 'o1'],
    ['vpc_link_ledger', 'o2'],
  ]);
  const base = new Map([
    ['dev-gateway', stack('dev-gateway', 'g1', { outputs: gatewayOutputs })],
    ['dev-api-payments', stack('dev-api-payments', 'p1', { reads: new Map([['dev-gateway', new Set(['vpc_link_payments'])]]) })],
    ['dev-api-ledger', stack('dev-api-ledger', 'l1', { reads: new Map([['dev-gateway', new Set(['vpc_link_ledger'])]]) })],
    [
      'dev-api-old',
      stack('dev-api-old', 'x1', { accountId: '444455556666', resources: [{ address: 'aws_api_gateway_rest_api.Api', type: 'aws_api_gateway_rest_api' }] }),
    ],
  ]);

  it('lists nothing when every digest matches', () => {
    expect(affectedStacks(base, base, 'abc')).toEqual({ base: 'abc', affected: [], destroyed: [], unchanged: 4, total: 4 });
  });

  it('lists a changed stack alone when no output it defines changed', () => {
    const head = new Map(base).set('dev-api-payments', stack('dev-api-payments', 'p2', { reads: base.get('dev-api-payments')!.reads }));
    expect(affectedStacks(base, head, 'abc').affected).toEqual([{ id: 'dev-api-payments', reasons: [{ kind: 'changed' }] }]);
  });

  it('adds the stacks that read a changed output, and only those', () => {
    const head = new Map(base).set(
      'dev-gateway',
      stack('dev-gateway', 'g2', {
        outputs: new Map([
          ['vpc_link_payments', 'o1-new'],
          ['vpc_link_ledger', 'o2'],
        ]),
      }),
    );
    expect(affectedStacks(base, head, 'abc').affected).toEqual([
      { id: 'dev-gateway', reasons: [{ kind: 'changed' }] },
      { id: 'dev-api-payments', reasons: [{ kind: 'reads-changed-outputs', producer: 'dev-gateway', outputs: ['vpc_link_payments'] }] },
    ]);
  });

  it('lists a disappearing stack as destroyed with its resources and a new one as added', () => {
    const head = new Map(base);
    head.delete('dev-api-old');
    head.set('dev-api-new', stack('dev-api-new', 'n1'));
    const result = affectedStacks(base, head, 'abc');
    expect(ids(result)).toEqual(['dev-api-new']);
    expect(result.destroyed).toEqual([
      { id: 'dev-api-old', accountId: '444455556666', resources: [{ address: 'aws_api_gateway_rest_api.Api', type: 'aws_api_gateway_rest_api' }] },
    ]);
    expect([result.unchanged, result.total]).toEqual([3, 4]);
  });
});

/**
 * The command on a real git history: a scratch repository with the example configuration, one commit on a
 * branch that edits the payments OpenAPI description. Both ends are synthesized by the command itself.
 */
describe('make affected in a scratch repository', () => {
  let repo = '';
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const run = async (...args: string[]): Promise<{ code: number; output: string }> => {
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const error = jest.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line));
    const cwd = process.cwd();
    try {
      process.chdir(repo);
      return { code: await affectedMain(args, { ...process.env, UAG_CONFIG_DIR: '' }), output: lines.join('\n') };
    } finally {
      process.chdir(cwd);
      log.mockRestore();
      error.mockRestore();
    }
  };

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'uag-affected-repo-'));
    const skip = new Set(['node_modules', '.git', 'cdktf.out', 'cdktf.out.offline', '.tmp', 'coverage', 'affected.json']);
    cpSync(REPO_ROOT, repo, { recursive: true, filter: (file) => !skip.has(path.basename(file)) || path.dirname(file) !== REPO_ROOT });
    // Hard links, as a checkout's own install would be (a symlink changes the Lambda bundles' source maps).
    execFileSync('cp', ['-al', path.join(REPO_ROOT, 'node_modules'), path.join(repo, 'node_modules')]);
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base');
    git('checkout', '-qb', 'change');
    const openapi = path.join(repo, 'services/payments/openapi.yaml');
    writeFileSync(
      openapi,
      readFileSync(openapi, 'utf8').replace(
        'description: Payments API, served through the unified API gateway.',
        'description: Payments API (v1.1), served through the unified API gateway.',
      ),
    );
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qam', 'describe payments v1.1');
  });

  it('plans only the payments API stacks after an OpenAPI edit, and writes affected.json', async () => {
    const { code, output } = await run('--base', 'main', '--out', 'affected.json');
    expect([code, output]).toEqual([0, expect.stringContaining('affected: 3 of 35 stacks to plan, 32 unchanged since')]);
    const result = JSON.parse(readFileSync(path.join(repo, 'affected.json'), 'utf8')) as AffectedResult;
    expect([...result.affected].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      ['dev-api-payments', 'prod-api-payments', 'staging-api-payments'].map((id) => ({ id, reasons: [{ kind: 'changed' }] })),
    );
    expect([result.destroyed, result.unchanged, result.total]).toEqual([[], 32, 35]);
    expect(result.base).toBe(git('rev-parse', 'main').trim());
    expect(git('worktree', 'list').trim().split('\n')).toHaveLength(1);
    expect(output).not.toContain('affected-cache');
  });

  it('reuses the merge base from the cache on the next run, with the same answer', async () => {
    const first = readFileSync(path.join(repo, 'affected.json'), 'utf8');
    const { code, output } = await run('--base', 'main', '--out', 'affected.json');
    expect(code).toBe(0);
    expect(output).toMatch(
      /^affected: merge base [0-9a-f]{12} from \.tmp\/affected-cache\/[0-9a-f]{40}-[0-9a-f]{16}\.json \(--no-cache synthesizes it again\)$/m,
    );
    expect(readFileSync(path.join(repo, 'affected.json'), 'utf8')).toBe(first);
  });

  it('fails when the base is not a commit, saying how to fetch it', async () => {
    const { code, output } = await run('--base', 'origin/nowhere');
    expect(code).toBe(2);
    expect(output).toContain('affected: no merge base of origin/nowhere and HEAD');
    expect(output).toContain('git fetch origin nowhere');
  });
});
