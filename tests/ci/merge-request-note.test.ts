import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../tools/ci/cli';
import { GitlabClient } from '../../tools/ci/gitlab-api';
import { upsertMergeRequestNote } from '../../tools/ci/merge-request-note';
import { fakeGitlab, GITLAB_ENV } from './fake-gitlab';

const NOTES = '/projects/42/merge_requests/7/notes';
const summary = (environment: string, text: string): string => `<!-- uag-plan-summary:${environment} -->\n## Terraform plan: \`${environment}\`\n\n${text}\n`;
const client = (fetch: ReturnType<typeof fakeGitlab>['fetch']): GitlabClient =>
  new GitlabClient({ apiUrl: GITLAB_ENV.CI_API_V4_URL, projectId: '42', token: 'glpat-test', fetch });

describe('merge request summary note', () => {
  it('creates the note when the environment has none yet', async () => {
    const gitlab = fakeGitlab({ [NOTES]: [{ id: 1, body: 'Looks good to me', system: false }] });
    await expect(upsertMergeRequestNote(client(gitlab.fetch), '7', summary('dev', '1 to create'))).resolves.toBe('created');
    expect(gitlab.calls.at(-1)).toEqual({ method: 'POST', url: `https://gitlab.example.com/api/v4${NOTES}`, body: { body: summary('dev', '1 to create') } });
  });

  it('updates its own note, found by the marker on any page, instead of adding another', async () => {
    const others = Array.from({ length: 150 }, (_, index) => ({ id: index + 10, body: `comment ${index}`, system: false }));
    const gitlab = fakeGitlab({
      [NOTES]: [...others, { id: 999, body: summary('dev', 'old'), system: false }, { id: 1000, body: summary('prod', 'old'), system: false }],
    });
    await expect(upsertMergeRequestNote(client(gitlab.fetch), '7', summary('dev', '2 to create'))).resolves.toBe('updated');
    expect(gitlab.calls.filter((call) => call.method === 'GET')).toHaveLength(2);
    expect(gitlab.calls.at(-1)).toEqual({ method: 'PUT', url: `https://gitlab.example.com/api/v4${NOTES}/999`, body: { body: summary('dev', '2 to create') } });
  });

  it('leaves an identical note alone', async () => {
    const gitlab = fakeGitlab({ [NOTES]: [{ id: 5, body: summary('dev', 'same'), system: false }] });
    await expect(upsertMergeRequestNote(client(gitlab.fetch), '7', summary('dev', 'same'))).resolves.toBe('unchanged');
    expect(gitlab.calls.every((call) => call.method === 'GET')).toBe(true);
  });

  it('ignores system notes that happen to quote the marker', async () => {
    const gitlab = fakeGitlab({ [NOTES]: [{ id: 5, body: summary('dev', 'quoted'), system: true }] });
    await expect(upsertMergeRequestNote(client(gitlab.fetch), '7', summary('dev', 'new'))).resolves.toBe('created');
  });

  it('fails when the body has no marker line', async () => {
    await expect(upsertMergeRequestNote(client(fakeGitlab({}).fetch), '7', '## no marker')).rejects.toThrow(/must start with a hidden marker line/);
  });

  it('fails with GitLab’s answer when the token is refused', async () => {
    const gitlab = fakeGitlab({});
    const refused = new GitlabClient({ apiUrl: GITLAB_ENV.CI_API_V4_URL, projectId: '42', token: 'wrong', fetch: gitlab.fetch });
    await expect(upsertMergeRequestNote(refused, '7', summary('dev', 'x'))).rejects.toThrow(
      /GitLab API GET https:\/\/gitlab\.example\.com\/api\/v4\/projects\/42\/merge_requests\/7\/notes answered 403/,
    );
  });
});

describe('ci post-summary', () => {
  const files = (): string[] => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uag-summary-'));
    return ['dev', 'prod'].map((environment) => {
      const file = path.join(dir, `summary-${environment}.md`);
      writeFileSync(file, summary(environment, 'No changes.'));
      return file;
    });
  };

  it('posts one note per environment file', async () => {
    const gitlab = fakeGitlab({ [NOTES]: [] });
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await expect(main(['post-summary', ...files()], { ...GITLAB_ENV, CI_MERGE_REQUEST_IID: '7' }, gitlab.fetch)).resolves.toBe(0);
    } finally {
      log.mockRestore();
    }
    expect(gitlab.calls.filter((call) => call.method === 'POST').map((call) => (call.body as { body: string }).body.split('\n')[0])).toEqual([
      '<!-- uag-plan-summary:dev -->',
      '<!-- uag-plan-summary:prod -->',
    ]);
  });

  it('exits 2 outside a merge request pipeline and names the variable', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(main(['post-summary', ...files()], GITLAB_ENV, fakeGitlab({}).fetch)).resolves.toBe(2);
      expect(error).toHaveBeenCalledWith(expect.stringContaining('CI_MERGE_REQUEST_IID is not set'));
    } finally {
      error.mockRestore();
    }
  });

  it('exits 2 without a token, naming what to set', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(
        main(['post-summary', ...files()], { CI_API_V4_URL: GITLAB_ENV.CI_API_V4_URL, CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '7' }),
      ).resolves.toBe(2);
      expect(error).toHaveBeenCalledWith(expect.stringContaining('UAG_GITLAB_TOKEN not set'));
    } finally {
      error.mockRestore();
    }
  });
});
