import type { GitLabWriter } from '../../db/repositories/gitlab';
import { retriedJobIds } from './map';
import { ApprovalsSchema, CommitsSchema, DiscussionsSchema, JobSchema, MergeRequestSchema, PipelineSchema, ProjectSchema } from './schemas';
import { z } from 'zod';

// Each function parses one GitLab response body and writes it; the sync engine and the demo both call these.

export const ingestProject = (w: GitLabWriter, json: unknown): number => w.upsertProject(ProjectSchema.parse(json));

/** A page of MRs (list or single-MR shapes). Returns the MRs' ids for the follow-up requests. */
export function ingestMergeRequests(w: GitLabWriter, repositoryId: number, json: unknown): { id: number; iid: number; mergeRequestId: number; updatedAt: string }[] {
  const mrs = z.array(MergeRequestSchema).parse(Array.isArray(json) ? json : [json]);
  return mrs.map((mr) => ({ id: mr.id, iid: mr.iid, mergeRequestId: w.upsertMergeRequest(repositoryId, mr), updatedAt: mr.updated_at }));
}

export function ingestApprovals(w: GitLabWriter, mergeRequestId: number, json: unknown): void {
  w.replaceApprovals(mergeRequestId, ApprovalsSchema.parse(json).approved_by);
}

export function ingestDiscussions(w: GitLabWriter, mergeRequestId: number, json: unknown): number {
  const discussions = DiscussionsSchema.parse(json);
  const notes = discussions.flatMap((d) => d.notes);
  w.upsertNotes(mergeRequestId, notes);
  return notes.length;
}

export function ingestCommits(w: GitLabWriter, mergeRequestId: number, json: unknown): void {
  w.upsertCommits(mergeRequestId, CommitsSchema.parse(json));
}

/** Single-pipeline detail objects (lists lack durations; the engine fetches each detail). */
export function ingestPipelines(w: GitLabWriter, repositoryId: number, json: unknown): { id: number; pipelineId: number }[] {
  const pipelines = z.array(PipelineSchema).parse(Array.isArray(json) ? json : [json]);
  return pipelines.map((p) => ({ id: p.id, pipelineId: w.upsertPipeline(repositoryId, p) }));
}

/** A pipeline's full job list fetched with include_retried=true. */
export function ingestJobs(w: GitLabWriter, pipelineId: number, json: unknown): number {
  const jobs = z.array(JobSchema).parse(json);
  const retried = retriedJobIds(jobs);
  for (const j of jobs) w.upsertJob(pipelineId, j, retried.has(j.id));
  return jobs.length;
}
