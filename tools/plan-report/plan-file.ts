import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** One entry of `resource_changes` in `terraform show -json <planfile>` (the fields the report reads). */
export interface ResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  /** Set when the entry concerns a deposed object left by an interrupted create-before-destroy. */
  readonly deposed?: string;
  /** Address before a `moved` block (format 1.0+, Terraform 1.1+); absent or equal to `address` when not moved. */
  readonly previous_address?: string;
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
  /** `format_version` of the JSON: 0.1 (Terraform 0.12–0.15.3), 0.2 (0.15.4–1.0), 1.x (1.1 on). */
  readonly formatVersion: string;
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
    const truncated = isTruncation(message, text);
    throw new PlanFileError(
      file,
      '',
      truncated ? `is truncated after ${text.length} characters (${message})` : `is not valid JSON${lineAndColumn(message, text)} (${message})`,
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
  if (!READABLE_FORMAT.test(plan.format_version)) {
    throw new PlanFileError(
      file,
      'format_version',
      `is ${plan.format_version}; this report reads formats 0.1, 0.2 and 1.x (Terraform 0.12 to 1.x)`,
      'plan with a Terraform version in that range, or teach tools/plan-report the new format',
    );
  }
  if (!('planned_values' in plan)) {
    const isState = 'values' in plan;
    throw new PlanFileError(
      file,
      'planned_values',
      isState ? 'is missing: this is the JSON of a state, not of a plan' : 'is missing, so this is not a plan',
      SHOW_JSON_FIX,
    );
  }
  if (plan.errored === true) {
    throw new PlanFileError(file, 'errored', 'is true: Terraform could not finish this plan', 'fix the errors printed by the plan job and plan again');
  }
  return {
    stack,
    file,
    terraformVersion: typeof plan.terraform_version === 'string' ? plan.terraform_version : 'unknown',
    formatVersion: plan.format_version,
    resourceChanges: checkChanges(plan.resource_changes, 'resource_changes', file),
    resourceDrift: checkChanges(plan.resource_drift, 'resource_drift', file),
  };
}

/**
 * Formats this report reads. 0.1 and 0.2 differ from 1.x only in fields it does not need (0.1 has no
 * resource_drift, neither has previous_address), and GitLab's jq filter reads them all alike.
 */
const READABLE_FORMAT = /^(0\.[12]|1\.\d+)$/;

/**
 * Whether JSON.parse failed because the text stopped early. Node 18 says "Unexpected end of JSON input";
 * Node 20 (V8 11) also reports a cut inside a value as "Unterminated string in JSON at position N" or
 * "Expected ',' or '}' after property value in JSON at position N" with N at the very end of the text.
 */
function isTruncation(message: string, text: string): boolean {
  if (/end of JSON input|Unterminated/i.test(message)) return true;
  const position = /at position (\d+)/.exec(message);
  return position !== null && Number(position[1]) >= text.trimEnd().length;
}

/** ` at line 3, column 14` for the position V8 reports, or nothing when it reports none. */
function lineAndColumn(message: string, text: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position) return '';
  const before = text.slice(0, Number(position[1])).split('\n');
  return ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value;
}

function checkChanges(value: unknown, field: string, file: string): ResourceChange[] {
  // Terraform omits the key when there is nothing to list (an empty plan has no resource_changes); null
  // means the same to GitLab's jq filter (`.resource_changes[]?` yields nothing), so it does here too.
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new PlanFileError(file, field, `must be a list of changes, got ${describeType(value)}`, SHOW_JSON_FIX);
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
