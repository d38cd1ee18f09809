import { changeKind, isChange, type ChangeKind } from './change-kind';
import type { ResourceChange, StackPlan } from './plan-file';

/** A resource Terraform moves to a new address (a `moved` block, cdktf `moveTo`/`moveFromId`) instead of replacing it. */
export interface Move {
  readonly stack: string;
  readonly from: string;
  readonly to: string;
  /** What else happens to it in the same plan; `no-op` for a pure move. */
  readonly kind: ChangeKind;
}

/** A difference Terraform found between its state and the real object when it refreshed. */
export interface Drift {
  readonly stack: string;
  readonly address: string;
  readonly kind: ChangeKind;
  /**
   * Top-level attributes whose value differs, by name only: values can be secrets (0.1 plans do not
   * even mark them sensitive), and the summary is a merge request note.
   */
  readonly attributes: readonly string[];
}

/** Moves of one plan; only format 1.0+ plans (Terraform 1.1+) record `previous_address`. */
export function movesOf(plan: Pick<StackPlan, 'stack' | 'resourceChanges'>): Move[] {
  return plan.resourceChanges
    .filter((change) => change.previous_address !== undefined && change.previous_address !== change.address)
    .map((change) => ({ stack: plan.stack, from: change.previous_address as string, to: change.address, kind: changeKind(change) }));
}

/** Drift of one plan that changed something (reads and no-ops are dropped). */
export function driftOf(plan: Pick<StackPlan, 'stack' | 'resourceDrift'>): Drift[] {
  return plan.resourceDrift
    .map((change) => ({ stack: plan.stack, address: change.address, kind: changeKind(change), attributes: changedAttributes(change) }))
    .filter((drift) => isChange(drift.kind));
}

function changedAttributes(change: ResourceChange): string[] {
  const { before, after } = change.change;
  const asObject = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const was = asObject(before);
  const now = asObject(after);
  return [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key])).sort();
}
