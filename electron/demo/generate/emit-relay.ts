// Renders run-credit events as the CSV export of reference §5, one file per month. Prices are
// applied here, in event order, because the free allowance is counted per workspace and calendar
// month: the first 50 billable publishes are free, the rest cost the plan's price.

import type { Plan, RunEvent } from './model';
import { csvLine, dec } from './format';
import { mrWebUrl } from './render';
import { DAY, isoTime, monthKey } from './time';
import type { DemoFile } from './types';

export const RUN_CREDIT_HEADER = [
  'schema_version', 'event_id', 'occurred_at', 'workspace', 'event_type', 'ticket_key', 'run_id', 'parent_run_id', 'reason_code',
  'reason_detail', 'run_credits', 'ai_credits', 'ai_credits_reserved', 'reservation_id', 'amount', 'currency', 'provider', 'model',
  'input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens', 'vcs', 'repository', 'mr_url', 'mr_iid', 'commit_sha',
  'supersedes_event_id', 'metadata_json',
].join(',');

export const FREE_RUNS_PER_MONTH = 50;
export const PRICE_PER_RUN_GBP: Record<Plan, number> = { cloud: 4, 'self-hosted': 2 };
export const GBP_PER_AI_CREDIT = 0.01;

/** The month whose file also carries the last days of the previous month (re-import must dedupe). */
const OVERLAP_MONTH = '2026-03';
const OVERLAP_DAYS = 3;

/**
 * A vendor billing error for the reconciliation to find: in this month the cloud workspace's retry
 * publishes were billed two credits each instead of the one the plan says.
 */
const DOUBLE_BILLED = { month: '2026-07', plan: 'cloud' as Plan, type: 'retry_publish' };
const billedCredits = (e: RunEvent): number =>
  e.type === DOUBLE_BILLED.type && e.team.plan === DOUBLE_BILLED.plan && monthKey(e.at) === DOUBLE_BILLED.month ? e.runCredits * 2 : e.runCredits;

function amounts(events: RunEvent[]): Map<RunEvent, number> {
  const used = new Map<string, number>();
  const out = new Map<RunEvent, number>();
  for (const e of events) {
    if (e.runCredits > 0) {
      const bucket = `${e.team.workspace}|${monthKey(e.at)}`;
      const credits = billedCredits(e);
      const n = (used.get(bucket) ?? 0) + credits;
      used.set(bucket, n);
      out.set(e, n <= FREE_RUNS_PER_MONTH ? 0 : credits * PRICE_PER_RUN_GBP[e.team.plan]);
    } else if (e.type === 'model_call_settled') {
      out.set(e, e.team.plan === 'cloud' ? e.aiCredits * GBP_PER_AI_CREDIT : 0);
    }
  }
  return out;
}

function row(e: RunEvent, amount: number): string {
  const mr = e.mr;
  return csvLine([
    '1', e.eventId, isoTime(e.at), e.team.workspace, e.type, e.ticket?.key ?? null, e.runId, e.parentRunId, e.reasonCode,
    e.reasonDetail, dec(billedCredits(e)), dec(e.aiCredits), e.aiReserved === null ? null : dec(e.aiReserved), e.reservationId,
    amount === 0 ? '0' : amount.toFixed(e.type === 'model_call_settled' ? 4 : 2), 'GBP', e.provider, e.model,
    e.inputTokens, e.outputTokens, e.cacheReadTokens, e.cacheWriteTokens,
    mr ? 'gitlab' : null, mr ? mr.repo.path : null, mr ? mrWebUrl(mr) : null, mr ? mr.iid : null, e.commitSha, null,
    e.metadata ? JSON.stringify(e.metadata) : null,
  ]);
}

export function emitRunCredits(events: RunEvent[]): DemoFile[] {
  const priced = amounts(events);
  const lines = events.map((e) => ({ at: e.at, month: monthKey(e.at), line: row(e, priced.get(e) ?? 0) }));
  const months = [...new Set(lines.map((l) => l.month))].sort();
  return months.map((month) => {
    const start = Date.parse(`${month}-01T00:00:00Z`);
    const from = month === OVERLAP_MONTH ? start - OVERLAP_DAYS * DAY : start;
    const body = lines.filter((l) => l.at >= from && (l.month === month || (l.at < start && month === OVERLAP_MONTH)));
    return {
      name: `relay-events-all-${month.replace('-', '')}.csv`,
      kind: 'run-credits' as const,
      content: `${[RUN_CREDIT_HEADER, ...body.map((l) => l.line)].join('\n')}\n`,
    };
  });
}
