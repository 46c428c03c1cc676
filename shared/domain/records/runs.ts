import type { RunEventInput } from './types';

export type RunSummary = {
  runId: string;
  ticketKey: string | null;
  parentRunId: string | null;
  kind: 'initial' | 'continuation' | 'retry';
  startedAt: string;
  endedAt: string;
  finalEvent: string;
  mrUrls: string[];
  reachedValidation: boolean;
  firstPass: boolean;
  blocked: boolean;
  validationFailed: boolean;
};

const PUBLISH = new Set(['pr_created', 'pr_updated', 'retry_publish']);

/** Events that still count: an event named by a later row's supersedes_event_id is replaced by it. */
export function effectiveEvents(events: readonly RunEventInput[]): RunEventInput[] {
  const superseded = new Set(events.map((e) => e.supersedesEventId).filter((id): id is string => id !== null));
  // Plain comparison: ISO-8601 UTC timestamps and ids sort correctly as code units, and localeCompare is slow at a million events.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return events.filter((e) => !superseded.has(e.eventId)).sort((a, b) => cmp(a.occurredAt, b.occurredAt) || cmp(a.eventId, b.eventId));
}

/**
 * One summary per vendor run. A run "reached validation" when it either failed validation or
 * published; it passed first time when its first such event was a publish.
 */
export function summariseRuns(events: readonly RunEventInput[]): RunSummary[] {
  const byRun = new Map<string, RunEventInput[]>();
  for (const e of events) {
    if (!e.runId) continue;
    const list = byRun.get(e.runId) ?? [];
    list.push(e);
    byRun.set(e.runId, list);
  }
  const out: RunSummary[] = [];
  for (const [runId, list] of byRun) {
    const first = list[0]!;
    const last = list[list.length - 1]!;
    const gate = list.find((e) => e.type === 'validation_failed' || PUBLISH.has(e.type));
    const parent = list.find((e) => e.parentRunId)?.parentRunId ?? null;
    const kind = list.some((e) => e.type === 'continuation_run') ? 'continuation' : list.some((e) => e.type === 'retry_publish') ? 'retry' : 'initial';
    out.push({
      runId,
      ticketKey: list.find((e) => e.ticketKey)?.ticketKey ?? null,
      parentRunId: parent,
      kind,
      startedAt: first.occurredAt,
      endedAt: last.occurredAt,
      finalEvent: last.type,
      mrUrls: [...new Set(list.map((e) => e.mrUrl).filter((u): u is string => u !== null))],
      reachedValidation: gate !== undefined,
      firstPass: gate !== undefined && PUBLISH.has(gate.type),
      blocked: list.some((e) => e.type === 'run_blocked'),
      validationFailed: list.some((e) => e.type === 'validation_failed'),
    });
  }
  return out;
}
