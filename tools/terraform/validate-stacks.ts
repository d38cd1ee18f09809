import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { readManifest, type SynthesizedStack } from './manifest';
import { offlineTerraformEnvironment } from './offline-cli-config';
import { mapWithConcurrency, runCommand } from './run-command';

export interface StackValidation {
  readonly stack: string;
  readonly valid: boolean;
  /** Terraform's diagnostics, one line each, empty when valid. */
  readonly diagnostics: string[];
}

export interface ValidateOptions {
  /** cdktf output directory (holds manifest.json). */
  readonly outdir: string;
  /** Provider filesystem mirror. */
  readonly mirror: string;
  /** @default - one per CPU */
  readonly concurrency?: number;
  /** @default "terraform" */
  readonly terraform?: string;
}

/**
 * `terraform validate` of every synthesized stack against the real provider schema, offline.
 * Every stack uses the same single provider, so one `terraform init` fills a shared data directory
 * and each stack only runs `validate` (halves the time of init-per-stack).
 */
export async function validateStacks(options: ValidateOptions): Promise<StackValidation[]> {
  const stacks = readManifest(options.outdir);
  if (stacks.length === 0) return [];
  const terraform = options.terraform ?? 'terraform';
  const workDir = mkdtempSync(path.join(tmpdir(), 'uag-validate-'));
  try {
    const env = offlineTerraformEnvironment(workDir, options.mirror);
    const lockFile = await initialise(terraform, stacks[0], env);
    return await mapWithConcurrency(stacks, options.concurrency ?? availableParallelism(), async (stack) => {
      if (stack !== stacks[0]) copyFileSync(lockFile, path.join(stack.directory, '.terraform.lock.hcl'));
      const result = await runCommand(terraform, ['validate', '-json', '-no-color'], { cwd: stack.directory, env });
      return parseValidation(stack.id, result.stdout, result.stderr);
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function initialise(terraform: string, stack: SynthesizedStack, env: NodeJS.ProcessEnv): Promise<string> {
  const result = await runCommand(terraform, ['init', '-backend=false', '-input=false', '-no-color'], { cwd: stack.directory, env });
  if (result.code !== 0) {
    throw new Error(`terraform init failed in ${stack.id} (offline, provider mirror only):\n${result.stderr || result.stdout}`);
  }
  return path.join(stack.directory, '.terraform.lock.hcl');
}

interface ValidateJson {
  valid: boolean;
  diagnostics: { severity: string; summary: string; detail?: string; range?: { filename: string; start: { line: number } } }[];
}

function parseValidation(stack: string, stdout: string, stderr: string): StackValidation {
  let report: ValidateJson;
  try {
    report = JSON.parse(stdout) as ValidateJson;
  } catch {
    return { stack, valid: false, diagnostics: [`terraform validate printed no JSON: ${(stderr || stdout).trim()}`] };
  }
  const diagnostics = report.diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => `${diagnostic.summary}${diagnostic.detail ? `: ${diagnostic.detail}` : ''}${diagnostic.range ? ` (${diagnostic.range.filename}:${diagnostic.range.start.line})` : ''}`);
  return { stack, valid: report.valid, diagnostics };
}
