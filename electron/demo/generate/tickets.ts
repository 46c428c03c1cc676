// Jira-side simulation primitives: planning the year's tickets, recording changelog histories in
// order, and logging work.

import type { Actor, Company, History, HistoryItem, IssueTypeKey, Person, StatusKey, Team, Ticket } from './model';
import { type Rng, must } from './rng';
import { slugify } from './format';
import { summaryFor } from './text';
import { DAY, HOUR, MINUTE, PERIOD_START, addWorkHours, isWorkDay, isHoliday, startOfDay, toWorkTime } from './time';

export const ISSUES_PER_YEAR = 1800;

// Mild growth through the year, a December dip (Christmas shutdown) and a quieter August.
const MONTH_WEIGHTS = [1.0, 1.03, 0.62, 1.05, 1.08, 1.12, 1.1, 1.15, 1.18, 1.12, 0.95, 1.25];

const POINTS: Record<IssueTypeKey, readonly (readonly [number | null, number])[]> = {
  Story: [[1, 6], [2, 18], [3, 26], [5, 24], [8, 13], [13, 4], [null, 9]],
  Task: [[1, 14], [2, 24], [3, 22], [5, 12], [8, 3], [null, 25]],
  Bug: [[1, 18], [2, 24], [3, 18], [5, 8], [null, 32]],
  Spike: [[1, 10], [2, 30], [3, 30], [null, 30]],
};

const AI_LABEL = 'ai-eligible';

export function isDone(status: StatusKey): boolean {
  return status === 'done' || status === 'wontdo';
}

/** Share of a team's new tickets routed to Relay: Payments pilots from October, the rest from December. */
function aiShare(team: Team, created: number): number {
  if (created < team.aiStart) return 0;
  const months = (created - PERIOD_START) / (30.4 * DAY);
  return team.key === 'PAY' ? 0.34 + 0.03 * months : 0.3 + 0.035 * (months - 2);
}

export function newTicket(rng: Rng, team: Team, type: IssueTypeKey, created: number, summary?: string): Ticket {
  const text = summary ?? summaryFor(rng, team, type);
  const points = rng.weighted(POINTS[type]);
  const labels = rng.sample(team.labels, rng.weighted([[0, 3], [1, 5], [2, 2]] as const)).sort();
  const assignee = rng.chance(0.25) ? rng.choice(team.members) : null;
  // Half the estimates are made at creation, the rest in refinement (a changelog entry).
  const initialPoints = rng.chance(0.5) ? points : null;
  return {
    team,
    repo: rng.choice(team.repos),
    type,
    summary: text,
    slug: slugify(text),
    created,
    reporter: rng.chance(0.35) ? must(team.members[0], 'lead') : rng.choice(team.members),
    components: rng.chance(0.7) ? [rng.choice(team.components)] : [],
    plannedPoints: points,
    initial: { assignee, points: initialPoints, labels },
    state: { status: 'todo', assignee, points: initialPoints, labels: labels.slice() },
    aiEligible: false,
    long: false,
    pathological: false,
    histories: [],
    worklogs: [],
    links: [],
    id: 0,
    key: '',
  };
}

export function planTickets(rng: Rng, company: Company, scale: number): Ticket[] {
  const total = Math.max(1, Math.round(ISSUES_PER_YEAR * scale));
  const weightSum = MONTH_WEIGHTS.reduce((a, b) => a + b, 0);
  // Largest-remainder split so the months add up to exactly `total`.
  const exact = MONTH_WEIGHTS.map((w) => (w / weightSum) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [i, x - Math.floor(x)] as const).sort((a, b) => b[1] - a[1]);
  for (let i = 0, left = total - counts.reduce((a, b) => a + b, 0); left > 0; i++, left--) {
    const idx = must(order[i % order.length])[0];
    counts[idx] = must(counts[idx]) + 1;
  }
  const teamWeights = company.teams.map((t) => [t, t.members.length] as const);
  const tickets: Ticket[] = [];
  let longCount = 0;
  counts.forEach((count, month) => {
    const first = Date.UTC(2025, 9 + month, 1);
    const next = Date.UTC(2025, 10 + month, 1);
    const days: (readonly [number, number])[] = [];
    for (let d = first; d < next; d += DAY) days.push([d, isWorkDay(d) ? 1 : isHoliday(d) ? 0.1 : 0.04]);
    for (let i = 0; i < count; i++) {
      const day = rng.weighted(days);
      const created = day + Math.round(rng.float(7.5, 18.5) * HOUR);
      const team = rng.weighted(teamWeights);
      const type = rng.weighted([['Story', 45], ['Task', 26], ['Bug', 25], ['Spike', 4]] as const);
      const ticket = newTicket(rng, team, type, created);
      const share = aiShare(team, created) * (type === 'Spike' ? 0 : ticket.plannedPoints === 13 ? 0.3 : 1);
      ticket.aiEligible = rng.chance(Math.min(0.85, Math.max(0, share)));
      if (ticket.aiEligible && rng.chance(0.5)) {
        ticket.initial.labels = [...ticket.initial.labels, AI_LABEL].sort();
        ticket.state.labels = ticket.initial.labels.slice();
      }
      // ~5% flap between statuses long enough to overflow the 20 embedded histories of search;
      // every 40th of those overflows a whole 100-entry changelog page.
      if (rng.chance(0.065)) {
        ticket.long = true;
        ticket.pathological = longCount % 40 === 0;
        longCount++;
      }
      tickets.push(ticket);
    }
  });
  return tickets.sort((a, b) => a.created - b.created);
}

/** Appends a changelog history, keeping histories strictly ordered in time. */
export function record(t: Ticket, at: number, author: Actor, items: HistoryItem[]): number {
  const last = t.histories[t.histories.length - 1];
  const when = Math.max(at, (last?.at ?? t.created) + 1000);
  const history: History = { at: when, author, items, id: 0 };
  t.histories.push(history);
  for (const item of items) {
    if (item.kind === 'status') t.state.status = item.to;
    else if (item.kind === 'points') t.state.points = item.to;
    else if (item.kind === 'assignee') t.state.assignee = item.to;
    else if (item.kind === 'labels') t.state.labels = item.to.slice();
  }
  return when;
}

export function transition(t: Ticket, at: number, author: Actor, to: StatusKey): number {
  const from = t.state.status;
  if (from === to) return at;
  const items: HistoryItem[] = [{ kind: 'status', from, to }];
  if (isDone(to) && !isDone(from)) items.push({ kind: 'resolution', to: to === 'done' ? 'Done' : "Won't Do" });
  if (!isDone(to) && isDone(from)) items.push({ kind: 'resolution', to: null });
  return record(t, at, author, items);
}

export function assign(t: Ticket, at: number, author: Actor, to: Person): number {
  if (t.state.assignee === to) return at;
  return record(t, at, author, [{ kind: 'assignee', from: t.state.assignee, to }]);
}

/** Refinement: estimates and the `ai-eligible` label that were not set at creation. */
export function refine(rng: Rng, t: Ticket): void {
  const finalPoints = t.plannedPoints;
  const lead = must(t.team.members[0], 'lead');
  let at = addWorkHours(t.created, rng.lognormal(3, 0.8));
  if (t.initial.points === null && finalPoints !== null) {
    at = record(t, at, lead, [{ kind: 'points', from: null, to: finalPoints }]);
  }
  if (t.aiEligible && !t.state.labels.includes(AI_LABEL)) {
    at = record(t, at + 5 * MINUTE, lead, [{ kind: 'labels', from: t.state.labels, to: [...t.state.labels, AI_LABEL].sort() }]);
  }
  if (t.state.points !== null && rng.chance(0.08)) {
    const bigger = POINT_STEPS[Math.min(POINT_STEPS.length - 1, POINT_STEPS.indexOf(t.state.points) + 1)] ?? null;
    record(t, addWorkHours(at, rng.lognormal(6, 0.7)), lead, [{ kind: 'points', from: t.state.points, to: bigger }]);
  }
}

const POINT_STEPS = [1, 2, 3, 5, 8, 13];

/** Status ping-pong between review and work, as seen on tickets with many CI or review bounces. */
export function flap(rng: Rng, t: Ticket, from: number, until: number, actor: Actor): number {
  const pairs = t.pathological ? rng.int(55, 62) : rng.int(9, 14);
  const span = Math.max(until - from, pairs * 20 * MINUTE);
  let at = from;
  for (let i = 0; i < pairs; i++) {
    at = transition(t, from + ((i + 0.3) / pairs) * span, actor, 'progress');
    at = transition(t, at + rng.int(3, 9) * MINUTE, actor, 'review');
  }
  t.long = false;
  return at;
}

/** Logs `hours` of work in daily chunks starting at `from`; returns when the last chunk ends. */
export function logWorkSpread(rng: Rng, t: Ticket, author: Person, from: number, hours: number, comment: string | null): number {
  let left = Math.max(0.25, hours);
  let cursor = toWorkTime(from);
  let end = cursor;
  for (let guard = 0; guard < 60 && left > 0.01; guard++) {
    const chunk = Math.min(left, Math.max(0.5, rng.float(1.5, 6)));
    const started = cursor;
    end = logWork(rng, t, author, started, chunk, comment);
    left -= chunk;
    // Next chunk: the next working day (people multitask; a ticket rarely gets more than a day's slot).
    cursor = toWorkTime(startOfDay(started) + DAY + Math.round(rng.float(8, 13) * HOUR));
  }
  return end;
}

export function logWork(rng: Rng, t: Ticket, author: Person, started: number, hours: number, comment: string | null): number {
  // People log in 5-minute steps; the entry is written some time after the work.
  const seconds = Math.max(300, Math.round((hours * 3600) / 300) * 300);
  const end = started + seconds * 1000;
  t.worklogs.push({ started, seconds, author, comment, created: end + rng.int(1, 90) * MINUTE, id: 0 });
  return end;
}
