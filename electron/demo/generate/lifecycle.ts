// One ticket's year: refinement, the Relay path for AI-eligible work (with hand-back to people
// when Relay declines, is blocked, runs out of repairs or gets rejected), the human path, review,
// merge and the occasional revert that spawns a linked regression bug.

import type { Mr, Person, Team, TeamKey, Ticket, World } from './model';
import { RELAY } from './model';
import { type Rng, must } from './rng';
import { type MrOutcome, humanFixer, runMr, runRevert } from './mr';
import { linkPublish, publish, relayFixer, startTicket } from './relay';
import { assign, flap, logWork, logWorkSpread, newTicket, record, refine, transition } from './tickets';
import { WORKLOG_COMMENTS } from './text';
import { DAY, HOUR, MINUTE, PERIOD_END, addWorkHours, toWorkTime } from './time';

type Ctx = { rng: Rng; world: World; spawned: Ticket[] };

const VICTIMS: Record<TeamKey, string[]> = {
  PLAT: ['the gateway', 'service discovery', 'the deploy pipeline'],
  PAY: ['checkout', 'refunds', 'the nightly reconciliation'],
  MOB: ['the driver app', 'push notifications', 'the iOS build'],
  DATA: ['the nightly job', 'reporting', 'the SLA dashboard'],
};

export function simulateTicket(ctx: Ctx, t: Ticket): void {
  const { rng } = ctx;
  refine(rng, t);
  const lead = must(t.team.members[0], 'lead');
  if (rng.chance(0.04)) {
    transition(t, addWorkHours(t.created, rng.lognormal(16, 1)), lead, 'wontdo');
    return;
  }
  if (rng.chance(0.03)) return; // stays in the backlog
  let readyAt = addWorkHours(t.created, rng.lognormal(6, 1));
  if (t.aiEligible) {
    const handBack = aiPath(ctx, t, readyAt);
    if (handBack === null) return;
    readyAt = handBack;
  }
  humanPath(ctx, t, readyAt);
}

function pickOwner(rng: Rng, t: Ticket): Person {
  return t.state.assignee ?? rng.choice(t.team.members);
}

/** Returns when the ticket goes back to people, or null when the Relay path settled it. */
function aiPath(ctx: Ctx, t: Ticket, readyAt: number): number | null {
  const { rng, world } = ctx;
  const owner = pickOwner(rng, t);
  assign(t, readyAt, must(t.team.members[0]), owner);
  // Intake: the owner tightens the ticket before dispatch. Human time on the AI path.
  logWork(rng, t, owner, toWorkTime(readyAt + 10 * MINUTE), rng.float(0.25, 1), 'Refined acceptance criteria for Relay');
  const dispatchAt = addWorkHours(readyAt, rng.lognormal(1.5, 0.8));
  const start = startTicket(rng, world, t, dispatchAt);
  if (start.kind !== 'ready') {
    if (start.ran) {
      transition(t, dispatchAt, RELAY, 'progress');
      transition(t, start.at + 30_000, RELAY, 'todo');
    }
    return addWorkHours(start.at, rng.lognormal(3, 0.8));
  }
  transition(t, dispatchAt, RELAY, 'progress');
  const event = publish(rng, world, t, start.runId, start.at, 'created');
  const outcome: MrOutcome = rng.weighted([['merged', 72], ['rejected', 20], ['stale', 8]] as const);
  const requestChanges = rng.chance(outcome === 'rejected' ? 0.7 : 0.22);
  const { mr, reviews, endAt } = runMr(rng, world, {
    repo: t.repo, ticket: t, ai: true, kind: t.type === 'Bug' ? 'fix' : 'feature', author: RELAY, owner,
    runId: event.runId ?? start.runId, openAt: event.at, outcome,
    // Requested changes imply at least one review round.
    rounds: outcome === 'rejected' ? rng.int(1, 2)
      : Math.max(requestChanges ? 1 : 0, rng.weighted([[0, 30], [1, 40], [2, 20], [3, 10]] as const)),
    requestChanges, firstFailProb: 0.3, skipApproval: !t.repo.premium && rng.chance(0.01),
    firstCommitTitle: '{key}: {summary}', fixer: relayFixer(rng, world, t, event.runId ?? start.runId),
  });
  linkPublish(event, mr, must(mr.commits[0], 'initial commit').sha);
  event.metadata = { ...(event.metadata ?? {}), changed_files: mr.changes };
  const inReview = transition(t, mr.created + 5_000, RELAY, 'review');
  for (const r of reviews) {
    if (rng.chance(0.4)) logWork(rng, t, r.reviewer, r.at, rng.float(0.25, 1.2), 'Code review (Relay MR)');
  }
  if (requestChanges) logWork(rng, t, owner, addWorkHours(mr.created, 2), rng.float(0.25, 1), 'Guided Relay through review feedback');
  if (t.long) flap(rng, t, inReview + MINUTE, endAt ?? inReview + 10 * DAY, owner);
  if (outcome === 'merged' && endAt !== null) {
    transition(t, endAt + rng.int(1, 20) * MINUTE, must(mr.mergedBy, 'merger'), 'done');
    maybeRevert(ctx, t, mr, endAt, 0.03);
    return null;
  }
  if (outcome === 'rejected' && endAt !== null) {
    const closer = must(mr.closedBy, 'closer');
    transition(t, endAt + rng.int(1, 30) * MINUTE, closer, 'todo');
    if (rng.chance(0.4)) {
      transition(t, addWorkHours(endAt, rng.lognormal(8, 0.8)), must(t.team.members[0]), 'wontdo');
      return null;
    }
    return addWorkHours(endAt, rng.lognormal(4, 0.8));
  }
  return null; // still in review at the end of the year
}

function devHours(rng: Rng, t: Ticket): number {
  const points = t.state.points ?? t.plannedPoints ?? (t.type === 'Bug' ? 2 : 3);
  const perPoint = t.type === 'Story' ? 3 : t.type === 'Spike' ? 2.5 : 2.6;
  return Math.min(90, rng.lognormal(perPoint * points, 0.55));
}

function humanPath(ctx: Ctx, t: Ticket, readyAt: number): void {
  const { rng, world } = ctx;
  const dev = pickOwner(rng, t);
  assign(t, readyAt, dev, dev);
  const start = transition(t, addWorkHours(readyAt, rng.lognormal(8, 1)), dev, 'progress');
  const hours = devHours(rng, t);
  const noMr = t.type === 'Spike' || (t.type === 'Task' && rng.chance(0.15));
  const devEnd = logWorkSpread(rng, t, dev, start, noMr ? hours : hours * 0.8, rng.chance(0.7) ? rng.choice(WORKLOG_COMMENTS) : null);
  if (noMr) {
    transition(t, devEnd + rng.int(5, 120) * MINUTE, dev, 'done');
    return;
  }
  const outcome: MrOutcome = rng.weighted([['merged', 92], ['rejected', 5], ['stale', 3]] as const);
  const requestChanges = rng.chance(0.1);
  const { mr, reviews, endAt, fixPushes } = runMr(rng, world, {
    repo: t.repo, ticket: t, ai: false, kind: t.type === 'Bug' ? 'fix' : 'feature', author: dev, owner: dev, runId: null,
    openAt: toWorkTime(devEnd + rng.int(5, 60) * MINUTE), outcome,
    rounds: Math.max(outcome === 'rejected' || requestChanges ? 1 : 0, rng.weighted([[0, 45], [1, 35], [2, 15], [3, 5]] as const)),
    requestChanges, firstFailProb: 0.18, skipApproval: !t.repo.premium && rng.chance(0.05),
    firstCommitTitle: '{key}: {summary}', fixer: humanFixer(rng),
  });
  const inReview = transition(t, mr.created + rng.int(1, 10) * MINUTE, dev, 'review');
  for (const r of reviews) {
    if (rng.chance(0.35)) logWork(rng, t, r.reviewer, r.at, rng.float(0.25, 1.5), 'Code review');
  }
  const fixAt = fixPushes[0];
  if (fixAt !== undefined) logWork(rng, t, dev, Math.max(mr.created, fixAt - 2 * HOUR), Math.max(0.25, hours * 0.2), 'Addressing review feedback');
  if (t.long) flap(rng, t, inReview + MINUTE, endAt ?? inReview + 10 * DAY, dev);
  if (outcome === 'merged' && endAt !== null) {
    transition(t, endAt + rng.int(1, 30) * MINUTE, dev, 'done');
    maybeRevert(ctx, t, mr, endAt, 0.015);
  } else if (outcome === 'rejected' && endAt !== null) {
    transition(t, endAt + rng.int(1, 30) * MINUTE, dev, 'wontdo');
  }
}

/** A merged change rolled back within the 14-day window: revert MR plus a regression bug linked back. */
function maybeRevert(ctx: Ctx, t: Ticket, mr: Mr, mergedAt: number, p: number): void {
  const { rng, world } = ctx;
  if (!rng.chance(p)) return;
  const revertAt = Math.min(addWorkHours(mergedAt, rng.float(3, 90)), mergedAt + 13 * DAY);
  const reverter = rng.choice(t.team.members);
  // Someone notices the regression shortly before the revert, never before the merge.
  const noticed = Math.max(mergedAt + 20 * MINUTE, revertAt - Math.round(rng.lognormal(90, 0.6) * MINUTE));
  const bug = newTicket(rng, t.team, 'Bug', noticed,
    `Regression: ${t.summary.charAt(0).toLowerCase()}${t.summary.slice(1)} broke ${rng.choice(VICTIMS[t.team.key])}`);
  bug.repo = mr.repo;
  bug.initial.labels = ['regression'];
  bug.state.labels = ['regression'];
  bug.initial.assignee = reverter;
  bug.state.assignee = reverter;
  bug.links.push({ other: t, causes: false, at: bug.created });
  t.links.push({ other: bug, causes: true, at: bug.created });
  record(t, bug.created, bug.reporter, [{ kind: 'link', other: bug, causes: true }]);
  ctx.spawned.push(bug);
  runRevert(rng, world, mr, revertAt, reverter);
}

/** Regression bugs are fixed by people, soon. */
export function simulateSpawned(ctx: Ctx, bug: Ticket): void {
  const { rng } = ctx;
  record(bug, bug.created + 1000, bug.reporter, [{ kind: 'link', other: must(bug.links[0]).other, causes: false }]);
  humanPath(ctx, bug, bug.created + rng.int(10, 90) * MINUTE);
}

/** Dependency bumps and similar chores: MRs with no ticket, a risk signal the app should show. */
export function simulateChores(rng: Rng, world: World, team: Team, perRepoPerMonth: number): void {
  for (const repo of team.repos) {
    const count = Math.round(12 * perRepoPerMonth * rng.float(0.7, 1.3));
    for (let i = 0; i < count; i++) {
      const at = toWorkTime(Math.round(rng.float(Date.UTC(2025, 9, 1), PERIOD_END)));
      const author = rng.choice(team.members);
      const dep = rng.choice(repo.deps);
      const version = `${rng.int(1, 9)}.${rng.int(0, 30)}.${rng.int(0, 12)}`;
      runMr(rng, world, {
        repo, ticket: null, ai: false, kind: 'chore', author, owner: author, runId: null, openAt: at,
        outcome: rng.weighted([['merged', 88], ['rejected', 8], ['stale', 4]] as const), rounds: rng.int(0, 1),
        requestChanges: false, firstFailProb: 0.15, skipApproval: !repo.premium && rng.chance(0.15),
        firstCommitTitle: `Bump ${dep} to ${version}`, fixer: humanFixer(rng),
        choreTitle: `Bump ${dep} to ${version}`, choreBranch: `chore/bump-${dep.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${version}`,
      });
    }
  }
}
