// Merge request lifecycle: pushes and their pipelines, review rounds (diff threads, requested
// changes, approvals) and the outcome. Who produces fix pushes is pluggable: a person, or Relay
// through continuation runs (see relay.ts).

import type { Actor, Commit, Mr, MrKind, Note, NoteKind, Person, Pipeline, Repo, Thread, Ticket, World } from './model';
import { RELAY } from './model';
import { type Rng, must } from './rng';
import { mergePipelineDelay, pipelineEnd, pipelineFailed, runPipeline } from './ci';
import { AUTHOR_REPLIES, FIX_COMMITS, REJECT_REASONS, RELAY_FIX_COMMITS, RELAY_REPLIES, REVIEW_COMMENTS } from './text';
import { MINUTE, addWorkHours } from './time';

export type FixTrigger = 'pipeline_failed' | 'review_comment' | 'requested_changes';

/** Produces the next push on `mr` after `from`: when the commit `sha` lands and which Relay run made it. */
export type Fixer = (mr: Mr, from: number, trigger: FixTrigger, sha: string) => { at: number; runId: string | null };

export type MrOutcome = 'merged' | 'rejected' | 'stale';

export type MrPlan = {
  repo: Repo;
  ticket: Ticket | null;
  ai: boolean;
  kind: MrKind;
  author: Actor;
  owner: Person;
  runId: string | null;
  openAt: number;
  outcome: MrOutcome;
  rounds: number;
  requestChanges: boolean;
  firstFailProb: number;
  skipApproval: boolean;
  firstCommitTitle: string;
  fixer: Fixer;
  choreTitle?: string;
  choreBranch?: string;
  revertOf?: Mr;
};

export type MrResult = { mr: Mr; reviews: { reviewer: Person; at: number }[]; endAt: number | null; fixPushes: number[] };

export function humanFixer(rng: Rng): Fixer {
  return (_mr, from, trigger) => ({ at: addWorkHours(from, rng.lognormal(trigger === 'pipeline_failed' ? 0.8 : 2.5, 0.7)), runId: null });
}

export function runMr(rng: Rng, world: World, plan: MrPlan): MrResult {
  const team = world.company.teams.find((t) => t.key === plan.repo.team);
  const members = team?.members ?? [plan.owner];
  const humanAuthor = plan.author === RELAY ? null : plan.author;
  const others = members.filter((m) => m !== humanAuthor && (plan.ai || m !== plan.owner));
  const pool = others.length > 0 ? others : members;
  // Relay's changes are reviewed by the ticket owner first; people's by teammates.
  const reviewers = plan.ai ? [plan.owner, ...rng.sample(pool.filter((p) => p !== plan.owner), rng.chance(0.3) ? 1 : 0)]
    : rng.sample(pool, rng.chance(0.7) ? 1 : 2);
  const mr: Mr = {
    repo: plan.repo, ticket: plan.ticket, ai: plan.ai, kind: plan.kind, author: plan.author, owner: plan.owner,
    runId: plan.runId, titleVariant: rng.int(0, 9), choreTitle: plan.choreTitle ?? '', choreBranch: plan.choreBranch ?? '',
    revertOf: plan.revertOf ?? null, created: plan.openAt, baseSha: rng.hex(40), commits: [], threads: [], approvals: [],
    reviewers, mergedAt: null, mergedBy: null, closedAt: null, closedBy: null, mergeCommitSha: null,
    changes: rng.chance(0.0015) ? 1200 : Math.max(1, Math.round(rng.lognormal(plan.ai ? 4 : 5, 0.75))), pipelines: [], id: 0, iid: 0,
  };
  world.mrs.push(mr);
  const reviews: MrResult['reviews'] = [];
  const fixPushes: number[] = [];
  let head = mr.baseSha;
  const commit = (sha: string, at: number, title: string, runId: string | null): Commit => {
    const c: Commit = { sha, parent: head, title, at, author: plan.author, runId };
    mr.commits.push(c);
    head = sha;
    return c;
  };
  const pipeline = (c: Commit, failProb: number): Pipeline =>
    runPipeline(rng, world, { repo: plan.repo, mr, origin: null, sha: c.sha, commitTitle: c.title, commitAuthor: c.author, user: plan.author,
      at: c.at, failProb });

  // Initial push: people usually push a few commits before opening; Relay pushes one.
  const initialCommits = plan.ai || plan.kind === 'revert' ? 1 : rng.weighted([[1, 5], [2, 3], [3, 2]] as const);
  let last: Commit | null = null;
  for (let i = initialCommits - 1; i >= 0; i--) {
    const at = plan.openAt - 20_000 - i * Math.round(rng.lognormal(40, 0.7) * MINUTE);
    last = commit(rng.hex(40), at, i === 0 ? plan.firstCommitTitle : rng.choice(['WIP', 'Add tests', 'Wire up config', 'Refactor helper']),
      plan.runId);
  }
  let ready = pipelineEnd(pipeline(must(last, 'initial commit'), plan.firstFailProb));
  let lastPipelineFailed = pipelineFailed(must(mr.pipelines[mr.pipelines.length - 1]));

  const reviewNames = reviewers.map((r) => `@${r.username}`).join(' and ');
  addNote(mr, rng, 'system', `requested review from ${reviewNames}`, plan.author, plan.openAt + rng.int(20, 90) * 1000);

  const push = (from: number, trigger: FixTrigger, failProb: number): void => {
    const sha = rng.hex(40);
    const { at, runId } = plan.fixer(mr, from, trigger, sha);
    const title = plan.ai ? rng.choice(RELAY_FIX_COMMITS) : rng.choice(FIX_COMMITS);
    const c = commit(sha, at, title, runId);
    fixPushes.push(at);
    const p = pipeline(c, failProb);
    ready = pipelineEnd(p);
    lastPipelineFailed = pipelineFailed(p);
  };
  const fixCi = (): void => {
    // The third CI fix always goes green: nobody merges red, and endless red is not the story here.
    for (let n = 0; lastPipelineFailed && n < 3; n++) push(ready, 'pipeline_failed', n >= 1 ? 0 : plan.ai ? 0.3 : 0.2);
  };
  fixCi();

  let lastReviewAt = ready;
  for (let r = 0; r < plan.rounds; r++) {
    const reviewer = must(reviewers[r % reviewers.length], 'reviewer');
    const reviewAt = addWorkHours(ready, rng.lognormal(3, 0.8));
    lastReviewAt = reviewAt;
    reviews.push({ reviewer, at: reviewAt });
    const blocking = r === 0 && plan.requestChanges;
    const threads: Thread[] = [];
    const count = blocking ? rng.int(2, 4) : rng.int(1, 3);
    for (let i = 0; i < count; i++) {
      const text = rng.choice(REVIEW_COMMENTS);
      const body = plan.ai && i === 0 ? `@relay-bot ${text}` : text;
      const kind: NoteKind = rng.chance(0.8) ? 'DiffNote' : 'DiscussionNote';
      threads.push(addNote(mr, rng, kind, body, reviewer, reviewAt + i * rng.int(1, 6) * MINUTE, head));
    }
    if (blocking) addNote(mr, rng, 'system', 'requested changes', reviewer, reviewAt + count * 6 * MINUTE);
    const isLast = r === plan.rounds - 1;
    if (isLast && plan.outcome !== 'merged') break;
    push(reviewAt + count * 7 * MINUTE, blocking ? 'requested_changes' : 'review_comment', plan.ai ? 0.2 : 0.12);
    const fixAt = must(mr.commits[mr.commits.length - 1]).at;
    for (const th of threads) {
      const first = must(th.notes[0]);
      if (rng.chance(plan.ai ? 0.6 : 0.5)) {
        th.notes.push(note(th.notes[0]?.kind ?? 'DiscussionNote', plan.ai ? rng.choice(RELAY_REPLIES) : rng.choice(AUTHOR_REPLIES),
          plan.author, fixAt + rng.int(1, 20) * 1000, first.position));
      }
      const resolver: Actor = rng.chance(0.5) ? reviewer : plan.author;
      for (const n of th.notes) {
        n.resolvedBy = resolver;
        n.resolvedAt = fixAt + rng.int(1, 90) * MINUTE;
      }
    }
    fixCi();
  }

  let endAt: number | null = null;
  if (plan.outcome === 'merged') {
    const approver = must(reviewers[0], 'approver');
    const approveAt = addWorkHours(Math.max(ready, lastReviewAt), rng.lognormal(1.2, 0.8));
    if (!plan.skipApproval) {
      mr.approvals.push({ by: approver, at: approveAt });
      addNote(mr, rng, 'system', 'approved this merge request', approver, approveAt + rng.int(5, 900));
      const second = reviewers[1];
      if (second && rng.chance(0.4)) {
        const at2 = approveAt + rng.int(2, 90) * MINUTE;
        mr.approvals.push({ by: second, at: at2 });
        addNote(mr, rng, 'system', 'approved this merge request', second, at2 + rng.int(5, 900));
      }
    }
    const mergedAt = Math.max(approveAt, ...mr.approvals.map((a) => a.at)) + Math.round(rng.lognormal(25, 1) * MINUTE);
    const merger = humanAuthor && rng.chance(0.6) ? humanAuthor : approver;
    mr.mergedAt = mergedAt;
    mr.mergedBy = merger;
    mr.mergeCommitSha = rng.hex(40);
    endAt = mergedAt;
    // The commit title names the source branch, which is only known once keys are assigned.
    runPipeline(rng, world, { repo: plan.repo, mr: null, origin: mr, sha: mr.mergeCommitSha, commitTitle: '{merge}',
      commitAuthor: merger, user: merger, at: mergedAt + mergePipelineDelay(rng), failProb: 0.04 });
  } else if (plan.outcome === 'rejected') {
    const closer = must(reviewers[0], 'closer');
    const closeAt = addWorkHours(lastReviewAt, rng.lognormal(1.5, 0.8));
    addNote(mr, rng, 'individual', rng.choice(REJECT_REASONS), closer, closeAt - 30_000);
    mr.closedAt = closeAt;
    mr.closedBy = closer;
    endAt = closeAt;
  }
  return { mr, reviews, endAt, fixPushes };
}

function note(kind: NoteKind, body: string, author: Actor, at: number, position: Note['position']): Note {
  return { kind, body, ref: null, author, at, resolvable: kind === 'DiffNote' || kind === 'DiscussionNote', resolvedBy: null,
    resolvedAt: null, position, id: 0 };
}

export function addNote(mr: Mr, rng: Rng, kind: NoteKind, body: string, author: Actor, at: number, headSha?: string): Thread {
  const position = kind === 'DiffNote'
    ? { path: rng.choice(mr.repo.files), line: rng.int(8, 420), baseSha: mr.baseSha, headSha: headSha ?? mr.baseSha }
    : null;
  const thread: Thread = { hash: rng.hex(40), individual: kind === 'system' || kind === 'individual', notes: [note(kind, body, author, at, position)] };
  mr.threads.push(thread);
  return thread;
}

/** A human revert of a merged MR, merged quickly; the original gets a "mentioned in" note. */
export function runRevert(rng: Rng, world: World, original: Mr, at: number, author: Person): Mr {
  const result = runMr(rng, world, {
    repo: original.repo, ticket: null, ai: false, kind: 'revert', author, owner: author, runId: null, openAt: at, outcome: 'merged',
    rounds: 0, requestChanges: false, firstFailProb: 0.05, skipApproval: false, firstCommitTitle: '{revert}', fixer: humanFixer(rng),
    revertOf: original,
  });
  const thread = addNote(original, rng, 'system', 'mentioned in {ref}', author, at + rng.int(2, 30) * 1000);
  const mention = must(thread.notes[0]);
  mention.ref = result.mr;
  return result.mr;
}
