import type { FetchLike } from '../../tools/ci/gitlab-api';

export interface RecordedCall {
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
}

/**
 * An in-memory GitLab for the CI tools: answers GETs of lists from `lists` (split into pages of
 * `pageSize` with the x-next-page header, as GitLab does) and records every call.
 */
export function fakeGitlab(lists: Record<string, unknown[]>, pageSize = 100): { fetch: FetchLike; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ method: init.method, url, body: init.body ? JSON.parse(init.body) : undefined });
    const respond = (status: number, body: unknown, nextPage = '') => ({
      ok: status < 300,
      status,
      statusText: status < 300 ? 'OK' : 'Forbidden',
      headers: { get: (name: string) => (name === 'x-next-page' ? nextPage : null) },
      text: async () => JSON.stringify(body),
    });
    if (init.headers['PRIVATE-TOKEN'] !== 'glpat-test') return respond(403, { message: '403 Forbidden' });
    if (init.method !== 'GET') return respond(200, { id: 1 });
    const { pathname, searchParams } = new URL(url);
    const key = Object.keys(lists).find((candidate) => pathname.endsWith(candidate));
    const items = key ? lists[key] : [];
    const page = Number(searchParams.get('page') ?? '1');
    const slice = items.slice((page - 1) * pageSize, page * pageSize);
    return respond(200, slice, page * pageSize < items.length ? String(page + 1) : '');
  };
  return { fetch, calls };
}

export const GITLAB_ENV = { CI_API_V4_URL: 'https://gitlab.example.com/api/v4', CI_PROJECT_ID: '42', UAG_GITLAB_TOKEN: 'glpat-test' };
