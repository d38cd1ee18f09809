import type { ResourceChange } from './plan-file';

/**
 * What one resource change means to a reviewer. Terraform encodes a replacement as two actions whose
 * order tells which happens first: `["delete","create"]` (the default) leaves a gap without the
 * resource, `["create","delete"]` (`create_before_destroy`) does not.
 */
export type ChangeKind =
  | 'create'
  | 'update'
  | 'delete'
  | 'replace-delete-first'
  | 'replace-create-first'
  | 'read'
  | 'no-op'
  /** Removed from state without being destroyed (`removed { lifecycle { destroy = false } }`). */
  | 'forget';

export function changeKind(change: ResourceChange): ChangeKind {
  const actions = change.change.actions;
  const deleteAt = actions.indexOf('delete');
  const createAt = actions.indexOf('create');
  if (deleteAt >= 0 && createAt >= 0) return deleteAt < createAt ? 'replace-delete-first' : 'replace-create-first';
  if (deleteAt >= 0) return 'delete';
  if (createAt >= 0) return 'create';
  if (actions.includes('update')) return 'update';
  if (actions.includes('forget')) return 'forget';
  if (actions.includes('read')) return 'read';
  return 'no-op';
}

/** Whether the change removes an existing object (a delete or either kind of replace). */
export function destroysObject(kind: ChangeKind): boolean {
  return kind === 'delete' || kind === 'replace-delete-first' || kind === 'replace-create-first';
}

/** Whether a reviewer needs to see the change at all. */
export function isChange(kind: ChangeKind): boolean {
  return kind !== 'no-op' && kind !== 'read';
}
