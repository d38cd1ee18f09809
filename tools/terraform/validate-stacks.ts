import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readManifest } from './manifest';
import { offlineTerraformEnvironment } from './offline-cli-config';
import { runCommand } from './run-command';
import { writeValidationRoot, type ValidationRoot } from './validation-root';

export interface StackValidation {
  readonly stack: string;
  readonly valid: boolean;
  /** Terraform's diagnostics, one line each (summary, detail, file and address), empty when valid. */
  readonly diagnostics: string[];
}

export interface ValidateOptions {
  /** cdktf output directory (holds manifest.json). */
  readonly outdir: string;
  /** Provider filesystem mirror. */
  readonly mirror: string;
  /** @deprecated ignored: one terraform process validates every stack (docs/decisions/0019). */
  readonly concurrency?: number;
  /** @default "terraform" */
  readonly terraform?: string;
}

/**
 * `terraform validate` of every synthesized stack against the real provider schema, offline, in one run: a
 * generated root module calls each stack as a module (tools/terraform/validation-root.ts), so the provider starts
 * once instead of per stack. Diagnostics go back to the stack whose file they name. cdktf.out is only read.
 */
export async function validateStacks(options: ValidateOptions): Promise<StackValidation[]> {
  const stacks = readManifest(options.outdir);
  if (stacks.length === 0) return [];
  const terraform = options.terraform ?? 'terraform';
  const workDir = mkdtempSync(path.join(tmpdir(), 'uag-validate-'));
  try {
    const rootDir = path.join(workDir, 'root');
    mkdirSync(rootDir);
    const root = writeValidationRoot(stacks, rootDir);
    const env = offlineTerraformEnvironment(workDir, options.mirror);
    const init = await runCommand(terraform, ['init', '-backend=false', '-input=false', '-no-color'], { cwd: rootDir, env });
    if (init.code !== 0) throw new Error(`terraform init failed (offline, provider mirror only):\n${init.stderr || init.stdout}`);
    const result = await runCommand(terraform, ['validate', '-json', '-no-color'], { cwd: rootDir, env });
    return attribute(
      stacks.map((stack) => stack.id),
      root,
      result.stdout,
      result.stderr,
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

interface ValidateJson {
  valid: boolean;
  diagnostics: { severity: string; summary: string; detail?: string; range?: { filename: string }; snippet?: { context?: string | null } }[];
}

/** Errors per stack, by the file each diagnostic names; one without a file (or an unknown one) concerns every stack. */
function attribute(stackIds: readonly string[], root: ValidationRoot, stdout: string, stderr: string): StackValidation[] {
  let report: ValidateJson;
  try {
    report = JSON.parse(stdout) as ValidateJson;
  } catch {
    const message = `terraform validate printed no JSON: ${(stderr || stdout).trim()}`;
    return stackIds.map((stack) => ({ stack, valid: false, diagnostics: [message] }));
  }
  const byStack = new Map<string, string[]>(stackIds.map((id) => [id, []]));
  for (const diagnostic of report.diagnostics.filter((entry) => entry.severity === 'error')) {
    const file = diagnostic.range?.filename;
    const stack = file === undefined ? undefined : root.stackOfFile.get(file);
    const provider = file === undefined ? undefined : root.providerOfFile.get(file);
    const address = provider ?? addressOf(diagnostic.snippet?.context);
    const where = [file === undefined ? undefined : stack ? `stacks/${stack}/cdk.tf.json` : file, address].filter(Boolean).join(' ');
    // A root provider block stands for every block of its shape; its values are this stack's.
    const note = provider ? '; the same check covers the provider blocks of this shape in other stacks' : '';
    const line = `${diagnostic.summary}${diagnostic.detail ? `: ${diagnostic.detail}` : ''}${where ? ` (${where}${note})` : ''}`;
    for (const id of stack ? [stack] : stackIds) byStack.get(id)!.push(line);
  }
  return stackIds.map((stack) => ({ stack, valid: byStack.get(stack)!.length === 0, diagnostics: byStack.get(stack)! }));
}

/** `resource.aws_vpc.main` → `aws_vpc.main`; `data.x.y`, `provider.aws`, `module.m` stay as they are. */
function addressOf(context: string | null | undefined): string | undefined {
  if (!context) return undefined;
  return context.startsWith('resource.') ? context.slice('resource.'.length) : context;
}
