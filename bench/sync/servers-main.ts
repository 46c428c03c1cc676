import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateDemo } from '../../electron/demo/generate';
import type { FakeServer, RecordedRequest } from '../../tests/servers/fake-server';
import { gitlabDatasetFromBundle, startGitLabServer } from '../../tests/servers/gitlab-server';
import { jiraDatasetFromBundle, startJiraServer } from '../../tests/servers/jira-server';
import { scaleGitLab, scaleJira, targetsFor } from './scale-dataset';

// The fake Jira Cloud and GitLab servers in a process of their own, so that the sync process's CPU
// time is our code only. Usage: tsx bench/sync/servers-main.ts --fraction 0.25 [--seed 42]
// Prints one JSON line (URLs, credentials, dataset sizes, control URL) and serves until killed.

export type ServersInfo = {
  jira: { url: string; email: string; token: string; projects: string[] };
  gitlab: { url: string; token: string; group: string };
  /** GET <control>/stats: request counts by kind and this process's CPU time. */
  control: string;
  dataset: Record<string, number>;
  buildMs: number;
};

export type RequestStats = { total: number; failed: number; byKind: Record<string, number> };
export type ServersStats = { jira: RequestStats; gitlab: RequestStats; cpuUserMs: number; cpuSystemMs: number; rssMb: number };

const JIRA_KINDS: [string, RegExp][] = [
  ['search', /\/search\/jql$/],
  ['approximate-count', /\/search\/approximate-count$/],
  ['changelog', /\/issue\/[^/]+\/changelog$/],
  ['worklog-updated', /\/worklog\/updated$/],
  ['worklog-deleted', /\/worklog\/deleted$/],
  ['worklog-list', /\/worklog\/list$/],
];
const GITLAB_KINDS: [string, RegExp][] = [
  ['mr-list', /\/merge_requests$/],
  ['mr-detail', /\/merge_requests\/\d+$/],
  ['mr-approvals', /\/approvals$/],
  ['mr-discussions', /\/discussions$/],
  ['mr-commits', /\/commits$/],
  ['pipeline-list', /\/pipelines$/],
  ['pipeline-detail', /\/pipelines\/\d+$/],
  ['pipeline-jobs', /\/pipelines\/\d+\/jobs$/],
];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/**
 * Counts requests by kind and empties the server's recording: at full size the sync makes some
 * 150,000 requests, and keeping every recorded request would grow this process by hundreds of MB.
 */
function drainer(server: FakeServer<unknown>, kinds: [string, RegExp][]): () => RequestStats {
  const stats: RequestStats = { total: 0, failed: 0, byKind: {} };
  return () => {
    const batch: RecordedRequest[] = server.requests.splice(0, server.requests.length);
    for (const r of batch) {
      stats.total += 1;
      // Status 0 means the answer was still being written when drained; such requests succeed in practice.
      if (r.status >= 400) stats.failed += 1;
      const kind = kinds.find(([, re]) => re.test(r.path))?.[0] ?? 'other';
      stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
    }
    return { total: stats.total, failed: stats.failed, byKind: { ...stats.byKind } };
  };
}

async function main(): Promise<void> {
  const fraction = Number(arg('fraction', '1'));
  const seed = Number(arg('seed', '42'));
  if (!(fraction > 0)) throw new Error('--fraction must be a positive number');
  const started = performance.now();
  const targets = targetsFor(fraction);
  const bundle = generateDemo({ seed, scale: 1 });
  const jiraData = jiraDatasetFromBundle(bundle);
  const gitlabData = gitlabDatasetFromBundle(bundle);
  const projects = [...new Set([...jiraData.issues.values()].map((r) => r.bean.fields.project.key))].sort();
  const group = gitlabData.groups.find((g) => g.parent_id === null)?.full_path ?? 'northwind';
  const jiraCounts = scaleJira(jiraData, targets.issues);
  const gitlabCounts = scaleGitLab(gitlabData, targets, jiraCounts.keyStride);
  const buildMs = performance.now() - started;

  const email = 'bench@northwind.example';
  const jiraToken = `bench-${randomUUID()}`;
  const gitlabToken = `glpat-${randomUUID()}`;
  const jira = await startJiraServer({ flavour: 'cloud', auth: { email, token: jiraToken }, data: jiraData });
  const gitlab = await startGitLabServer({ basePath: '/gitlab', token: gitlabToken, data: gitlabData });
  const drainJira = drainer(jira as FakeServer<unknown>, JIRA_KINDS);
  const drainGitLab = drainer(gitlab as FakeServer<unknown>, GITLAB_KINDS);
  const timer = setInterval(() => void (drainJira(), drainGitLab()), 500);

  const control = createServer((req, res) => {
    if (req.url !== '/stats') {
      res.writeHead(404).end();
      return;
    }
    const cpu = process.cpuUsage();
    const stats: ServersStats = { jira: drainJira(), gitlab: drainGitLab(), cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000, rssMb: process.memoryUsage().rss / 2 ** 20 };
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(stats));
  });
  // The sync process asks for stats minutes apart; a long keep-alive avoids reusing a socket closed in between.
  control.keepAliveTimeout = 30 * 60_000;
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const { port } = control.address() as AddressInfo;

  const info: ServersInfo = {
    jira: { url: jira.url, email, token: jiraToken, projects },
    gitlab: { url: gitlab.url, token: gitlabToken, group },
    control: `http://127.0.0.1:${port}`,
    dataset: {
      issues: jiraCounts.issues, histories: jiraCounts.histories, worklogs: jiraCounts.worklogs, issueCopies: jiraCounts.copies,
      mergeRequests: gitlabCounts.mergeRequests, notes: gitlabCounts.notes, commits: gitlabCounts.commits, approvals: gitlabCounts.approvals,
      mrCopies: gitlabCounts.copies, pipelines: gitlabCounts.pipelines, jobs: gitlabCounts.jobs, pipelineCopies: gitlabCounts.pipelineCopies,
    },
    buildMs,
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);

  const stop = () => {
    clearInterval(timer);
    control.close();
    void Promise.all([jira.close(), gitlab.close()]).finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The parent holds our stdin open; when it goes away (even killed), so do we.
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
