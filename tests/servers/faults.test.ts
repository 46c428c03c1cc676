import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoBundle } from '../../electron/demo/generate';
import type { FakeServer } from './fake-server';
import { createFaultTracker, type FaultPlan } from './faults';
import { gitlabDatasetFromBundle, startGitLabServer, type GitLabDataset } from './gitlab-server';
import { jiraDatasetFromBundle, startJiraServer, type JiraDataset } from './jira-server';
import { basic, bearer, request } from './test-http';

let bundle: DemoBundle;
let cloud: FakeServer<JiraDataset>;
let dc: FakeServer<JiraDataset>;
let gitlab: FakeServer<GitLabDataset>;

const CLOUD = basic('ops@northwind.example', 'tok');
const DC = bearer('pat');
const GL = { 'PRIVATE-TOKEN': 'glpat' };

beforeAll(async () => {
  bundle = generateDemo({ seed: 2, scale: 0.05 });
  [cloud, dc, gitlab] = await Promise.all([
    startJiraServer({ flavour: 'cloud', auth: { email: 'ops@northwind.example', token: 'tok' }, data: jiraDatasetFromBundle(bundle) }),
    startJiraServer({ flavour: 'datacenter', basePath: '/jira', auth: { pat: 'pat' }, data: jiraDatasetFromBundle(bundle) }),
    startGitLabServer({ basePath: '/gitlab', token: 'glpat', data: gitlabDatasetFromBundle(bundle) }),
  ]);
});
afterAll(() => Promise.all([cloud.close(), dc.close(), gitlab.close()]));

const cloudField = (): string => `${cloud.url}/rest/api/3/field`;
const dcField = (): string => `${dc.url}/rest/api/2/field`;
const glUser = (): string => `${gitlab.url}/api/v4/user`;
const every = (fault: FaultPlan['rules'][number]['fault'], path = /./): FaultPlan => ({ rules: [{ match: { path }, fault }] });

describe('fault matching', () => {
  const statuses = (plan: FaultPlan, requests: [string, string][]): (string | null)[] => {
    const tracker = createFaultTracker(plan);
    return requests.map(([m, p]) => tracker.decide(m, p).fault?.kind ?? null);
  };
  const get = (n: number, path = '/a'): [string, string][] => Array.from({ length: n }, () => ['GET', path]);
  const s500 = { kind: 'status', status: 500 } as const;

  it('fires on the first N, every nth, or after N; by method and path', () => {
    expect(statuses({ rules: [{ match: { path: /a/, times: 2 }, fault: s500 }] }, get(4))).toEqual(['status', 'status', null, null]);
    expect(statuses({ rules: [{ match: { path: /a/, everyNth: 3 }, fault: s500 }] }, get(7))).toEqual([null, null, 'status', null, null, 'status', null]);
    expect(statuses({ rules: [{ match: { path: /a/, afterN: 2, times: 1 }, fault: s500 }] }, get(5))).toEqual([null, null, 'status', null, null]);
    expect(statuses({ rules: [{ match: { path: /a/, method: 'post' }, fault: s500 }] }, [['GET', '/a'], ['POST', '/a'], ['POST', '/b']])).toEqual([null, 'status', null]);
  });

  it('adds slow delays and lets the first replacing fault win; global regexes stay stateless', () => {
    const tracker = createFaultTracker({ rules: [
      { match: { path: /x/g }, fault: { kind: 'slow', delayMs: 10 } },
      { match: { path: /x/ }, fault: { kind: 'slow', delayMs: 5 } },
      { match: { path: /x/ }, fault: { kind: 'cut-off' } },
      { match: { path: /x/ }, fault: s500 },
    ] });
    for (let i = 0; i < 3; i++) expect(tracker.decide('GET', '/x')).toEqual({ delayMs: 15, fault: { kind: 'cut-off' } });
  });
});

describe('status faults carry each vendor\'s error body', () => {
  it('Jira: ErrorCollection for 403/404/500/503, HTML for 502, plain text (Cloud) or HTML (DC) for 401', async () => {
    for (const status of [403, 404, 500, 503] as const) {
      cloud.setFaults(every({ kind: 'status', status }));
      const got = await request(cloudField(), { headers: CLOUD });
      expect(got.status).toBe(status);
      expect(got.body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
    }
    expect((await request(cloudField(), { headers: CLOUD })).headers.get('retry-after')).toBe('1');
    cloud.setFaults(every({ kind: 'status', status: 502 }));
    expect((await request(cloudField(), { headers: CLOUD })).headers.get('content-type')).toMatch(/text\/html/);
    cloud.setFaults(every({ kind: 'status', status: 401 }));
    expect((await request(cloudField(), { headers: CLOUD })).headers.get('content-type')).toMatch(/text\/plain/);
    dc.setFaults(every({ kind: 'status', status: 401 }));
    expect((await request(dcField(), { headers: DC })).headers.get('content-type')).toMatch(/text\/html/);
    cloud.setFaults({ rules: [] });
    dc.setFaults({ rules: [] });
  });

  it('GitLab: {"message"} JSON for 401/403/404/500, HTML pages for 502/503', async () => {
    const expected: Record<number, unknown> = {
      401: { message: '401 Unauthorized' }, 403: { message: '403 Forbidden' }, 404: { message: '404 Not Found' }, 500: { message: '500 Internal Server Error' },
    };
    for (const status of [401, 403, 404, 500, 502, 503] as const) {
      gitlab.setFaults(every({ kind: 'status', status }));
      const got = await request(glUser(), { headers: GL });
      expect(got.status).toBe(status);
      if (expected[status]) expect(got.body).toEqual(expected[status]);
      else expect(got.headers.get('content-type')).toMatch(/text\/html/);
    }
    gitlab.setFaults({ rules: [] });
  });
});

describe('rate limits', () => {
  it('Jira Cloud: 429 with Retry-After, X-RateLimit-* and the RateLimit-Reason asked for', async () => {
    for (const reason of ['jira-burst-based', 'jira-quota-tenant-based', 'jira-per-issue-on-write', 'jira-quota-global-based']) {
      cloud.setFaults(every({ kind: 'rate-limit', retryAfterSeconds: 7, reason }));
      const got = await request(cloudField(), { headers: CLOUD });
      expect(got.status).toBe(429);
      expect(got.headers.get('retry-after')).toBe('7');
      expect(got.headers.get('ratelimit-reason')).toBe(reason);
      expect(got.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(got.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
      expect(Date.parse(got.headers.get('x-ratelimit-reset') ?? '')).toBeGreaterThan(Date.now());
      expect(got.headers.has('beta-ratelimit-policy')).toBe(reason.startsWith('jira-quota'));
    }
    cloud.setFaults({ rules: [] });
  });

  it('Jira DC: the token-bucket headers', async () => {
    dc.setFaults(every({ kind: 'rate-limit', retryAfterSeconds: 2 }));
    const got = await request(dcField(), { headers: DC });
    expect(got.status).toBe(429);
    for (const h of ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-interval-seconds', 'x-ratelimit-fillrate']) expect(got.headers.has(h), h).toBe(true);
    dc.setFaults({ rules: [] });
  });

  it('GitLab: plain-text "Retry later" with Retry-After and RateLimit-*', async () => {
    gitlab.setFaults(every({ kind: 'rate-limit', retryAfterSeconds: 3, reason: 'throttle_authenticated_api' }));
    const got = await request(glUser(), { headers: GL });
    expect([got.status, got.text.trim(), got.headers.get('content-type')]).toEqual([429, 'Retry later', 'text/plain']);
    expect(got.headers.get('retry-after')).toBe('3');
    expect(got.headers.get('ratelimit-name')).toBe('throttle_authenticated_api');
    expect(Number(got.headers.get('ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    for (const h of ['ratelimit-limit', 'ratelimit-observed', 'ratelimit-remaining', 'ratelimit-resettime']) expect(got.headers.has(h), h).toBe(true);
    gitlab.setFaults({ rules: [] });
  });
});

describe('transport faults', () => {
  it('slow: answers normally after the delay', async () => {
    gitlab.setFaults({ rules: [{ match: { path: /\/user$/, times: 1 }, fault: { kind: 'slow', delayMs: 300 } }] });
    const started = performance.now();
    const got = await request(glUser(), { headers: GL });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(got.status).toBe(200);
    expect(gitlab.requests.at(-1)?.fault).toBe('slow');
    gitlab.setFaults({ rules: [] });
  });

  it('cut-off: headers and half the body, then the connection drops', async () => {
    for (const [server, url, headers] of [[cloud, cloudField(), CLOUD], [gitlab, glUser(), GL]] as const) {
      server.setFaults({ rules: [{ match: { path: /./, times: 1 }, fault: { kind: 'cut-off' } }] });
      const res = await fetch(url, { headers });
      expect(res.status).toBe(200);
      await expect(res.text()).rejects.toThrow();
      expect((await request(url, { headers })).status).toBe(200);
    }
  });

  it('malformed-json: a well-framed 200 whose body does not parse', async () => {
    for (const [server, url, headers] of [[cloud, cloudField(), CLOUD], [dc, dcField(), DC], [gitlab, glUser(), GL]] as const) {
      server.setFaults(every({ kind: 'malformed-json' }));
      const res = await fetch(url, { headers });
      const body = await res.text();
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(() => JSON.parse(body)).toThrow();
      server.setFaults({ rules: [] });
    }
  });

  it('expire-token: from the firing request on, the same credential gets 401 everywhere', async () => {
    const jira = await startJiraServer({ flavour: 'cloud', auth: { email: 'ops@northwind.example', token: 'tok' }, data: cloud.data,
      faults: { rules: [{ match: { path: /\/field$/, afterN: 1, times: 1 }, fault: { kind: 'expire-token' } }] } });
    const gl = await startGitLabServer({ token: 'glpat', data: gitlab.data, faults: { rules: [{ match: { path: /\/user$/, afterN: 1, times: 1 }, fault: { kind: 'expire-token' } }] } });
    try {
      const jiraStatuses = [];
      for (const path of ['field', 'field', 'myself', 'serverInfo']) jiraStatuses.push((await request(`${jira.url}/rest/api/3/${path}`, { headers: CLOUD })).status);
      expect(jiraStatuses).toEqual([200, 401, 401, 401]);
      const glStatuses = [];
      for (const [path, headers] of [['user', GL], ['user', GL], ['version', GL], ['version', { Authorization: 'Bearer glpat' }]] as const) {
        glStatuses.push((await request(`${gl.url}/api/v4/${path}`, { headers })).status);
      }
      expect(glStatuses).toEqual([200, 401, 401, 401]);
      expect((await request(`${gl.url}/api/v4/version`, { headers: GL })).body).toEqual({ message: '401 Unauthorized' });
    } finally {
      await Promise.all([jira.close(), gl.close()]);
    }
  });

  it('setFaults replaces the plan and its counters; mutate changes live data', async () => {
    cloud.setFaults({ rules: [{ match: { path: /\/field$/, times: 1 }, fault: { kind: 'status', status: 500 } }] });
    expect((await request(cloudField(), { headers: CLOUD })).status).toBe(500);
    expect((await request(cloudField(), { headers: CLOUD })).status).toBe(200);
    cloud.setFaults({ rules: [{ match: { path: /\/field$/, times: 1 }, fault: { kind: 'status', status: 500 } }] });
    expect((await request(cloudField(), { headers: CLOUD })).status).toBe(500);
    cloud.setFaults({ rules: [] });
    cloud.mutate((d) => d.fields.push({ id: 'customfield_19999', key: 'customfield_19999', name: 'Team', custom: true, orderable: true, navigable: true,
      searchable: true, clauseNames: ['cf[19999]', 'Team'], schema: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield', customId: 19999 } }));
    expect((await request(cloudField(), { headers: CLOUD })).body).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'customfield_19999' })]));
  });
});
