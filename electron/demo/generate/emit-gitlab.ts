// Renders merge requests as GitLab v4 payloads: the single-MR detail object, /approvals (Free or
// Premium shape by project licence), /discussions with user and system notes, /commits.

import type { Company, Mr, Note, Pipeline } from './model';
import { RELAY } from './model';
import { visible } from './assign-ids';
import { GITLAB_BASE } from './company';
import { basicPipeline, renderJobs, viewPipeline } from './emit-ci';
import {
  commitIdentity, gitlabUser, mrDescription, mrLabels, mrTitle, mrWebUrl, renderText, sourceBranch,
} from './render';
import { gitTime, isoTime } from './time';
import type {
  DemoBundle, GitLabApprovalsFree, GitLabApprovalsPremium, GitLabCommit, GitLabDiscussion, GitLabMergeRequest, GitLabNote, GitLabPipeline,
} from './types';

export function emitGitLab(company: Company, mrs: Mr[], pipelines: Pipeline[]): DemoBundle['gitlab'] {
  const out: DemoBundle['gitlab'] = {
    baseUrl: GITLAB_BASE,
    projects: company.repos.map((r) => ({ id: r.id, path_with_namespace: r.path, name: r.name, web_url: r.webUrl })),
    mergeRequests: {}, approvals: {}, discussions: {}, commits: {}, pipelines: {}, jobs: {},
  };
  for (const r of company.repos) {
    out.mergeRequests[r.id] = [];
    out.pipelines[r.id] = [];
  }
  const details = new Map<Pipeline, GitLabPipeline>();
  for (const p of pipelines) {
    const view = viewPipeline(p);
    details.set(p, view.detail);
    (out.pipelines[p.repo.id] ??= []).push(view.detail);
    out.jobs[p.id] = renderJobs(p, view);
  }
  for (const mr of mrs) {
    const ownPipelines = mr.pipelines.filter((p) => details.has(p));
    const head = ownPipelines[ownPipelines.length - 1];
    const headDetail = head ? details.get(head) ?? null : null;
    (out.mergeRequests[mr.repo.id] ??= []).push(detail(company, mr, headDetail));
    out.approvals[mr.id] = approvals(mr);
    out.discussions[mr.id] = discussions(mr);
    out.commits[mr.id] = commits(mr);
  }
  return out;
}

function state(mr: Mr): GitLabMergeRequest['state'] {
  if (visible(mr.mergedAt)) return 'merged';
  if (visible(mr.closedAt)) return 'closed';
  return 'opened';
}

function visibleNotes(mr: Mr): Note[] {
  const notes: Note[] = [];
  for (const th of mr.threads) for (const n of th.notes) if (visible(n.at)) notes.push(n);
  return notes;
}

function detailedMergeStatus(mr: Mr, head: GitLabPipeline | null): string {
  if (state(mr) !== 'opened') return 'not_open';
  const notes = visibleNotes(mr).sort((a, b) => a.at - b.at);
  const lastVerdict = notes.filter((n) => n.kind === 'system' && (n.body === 'requested changes' || n.body === 'approved this merge request')).pop();
  if (lastVerdict?.body === 'requested changes') return 'requested_changes';
  if (head && head.status === 'failed') return 'ci_must_pass';
  if (head && head.status === 'running') return 'ci_still_running';
  if (notes.some((n) => n.resolvable && !visible(n.resolvedAt))) return 'discussions_not_resolved';
  if (mr.repo.premium && !mr.approvals.some((a) => visible(a.at))) return 'not_approved';
  return 'mergeable';
}

function lastActivity(mr: Mr, head: GitLabPipeline | null): number {
  let t = mr.created;
  for (const c of mr.commits) if (visible(c.at)) t = Math.max(t, c.at);
  for (const n of visibleNotes(mr)) t = Math.max(t, n.resolvedAt !== null && visible(n.resolvedAt) ? n.resolvedAt : n.at);
  if (visible(mr.mergedAt) && mr.mergedAt !== null) t = Math.max(t, mr.mergedAt);
  if (visible(mr.closedAt) && mr.closedAt !== null) t = Math.max(t, mr.closedAt);
  if (head) t = Math.max(t, Date.parse(head.updated_at));
  return t;
}

function detail(company: Company, mr: Mr, head: GitLabPipeline | null): GitLabMergeRequest {
  const team = company.teams.find((t) => t.key === mr.repo.team);
  const commitsSeen = mr.commits.filter((c) => visible(c.at));
  const headSha = commitsSeen[commitsSeen.length - 1]?.sha ?? mr.baseSha;
  const st = state(mr);
  const notes = visibleNotes(mr);
  const merger = st === 'merged' && mr.mergedBy ? gitlabUser(mr.mergedBy) : null;
  const ref = `!${mr.iid}`;
  return {
    id: mr.id, iid: mr.iid, project_id: mr.repo.id, title: mrTitle(mr), description: mrDescription(mr), state: st,
    imported: false, imported_from: 'none', created_at: isoTime(mr.created), updated_at: isoTime(lastActivity(mr, head)),
    merged_by: merger, merge_user: merger, merged_at: st === 'merged' && mr.mergedAt !== null ? isoTime(mr.mergedAt) : null,
    merge_after: null, prepared_at: isoTime(mr.created + 3000 + (mr.id % 37) * 1000),
    closed_by: st === 'closed' && mr.closedBy ? gitlabUser(mr.closedBy) : null,
    closed_at: st === 'closed' && mr.closedAt !== null ? isoTime(mr.closedAt) : null,
    target_branch: 'main', source_branch: sourceBranch(mr),
    user_notes_count: notes.filter((n) => n.kind !== 'system').length, upvotes: 0, downvotes: 0,
    author: gitlabUser(mr.author), assignees: [gitlabUser(mr.owner)], assignee: gitlabUser(mr.owner),
    reviewers: mr.reviewers.map(gitlabUser), source_project_id: mr.repo.id, target_project_id: mr.repo.id,
    labels: mrLabels(mr, team), draft: false, work_in_progress: false, milestone: null, merge_when_pipeline_succeeds: false,
    merge_status: 'can_be_merged', detailed_merge_status: detailedMergeStatus(mr, head), sha: headSha,
    merge_commit_sha: st === 'merged' ? mr.mergeCommitSha : null, squash_commit_sha: null, discussion_locked: null,
    should_remove_source_branch: st === 'merged' ? true : null, force_remove_source_branch: true,
    allow_collaboration: false, allow_maintainer_to_push: false, reference: ref,
    references: { short: ref, relative: ref, full: `${mr.repo.path}${ref}` }, web_url: mrWebUrl(mr),
    time_stats: { time_estimate: 0, total_time_spent: 0, human_time_estimate: null, human_total_time_spent: null },
    squash: false, squash_on_merge: false, task_completion_status: { count: 0, completed_count: 0 }, has_conflicts: false,
    blocking_discussions_resolved: !notes.some((n) => n.resolvable && !visible(n.resolvedAt)), subscribed: false,
    // A string, and capped, exactly as GitLab reports it.
    changes_count: mr.changes > 1000 ? '1000+' : String(mr.changes),
    latest_build_started_at: head?.started_at ?? null, latest_build_finished_at: head?.finished_at ?? null,
    first_deployed_to_production_at: null, pipeline: head ? basicPipeline(head) : null, head_pipeline: head,
    diff_refs: { base_sha: mr.baseSha, head_sha: headSha, start_sha: mr.baseSha }, merge_error: null,
    first_contribution: false, user: { can_merge: true },
  };
}

function approvals(mr: Mr): GitLabApprovalsFree | GitLabApprovalsPremium {
  const seen = mr.approvals.filter((a) => visible(a.at));
  const free: GitLabApprovalsFree = {
    user_has_approved: false, user_can_approve: state(mr) === 'opened', approved: seen.length > 0,
    approved_by: seen.map((a) => ({ user: gitlabUser(a.by), approved_at: isoTime(a.at) })),
  };
  if (!mr.repo.premium) return free;
  const left = Math.max(0, 1 - seen.length);
  return {
    id: mr.id, iid: mr.iid, project_id: mr.repo.id, title: mrTitle(mr), description: mrDescription(mr), state: state(mr),
    created_at: isoTime(mr.created), updated_at: isoTime(lastActivity(mr, null)), merge_status: 'can_be_merged',
    ...free,
    approvals_required: 1, approvals_left: left, require_password_to_approve: false, suggested_approvers: [], approvers: [],
    approver_groups: [], approval_rules_left: left > 0 ? [{ id: 9100 + mr.repo.id, name: 'Code owners', rule_type: 'regular' }] : [],
    has_approval_rules: true, merge_request_approvers_available: true, multiple_approval_rules_available: true,
  };
}

function renderBody(note: Note, mr: Mr): string {
  if (!note.ref) return note.body;
  const ref = note.ref.repo === mr.repo ? `!${note.ref.iid}` : `${note.ref.repo.path}!${note.ref.iid}`;
  return note.body.replace('{ref}', ref);
}

function discussions(mr: Mr): GitLabDiscussion[] {
  const out: { at: number; d: GitLabDiscussion }[] = [];
  for (const th of mr.threads) {
    const notes = th.notes.filter((n) => visible(n.at));
    const first = notes[0];
    if (!first) continue;
    out.push({ at: first.at, d: { id: th.hash, individual_note: th.individual, notes: notes.map((n) => noteJson(n, mr)) } });
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.d);
}

function noteJson(n: Note, mr: Mr): GitLabNote {
  const json: GitLabNote = {
    id: n.id, type: n.kind === 'DiffNote' || n.kind === 'DiscussionNote' ? n.kind : null, body: renderBody(n, mr), attachment: null,
    author: gitlabUser(n.author), created_at: isoTime(n.at), updated_at: isoTime(n.at), system: n.kind === 'system',
    noteable_id: mr.id, noteable_type: 'MergeRequest', project_id: mr.repo.id, noteable_iid: mr.iid, resolvable: n.resolvable,
  };
  if (n.position) {
    json.commit_id = null;
    json.position = { base_sha: n.position.baseSha, start_sha: n.position.baseSha, head_sha: n.position.headSha,
      old_path: n.position.path, new_path: n.position.path, position_type: 'text', old_line: null, new_line: n.position.line };
  }
  if (n.resolvable) {
    const resolved = n.resolvedAt !== null && visible(n.resolvedAt);
    json.resolved = resolved;
    json.resolved_by = resolved && n.resolvedBy ? gitlabUser(n.resolvedBy) : null;
    json.resolved_at = resolved && n.resolvedAt !== null ? isoTime(n.resolvedAt) : null;
  }
  return json;
}

function commits(mr: Mr): GitLabCommit[] {
  return mr.commits.filter((c) => visible(c.at)).map((c) => {
    const who = commitIdentity(c.author);
    const title = renderText(c.title, mr);
    const trailers: Record<string, string> = {};
    let message = `${title}\n`;
    if (mr.kind === 'revert' && mr.revertOf?.mergeCommitSha) message = `${title}\n\nThis reverts commit ${mr.revertOf.mergeCommitSha}.\n`;
    if (c.author === RELAY && c.runId) {
      trailers['Relay-Run-Id'] = c.runId;
      message = `${title}\n\nRelay-Run-Id: ${c.runId}\n`;
    }
    return {
      id: c.sha, short_id: c.sha.slice(0, 8), created_at: gitTime(c.at), parent_ids: [c.parent], title, message,
      author_name: who.name, author_email: who.email, authored_date: gitTime(c.at), committer_name: who.name,
      committer_email: who.email, committed_date: gitTime(c.at), trailers,
      extended_trailers: Object.fromEntries(Object.entries(trailers).map(([k, v]) => [k, [v]])),
      web_url: `${mr.repo.webUrl}/-/commit/${c.sha}`,
    };
  }).reverse();
}
