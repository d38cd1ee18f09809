import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXIT, main } from '../../../tools/plan-report/cli';
import { REPO_ROOT } from '../../support/example-config';
import { PLAN_FIXTURES } from './fixtures';

const fixture = (relative: string): string => path.join(PLAN_FIXTURES, relative);

/** Runs the CLI in-process with a fresh output directory; returns the exit code, the output and what it wrote. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; out: string; err: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'uag-plan-report-'));
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
  const error = jest.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
  try {
    const code = main(['--out', dir, '--config-dir', REPO_ROOT, ...args], env);
    return { code, out: out.join('\n'), err: err.join('\n'), dir };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('plan-report command', () => {
  it('writes a widget report per stack and a summary per environment, and exits 0 without protected destroys', () => {
    const result = run([fixture('no-op-only/dev-org.plan.json'), fixture('empty-plan/dev-api-payments.plan.json')]);
    expect(result.code).toBe(EXIT.ok);
    expect(readdirSync(result.dir).sort()).toEqual(['dev-api-payments.terraform-report.json', 'dev-org.terraform-report.json', 'summary-dev.md']);
    expect(JSON.parse(readFileSync(path.join(result.dir, 'dev-org.terraform-report.json'), 'utf8'))).toEqual({ create: 0, update: 0, delete: 0 });
    expect(result.out).toContain('## Terraform plan: `dev`');
  });

  it('exits 3 when a protected resource is replaced, naming it on stderr', () => {
    const result = run([fixture('replace-delete-first/dev-gateway.plan.json')]);
    expect(result.code).toBe(EXIT.protectedDestroy);
    expect(result.err).toContain('dev-gateway:aws_api_gateway_vpc_link.payments (VPC link');
    // The summary is still written: the note poster runs before the job fails.
    expect(readFileSync(path.join(result.dir, 'summary-dev.md'), 'utf8')).toContain('Destroy guard: 1 protected resource');
  });

  it('exits 0 when UAG_ALLOW_DESTROY lists the address', () => {
    const result = run([fixture('replace-delete-first/dev-gateway.plan.json')], { UAG_ALLOW_DESTROY: 'dev-gateway:aws_api_gateway_vpc_link.payments' });
    expect(result.code).toBe(EXIT.ok);
  });

  it('exits 0 with --no-guard (per-stack plan jobs leave the guard to the summary job)', () => {
    expect(run(['--no-guard', fixture('replace-delete-first/dev-gateway.plan.json')]).code).toBe(EXIT.ok);
  });

  it('exits 2 on a truncated plan, naming the file', () => {
    const result = run([fixture('no-op-only/dev-org.plan.json'), fixture('malformed/truncated.plan.json')]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toMatch(/truncated\.plan\.json: is truncated/);
  });

  it('exits 2 on a plan whose file name is not a stack of the configuration', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uag-plans-'));
    const renamed = path.join(dir, 'dev-gatewy.plan.json');
    copyFileSync(fixture('empty-plan/dev-api-payments.plan.json'), renamed);
    const result = run([renamed]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('stack "dev-gatewy" is not defined by the configuration; name plan files <stack-id>.plan.json');
  });

  it('exits 2 on a malformed allow list', () => {
    const result = run([fixture('no-op-only/dev-org.plan.json')], { UAG_ALLOW_DESTROY: 'aws_vpc.main' });
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('UAG_ALLOW_DESTROY entry "aws_vpc.main" must be <stack-id>:<resource address>');
  });

  it('sets the process exit code when run as a command', () => {
    const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
    const out = mkdtempSync(path.join(tmpdir(), 'uag-plan-report-'));
    const result = spawnSync(tsx, ['tools/plan-report/cli.ts', '--quiet', '--out', out, fixture('delete-protected/dev-network.plan.json')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, UAG_ALLOW_DESTROY: '' },
    });
    expect(result.status).toBe(EXIT.protectedDestroy);
  });
});
