// The Relay agent's side of the story, as run-credit events (reference §5): denials, blocked runs,
// model calls reserved then settled, validation failures with continuation runs up to the repair
// budget, and the billable publishes (PR/MR created, updated, retried).

import type { Mr, RunEvent, RunEventType, Team, Ticket, World } from './model';
import type { Rng } from './rng';
import { round, token, ulid } from './format';
import { BLOCKED, DENIED, VALIDATION } from './text';
import { MINUTE } from './time';
import type { Fixer } from './mr';

export const REPAIR_BUDGET = 3;

type Model = { provider: 'anthropic' | 'openai'; model: string; input: number; output: number; cacheRead: number; cacheWrite: number };

/** USD per million tokens (list prices the demo assumes). */
export const MODELS: Record<string, Model> = {
  'claude-sonnet-4-6': { provider: 'anthropic', model: 'claude-sonnet-4-6', input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  'claude-haiku-4-5': { provider: 'anthropic', model: 'claude-haiku-4-5', input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 },
  'gpt-5': { provider: 'openai', model: 'gpt-5', input: 1.25, output: 10, cacheRead: 0.125, cacheWrite: 0 },
};

/** Vendor conversion of provider cost into cloud AI credits (1 credit = GBP 0.01, margin included). */
const CREDITS_PER_USD = 95;

type EventInit = Partial<RunEvent> & { at: number; type: RunEventType; team: Team; ticket: Ticket | null };

export function emitEvent(rng: Rng, world: World, init: EventInit): RunEvent {
  const event: RunEvent = {
    runId: null, parentRunId: null, reasonCode: null, reasonDetail: null, runCredits: 0, aiCredits: 0, aiReserved: null,
    reservationId: null, provider: null, model: null, inputTokens: null, outputTokens: null, cacheReadTokens: null,
    cacheWriteTokens: null, mr: null, commitSha: null, metadata: null, eventId: ulid(init.at, rng), ...init,
  };
  world.events.push(event);
  return event;
}

export function newRunId(rng: Rng): string {
  return `run_${token(rng, 10)}`;
}

/** 1-3 reserved/settled model-call pairs; returns when the last call settled. */
export function modelCalls(rng: Rng, world: World, team: Team, ticket: Ticket | null, runId: string, at: number, n: number): number {
  const selfHosted = team.plan === 'self-hosted';
  const size = Math.sqrt((ticket?.plannedPoints ?? 3) / 3);
  let t = at;
  for (let i = 0; i < n; i++) {
    const key = selfHosted
      ? rng.weighted([['claude-sonnet-4-6', 85], ['claude-haiku-4-5', 15]] as const)
      : rng.weighted([['claude-sonnet-4-6', 60], ['claude-haiku-4-5', 10], ['gpt-5', 30]] as const);
    const m = MODELS[key] ?? { provider: 'anthropic', model: key, input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 };
    const input = Math.round(rng.lognormal(60_000 * size, 0.6));
    const output = Math.round(rng.lognormal(6_000 * size, 0.6));
    const cacheRead = rng.chance(0.75) ? Math.round(rng.lognormal(250_000 * size, 0.7)) : 0;
    const cacheWrite = m.cacheWrite > 0 && rng.chance(0.35) ? Math.round(rng.lognormal(9_000, 0.8)) : 0;
    const usd = (input * m.input + output * m.output + cacheRead * m.cacheRead + cacheWrite * m.cacheWrite) / 1e6;
    const credits = round(usd * CREDITS_PER_USD, 2);
    // The hold is an estimate rounded up to 5 credits; the settled charge comes in a bit below.
    const reserved = Math.max(5, Math.ceil(credits / rng.float(0.72, 0.93) / 5) * 5);
    const reservationId = `res_${token(rng, 12)}`;
    emitEvent(rng, world, { at: t, type: 'model_call_reserved', team, ticket, runId, aiReserved: reserved, reservationId,
      provider: m.provider, model: m.model });
    const settledAt = t + Math.round(rng.lognormal(45, 0.6) * 1000);
    emitEvent(rng, world, {
      at: settledAt, type: 'model_call_settled', team, ticket, runId, reservationId, provider: m.provider, model: m.model,
      // Self-hosted workspaces pay the provider directly: tokens are reported, no cloud credits charged.
      aiCredits: selfHosted ? 0 : credits, inputTokens: input, outputTokens: output, cacheReadTokens: cacheRead,
      cacheWriteTokens: cacheWrite, metadata: selfHosted ? { billing: 'provider_direct' } : null,
    });
    t = settledAt + Math.round(rng.lognormal(20, 0.8) * 1000);
  }
  return t;
}

export type StartResult =
  | { kind: 'denied' | 'blocked' | 'exhausted'; at: number; ran: boolean }
  | { kind: 'ready'; at: number; runId: string };

/** Dispatch to Relay: denial, a blocked run, repair loop exhaustion, or a result ready to publish. */
export function startTicket(rng: Rng, world: World, t: Ticket, at: number): StartResult {
  const team = t.team;
  if (rng.chance(0.08)) {
    const [code, detail] = rng.choice(DENIED);
    emitEvent(rng, world, { at, type: 'ticket_denied', team, ticket: t, reasonCode: code, reasonDetail: detail });
    return { kind: 'denied', at, ran: false };
  }
  let runId = newRunId(rng);
  if (rng.chance(0.065)) {
    const end = rng.chance(0.5) ? modelCalls(rng, world, team, t, runId, at, 1) : at + rng.int(20, 200) * 1000;
    const [code, detail] = rng.choice(BLOCKED);
    emitEvent(rng, world, { at: end, type: 'run_blocked', team, ticket: t, runId, reasonCode: code, reasonDetail: detail });
    return { kind: 'blocked', at: end, ran: true };
  }
  // A few repair loops run past the budget: a risk signal the app should surface.
  const budget = rng.chance(0.02) ? REPAIR_BUDGET + 1 : REPAIR_BUDGET;
  let t0 = at;
  for (let attempt = 0; ; attempt++) {
    const end = modelCalls(rng, world, team, t, runId, t0, rng.weighted([[1, 3], [2, 4], [3, 2]] as const)) +
      Math.round(rng.lognormal(3, 0.5) * MINUTE);
    if (!rng.chance(attempt === 0 ? 0.18 : 0.3)) return { kind: 'ready', at: end, runId };
    const [code, detail] = rng.choice(VALIDATION);
    emitEvent(rng, world, { at: end, type: 'validation_failed', team, ticket: t, runId, reasonCode: code, reasonDetail: detail });
    if (attempt >= budget) return { kind: 'exhausted', at: end, ran: true };
    t0 = end + Math.round(rng.lognormal(1, 0.5) * MINUTE);
    runId = continuation(rng, world, t, runId, t0, 'validation_failed');
  }
}

function continuation(rng: Rng, world: World, t: Ticket, parent: string, at: number, trigger: string): string {
  const runId = newRunId(rng);
  emitEvent(rng, world, { at, type: 'continuation_run', team: t.team, ticket: t, runId, parentRunId: parent, metadata: { trigger } });
  return runId;
}

/**
 * Publishes a result: `pr_created`/`pr_updated`, or (3%) a failed publish retried later from the
 * stored branch as `retry_publish` by a new run. One run credit either way.
 */
export function publish(rng: Rng, world: World, t: Ticket, runId: string, at: number, kind: 'created' | 'updated'): RunEvent {
  if (rng.chance(0.03)) {
    const retryAt = at + Math.round(rng.lognormal(20, 0.8) * MINUTE);
    return emitEvent(rng, world, { at: retryAt, type: 'retry_publish', team: t.team, ticket: t, runId: newRunId(rng),
      parentRunId: runId, runCredits: 1, metadata: { publish: kind } });
  }
  return emitEvent(rng, world, { at: at + rng.int(5, 40) * 1000, type: kind === 'created' ? 'pr_created' : 'pr_updated',
    team: t.team, ticket: t, runId, runCredits: 1 });
}

export function linkPublish(event: RunEvent, mr: Mr, sha: string): void {
  event.mr = mr;
  event.commitSha = sha;
}

/** Fix pushes on a Relay MR: each review comment or red pipeline starts a continuation run. */
export function relayFixer(rng: Rng, world: World, t: Ticket, firstRun: string): Fixer {
  let current = firstRun;
  return (mr, from, trigger, sha) => {
    const start = from + Math.round(rng.lognormal(4, 0.6) * MINUTE);
    let runId = continuation(rng, world, t, current, start, trigger);
    let end = modelCalls(rng, world, t.team, t, runId, start, rng.int(1, 2)) + Math.round(rng.lognormal(2.5, 0.5) * MINUTE);
    if (rng.chance(0.1)) {
      const [code, detail] = rng.choice(VALIDATION);
      emitEvent(rng, world, { at: end, type: 'validation_failed', team: t.team, ticket: t, runId, reasonCode: code, reasonDetail: detail });
      runId = continuation(rng, world, t, runId, end + MINUTE, 'validation_failed');
      end = modelCalls(rng, world, t.team, t, runId, end + MINUTE, 1) + Math.round(rng.lognormal(2.5, 0.5) * MINUTE);
    }
    const event = publish(rng, world, t, runId, end, 'updated');
    event.metadata = { ...(event.metadata ?? {}), trigger };
    linkPublish(event, mr, sha);
    current = event.runId ?? runId;
    return { at: event.at, runId: current };
  };
}

/** Relay used outside tickets (ad-hoc prompts from chat): model calls with no ticket key. */
export function adHocRuns(rng: Rng, world: World, team: Team, from: number, to: number, perMonth: number): void {
  const months = (to - from) / (30.4 * 24 * 60 * MINUTE);
  const count = Math.round(months * perMonth);
  for (let i = 0; i < count; i++) {
    const at = Math.round(rng.float(from, to));
    modelCalls(rng, world, team, null, newRunId(rng), at, rng.int(1, 2));
  }
}
