import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { EXIT, main } from '../../../tools/tflint/cli';
import type { CodeQualityIssue } from '../../../tools/tflint/code-quality';
import { REPO_ROOT } from '../../support/example-config';
import { fakeOutdir, fakeTflint, pathWithoutTflint, type CannedRun } from './fake-tflint';

const STACKS = ['dev-gateway', 'dev-network', 'dev-org'];

const ISSUES: Record<string, CannedRun> = {
  'dev-gateway': {
    output: {
      issues: [
        {
          rule: {
            name: 'aws_api_gateway_stage_invalid_logging_level',
            severity: 'error',
            link: 'https://github.com/terraform-linters/tflint-ruleset-aws/blob/v0.44.0/docs/rules/x.md',
          },
          message: '"VERBOSE" is an invalid value as logging_level',
          range: { filename: 'cdk.tf.json', start: { line: 42, column: 9 }, end: { line: 42, column: 30 } },
          callers: [],
        },
        {
          rule: { name: 'terraform_unused_declarations', severity: 'warning', link: '' },
          message: 'data "aws_partition" "unused" is declared but not used',
          range: { filename: 'cdk.tf.json', start: { line: 7, column: 5 }, end: { line: 7, column: 20 } },
          callers: [],
        },
      ],
      errors: [],
    },
  },
  'dev-network': { output: { issues: [], errors: [] } },
};

/** Runs `tsx tools/tflint/cli.ts` as `make tflint` does, with the given PATH: the entry point's own process. */
function runWrapper(pathVariable: string, outdir: string): { status: number | null; stdout: string; stderr: string } {
  const reports = mkdtempSync(path.join(tmpdir(), 'uag-tflint-reports-'));
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, [path.join(REPO_ROOT, 'tools/tflint/cli.ts'), '--outdir', outdir, '--reports', reports], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATH: pathVariable, TFLINT: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * What the entry point runs (`main` of tools/tflint/cli.ts), in this process, with the fake as `TFLINT`: the same
 * exit code, output and reports without a tsx process per case.
 */
async function lint(fake: { binDir: string }, outdir: string, extraArgs: string[] = []): Promise<{ status: number; stdout: string; reports: string }> {
  const reports = mkdtempSync(path.join(tmpdir(), 'uag-tflint-reports-'));
  const printed: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void printed.push(parts.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void printed.push(parts.join(' ')));
  try {
    const status = await main(['--outdir', outdir, '--reports', reports, ...extraArgs], { ...process.env, TFLINT: path.join(fake.binDir, 'tflint') });
    return { status, stdout: printed.join('\n'), reports };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('tflint wrapper', () => {
  it('runs tflint in every stack with the root .tflint.hcl and JSON output', async () => {
    const fake = fakeTflint({});
    const outdir = fakeOutdir(STACKS);
    const result = await lint(fake, outdir, ['--init']);
    expect(result.status).toBe(EXIT.ok);
    const calls = readFileSync(fake.log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[]);
    expect(calls).toContainEqual(['--init', `--config=${path.join(REPO_ROOT, '.tflint.hcl')}`, '--no-color']);
    const lintCalls = calls.filter((args) => args.some((arg) => arg.startsWith('--chdir=')));
    expect(lintCalls.map((args) => path.basename(args[0].slice('--chdir='.length))).sort()).toEqual(STACKS);
    for (const args of lintCalls) expect(args).toEqual(expect.arrayContaining([`--config=${path.join(REPO_ROOT, '.tflint.hcl')}`, '--format=json', '--force']));
  });

  it('exits 1 on an error-severity issue and writes Code Quality JSON GitLab accepts', async () => {
    const fake = fakeTflint(ISSUES);
    const outdir = fakeOutdir(STACKS);
    const result = await lint(fake, outdir);
    expect(result.status).toBe(EXIT.issues);
    const quality = JSON.parse(readFileSync(path.join(result.reports, 'tflint-codequality.json'), 'utf8')) as CodeQualityIssue[];
    expect(quality).toHaveLength(2);
    expect(quality[0]).toMatchObject({
      check_name: 'tflint/aws_api_gateway_stage_invalid_logging_level',
      severity: 'critical',
      description: expect.stringMatching(/^dev-gateway: "VERBOSE" is an invalid value as logging_level/),
      location: { path: path.relative(REPO_ROOT, path.join(outdir, 'stacks', 'dev-gateway', 'cdk.tf.json')), lines: { begin: 42 } },
    });
    expect(quality[1].severity).toBe('major');
    expect(new Set(quality.map((issue) => issue.fingerprint)).size).toBe(2);
    // The fields GitLab documents as required for a Code Quality report entry.
    const validate = new Ajv().compile({
      type: 'array',
      items: {
        type: 'object',
        required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
        properties: {
          severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
          location: { type: 'object', required: ['path', 'lines'], properties: { lines: { type: 'object', required: ['begin'] } } },
        },
      },
    });
    expect(validate(quality)).toBe(true);
  });

  it('writes JUnit XML with a failure for the stack with errors and passing cases for the others', async () => {
    const fake = fakeTflint(ISSUES);
    const result = await lint(fake, fakeOutdir(STACKS));
    const junit = readFileSync(path.join(result.reports, 'tflint-junit.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="tflint" tests="3" failures="1" errors="0">');
    expect(junit).toMatch(
      /<testcase classname="tflint" name="dev-gateway"[^>]*>\n\s*<failure message="1 tflint error\(s\)" type="tflint">error aws_api_gateway_stage_invalid_logging_level: &quot;VERBOSE&quot;/,
    );
    expect(junit).toMatch(/<system-out>warning terraform_unused_declarations/);
    expect(junit).toMatch(/<testcase classname="tflint" name="dev-network" file="[^"]+"\/>/);
  });

  it('passes with warnings only', async () => {
    const fake = fakeTflint({ 'dev-gateway': { output: { issues: [(ISSUES['dev-gateway'].output as { issues: unknown[] }).issues[1]], errors: [] } } });
    expect((await lint(fake, fakeOutdir(STACKS))).status).toBe(EXIT.ok);
  });

  it('exits 2 when tflint cannot lint a stack, and reports it as a JUnit error', async () => {
    const fake = fakeTflint({
      'dev-org': { output: { issues: [], errors: [{ message: 'Plugin "aws" not found. Did you run "tflint --init"?', severity: 'error' }] }, exitCode: 1 },
      'dev-network': { output: 'panic: runtime error', exitCode: 2 },
    });
    const result = await lint(fake, fakeOutdir(STACKS));
    expect(result.status).toBe(EXIT.failed);
    expect(result.stdout).toContain('Plugin "aws" not found');
    expect(result.stdout).toContain('tflint exited 2 without JSON output');
    const junit = readFileSync(path.join(result.reports, 'tflint-junit.xml'), 'utf8');
    expect(junit).toContain('errors="2"');
  });

  it('exits 127 with a clear message when tflint is not installed (the entry point process)', () => {
    const result = runWrapper(pathWithoutTflint(), fakeOutdir(STACKS));
    expect(result.status).toBe(EXIT.notInstalled);
    expect(EXIT.notInstalled).not.toBe(EXIT.failed);
    expect(result.stderr).toContain('"tflint" is not installed or not on PATH. Install tflint');
    expect(result.stderr).toContain('Nothing was linted.');
  });

  it('exits 2 when nothing was synthesized', async () => {
    const fake = fakeTflint({});
    const result = await lint(fake, path.join(mkdtempSync(path.join(tmpdir(), 'uag-empty-')), 'cdktf.out'));
    expect(result.status).toBe(EXIT.failed);
    expect(result.stdout).toMatch(/cannot read .*manifest\.json.*run make synth first/);
  });
});
