import { z } from 'zod';
import type { HttpClient, HttpResponse } from '../http/http-client';

/** GitLab's error bodies: `{"message": "..."}` (string or field map), `{"error": "..."}`, or plain text. */
export function describeGitLabError(_status: number, body: string): string | null {
  try {
    const json = JSON.parse(body) as { message?: unknown; error?: unknown; error_description?: unknown };
    const m = json.message ?? json.error_description ?? json.error;
    if (typeof m === 'string') return m.slice(0, 300);
    if (m && typeof m === 'object') return Object.entries(m).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : String(v)}`).join('; ').slice(0, 300);
    return null;
  } catch {
    return body.trim() ? body.trim().slice(0, 200) : null;
  }
}

/** The next page from GitLab's own continuation (Link rel="next", else x-next-page), never a self-built URL. */
export function nextPageUrl(response: HttpResponse): string | null {
  const link = response.headers.get('link');
  const next = link?.split(',').map((p) => /<([^>]+)>\s*;\s*rel="next"/.exec(p.trim())?.[1]).find((u) => u !== undefined);
  if (next) return next;
  const nextPage = response.headers.get('x-next-page');
  if (nextPage && nextPage.trim() !== '') {
    const url = new URL(response.url);
    url.searchParams.set('page', nextPage.trim());
    return url.toString();
  }
  return null;
}

const UserSchema = z.object({ id: z.number(), username: z.string(), name: z.string().nullish() });

export const projectRef = (idOrPath: string | number): string => encodeURIComponent(String(idOrPath));

export function gitlabApi(http: HttpClient) {
  /** Walks every page of a list endpoint, handing each page's items to `onPage`. */
  async function eachPage(path: string, query: Record<string, string | number | boolean | readonly string[] | undefined>, onPage: (items: unknown[], response: HttpResponse) => Promise<void> | void): Promise<void> {
    let response = await http.get(path, { per_page: 100, ...query });
    for (;;) {
      await onPage(z.array(z.unknown()).parse(response.body ?? []), response);
      const next = nextPageUrl(response);
      if (!next) return;
      response = await http.get(next);
    }
  }
  async function all(path: string, query: Record<string, string | number | boolean | readonly string[] | undefined> = {}): Promise<unknown[]> {
    const items: unknown[] = [];
    await eachPage(path, query, (page) => void items.push(...page));
    return items;
  }
  return {
    close: () => http.close(),
    user: async () => UserSchema.parse((await http.get('user')).body),
    version: async () => (await http.get('version')).body as { version?: string },
    groupProjects: (group: string) => all(`groups/${projectRef(group)}/projects`, { include_subgroups: true, archived: false, order_by: 'id', sort: 'asc' }),
    project: async (idOrPath: string | number) => (await http.get(`projects/${projectRef(idOrPath)}`)).body,
    eachPage,
    mergeRequest: async (projectId: number, iid: number) => (await http.get(`projects/${projectId}/merge_requests/${iid}`)).body,
    approvals: async (projectId: number, iid: number) => (await http.get(`projects/${projectId}/merge_requests/${iid}/approvals`)).body,
    discussions: (projectId: number, iid: number) => all(`projects/${projectId}/merge_requests/${iid}/discussions`),
    commits: (projectId: number, iid: number) => all(`projects/${projectId}/merge_requests/${iid}/commits`),
    pipeline: async (projectId: number, pipelineId: number) => (await http.get(`projects/${projectId}/pipelines/${pipelineId}`)).body,
    jobs: (projectId: number, pipelineId: number) => all(`projects/${projectId}/pipelines/${pipelineId}/jobs`, { include_retried: true }),
  };
}
export type GitLabApi = ReturnType<typeof gitlabApi>;
