import { readFileSync } from 'node:fs';
import type { StackFingerprint } from './stack-digest';

/** Why a stack is planned in a merge request. */
export type AffectedReason =
  | { readonly kind: 'changed' }
  | { readonly kind: 'added' }
  /** Reads outputs of an affected stack whose definition changed (or that disappeared). */
  | { readonly kind: 'reads-changed-outputs'; readonly producer: string; readonly outputs: readonly string[] };

export interface AffectedStack {
  readonly id: string;
  readonly reasons: readonly AffectedReason[];
}

export interface DestroyedStack {
  readonly id: string;
  readonly accountId?: string;
  /** Every resource of the stack at the merge base: each would be destroyed. */
  readonly resources: readonly { address: string; type: string }[];
}

/** The answer of `make affected`, also the file (`affected.json`) CI passes from the generator to the summary. */
export interface AffectedResult {
  /** Merge base commit the head was compared with. */
  readonly base: string;
  /** Stacks to plan, in the head's manifest order. */
  readonly affected: readonly AffectedStack[];
  /** Stacks of the merge base that the head no longer has. */
  readonly destroyed: readonly DestroyedStack[];
  /** Stacks whose canonical JSON is identical at both ends. */
  readonly unchanged: number;
  /** Every stack of the head. */
  readonly total: number;
  /**
   * Address snapshot files (tests/snapshots/addresses) the merge request edits, with the lines it removes and
   * adds: a deliberate address change the summary note flags to reviewers. @default - none changed
   */
  readonly snapshotChanges?: readonly SnapshotChange[];
}

export interface SnapshotChange {
  readonly file: string;
  readonly removed: readonly string[];
  readonly added: readonly string[];
}

/** Lines removed and added between two versions of a snapshot file (order does not matter: it is sorted). */
export function snapshotChange(file: string, before: string, after: string): SnapshotChange | undefined {
  const entries = (text: string) =>
    new Set(
      text
        .split('\n')
        .map((entry) => entry.trim())
        .filter((entry) => entry && !entry.startsWith('#')),
    );
  const was = entries(before);
  const now = entries(after);
  const removed = [...was].filter((entry) => !now.has(entry));
  const added = [...now].filter((entry) => !was.has(entry));
  return removed.length + added.length > 0 ? { file, removed, added } : undefined;
}

/**
 * Stacks whose synthesized JSON differs between the merge base and the head, plus the stacks that read an
 * output of such a stack whose definition changed (through `terraform_remote_state`, or a manifest
 * dependency that reads outputs), transitively. Disappearing stacks are listed as destroyed.
 */
export function affectedStacks(base: ReadonlyMap<string, StackFingerprint>, head: ReadonlyMap<string, StackFingerprint>, baseCommit: string): AffectedResult {
  const reasons = new Map<string, AffectedReason[]>();
  const add = (id: string, reason: AffectedReason): void => {
    if (!reasons.has(id)) reasons.set(id, []);
    reasons.get(id)!.push(reason);
  };
  for (const [id, stack] of head) {
    const before = base.get(id);
    if (!before) add(id, { kind: 'added' });
    else if (before.digest !== stack.digest) add(id, { kind: 'changed' });
  }

  // Outputs whose definition differs (or that appeared or disappeared), by producer.
  const changedOutputs = new Map<string, Set<string>>();
  for (const [id, stack] of head) {
    const before = base.get(id)?.outputs ?? new Map<string, string>();
    const names = new Set([...before.keys(), ...stack.outputs.keys()]);
    const changed = [...names].filter((name) => before.get(name) !== stack.outputs.get(name));
    if (changed.length > 0) changedOutputs.set(id, new Set(changed));
  }
  for (const [id, stack] of base) if (!head.has(id) && stack.outputs.size > 0) changedOutputs.set(id, new Set(stack.outputs.keys()));

  // A consumer's own JSON is unchanged when only its producer's output changed, so one pass per level suffices;
  // the loop repeats until nothing new is added, for chains of remote state.
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, stack] of head) {
      for (const [producer, outputs] of stack.reads) {
        const changed = [...outputs].filter((name) => changedOutputs.get(producer)?.has(name)).sort();
        const already = reasons.get(id)?.some((reason) => reason.kind === 'reads-changed-outputs' && reason.producer === producer);
        if (changed.length > 0 && !already) {
          add(id, { kind: 'reads-changed-outputs', producer, outputs: changed });
          grew = true;
        }
      }
    }
  }

  const affected = [...head.keys()].filter((id) => reasons.has(id)).map((id) => ({ id, reasons: reasons.get(id)! }));
  const destroyed = [...base.values()]
    .filter((stack) => !head.has(stack.id))
    .map((stack) => ({ id: stack.id, accountId: stack.accountId, resources: stack.resources }));
  return { base: baseCommit, affected, destroyed, unchanged: head.size - affected.length, total: head.size };
}

/** One line per stack for people: `dev-api-svc-001  changed` / `dev-api-x  reads dev-gateway outputs a, b`. */
export function describeAffected(result: AffectedResult): string {
  const lines = [
    `affected: ${result.affected.length} of ${result.total} stacks to plan, ${result.unchanged} unchanged since ${result.base.slice(0, 12)}, ${result.destroyed.length} destroyed`,
  ];
  for (const stack of result.affected) lines.push(`  plan     ${stack.id}  ${stack.reasons.map(describeReason).join('; ')}`);
  for (const stack of result.destroyed) lines.push(`  destroy  ${stack.id}  (gone from the head: ${stack.resources.length} resources would be destroyed)`);
  return lines.join('\n');
}

export function describeReason(reason: AffectedReason): string {
  if (reason.kind === 'changed') return 'synthesized JSON changed';
  if (reason.kind === 'added') return 'new stack';
  return `reads changed output${reason.outputs.length === 1 ? '' : 's'} of ${reason.producer}: ${reason.outputs.join(', ')}`;
}

/** An affected.json that cannot be used. */
export class AffectedFileError extends Error {
  override name = 'AffectedFileError';
}

/** Reads an affected.json written by this command; names the file and what to do when it is unusable. */
export function readAffected(file: string): AffectedResult {
  let parsed: Partial<AffectedResult>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<AffectedResult>;
  } catch (error) {
    throw new AffectedFileError(`cannot read ${file} (${(error as Error).message}); write it with tools/ci/affected-cli.ts --out ${file}`);
  }
  const problems = (['base', 'affected', 'destroyed', 'unchanged', 'total'] as const).filter((key) => parsed[key] === undefined);
  if (problems.length > 0) throw new AffectedFileError(`${file} lacks ${problems.join(', ')}; write it with tools/ci/affected-cli.ts --out ${file}`);
  return parsed as AffectedResult;
}
