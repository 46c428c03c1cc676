import type { Db } from '../db/connection';
import { jiraWriter } from '../db/repositories/jira';
import { gitlabWriter } from '../db/repositories/gitlab';
import { ensureSource } from '../db/repositories/sources';
import { finishSyncRun, startSyncRun } from '../db/repositories/sync-runs';
import { upsertExchangeRate } from '../db/repositories/exchange-rates';
import { ingestChangelogPage, ingestSearchPage, ingestWorklogPage } from '../sync/jira/ingest';
import { findStoryPointsField } from '../sync/jira/map';
import { FieldsSchema } from '../sync/jira/schemas';
import { ingestApprovals, ingestCommits, ingestDiscussions, ingestJobs, ingestMergeRequests, ingestPipelines, ingestProject } from '../sync/gitlab/ingest';
import { importFile } from '../imports/import-file';
import type { DemoBundle } from './generate/types';

export type SeedProgress = (step: string, done: number, total: number | null) => void;

/**
 * Feeds a generated demo year through the same parse-and-upsert code that real syncs and imports
 * use: Jira search/changelog/worklog pages, GitLab MR/review/pipeline/job payloads, and billing
 * files through the importers. The demo therefore exercises the real pipeline end to end.
 */
export async function seedDemo(db: Db, bundle: DemoBundle, progress: SeedProgress, now: () => string): Promise<void> {
  seedJira(db, bundle, progress, now);
  seedGitLab(db, bundle, progress, now);
  const files = bundle.files;
  for (const [i, file] of files.entries()) {
    progress(`Importing ${file.name}`, i, files.length);
    await importFile(db, { name: file.name, content: file.content }, { now });
  }
  // In a real workspace the user enters these rates; the demo enters typical ones.
  upsertExchangeRate(db, { from: 'USD', to: 'GBP', validFrom: '2025-01-01', rate: 0.79 });
  upsertExchangeRate(db, { from: 'USD', to: 'GBP', validFrom: '2026-04-01', rate: 0.76 });
}

export function seedJira(db: Db, bundle: DemoBundle, progress: SeedProgress, now: () => string): void {
  const sourceId = ensureSource(db, { kind: 'jira', name: 'Northwind Jira', baseUrl: bundle.jira.baseUrl, config: { flavour: 'cloud', email: 'demo@northwind.example', scope: { projects: ['PLAT', 'PAY', 'MOB', 'DATA'] } } });
  const run = startSyncRun(db, sourceId, { full: true, at: now() });
  const writer = jiraWriter(db, sourceId);
  const storyPointsField = findStoryPointsField(FieldsSchema.parse(bundle.jira.fields));
  let issues = 0;
  let worklogs = 0;
  bundle.jira.searchPages.forEach((page, i) => {
    progress('Syncing Jira issues', i, bundle.jira.searchPages.length);
    db.transaction(() => {
      const result = ingestSearchPage(writer, page, { storyPointsField, siteUrl: bundle.jira.baseUrl });
      for (const issue of result.issues) {
        issues += 1;
        if (!issue.changelogComplete) {
          for (const cl of bundle.jira.changelogPages[issue.externalId] ?? []) ingestChangelogPage(writer, issue.itemId, cl);
        }
        const wl = bundle.jira.worklogPages[issue.externalId];
        if (wl) worklogs += ingestWorklogPage(writer, issue.itemId, wl).count;
      }
    })();
  });
  finishSyncRun(db, run, { status: 'succeeded', at: now(), stats: { issues, worklogs } });
}

export function seedGitLab(db: Db, bundle: DemoBundle, progress: SeedProgress, now: () => string): void {
  const sourceId = ensureSource(db, { kind: 'gitlab', name: 'Northwind GitLab', baseUrl: bundle.gitlab.baseUrl, config: { scope: { groups: ['northwind'], projects: [] } } });
  const run = startSyncRun(db, sourceId, { full: true, at: now() });
  const writer = gitlabWriter(db, sourceId, { botUsernames: ['relay-bot'] });
  const stats = { mergeRequests: 0, notes: 0, pipelines: 0, jobs: 0 };
  bundle.gitlab.projects.forEach((project, i) => {
    progress(`Syncing GitLab ${project.path_with_namespace}`, i, bundle.gitlab.projects.length);
    db.transaction(() => {
      const repositoryId = ingestProject(writer, project);
      for (const mr of ingestMergeRequests(writer, repositoryId, bundle.gitlab.mergeRequests[project.id] ?? [])) {
        stats.mergeRequests += 1;
        const approvals = bundle.gitlab.approvals[mr.id];
        if (approvals) ingestApprovals(writer, mr.mergeRequestId, approvals);
        stats.notes += ingestDiscussions(writer, mr.mergeRequestId, bundle.gitlab.discussions[mr.id] ?? []);
        ingestCommits(writer, mr.mergeRequestId, bundle.gitlab.commits[mr.id] ?? []);
      }
      for (const p of ingestPipelines(writer, repositoryId, bundle.gitlab.pipelines[project.id] ?? [])) {
        stats.pipelines += 1;
        stats.jobs += ingestJobs(writer, p.pipelineId, bundle.gitlab.jobs[p.id] ?? []);
      }
    })();
  });
  finishSyncRun(db, run, { status: 'succeeded', at: now(), stats });
}
