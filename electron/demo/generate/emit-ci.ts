// Renders pipelines (single-pipeline detail shape) and their job lists (include_retried=true),
// as seen at the snapshot: work still under way at year end shows as running.

import type { Job, Pipeline } from './model';
import { visible } from './assign-ids';
import { commitIdentity, gitlabUser, renderText } from './render';
import { DAY, gitTime, isoTime } from './time';
import type { GitLabBasicPipeline, GitLabDetailedStatus, GitLabJob, GitLabPipeline, GitLabRunner } from './types';

type JobView = { job: Job; status: string; started: number | null; finished: number | null };

function jobView(job: Job, pipelineDone: boolean): JobView {
  if (pipelineDone) return { job, status: job.status, started: job.started, finished: job.finished };
  if (job.started !== null && visible(job.started)) {
    return visible(job.finished) ? { job, status: job.status, started: job.started, finished: job.finished }
      : { job, status: 'running', started: job.started, finished: null };
  }
  return { job, status: job.status === 'manual' ? 'manual' : 'created', started: null, finished: null };
}

function latestAttempts(views: JobView[]): JobView[] {
  const latest = new Map<string, JobView>();
  for (const v of views) latest.set(v.job.template.name, v);
  return [...latest.values()];
}

export function pipelineRef(p: Pipeline): string {
  return p.mr ? `refs/merge-requests/${p.mr.iid}/head` : 'main';
}

type PipelineView = { detail: GitLabPipeline; jobs: JobView[] };

export function viewPipeline(p: Pipeline): PipelineView {
  let end = p.created;
  for (const j of p.jobs) if (j.finished !== null && j.finished > end) end = j.finished;
  const done = visible(end);
  const jobs = p.jobs.filter((j) => visible(j.created)).map((j) => jobView(j, done));
  const latest = latestAttempts(jobs);
  const running = latest.some((v) => v.status === 'running' || v.status === 'created');
  const failed = latest.some((v) => v.status === 'failed' && !v.job.template.allowFailure);
  const warned = latest.some((v) => v.status === 'failed' && v.job.template.allowFailure);
  const status = running ? 'running' : failed ? 'failed' : 'success';
  const starts = jobs.map((v) => v.started).filter((x): x is number => x !== null);
  const started = starts.length > 0 ? Math.min(...starts) : null;
  const finished = running ? null : end;
  const updated = finished ?? Math.max(p.created, ...starts);
  const path = `/${p.repo.path}/-/pipelines/${p.id}`;
  const detail: GitLabPipeline = {
    id: p.id, iid: p.iid, project_id: p.repo.id, name: null, sha: p.sha, ref: pipelineRef(p), status, source: p.source,
    created_at: isoTime(p.created), updated_at: isoTime(updated), web_url: `${p.repo.webUrl}/-/pipelines/${p.id}`,
    before_sha: p.mr ? '0000000000000000000000000000000000000000' : (p.origin?.baseSha ?? '0000000000000000000000000000000000000000'),
    tag: false, yaml_errors: null, user: gitlabUser(p.user), started_at: started === null ? null : isoTime(started),
    finished_at: finished === null ? null : isoTime(finished), committed_at: null,
    duration: finished === null || started === null ? null : Math.round((finished - started) / 1000),
    queued_duration: started === null ? null : Math.round(started - p.created) / 1000,
    coverage: p.coverage === null || running ? null : p.coverage.toFixed(2),
    detailed_status: detailedStatus(running ? 'running' : failed ? 'failed' : warned ? 'warning' : 'success', path), archived: false,
  };
  return { detail, jobs };
}

export function basicPipeline(d: GitLabPipeline): GitLabBasicPipeline {
  return { id: d.id, iid: d.iid, project_id: d.project_id, sha: d.sha, ref: d.ref, status: d.status, source: d.source,
    created_at: d.created_at, updated_at: d.updated_at, web_url: d.web_url };
}

function detailedStatus(kind: 'running' | 'failed' | 'warning' | 'success', path: string): GitLabDetailedStatus {
  const spec = {
    running: ['status_running', 'running', 'running', 'running'],
    failed: ['status_failed', 'failed', 'failed', 'failed'],
    warning: ['status_warning', 'warning', 'passed with warnings', 'success-with-warnings'],
    success: ['status_success', 'passed', 'passed', 'success'],
  }[kind];
  const [icon, text, label, group] = spec as [string, string, string, string];
  return { icon, text, label, group, tooltip: label, has_details: true, details_path: path, illustration: null,
    favicon: `/assets/ci_favicons/favicon_${icon}.png` };
}

function runnerJson(job: Job): GitLabRunner | null {
  const r = job.runner;
  if (!r) return null;
  return { id: r.id, description: r.description, ip_address: null, active: true, paused: false, is_shared: r.isShared,
    runner_type: r.type, name: r.name, online: true, status: 'online' };
}

function tagList(job: Job): string[] {
  const r = job.template.runner;
  if (r?.description.startsWith('macos')) return ['macos', 'xcode'];
  if (r) return ['pci'];
  return job.template.name.startsWith('deploy') ? ['kubernetes'] : ['docker'];
}

export function renderJobs(p: Pipeline, view: PipelineView): GitLabJob[] {
  const who = commitIdentity(p.commitAuthor);
  const title = renderText(p.commitTitle, p.mr ?? p.origin);
  const commit = { id: p.sha, short_id: p.sha.slice(0, 8), title, author_name: who.name, author_email: who.email,
    created_at: gitTime(p.commitAt), message: `${title}\n` };
  const pipelineRefObj = { id: p.id, project_id: p.repo.id, ref: view.detail.ref, sha: p.sha, status: view.detail.status };
  const user = gitlabUser(p.user);
  const out: GitLabJob[] = view.jobs.map((v) => {
    const { job } = v;
    const ran = v.started !== null && v.finished !== null;
    const keepsArtifacts = ran && v.status === 'success' && (job.template.stage === 'build' || job.template.stage === 'test');
    const json: GitLabJob = {
      id: job.id, name: job.template.name, stage: job.template.stage, status: v.status,
      ref: view.detail.ref, tag: false, allow_failure: job.template.allowFailure, coverage: v.status === 'success' ? job.coverage : null,
      created_at: isoTime(job.created), started_at: v.started === null ? null : isoTime(v.started),
      finished_at: v.finished === null ? null : isoTime(v.finished), erased_at: null,
      duration: ran ? job.durationSec : null, queued_duration: v.started === null ? null : job.queuedSec,
      artifacts_expire_at: keepsArtifacts && v.finished !== null ? isoTime(v.finished + 30 * DAY) : null,
      tag_list: tagList(job),
      artifacts: ran ? [{ file_type: 'trace', size: Math.round((job.durationSec ?? 1) * 130), filename: 'job.log', file_format: null }] : [],
      web_url: `${p.repo.webUrl}/-/jobs/${job.id}`, commit, pipeline: pipelineRefObj,
      runner: v.started === null ? null : runnerJson(job), user,
    };
    if (v.status === 'failed' && job.failureReason) json.failure_reason = job.failureReason;
    return json;
  });
  // The jobs API lists newest first (id descending).
  return out.sort((a, b) => b.id - a.id);
}
