import type { EvidenceStep } from '../../ipc/contract-records';
import { minorExponent } from '../money';

// The parts of one record as the data layer loads them: plain rows, names included. Whether names
// may be shown is decided here (buildTimeline's peopleViews flag), so one rule covers every step.

export type EvidenceTicket = { key: string; summary: string; issueType: string; createdAt: string; webUrl: string | null };

export type EvidenceStatusChange = { at: string; from: string | null; to: string | null; toCategory: string | null };

export type EvidenceWorklog = { startedAt: string; seconds: number; author: string | null; comment: string | null };

/** An issue linked to the record's ticket (either direction); bugs raised after the merge are follow-ups. */
export type EvidenceLinkedItem = { key: string; issueType: string; summary: string; createdAt: string; webUrl: string | null };

export type EvidenceRunEvent = {
  eventId: string;
  occurredAt: string;
  type: string;
  ticketKey: string | null;
  runId: string | null;
  parentRunId: string | null;
  reasonCode: string | null;
  reasonDetail: string | null;
  runCreditsMicros: number;
  aiCreditsMicros: number;
  amountMicros: number;
  currency: string;
  model: string | null;
  tokens: number;
  reservationId: string | null;
  mrUrl: string | null;
  supersedesEventId: string | null;
  /** The imported file and line the event came from, when it was imported. */
  file: string | null;
  line: number | null;
};

export type EvidenceReviewEvent = {
  kind: 'comment' | 'diff_comment' | 'requested_changes' | 'approved' | 'unapproved' | 'mentioned' | 'system';
  at: string;
  authorId: number | null;
  author: string | null;
  authorIsBot: boolean;
  body: string | null;
};

export type EvidenceApproval = { at: string | null; userId: number; author: string | null };

export type EvidencePipeline = {
  externalId: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  durationS: number | null;
  webUrl: string | null;
  jobs: { name: string; status: string; allowFailure: boolean; retried: boolean; failureReason: string | null }[];
};

export type EvidenceMergeRequest = {
  id: number;
  role: 'change' | 'revert';
  repository: string;
  iid: number;
  title: string;
  state: 'opened' | 'closed' | 'locked' | 'merged';
  draft: boolean;
  authorId: number | null;
  authorIsBot: boolean;
  createdAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  webUrl: string;
  reviews: EvidenceReviewEvent[];
  approvals: EvidenceApproval[];
  pipelines: EvidencePipeline[];
};

export type EvidenceParts = {
  ticket: EvidenceTicket | null;
  statusChanges: EvidenceStatusChange[];
  worklogs: EvidenceWorklog[];
  linkedItems: EvidenceLinkedItem[];
  runEvents: EvidenceRunEvent[];
  mergeRequests: EvidenceMergeRequest[];
};

export type TimelineOptions = {
  /** Person-level views (Settings): off means people appear only as role words ("a reviewer"). */
  peopleViews: boolean;
  maxSteps?: number;
};

/** Steps kept when a record's chain is longer; the newest are kept, the oldest dropped. */
export const MAX_TIMELINE_STEPS = 300;

type Source = EvidenceStep['source'];
type Kind = EvidenceStep['kind'];
type Comment = { mrId: number; byMrAuthor: boolean; authorKey: string; name: string | null; authorWord: string };
type Raw = { at: string; rank: number; seq: number; step: EvidenceStep; comment?: Comment };

// Same-instant steps read in causal order: a ticket exists before a run, a run before its MR.
const KIND_RANK: Record<Kind, number> = {
  ticket_created: 0,
  ticket_status: 1,
  worklog: 2,
  run_event: 3,
  mr_opened: 4,
  pipeline: 5,
  review: 6,
  approval: 7,
  merged: 8,
  closed: 8,
  reverted: 9,
  follow_up_bug: 10,
};
const RUN_RANK: Record<string, number> = { ticket_denied: 0, continuation_run: 1, model_calls: 2 };
const MODEL_CALL = new Set(['model_call_reserved', 'model_call_settled']);
const PUBLISH_VERB: Record<string, string> = { pr_created: 'published', pr_updated: 'updated', retry_publish: 'retried publishing' };
const READY_NAME = /ready|selected for development/i;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const credits = (micros: number) => (micros / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 2 });
const money = (micros: number, currency: string) => {
  const digits = minorExponent(currency);
  return `${currency} ${(micros / 1e6).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
};
const time = (at: string) => {
  const t = Date.parse(at);
  return Number.isNaN(t) ? 0 : t;
};

/** "45 s", "6 min", "1 h 5 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const jiraSource = (key: string, url: string | null): Source => ({ kind: 'jira', label: key, url, file: null, line: null });
const gitlabSource = (mr: EvidenceMergeRequest, url: string | null = mr.webUrl): Source => ({ kind: 'gitlab', label: `${mr.repository}!${mr.iid}`, url, file: null, line: null });
const importSource = (e: EvidenceRunEvent): Source =>
  e.file !== null
    ? { kind: 'import', label: e.line !== null ? `${e.file} line ${e.line}` : e.file, url: null, file: e.file, line: e.line }
    : { kind: 'import', label: `run event ${e.eventId}`, url: null, file: null, line: null };

/**
 * Turns a record's parts into its evidence chain: one step per ticket change, run event, pipeline,
 * review, approval, merge, revert and follow-up bug, in time order, each naming the source it came
 * from (Jira key, GitLab MR or pipeline, imported file and line). Noise is collapsed: a run's model
 * calls become one step, and adjacent review comments on one MR become one. When the chain has
 * more than `maxSteps` steps the newest are kept and `truncated` is set. People are named only when
 * person-level views are on; otherwise they appear as role words. Pure.
 */
export function buildTimeline(parts: EvidenceParts, opts: TimelineOptions): { steps: EvidenceStep[]; truncated: boolean } {
  const raw: Raw[] = [];
  const push = (step: EvidenceStep, rank = 0, comment?: Comment) => raw.push({ at: step.at, rank: KIND_RANK[step.kind] * 10 + rank, seq: raw.length, step, ...(comment ? { comment } : {}) });
  const step = (at: string, kind: Kind, title: string, tone: EvidenceStep['tone'], source: Source, detail: string | null = null): EvidenceStep => ({ at, kind, title, detail, tone, source });

  ticketSteps(parts, opts, push, step);
  runSteps(parts, push, step);
  mergeRequestSteps(parts, opts, push, step);
  followUpSteps(parts, push, step);

  raw.sort((a, b) => time(a.at) - time(b.at) || a.rank - b.rank || a.seq - b.seq);
  const steps = foldComments(raw, opts.peopleViews);
  const max = opts.maxSteps ?? MAX_TIMELINE_STEPS;
  return steps.length > max ? { steps: steps.slice(steps.length - max), truncated: true } : { steps, truncated: false };
}

type Push = (step: EvidenceStep, rank?: number, comment?: Comment) => void;
type Step = (at: string, kind: Kind, title: string, tone: EvidenceStep['tone'], source: Source, detail?: string | null) => EvidenceStep;

function mergeRequestSteps(parts: EvidenceParts, opts: TimelineOptions, push: Push, step: Step): void {
  const named = (name: string | null, role: string) => (opts.peopleViews && name ? name : role);
  for (const mr of parts.mergeRequests) {
    const ref = sameRepoRef(parts, mr);
    if (mr.role === 'revert') {
      if (mr.state === 'merged' && mr.mergedAt) push(step(mr.mergedAt, 'reverted', `Reverted by ${ref}`, 'bad', gitlabSource(mr), mr.title));
      else push(step(mr.createdAt, 'reverted', `Revert proposed in ${ref} (${mr.state === 'closed' ? 'closed unmerged' : 'not merged'})`, 'neutral', gitlabSource(mr), mr.title));
      continue;
    }
    push(step(mr.createdAt, 'mr_opened', `${mr.draft ? 'Draft MR' : 'MR'} ${ref} opened`, 'neutral', gitlabSource(mr), mr.title));
    for (const p of mr.pipelines) {
      const [verb, tone] = pipelineVerb(p.status);
      const took = p.durationS !== null ? ` in ${formatDuration(p.durationS)}` : '';
      const failed = p.jobs.filter((j) => j.status === 'failed' && !j.retried && !j.allowFailure).map((j) => (j.failureReason ? `${j.name} (${j.failureReason})` : j.name));
      const detail = p.jobs.length > 0 ? `${plural(p.jobs.length, 'job')}${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}` : null;
      push(step(p.finishedAt ?? p.updatedAt, 'pipeline', `Pipeline #${p.externalId} ${verb}${tone === 'neutral' ? '' : took}`, tone, gitlabSource(mr, p.webUrl ?? mr.webUrl), detail));
    }
    const authorWord = mr.authorIsBot ? 'the AI agent' : 'the author';
    const approvedBy = new Set<number>();
    for (const r of mr.reviews) {
      const byMrAuthor = r.authorId !== null && r.authorId === mr.authorId;
      const who = named(r.author, byMrAuthor ? authorWord : r.authorIsBot ? 'a bot' : 'a reviewer');
      if (r.kind === 'requested_changes') push(step(r.at, 'review', `Review: changes requested by ${who}`, 'bad', gitlabSource(mr)));
      else if (r.kind === 'approved') {
        if (r.authorId !== null) approvedBy.add(r.authorId);
        push(step(r.at, 'approval', `Approved by ${who}`, 'good', gitlabSource(mr)));
      } else if (r.kind === 'unapproved') push(step(r.at, 'approval', `Approval withdrawn by ${who}`, 'neutral', gitlabSource(mr)));
      else if (r.kind === 'system' && /^requested review/i.test(r.body ?? '')) push(step(r.at, 'review', 'Review requested', 'neutral', gitlabSource(mr)));
      else if (r.kind === 'comment' || r.kind === 'diff_comment') {
        const authorKey = r.authorId !== null ? `id:${r.authorId}` : `name:${r.author ?? '?'}`;
        push(step(r.at, 'review', 'Review', 'neutral', gitlabSource(mr)), 1, { mrId: mr.id, byMrAuthor, authorKey, name: r.author, authorWord });
      }
    }
    // Approvals the review notes did not record (approvals are synced separately from notes).
    for (const a of mr.approvals) {
      if (a.at && !approvedBy.has(a.userId)) push(step(a.at, 'approval', `Approved by ${named(a.author, 'a reviewer')}`, 'good', gitlabSource(mr)));
    }
    if (mr.state === 'merged' && mr.mergedAt) push(step(mr.mergedAt, 'merged', `Merged ${ref}`, 'good', gitlabSource(mr)));
    else if (mr.state === 'closed' && mr.closedAt) push(step(mr.closedAt, 'closed', `Closed ${ref} without merging`, 'bad', gitlabSource(mr)));
  }
}

/** Follow-up bugs: linked bugs raised after the change was first merged. */
function followUpSteps(parts: EvidenceParts, push: Push, step: Step): void {
  const mergedAt = parts.mergeRequests
    .filter((m) => m.role === 'change' && m.state === 'merged' && m.mergedAt)
    .map((m) => m.mergedAt!)
    .sort((a, b) => time(a) - time(b))[0];
  if (mergedAt) {
    for (const w of parts.linkedItems) {
      if (/bug/i.test(w.issueType) && time(w.createdAt) > time(mergedAt)) push(step(w.createdAt, 'follow_up_bug', `Follow-up bug ${w.key} raised`, 'bad', jiraSource(w.key, w.webUrl), w.summary));
    }
  }
}

function ticketSteps(parts: EvidenceParts, opts: TimelineOptions, push: Push, step: Step): void {
  const t = parts.ticket;
  if (!t) return;
  const src = jiraSource(t.key, t.webUrl);
  push(step(t.createdAt, 'ticket_created', `Ticket ${t.key} created`, 'neutral', src, `${t.issueType}: ${t.summary}`));
  let madeReady = false;
  for (const c of [...parts.statusChanges].sort((a, b) => time(a.at) - time(b.at))) {
    const to = c.to ?? 'no status';
    const from = c.from ? ` from ${c.from}` : '';
    // The "made ready" step: the first move into a working state (Jira's indeterminate category) or a Ready-like status.
    const ready: boolean = !madeReady && (c.toCategory === 'indeterminate' || READY_NAME.test(to));
    madeReady ||= ready;
    const title = ready ? `Ticket ${t.key} made ready (${to})` : c.toCategory === 'done' ? `Ticket ${t.key} closed as ${to}` : `Ticket ${t.key} moved to ${to}`;
    push(step(c.at, 'ticket_status', title, 'neutral', src, `status${from} to ${to}`));
  }
  for (const w of parts.worklogs) {
    const by = opts.peopleViews && w.author ? ` by ${w.author}` : '';
    push(step(w.startedAt, 'worklog', `${formatDuration(w.seconds)} logged on ${t.key}${by}`, 'neutral', src, opts.peopleViews ? w.comment : null));
  }
}

function runSteps(parts: EvidenceParts, push: Push, step: Step): void {
  const superseded = new Set(parts.runEvents.map((e) => e.supersedesEventId).filter((id): id is string => id !== null));
  const events = parts.runEvents.filter((e) => !superseded.has(e.eventId)).sort((a, b) => time(a.occurredAt) - time(b.occurredAt) || a.eventId.localeCompare(b.eventId));
  const mrRef = (url: string | null): string => {
    const mr = url ? parts.mergeRequests.find((m) => m.webUrl === url) : undefined;
    if (mr) return `MR ${sameRepoRef(parts, mr)}`;
    const iid = url ? /\/merge_requests\/(\d+)/.exec(url)?.[1] : undefined;
    return iid ? `MR !${iid}` : 'an MR';
  };
  const calls = new Map<string, EvidenceRunEvent[]>();
  for (const e of events) {
    const run = e.runId ? `Run ${e.runId}` : 'A run';
    const reason = e.reasonCode ? ` (${e.reasonCode})` : '';
    if (MODEL_CALL.has(e.type)) {
      const key = e.runId ?? `event:${e.eventId}`;
      calls.set(key, [...(calls.get(key) ?? []), e]);
    } else if (e.type === 'ticket_denied') push(step(e.occurredAt, 'run_event', `Ticket ${e.ticketKey ? `${e.ticketKey} ` : ''}denied before a run${reason}`, 'bad', importSource(e), e.reasonDetail), RUN_RANK['ticket_denied']);
    else if (e.type === 'run_blocked') push(step(e.occurredAt, 'run_event', `${run} blocked before code changes${reason}`, 'bad', importSource(e), e.reasonDetail), 3);
    else if (e.type === 'validation_failed') push(step(e.occurredAt, 'run_event', `${run}: validation failed${reason}`, 'bad', importSource(e), e.reasonDetail), 3);
    else if (e.type === 'continuation_run')
      push(step(e.occurredAt, 'run_event', `${e.runId ? `Continuation run ${e.runId}` : 'A continuation run'} started${e.parentRunId ? ` after ${e.parentRunId}` : ''}`, 'neutral', importSource(e), e.reasonDetail), RUN_RANK['continuation_run']);
    else if (PUBLISH_VERB[e.type]) {
      const charge = [e.runCreditsMicros !== 0 ? `${credits(e.runCreditsMicros)} run credit${e.runCreditsMicros === 1e6 ? '' : 's'}` : null, e.runCreditsMicros !== 0 || e.amountMicros !== 0 ? money(e.amountMicros, e.currency) : null]
        .filter((s): s is string => s !== null)
        .join(', ');
      push(step(e.occurredAt, 'run_event', `${run} ${PUBLISH_VERB[e.type]} ${mrRef(e.mrUrl)}${charge ? ` — ${charge}` : ''}`, 'good', importSource(e), e.reasonDetail), 3);
    } else push(step(e.occurredAt, 'run_event', `${run}: ${e.type.replace(/_/g, ' ')}${reason}`, 'neutral', importSource(e), e.reasonDetail), 3);
  }
  // A run's model calls as one step: reserved holds are not cost, settled calls carry tokens and credits.
  for (const list of calls.values()) {
    const first = list[0]!;
    const settled = list.filter((e) => e.type === 'model_call_settled');
    const settledIds = new Set(settled.map((e) => e.reservationId).filter((id): id is string => id !== null));
    const open = list.filter((e) => e.type === 'model_call_reserved' && (e.reservationId === null || !settledIds.has(e.reservationId))).length;
    const n = settled.length + open;
    const tokens = settled.reduce((s, e) => s + e.tokens, 0);
    const ai = settled.reduce((s, e) => s + e.aiCreditsMicros, 0);
    const spent = new Map<string, number>();
    for (const e of settled) spent.set(e.currency, (spent.get(e.currency) ?? 0) + e.amountMicros);
    const models = [...new Set(list.map((e) => e.model).filter((m): m is string => m !== null))];
    const detail = [
      models.length > 0 ? models.join(', ') : null,
      ...[...spent].filter(([, v]) => v !== 0).map(([c, v]) => `${money(v, c)} settled`),
      open > 0 ? `${plural(open, 'reservation')} not settled` : null,
      list.length > 1 && first.file !== null ? `lines ${Math.min(...list.map((e) => e.line ?? Infinity))}–${Math.max(...list.map((e) => e.line ?? -Infinity))}` : null,
    ].filter((s): s is string => s !== null);
    const run = first.runId ? `Run ${first.runId}` : 'A run';
    push(step(first.occurredAt, 'run_event', `${run}: ${plural(n, 'model call')}, ${plural(tokens, 'token')}, ${credits(ai)} AI credits`, 'neutral', importSource(first), detail.join('; ') || null), RUN_RANK['model_calls']);
  }
}

/** "!44" when the MR is in the record's main repository, "group/repo!44" otherwise. */
function sameRepoRef(parts: EvidenceParts, mr: EvidenceMergeRequest): string {
  const main = parts.mergeRequests.find((m) => m.role === 'change')?.repository ?? mr.repository;
  return main === mr.repository ? `!${mr.iid}` : `${mr.repository}!${mr.iid}`;
}

function pipelineVerb(status: string): [string, EvidenceStep['tone']] {
  if (status === 'success') return ['passed', 'good'];
  if (status === 'failed') return ['failed', 'bad'];
  if (status === 'canceled' || status === 'cancelled') return ['was cancelled', 'neutral'];
  return [status.replace(/_/g, ' '), 'neutral'];
}

/** Adjacent review comments on one MR become one step ("Review: 3 comments from 2 reviewers, 1 reply from the AI agent"). */
function foldComments(raw: readonly Raw[], peopleViews: boolean): EvidenceStep[] {
  const out: EvidenceStep[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const head = raw[i]!;
    if (!head.comment) {
      out.push(head.step);
      continue;
    }
    const group: Comment[] = [head.comment];
    while (raw[i + 1]?.comment?.mrId === head.comment.mrId) group.push(raw[(i += 1)]!.comment!);
    const reviewers = group.filter((c) => !c.byMrAuthor);
    const replies = group.filter((c) => c.byMrAuthor);
    const who = (list: Comment[], role: string, roles: string) => {
      const names = [...new Set(list.map((c) => (peopleViews && c.name ? c.name : null)))];
      if (peopleViews && !names.includes(null)) return names.join(', ');
      const distinct = new Set(list.map((c) => c.authorKey)).size;
      return distinct === 1 ? role : `${distinct} ${roles}`;
    };
    const bits = [
      reviewers.length > 0 ? `${plural(reviewers.length, 'comment')} from ${who(reviewers, 'a reviewer', 'reviewers')}` : null,
      replies.length > 0 ? `${plural(replies.length, 'reply', 'replies')} from ${who(replies, replies[0]!.authorWord, 'authors')}` : null,
    ].filter((s): s is string => s !== null);
    out.push({ ...head.step, title: `Review: ${bits.join(', ')}` });
  }
  return out;
}
