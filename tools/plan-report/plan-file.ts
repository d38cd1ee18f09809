import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** One entry of `resource_changes` in `terraform show -json <planfile>` (the fields the report reads). */
export interface ResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  /** Set when the entry concerns a deposed object left by an interrupted create-before-destroy. */
  readonly deposed?: string;
  /** Why Terraform chose the action, e.g. `replace_because_cannot_update`. */
  readonly action_reason?: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before?: unknown;
    readonly after?: unknown;
  };
}

/** A parsed, checked plan of one stack. */
export interface StackPlan {
  /** Stack id, from the file name `<stack-id>.plan.json`. */
  readonly stack: string;
  readonly file: string;
  readonly terraformVersion: string;
  readonly resourceChanges: readonly ResourceChange[];
  /** Changes Terraform detected outside of Terraform during refresh (drift), when it refreshed. */
  readonly resourceDrift: readonly ResourceChange[];
}

/** A plan file that cannot be used, with where and what to do. */
export class PlanFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file}${field ? ` (${field})` : ''}: ${problem}; ${fix}`);
    this.name = 'PlanFileError';
  }
}

const SHOW_JSON_FIX = 'pass the output of `terraform show -json <planfile>` for a plan saved with `terraform plan -out=<planfile>`';

/** `dev-gateway.plan.json` → `dev-gateway`; the file name is the contract between plan jobs and the report. */
export function stackIdFromFileName(file: string): string {
  return path.basename(file).replace(/\.plan\.json$|\.json$/, '');
}

/** Reads and checks one plan file; every way it can be unusable becomes a PlanFileError. */
export function readPlanFile(file: string, stack: string = stackIdFromFileName(file)): StackPlan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PlanFileError(file, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, SHOW_JSON_FIX);
  }
  return parsePlan(text, file, stack);
}

/** Parses plan JSON text; `file` only labels errors. */
export function parsePlan(text: string, file: string, stack: string): StackPlan {
  if (text.trim() === '') throw new PlanFileError(file, '', 'is empty', SHOW_JSON_FIX);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const truncated = /end of JSON input|Unterminated/i.test(message);
    throw new PlanFileError(
      file,
      '',
      truncated ? `is truncated after ${text.length} characters (${message})` : `is not valid JSON (${message})`,
      truncated ? 'the plan job was probably interrupted or the artifact upload was cut short; rerun the plan job' : SHOW_JSON_FIX,
    );
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new PlanFileError(file, '', `is JSON ${Array.isArray(document) ? 'array' : typeof document}, not a Terraform plan object`, SHOW_JSON_FIX);
  }
  const plan = document as Record<string, unknown>;
  if (typeof plan.format_version !== 'string') {
    throw new PlanFileError(file, 'format_version', 'is missing, so this is not Terraform JSON output', SHOW_JSON_FIX);
  }
  if (!plan.format_version.startsWith('1.')) {
    throw new PlanFileError(file, 'format_version', `is ${plan.format_version}; this report reads format 1.x`, 'use Terraform 1.x or update tools/plan-report');
  }
  if (!('planned_values' in plan)) {
    const isState = 'values' in plan;
    throw new PlanFileError(file, 'planned_values', isState ? 'is missing: this is the JSON of a state, not of a plan' : 'is missing, so this is not a plan', SHOW_JSON_FIX);
  }
  if (plan.errored === true) {
    throw new PlanFileError(file, 'errored', 'is true: Terraform could not finish this plan', 'fix the errors printed by the plan job and plan again');
  }
  return {
    stack,
    file,
    terraformVersion: typeof plan.terraform_version === 'string' ? plan.terraform_version : 'unknown',
    resourceChanges: checkChanges(plan.resource_changes, 'resource_changes', file),
    resourceDrift: checkChanges(plan.resource_drift, 'resource_drift', file),
  };
}

function checkChanges(value: unknown, field: string, file: string): ResourceChange[] {
  // Terraform omits the key when there is nothing to list (an empty plan has no resource_changes).
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new PlanFileError(file, field, `must be an array, got ${typeof value}`, SHOW_JSON_FIX);
  value.forEach((entry: unknown, index) => {
    const change = entry as Partial<ResourceChange> | null;
    const where = `${field}[${index}]`;
    if (typeof change?.address !== 'string') throw new PlanFileError(file, `${where}.address`, 'is missing', SHOW_JSON_FIX);
    if (typeof change.type !== 'string') throw new PlanFileError(file, `${where}.type`, `is missing for ${change.address}`, SHOW_JSON_FIX);
    const actions = change.change?.actions;
    if (!Array.isArray(actions) || actions.some((action) => typeof action !== 'string')) {
      throw new PlanFileError(file, `${where}.change.actions`, `must be a list of action names for ${change.address}`, SHOW_JSON_FIX);
    }
  });
  return value as ResourceChange[];
}
