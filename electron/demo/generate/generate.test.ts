import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from './index';
import type { DemoBundle, GitLabMergeRequest, JiraIssueBean } from './types';

// The header of reference §5.4, copied verbatim: the contract with the run-credit importer.
const SPEC_HEADER =
  'schema_version,event_id,occurred_at,workspace,event_type,ticket_key,run_id,parent_run_id,reason_code,reason_detail,run_credits,ai_credits,ai_credits_reserved,reservation_id,amount,currency,provider,model,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,vcs,repository,mr_url,mr_iid,commit_sha,supersedes_event_id,metadata_json';
const JIRA_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/;
const GITLAB_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const RFC3339_MS_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

type Row = Record<string, string>;

const hash = (b: DemoBundle): string => createHash('sha256').update(JSON.stringify(b)).digest('hex');
const issuesOf = (b: DemoBundle): JiraIssueBean[] => b.jira.searchPages.flatMap((p) => p.issues);
const mrsOf = (b: DemoBundle): GitLabMergeRequest[] => Object.values(b.gitlab.mergeRequests).flat();

/** All run-credit rows across the monthly files, de-duplicated by event id (files overlap on purpose). */
function runRows(b: DemoBundle): { all: Row[]; unique: Row[] } {
  const all: Row[] = [];
  for (const f of b.files.filter((x) => x.kind === 'run-credits')) all.push(...(parse(f.content, { columns: true }) as Row[]));
  const byId = new Map<string, Row>();
  for (const r of all) byId.set(r.event_id ?? '', r);
  const unique = [...byId.values()].sort((a, b) => (a.occurred_at ?? '').localeCompare(b.occurred_at ?? ''));
  return { all, unique };
}

describe('generateDemo', () => {
  let bundle: DemoBundle;
  let rows: { all: Row[]; unique: Row[] };

  beforeAll(() => {
    bundle = generateDemo({ seed: 7, scale: 1 });
    rows = runRows(bundle);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(hash(generateDemo({ seed: 7, scale: 1 }))).toBe(hash(bundle));
    const a = generateDemo({ seed: 1, scale: 0.25 });
    const b = generateDemo({ seed: 2, scale: 0.25 });
    expect(hash(a)).not.toBe(hash(b));
  });

  it('covers the fixed period and emits every kind of file', () => {
    expect(bundle.period).toEqual({ from: '2025-10-01', to: '2026-09-30' });
    const kinds = new Set(bundle.files.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['anthropic-cost-report', 'copilot-users-1-day', 'github-billing', 'run-credits']);
    expect(new Set(bundle.files.map((f) => f.name)).size).toBe(bundle.files.length);
  });

  it('writes run-credit CSVs with the exact header of reference 5.4', () => {
    const files = bundle.files.filter((f) => f.kind === 'run-credits');
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) {
      expect(f.name).toMatch(/^relay-events-all-\d{6}\.csv$/);
      expect(f.content.split('\n')[0]).toBe(SPEC_HEADER);
    }
    for (const r of rows.unique) {
      expect(r.occurred_at).toMatch(RFC3339_MS_Z);
      expect(r.currency).toBe('GBP');
    }
  });

  it('overlaps one pair of monthly files with identical rows, so re-import must dedupe', () => {
    const seen = new Map<string, string>();
    let duplicates = 0;
    for (const r of rows.all) {
      const line = JSON.stringify(r);
      const before = seen.get(r.event_id ?? '');
      if (before !== undefined) {
        duplicates++;
        expect(line).toBe(before);
      }
      seen.set(r.event_id ?? '', line);
    }
    expect(duplicates).toBeGreaterThan(0);
    expect(rows.unique.length).toBe(rows.all.length - duplicates);
  });

  it('points every published run at an MR that exists in the bundle', () => {
    const mrs = new Map(mrsOf(bundle).map((m) => [m.web_url, m]));
    const published = rows.unique.filter((r) => ['pr_created', 'pr_updated', 'retry_publish'].includes(r.event_type ?? ''));
    expect(published.some((r) => r.event_type === 'pr_created')).toBe(true);
    for (const r of published) {
      const mr = mrs.get(r.mr_url ?? '');
      expect(mr, r.mr_url).toBeDefined();
      expect(mr?.labels).toContain('ai-generated');
      expect(mr?.author.username).toBe('relay-bot');
      expect(mr?.title.startsWith(`${r.ticket_key}: `)).toBe(true);
      expect(String(mr?.iid)).toBe(r.mr_iid);
      // One credit per publish, except the deliberate double billing the reconciliation must find.
      const doubleBilled = r.event_type === 'retry_publish' && r.workspace === 'northwind-cloud' && (r.occurred_at ?? '').startsWith('2026-07');
      expect([r.event_id, r.run_credits]).toEqual([r.event_id, doubleBilled ? '2' : '1']);
    }
  });

  it('settles every model call after a reservation with the same id', () => {
    const reserved = new Map<string, Row>();
    let settled = 0;
    for (const r of rows.unique) {
      if (r.event_type === 'model_call_reserved') reserved.set(r.reservation_id ?? '', r);
      if (r.event_type === 'model_call_settled') {
        const hold = reserved.get(r.reservation_id ?? '');
        expect(hold, r.reservation_id).toBeDefined();
        expect((hold?.occurred_at ?? '') <= (r.occurred_at ?? '')).toBe(true);
        expect(Number(r.ai_credits)).toBeLessThanOrEqual(Number(hold?.ai_credits_reserved));
        settled++;
      }
    }
    expect(settled).toBeGreaterThan(0);
  });

  it('links continuation and retry runs to a parent run', () => {
    const runs = new Set(rows.unique.map((r) => r.run_id).filter((x) => x));
    for (const r of rows.unique.filter((x) => x.event_type === 'continuation_run' || x.event_type === 'retry_publish')) {
      expect(runs.has(r.parent_run_id ?? '')).toBe(true);
    }
    for (const r of rows.unique.filter((x) => x.event_type === 'ticket_denied')) expect(r.run_id).toBe('');
  });

  it('uses Jira timestamps with a colon-less offset everywhere', () => {
    for (const issue of issuesOf(bundle)) {
      const f = issue.fields;
      expect(f.created).toMatch(JIRA_TIME);
      expect(f.updated).toMatch(JIRA_TIME);
      if (f.resolutiondate !== null) expect(f.resolutiondate).toMatch(JIRA_TIME);
      for (const h of issue.changelog.histories) expect(h.created).toMatch(JIRA_TIME);
    }
    for (const page of Object.values(bundle.jira.worklogPages)) {
      for (const w of page.worklogs) {
        expect(w.started).toMatch(JIRA_TIME);
        expect(w.created).toMatch(JIRA_TIME);
      }
    }
  });

  it('pages search results by 100 with a token on every page but the last', () => {
    const pages = bundle.jira.searchPages;
    pages.forEach((p, i) => {
      const last = i === pages.length - 1;
      expect(p.isLast).toBe(last);
      expect('nextPageToken' in p).toBe(!last);
      if (!last) expect(p.issues.length).toBe(100);
    });
    const ids = issuesOf(bundle).map((i) => Number(i.id));
    expect(ids[0]).toBe(10000);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('truncates long embedded changelogs and serves the full history in changelog pages', () => {
    let truncated = 0;
    for (const issue of issuesOf(bundle)) {
      const { histories, total } = issue.changelog;
      const pages = bundle.jira.changelogPages[issue.id];
      if (total <= 20) {
        expect(histories.length).toBe(total);
        expect(pages).toBeUndefined();
        continue;
      }
      truncated++;
      expect(histories.length).toBe(20);
      expect(pages).toBeDefined();
      const values = (pages ?? []).flatMap((p) => p.values);
      for (const p of pages ?? []) expect(p.total).toBe(values.length);
      expect(values.length).toBe(total);
      // Pages run oldest first; the embedded slice is the newest 20, newest first.
      expect(values.slice(-20).reverse().map((h) => h.id)).toEqual(histories.map((h) => h.id));
      expect(pages?.[pages.length - 1]?.isLast).toBe(true);
    }
    expect(truncated).toBeGreaterThan(0);
  });

  it('describes the story-points field and keeps statuses consistent with categories', () => {
    const sp = bundle.jira.fields.find((f) => f.id === 'customfield_10016');
    expect(sp?.name).toBe('Story point estimate');
    for (const issue of issuesOf(bundle)) {
      const done = issue.fields.status.statusCategory.key === 'done';
      expect(issue.fields.resolution !== null).toBe(done);
      expect(issue.fields.resolutiondate !== null).toBe(done);
    }
  });

  it('reports changes_count as a string and GitLab times with Z', () => {
    const mrs = mrsOf(bundle);
    expect(mrs.length).toBeGreaterThan(0);
    for (const mr of mrs) {
      expect(typeof mr.changes_count).toBe('string');
      expect(mr.created_at).toMatch(GITLAB_TIME);
      expect(mr.updated_at >= mr.created_at).toBe(true);
    }
  });

  it('gives pipelines durations and job lists with retried jobs', () => {
    const pipelines = Object.values(bundle.gitlab.pipelines).flat();
    expect(pipelines.some((p) => p.source === 'push' && p.ref === 'main')).toBe(true);
    for (const p of pipelines) {
      if (p.source === 'merge_request_event') expect(p.ref).toMatch(/^refs\/merge-requests\/\d+\/head$/);
      if (p.status !== 'running') {
        expect(typeof p.duration).toBe('number');
        expect(typeof p.queued_duration).toBe('number');
      }
      expect(bundle.gitlab.jobs[p.id]).toBeDefined();
    }
    let retried = 0;
    for (const jobs of Object.values(bundle.gitlab.jobs)) {
      const byName = new Map<string, number[]>();
      for (const j of jobs) byName.set(j.name, [...(byName.get(j.name) ?? []), j.id]);
      for (const j of jobs) {
        const ids = byName.get(j.name) ?? [];
        if (ids.length > 1 && j.id < Math.max(...ids)) {
          expect(j.status).toBe('failed');
          retried++;
        }
      }
    }
    expect(retried).toBeGreaterThan(0);
  });

  it('finds the reverted commit of every revert MR', () => {
    const mrs = mrsOf(bundle);
    const merged = new Map(mrs.filter((m) => m.merge_commit_sha).map((m) => [m.merge_commit_sha, m]));
    const reverts = mrs.filter((m) => m.title.startsWith('Revert "'));
    expect(reverts.length).toBeGreaterThan(0);
    for (const r of reverts) {
      const sha = /^This reverts commit ([0-9a-f]{40})\.$/.exec(r.description)?.[1];
      const original = merged.get(sha ?? '');
      expect(original).toBeDefined();
      expect(r.title).toBe(`Revert "${original?.title ?? ''}"`);
    }
  });

  it('scales volume roughly linearly', () => {
    const double = generateDemo({ seed: 7, scale: 2 });
    const ratio = issuesOf(double).length / issuesOf(bundle).length;
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.2);
    const mrRatio = mrsOf(double).length / mrsOf(bundle).length;
    expect(mrRatio).toBeGreaterThan(1.7);
    expect(mrRatio).toBeLessThan(2.3);
  });
});
