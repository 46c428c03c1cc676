import { mergeRequestIidOfRef } from '../../../shared/domain/linking';
import type { GitLabJob, GitLabNote } from './schemas';

/** `changes_count` is a string: "12", "1000+" (capped) or "" while GitLab is still computing it. */
export function parseChangesCount(value: string | number | null | undefined): { count: number | null; capped: boolean } {
  if (value === null || value === undefined) return { count: null, capped: false };
  if (typeof value === 'number') return { count: value, capped: false };
  const match = /^(\d+)(\+)?$/.exec(value.trim());
  return match ? { count: Number(match[1]), capped: match[2] === '+' } : { count: null, capped: false };
}

export type ReviewEventKind = 'comment' | 'diff_comment' | 'requested_changes' | 'approved' | 'unapproved' | 'mentioned' | 'system';

/**
 * Classifies a note. System-note bodies are GitLab's English presentation text (reference §2.8);
 * approvals are also read from the approvals API, which is the structured source.
 */
export function reviewEventKindOf(note: Pick<GitLabNote, 'system' | 'type' | 'body'>): ReviewEventKind {
  const body = (note.body ?? '').trim();
  if (!note.system) return note.type === 'DiffNote' ? 'diff_comment' : 'comment';
  if (body === 'approved this merge request') return 'approved';
  if (body === 'unapproved this merge request') return 'unapproved';
  if (body === 'requested changes') return 'requested_changes';
  if (body.startsWith('mentioned in ')) return 'mentioned';
  return 'system';
}

/** With include_retried=true a retried job appears beside its retry under the same name; the newest id is the one that counts. */
export function retriedJobIds(jobs: readonly Pick<GitLabJob, 'id' | 'name'>[]): Set<number> {
  const newest = new Map<string, number>();
  for (const j of jobs) newest.set(j.name, Math.max(newest.get(j.name) ?? -Infinity, j.id));
  return new Set(jobs.filter((j) => newest.get(j.name) !== j.id).map((j) => j.id));
}

export const pipelineMergeRequestIid = (ref: string): number | null => mergeRequestIidOfRef(ref);
