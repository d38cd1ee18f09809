/** The subset of `fetch` the client uses, so tests can pass a recording fake. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface GitlabClientOptions {
  /** `CI_API_V4_URL`, e.g. https://gitlab.example.com/api/v4. */
  readonly apiUrl: string;
  /** `CI_PROJECT_ID`. */
  readonly projectId: string;
  /** A project access token (Reporter, `api` scope): the job token cannot write notes or issues. */
  readonly token: string;
  /** @default globalThis.fetch */
  readonly fetch?: FetchLike;
}

/** Minimal GitLab REST client for the CI tools: project-scoped paths, JSON bodies, page-following GETs. */
export class GitlabClient {
  private readonly fetch: FetchLike;

  constructor(private readonly options: GitlabClientOptions) {
    this.fetch = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
  }

  /** One request to `/projects/:id<path>`; throws with GitLab's answer when it is not 2xx. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, this.projectUrl(path), body);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Every item of a paginated list, following GitLab's `x-next-page` header. */
  async list<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let page = '1';
    while (page) {
      const url = `${this.projectUrl(path)}${path.includes('?') ? '&' : '?'}per_page=100&page=${page}`;
      const response = await this.send('GET', url);
      items.push(...(JSON.parse(await response.text()) as T[]));
      page = response.headers.get('x-next-page') ?? '';
    }
    return items;
  }

  private projectUrl(path: string): string {
    return `${this.options.apiUrl.replace(/\/$/, '')}/projects/${encodeURIComponent(this.options.projectId)}${path}`;
  }

  private async send(method: string, url: string, body?: unknown): ReturnType<FetchLike> {
    const response = await this.fetch(url, {
      method,
      headers: { 'PRIVATE-TOKEN': this.options.token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const detail = (await response.text()).slice(0, 500);
      throw new Error(`GitLab API ${method} ${url.replace(/\?.*/, '')} answered ${response.status} ${response.statusText}: ${detail}`);
    }
    return response;
  }
}

/** A GitLab setting the job lacks. */
export class GitlabSettingsError extends Error {}

/** Reads the client settings from GitLab's predefined variables and UAG_GITLAB_TOKEN, naming what is missing. */
export function clientFromEnvironment(env: NodeJS.ProcessEnv, fetch?: FetchLike): GitlabClient {
  const missing = ['CI_API_V4_URL', 'CI_PROJECT_ID', 'UAG_GITLAB_TOKEN'].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new GitlabSettingsError(
      `${missing.join(', ')} not set: GitLab sets CI_API_V4_URL and CI_PROJECT_ID in jobs; UAG_GITLAB_TOKEN is a masked project access token (Reporter, api scope), see docs/ci.md`,
    );
  }
  return new GitlabClient({ apiUrl: env.CI_API_V4_URL as string, projectId: env.CI_PROJECT_ID as string, token: env.UAG_GITLAB_TOKEN as string, fetch });
}
