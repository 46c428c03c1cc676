import type {
  GitLabApprovalsFree, GitLabApprovalsPremium, GitLabCommit, GitLabDiscussion, GitLabJob, GitLabMergeRequest, GitLabPipeline, JiraChangelog,
  JiraIssueLink, JiraWorklog,
} from '../../electron/demo/generate/types';
import type { GitLabDataset } from '../../tests/servers/gitlab-dataset';
import type { JiraDataset, JiraIssueRecord } from '../../tests/servers/jira-dataset';

/** The issue's volumes at fraction 1: 50,000 issues, 20,000 merge requests, 200,000 CI jobs. */
export const FULL_SIZE = { issues: 50_000, mergeRequests: 20_000, jobs: 200_000 } as const;

export type ScaleTargets = { issues: number; mergeRequests: number; jobs: number };

export const targetsFor = (fraction: number): ScaleTargets => ({
  issues: Math.round(FULL_SIZE.issues * fraction),
  mergeRequests: Math.round(FULL_SIZE.mergeRequests * fraction),
  jobs: Math.round(FULL_SIZE.jobs * fraction),
});

/**
 * Copy `c` of a record gets `id + c * stride`. The stride is a power of ten above every id in the
 * base data (and at least `min`), so copies never collide and PLAT-1 reads as PLAT-100001 in copy 1.
 */
export function strideAbove(maxId: number, min = 1): number {
  let stride = Math.max(min, 10);
  while (stride <= maxId) stride *= 10;
  return stride;
}

const shift = (id: string | number, c: number, stride: number): number => Number(id) + c * stride;

/** A 40-hex sha made unique per copy (last six digits carry the copy), so sha joins stay within a copy. */
const shaOf = (sha: string, c: number): string => (c === 0 || !/^[0-9a-f]{40}$/.test(sha) ? sha : `${sha.slice(0, 34)}${c.toString(16).padStart(6, '0')}`);
const shaOrNull = (sha: string | null, c: number): string | null => (sha === null ? null : shaOf(sha, c));

const JIRA_KEY = /\b([A-Z][A-Z0-9_]+)-(\d+)\b/g;
const MR_REF = /^refs\/merge-requests\/(\d+)\/(head|merge)$/;

/** Rewrites Jira keys in free text (MR titles, branches) to the same copy's keys, so linking stays realistic. */
const rekey = (text: string, c: number, keyStride: number): string =>
  c === 0 ? text : text.replace(JIRA_KEY, (_m, project: string, n: string) => `${project}-${shift(n, c, keyStride)}`);

/** Replaces a trailing number in a URL (`…/issue/10000`, `…/merge_requests/22`, `…/jobs/5204135`). */
const withTail = (url: string, value: number): string => url.replace(/\d+$/, String(value));

/**
 * Replicates the Jira dataset's issues (with their histories and worklogs) until there are
 * `target` issues; the last copy may be partial. Copy 0 is the original. Nested objects that the
 * servers only read (users, statuses, change items) are shared between copies to keep memory sane.
 */
export function scaleJira(d: JiraDataset, target: number): { issues: number; histories: number; worklogs: number; copies: number; keyStride: number } {
  const base = [...d.issues.values()];
  if (base.length === 0) throw new Error('the Jira dataset has no issues to replicate');
  const idStride = strideAbove(Math.max(...base.map((r) => Number(r.bean.id))));
  const keyStride = strideAbove(Math.max(...base.map((r) => Number(r.bean.key.split('-')[1]))), 100_000);
  const historyStride = strideAbove(Math.max(0, ...base.flatMap((r) => r.histories.map((h) => Number(h.id)))));
  const worklogStride = strideAbove(Math.max(0, ...base.flatMap((r) => r.worklogs.map((w) => Number(w.id)))));
  const linkStride = strideAbove(Math.max(0, ...base.flatMap((r) => r.bean.fields.issuelinks.map((l) => Number(l.id)))));

  const copyLink = (l: JiraIssueLink, c: number): JiraIssueLink => {
    const other = (o: JiraIssueLink['inwardIssue']) => (o ? { ...o, id: String(shift(o.id, c, idStride)), key: rekey(o.key, c, keyStride), self: withTail(o.self, shift(o.id, c, idStride)) } : undefined);
    const inwardIssue = other(l.inwardIssue);
    const outwardIssue = other(l.outwardIssue);
    return { ...l, id: String(shift(l.id, c, linkStride)), self: withTail(l.self, shift(l.id, c, linkStride)), ...(inwardIssue ? { inwardIssue } : {}), ...(outwardIssue ? { outwardIssue } : {}) };
  };
  const copyIssue = (r: JiraIssueRecord, c: number): JiraIssueRecord => {
    if (c === 0) return r;
    const id = String(shift(r.bean.id, c, idStride));
    const histories = r.histories.map((h): JiraChangelog => ({ ...h, id: String(shift(h.id, c, historyStride)) }));
    const worklogs = r.worklogs.map((w): JiraWorklog => {
      const wid = shift(w.id, c, worklogStride);
      return { ...w, id: String(wid), issueId: id, self: `${d.sourceBaseUrl}/rest/api/3/issue/${id}/worklog/${wid}` };
    });
    const fields = { ...r.bean.fields, issuelinks: r.bean.fields.issuelinks.map((l) => copyLink(l, c)) };
    return { bean: { ...r.bean, id, key: rekey(r.bean.key, c, keyStride), self: withTail(r.bean.self, Number(id)), fields }, histories, worklogs };
  };

  const issues = new Map<string, JiraIssueRecord>();
  let copies = 0;
  for (let c = 0; issues.size < target; c += 1) {
    copies = c + 1;
    for (const r of base) {
      if (issues.size >= target) break;
      const copy = copyIssue(r, c);
      issues.set(copy.bean.id, copy);
    }
  }
  d.issues = issues;
  let histories = 0;
  let worklogs = 0;
  for (const r of issues.values()) {
    histories += r.histories.length;
    worklogs += r.worklogs.length;
  }
  return { issues: issues.size, histories, worklogs, copies, keyStride };
}

type MrCounts = { mergeRequests: number; notes: number; commits: number; approvals: number; copies: number };
type PipelineCounts = { pipelines: number; jobs: number; copies: number };

/**
 * Replicates merge requests (with approvals, discussions and commits) to `targets.mergeRequests`
 * and pipelines (with their jobs) until `targets.jobs` jobs exist, each independently; copies get
 * fresh ids, iids, URLs, shas and `refs/merge-requests/<iid>/head` refs pointing at the same copy's MRs.
 */
export function scaleGitLab(
  d: GitLabDataset,
  targets: Pick<ScaleTargets, 'mergeRequests' | 'jobs'>,
  /** The Jira side's key stride, so copy c of an MR names copy c of its issue. */
  keyStride: number,
): MrCounts & PipelineCounts & { pipelineCopies: number } {
  const baseMrs = [...d.mergeRequests.entries()].flatMap(([projectId, list]) => list.map((mr) => ({ projectId, mr })));
  const basePipelines = [...d.pipelines.entries()].flatMap(([projectId, list]) => list.map((p) => ({ projectId, p })));
  if (baseMrs.length === 0 || basePipelines.length === 0) throw new Error('the GitLab dataset has no merge requests or pipelines to replicate');
  const mrIdStride = strideAbove(Math.max(...baseMrs.map((x) => x.mr.id)));
  const iidStride = strideAbove(Math.max(...baseMrs.map((x) => x.mr.iid)), 100_000);
  const allNotes = [...d.discussions.values()].flat().flatMap((x) => x.notes);
  const noteStride = strideAbove(Math.max(0, ...allNotes.map((n) => n.id)));
  const pipelineStride = strideAbove(Math.max(...basePipelines.map((x) => x.p.id)));
  const pipelineIidStride = strideAbove(Math.max(...basePipelines.map((x) => x.p.iid)), 100_000);
  const jobStride = strideAbove(Math.max(0, ...[...d.jobs.values()].flat().map((j) => j.id)));

  const ref = (r: string, c: number): string => {
    const m = MR_REF.exec(r);
    return c === 0 || !m ? r : `refs/merge-requests/${shift(m[1] ?? '0', c, iidStride)}/${m[2]}`;
  };
  const copyPipeline = (p: GitLabPipeline, c: number): GitLabPipeline => {
    if (c === 0) return p;
    const id = shift(p.id, c, pipelineStride);
    return { ...p, id, iid: shift(p.iid, c, pipelineIidStride), sha: shaOf(p.sha, c), ref: ref(p.ref, c), web_url: withTail(p.web_url, id),
      detailed_status: { ...p.detailed_status, details_path: withTail(p.detailed_status.details_path, id) } };
  };
  const copyJob = (j: GitLabJob, c: number, pipelineId: number): GitLabJob => {
    const id = shift(j.id, c, jobStride);
    return { ...j, id, ref: ref(j.ref, c), web_url: withTail(j.web_url, id), commit: { ...j.commit, id: shaOf(j.commit.id, c) },
      pipeline: { ...j.pipeline, id: pipelineId, ref: ref(j.pipeline.ref, c), sha: shaOf(j.pipeline.sha, c) } };
  };
  const copyMr = (mr: GitLabMergeRequest, c: number): GitLabMergeRequest => {
    if (c === 0) return mr;
    const iid = shift(mr.iid, c, iidStride);
    const short = `!${iid}`;
    const basic = mr.pipeline ? { ...mr.pipeline, id: shift(mr.pipeline.id, c, pipelineStride), sha: shaOf(mr.pipeline.sha, c), ref: ref(mr.pipeline.ref, c) } : null;
    return {
      ...mr, id: shift(mr.id, c, mrIdStride), iid, title: rekey(mr.title, c, keyStride), description: rekey(mr.description, c, keyStride),
      source_branch: rekey(mr.source_branch, c, keyStride), sha: shaOf(mr.sha, c), merge_commit_sha: shaOrNull(mr.merge_commit_sha, c),
      reference: short, references: { short, relative: short, full: `${mr.references.full.split('!')[0] ?? ''}${short}` }, web_url: withTail(mr.web_url, iid),
      diff_refs: { base_sha: shaOf(mr.diff_refs.base_sha, c), head_sha: shaOf(mr.diff_refs.head_sha, c), start_sha: shaOf(mr.diff_refs.start_sha, c) },
      pipeline: basic, head_pipeline: mr.head_pipeline ? copyPipeline(mr.head_pipeline, c) : null,
    };
  };
  const copyApprovals = (a: GitLabApprovalsFree | GitLabApprovalsPremium, mr: GitLabMergeRequest): GitLabApprovalsFree | GitLabApprovalsPremium =>
    'iid' in a ? { ...a, id: mr.id, iid: mr.iid, title: mr.title } : a;
  const copyDiscussions = (list: GitLabDiscussion[], c: number, mr: GitLabMergeRequest): GitLabDiscussion[] =>
    list.map((x) => ({ ...x, id: shaOf(x.id, c), notes: x.notes.map((n) => ({ ...n, id: shift(n.id, c, noteStride), noteable_id: mr.id, noteable_iid: mr.iid })) }));
  const copyCommits = (list: GitLabCommit[], c: number): GitLabCommit[] =>
    list.map((x) => ({ ...x, id: shaOf(x.id, c), parent_ids: x.parent_ids.map((p) => shaOf(p, c)), web_url: x.web_url.replace(x.id, shaOf(x.id, c)) }));

  const mergeRequests = new Map<number, GitLabMergeRequest[]>();
  const approvals = new Map<number, GitLabApprovalsFree | GitLabApprovalsPremium>();
  const discussions = new Map<number, GitLabDiscussion[]>();
  const commits = new Map<number, GitLabCommit[]>();
  const mr: MrCounts = { mergeRequests: 0, notes: 0, commits: 0, approvals: 0, copies: 0 };
  for (let c = 0; mr.mergeRequests < targets.mergeRequests; c += 1) {
    mr.copies = c + 1;
    for (const { projectId, mr: original } of baseMrs) {
      if (mr.mergeRequests >= targets.mergeRequests) break;
      const copy = copyMr(original, c);
      const list = mergeRequests.get(projectId) ?? [];
      if (list.length === 0) mergeRequests.set(projectId, list);
      list.push(copy);
      const a = d.approvals.get(original.id);
      if (a) approvals.set(copy.id, c === 0 ? a : copyApprovals(a, copy));
      const baseNotes = d.discussions.get(original.id) ?? [];
      const notes = c === 0 ? baseNotes : copyDiscussions(baseNotes, c, copy);
      discussions.set(copy.id, notes);
      const cs = d.commits.get(original.id) ?? [];
      commits.set(copy.id, c === 0 ? cs : copyCommits(cs, c));
      mr.mergeRequests += 1;
      mr.notes += notes.reduce((n, x) => n + x.notes.length, 0);
      mr.commits += cs.length;
      mr.approvals += a?.approved_by.length ?? 0;
    }
  }

  const pipelines = new Map<number, GitLabPipeline[]>();
  const jobs = new Map<number, GitLabJob[]>();
  const pc: PipelineCounts = { pipelines: 0, jobs: 0, copies: 0 };
  for (let c = 0; pc.jobs < targets.jobs; c += 1) {
    pc.copies = c + 1;
    for (const { projectId, p } of basePipelines) {
      if (pc.jobs >= targets.jobs) break;
      const copy = copyPipeline(p, c);
      const list = pipelines.get(projectId) ?? [];
      if (list.length === 0) pipelines.set(projectId, list);
      list.push(copy);
      const js = (d.jobs.get(p.id) ?? []).map((j) => (c === 0 ? j : copyJob(j, c, copy.id)));
      jobs.set(copy.id, js);
      pc.pipelines += 1;
      pc.jobs += js.length;
    }
  }
  Object.assign(d, { mergeRequests, approvals, discussions, commits, pipelines, jobs });
  return { ...mr, ...pc, copies: mr.copies, pipelineCopies: pc.copies };
}
