import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SynthesizedStack } from '../terraform/manifest';
import { runCommand, type CommandResult } from '../terraform/run-command';

/** One terraform command of the run; no fixed short timeout: the suite's overall deadline bounds the run. */
export interface StepOptions {
  readonly terraform: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface PlannedChange {
  readonly address: string;
  readonly action: string;
  /** Top-level attributes and blocks the change touches. */
  readonly attributes: string[];
}

/** Resource addresses a stack declares (cdktf never uses count/for_each here, so one instance each). */
export function declaredResources(stack: SynthesizedStack): string[] {
  const json = JSON.parse(readFileSync(path.join(stack.directory, 'cdk.tf.json'), 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
  return Object.entries(json.resource ?? {}).flatMap(([type, resources]) => Object.keys(resources).map((name) => `${type}.${name}`));
}

export function terraform(stack: SynthesizedStack, args: readonly string[], options: StepOptions): Promise<CommandResult> {
  return runCommand(options.terraform, args, {
    cwd: stack.directory,
    env: {
      ...options.env,
      TF_DATA_DIR: path.join(options.env.UAG_E2E_DATA_DIR!, stack.id),
    },
  });
}

const REPO_ROOT = path.resolve(__dirname, '../..');

/**
 * `cdktf deploy <stack> --skip-synth` over the synthesized output, as users deploy. `--skip-provider-lock` because
 * `terraform providers lock` asks the registry (the run is offline; init still writes the lock file from the mirror);
 * dependencies are applied by the caller first, in manifest order.
 */
export function cdktfDeploy(stack: SynthesizedStack, outdir: string, options: StepOptions): Promise<CommandResult> {
  const args = [
    'deploy',
    stack.id,
    '--skip-synth',
    '--skip-provider-lock',
    '--auto-approve',
    '--ignore-missing-stack-dependencies',
    '--no-color',
    '--output',
    outdir,
  ];
  return runCommand(path.join(REPO_ROOT, 'node_modules', '.bin', 'cdktf'), args, {
    cwd: REPO_ROOT,
    env: {
      ...options.env,
      ...providerDebugLog(stack, options),
      TF_DATA_DIR: path.join(options.env.UAG_E2E_DATA_DIR!, stack.id),
      CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1',
      FORCE_COLOR: '0',
    },
  });
}

/** UAG_E2E_TF_LOG=1: the provider's debug log of each apply (every request, response and retry) next to the run's logs. */
function providerDebugLog(stack: SynthesizedStack, options: StepOptions): NodeJS.ProcessEnv {
  if (options.env.UAG_E2E_TF_LOG !== '1') return {};
  return { TF_LOG_PROVIDER: 'DEBUG', TF_LOG_PATH: path.join(options.env.UAG_E2E_DATA_DIR!, '..', 'logs', `${stack.id}.apply.tf.log`) };
}

// cdktf colours some lines even with --no-color. Built from a string: a control character in a regex literal is linted.
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

/** Terraform errors in cdktf's output ("Error: <summary>" … "with <address>,"), one line each. */
export function cdktfErrors(stdout: string, stderr: string): string[] {
  const lines = `${stdout}\n${stderr}`
    .replace(ANSI_ESCAPE, '')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\S+\s{2,}/, '')
        .replace(/^[│╷╵\s]+/, '')
        .trimEnd(),
    );
  const errors = new Set<string>();
  lines.forEach((line, index) => {
    const error = line.match(/^Error: (.+)$/);
    if (!error) return;
    const block = lines.slice(index + 1, index + 12);
    const end = block.findIndex((next) => /^Error: /.test(next));
    const context = end === -1 ? block : block.slice(0, end);
    const address = context.map((next) => next.match(/^with ([^,]+),$/)?.[1]).find((value) => value !== undefined);
    const detail = context.filter((next) => next !== '' && !/^(with |on |\d+:)/.test(next)).join(' ');
    errors.add(`${address ? `${address}: ` : ''}${error[1]}${detail ? `: ${detail.slice(0, 500)}` : ''}`);
  });
  if (errors.size === 0) errors.add(`cdktf deploy failed: ${`${stderr}\n${stdout}`.trim().replace(/\s+/g, ' ').slice(-600)}`);
  return [...errors];
}

/** Managed resource addresses in the stack's state (data sources excluded). */
export async function stateResources(stack: SynthesizedStack, options: StepOptions): Promise<string[]> {
  const result = await terraform(stack, ['state', 'list'], options);
  if (result.code !== 0) return [];
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('data.'));
}

/** Errors of a `-json` run, one line each with the resource address when Terraform names one. */
export function jsonDiagnostics(stdout: string, stderr: string): string[] {
  const errors: string[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const message = JSON.parse(line) as {
      type: string;
      diagnostic?: {
        severity: string;
        summary: string;
        detail?: string;
        address?: string;
      };
    };
    if (message.type === 'diagnostic' && message.diagnostic?.severity === 'error') {
      const { summary, detail, address } = message.diagnostic;
      errors.push(`${address ? `${address}: ` : ''}${summary}${detail ? `: ${detail.replace(/\s+/g, ' ').slice(0, 600)}` : ''}`);
    }
  }
  if (errors.length === 0 && stderr.trim()) errors.push(stderr.trim().replace(/\s+/g, ' ').slice(0, 600));
  return errors;
}

/** Resource changes a human-readable plan proposes ("# <address> will be updated in-place"), with the top-level
 * attributes each changes (lines "+ name", "~ name", "- name" directly inside the resource block). */
export function plannedChanges(stdout: string): PlannedChange[] {
  const changes: PlannedChange[] = [];
  for (const line of stdout.split('\n')) {
    const header = line.match(/^\s*# (\S+) ((?:will|must) be .+)$/);
    if (header && header[1]!.startsWith('data.')) {
      changes.push({ address: '', action: '', attributes: [] }); // a data source read during apply: not a change
      continue;
    }
    if (header) {
      changes.push({ address: header[1]!, action: header[2]!.trim(), attributes: [] });
      continue;
    }
    const attribute = line.match(/^ {6}[-+~] ([a-z0-9_]+)(?: +=| \{)/);
    const current = changes[changes.length - 1];
    if (attribute && current && !current.attributes.includes(attribute[1]!)) current.attributes.push(attribute[1]!);
  }
  return changes.filter((change) => change.address !== '');
}
