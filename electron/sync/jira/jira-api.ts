import { z } from 'zod';
import type { HttpClient } from '../http/http-client';

/** Jira's ErrorCollection (`{errorMessages, errors}`), or whatever text the server sent. */
export function describeJiraError(_status: number, body: string): string | null {
  try {
    const json = JSON.parse(body) as { errorMessages?: string[]; errors?: Record<string, string>; message?: string };
    const parts = [...(json.errorMessages ?? []), ...Object.entries(json.errors ?? {}).map(([k, v]) => `${k}: ${v}`)];
    if (json.message) parts.push(json.message);
    return parts.length ? parts.join('; ').slice(0, 300) : null;
  } catch {
    return null;
  }
}

const MyselfSchema = z.object({
  accountId: z.string().optional(),
  name: z.string().optional(),
  displayName: z.string().nullish(),
  emailAddress: z.string().nullish(),
  timeZone: z.string().nullish(),
});

const ServerInfoSchema = z.object({ deploymentType: z.string().optional(), version: z.string().optional(), serverTitle: z.string().optional() });

export const SEARCH_FIELDS = ['summary', 'status', 'issuetype', 'project', 'assignee', 'created', 'updated', 'resolutiondate', 'resolution', 'labels', 'components', 'issuelinks'];

/** The Jira endpoints we call, for Cloud (v3) or Data Center (v2). */
export function jiraApi(http: HttpClient, flavour: 'cloud' | 'datacenter') {
  const v = flavour === 'cloud' ? '3' : '2';
  return {
    close: () => http.close(),
    flavour,
    myself: async () => MyselfSchema.parse((await http.get(`rest/api/${v}/myself`)).body),
    serverInfo: async () => ServerInfoSchema.parse((await http.get(`rest/api/${v}/serverInfo`)).body),
    fields: async () => (await http.get(`rest/api/${v}/field`)).body,
    /** One search page. Cloud pages by token (enhanced search); Data Center by offset. */
    search: async (jql: string, page: { nextPageToken?: string | null; startAt?: number }, fields: string[]) => {
      if (flavour === 'cloud') {
        return (
          await http.post('rest/api/3/search/jql', {
            jql,
            fields,
            expand: 'changelog',
            maxResults: 100,
            ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
          })
        ).body;
      }
      return (await http.post('rest/api/2/search', { jql, fields, expand: ['changelog'], maxResults: 100, startAt: page.startAt ?? 0 })).body;
    },
    approximateCount: async (jql: string): Promise<number | null> => {
      if (flavour !== 'cloud') return null;
      try {
        const body = (await http.post('rest/api/3/search/approximate-count', { jql })).body as { count?: number };
        return typeof body.count === 'number' ? body.count : null;
      } catch {
        return null; // only used for the progress estimate
      }
    },
    changelog: async (issueId: string, startAt: number) => (await http.get(`rest/api/3/issue/${encodeURIComponent(issueId)}/changelog`, { startAt, maxResults: 100 })).body,
    worklogs: async (issueId: string, startAt: number) => (await http.get(`rest/api/${v}/issue/${encodeURIComponent(issueId)}/worklog`, { startAt, maxResults: 1000 })).body,
    worklogUpdated: async (sinceMs: number) => (await http.get('rest/api/3/worklog/updated', { since: sinceMs })).body,
    worklogDeleted: async (sinceMs: number) => (await http.get('rest/api/3/worklog/deleted', { since: sinceMs })).body,
    worklogList: async (ids: number[]) => (await http.post('rest/api/3/worklog/list', { ids })).body,
  };
}
export type JiraApi = ReturnType<typeof jiraApi>;

export const ChangedWorklogsSchema = z.object({
  values: z.array(z.object({ worklogId: z.number(), updatedTime: z.number().optional() })),
  since: z.number().optional(),
  until: z.number(),
  lastPage: z.boolean(),
  nextPage: z.string().nullish(),
});
