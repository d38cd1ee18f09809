import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { SynthesizedStack } from '../terraform/manifest';
import { mapWithConcurrency, runCommand } from '../terraform/run-command';

/** One finding as tflint's `--format=json` prints it. */
export interface TflintIssue {
  readonly rule: { readonly name: string; readonly severity: 'error' | 'warning' | 'notice' | string; readonly link?: string };
  readonly message: string;
  readonly range: { readonly filename: string; readonly start: { readonly line: number; readonly column?: number } };
}

export interface StackLint {
  readonly stack: string;
  /** `cdk.tf.json` of the stack, relative to the working directory (what reports point at). */
  readonly file: string;
  readonly issues: readonly TflintIssue[];
  /** tflint could not lint the stack (bad configuration, missing plugin): its messages. */
  readonly errors: readonly string[];
}

export interface TflintOptions {
  /** Absolute path of the one root `.tflint.hcl`. */
  readonly config: string;
  /** @default "tflint" */
  readonly tflint?: string;
  /** @default - one per CPU */
  readonly concurrency?: number;
  /** Directory report paths are relative to. @default process.cwd() */
  readonly root?: string;
}

interface TflintJson {
  issues?: TflintIssue[];
  errors?: { message?: string; summary?: string; range?: { filename?: string; start?: { line?: number } } }[];
}

/**
 * tflint in every stack directory with the root configuration. cdktf output is JSON, which tflint
 * lints like HCL, but it cannot carry `# tflint-ignore` comments: suppressions live in `.tflint.hcl`.
 * `--force` keeps tflint's exit code at 0 when it finds issues, so only a failure to run is an error.
 */
export async function lintStacks(stacks: readonly SynthesizedStack[], options: TflintOptions): Promise<StackLint[]> {
  const tflint = options.tflint ?? 'tflint';
  const root = options.root ?? process.cwd();
  return mapWithConcurrency(stacks, options.concurrency ?? availableParallelism(), async (stack) => {
    const file = path.relative(root, path.join(stack.directory, 'cdk.tf.json'));
    const result = await runCommand(tflint, [`--chdir=${stack.directory}`, `--config=${options.config}`, '--format=json', '--force', '--no-color'], {
      cwd: root,
      env: process.env,
    });
    let json: TflintJson;
    try {
      json = JSON.parse(result.stdout) as TflintJson;
    } catch {
      return { stack: stack.id, file, issues: [], errors: [`tflint exited ${result.code} without JSON output: ${(result.stderr || result.stdout).trim()}`] };
    }
    const errors = (json.errors ?? []).map((error) => {
      const where = error.range?.filename ? ` (${error.range.filename}${error.range.start?.line ? `:${error.range.start.line}` : ''})` : '';
      return `${error.summary ?? error.message ?? 'unknown error'}${where}`;
    });
    if (result.code !== 0 && errors.length === 0) errors.push(`tflint exited ${result.code}: ${(result.stderr || '').trim()}`);
    return { stack: stack.id, file, issues: json.issues ?? [], errors };
  });
}

/** `tflint --init`: installs the plugins `.tflint.hcl` pins (needs network once; CI caches TFLINT_PLUGIN_DIR). */
export async function initTflint(options: Pick<TflintOptions, 'config' | 'tflint' | 'root'>): Promise<string | undefined> {
  const result = await runCommand(options.tflint ?? 'tflint', ['--init', `--config=${options.config}`, '--no-color'], {
    cwd: options.root ?? process.cwd(),
    env: process.env,
  });
  return result.code === 0 ? undefined : (result.stderr || result.stdout).trim();
}
