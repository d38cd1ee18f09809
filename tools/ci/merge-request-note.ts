import type { GitlabClient } from './gitlab-api';

interface Note {
  readonly id: number;
  readonly body: string;
  readonly system: boolean;
}

export type NoteOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Posts `body` on the merge request, or edits the note that starts with the same first line (the
 * hidden marker `<!-- uag-plan-summary:<env> -->`), so each environment has exactly one summary note
 * that follows the latest pipeline instead of a new note per push.
 */
export async function upsertMergeRequestNote(client: GitlabClient, mergeRequestIid: string, body: string): Promise<NoteOutcome> {
  const marker = body.split('\n', 1)[0];
  if (!/^<!-- .+ -->$/.test(marker))
    throw new Error(`the note body must start with a hidden marker line such as <!-- uag-plan-summary:dev -->, got "${marker}"`);
  const base = `/merge_requests/${encodeURIComponent(mergeRequestIid)}/notes`;
  const notes = await client.list<Note>(`${base}?sort=asc&order_by=created_at`);
  const existing = notes.find((note) => !note.system && note.body.split('\n', 1)[0] === marker);
  if (existing && existing.body === body) return 'unchanged';
  if (existing) {
    await client.request('PUT', `${base}/${existing.id}`, { body });
    return 'updated';
  }
  await client.request('POST', base, { body });
  return 'created';
}
