import { formatExactAmount } from '../../../shared/domain/money';
import { RUN_EVENT_TYPES } from '../../../shared/domain/plans';
import { z } from 'zod';
import type { Preset } from '../preset';
import { csvRows } from '../csv-rows';
import { currency, micros, optionalInt, optionalMicros, optionalText, requiredText, timestamp } from './fields';

const EVENT_TYPES = RUN_EVENT_TYPES;

/** One row of the run-credit event log (reference §5), with the per-type rules of §5.3. */
export const RunCreditRowSchema = z
  .object({
    schema_version: z.literal('1', { message: 'schema_version must be 1' }),
    event_id: requiredText,
    occurred_at: timestamp,
    workspace: requiredText,
    event_type: z.enum(EVENT_TYPES),
    ticket_key: optionalText,
    run_id: optionalText,
    parent_run_id: optionalText,
    reason_code: optionalText,
    reason_detail: optionalText,
    run_credits: micros,
    ai_credits: micros,
    ai_credits_reserved: optionalMicros,
    reservation_id: optionalText,
    amount: micros,
    currency,
    provider: optionalText,
    model: optionalText,
    input_tokens: optionalInt,
    output_tokens: optionalInt,
    cache_read_tokens: optionalInt,
    cache_write_tokens: optionalInt,
    vcs: optionalText,
    repository: optionalText,
    mr_url: optionalText,
    mr_iid: optionalInt,
    commit_sha: optionalText,
    supersedes_event_id: optionalText,
    metadata_json: optionalText,
  })
  .superRefine((r, ctx) => {
    const need = (field: keyof typeof r, why: string) => {
      if (r[field] === null) ctx.addIssue({ code: 'custom', path: [field], message: `required for ${why}` });
    };
    if (r.event_type !== 'ticket_denied') need('run_id', r.event_type);
    if (r.event_type === 'model_call_reserved') {
      need('reservation_id', r.event_type);
      if (r.ai_credits_reserved === null || r.ai_credits_reserved <= 0) ctx.addIssue({ code: 'custom', path: ['ai_credits_reserved'], message: 'must be > 0 on model_call_reserved' });
    }
    if (r.event_type === 'model_call_settled') need('reservation_id', r.event_type);
    if (r.event_type === 'pr_created' || r.event_type === 'pr_updated' || r.event_type === 'retry_publish') need('mr_url', r.event_type);
    if (r.event_type === 'continuation_run' || r.event_type === 'retry_publish') need('parent_run_id', r.event_type);
  });
export type RunCreditRow = z.output<typeof RunCreditRowSchema>;

export const runCreditsPreset: Preset<RunCreditRow> = {
  id: 'run-credits',
  label: 'Run-credit event log (CSV)',
  sniff: (head) => /^\uFEFF?schema_version,event_id,occurred_at/.test(head) || (head.includes('event_type') && head.includes('run_credits')),
  rows: (input) => csvRows(input, RunCreditRowSchema),
  tables: ['run_events'],
  writer(db, importId) {
    // The event id is the idempotency key: re-importing an overlapping export adds nothing twice.
    const insert = db.prepare(
      `INSERT INTO run_events (event_id, import_id, source_line, occurred_at, workspace, event_type, ticket_key, run_id, parent_run_id,
         reason_code, reason_detail, run_credits_micros, ai_credits_micros, ai_reserved_micros, reservation_id, amount_micros, currency,
         provider, model, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, vcs, repository, mr_url, mr_iid, commit_sha,
         supersedes_event_id, metadata_json)
       VALUES (@event_id, @importId, @line, @occurred_at, @workspace, @event_type, @ticket_key, @run_id, @parent_run_id, @reason_code,
         @reason_detail, @run_credits, @ai_credits, @ai_credits_reserved, @reservation_id, @amount, @currency, @provider, @model,
         @input_tokens, @output_tokens, @cache_read_tokens, @cache_write_tokens, @vcs, @repository, @mr_url, @mr_iid, @commit_sha,
         @supersedes_event_id, @metadata_json)
       ON CONFLICT(event_id) DO NOTHING`,
    );
    const existing = db.prepare(
      'SELECT event_type AS type, occurred_at AS at, run_credits_micros AS credits, ai_credits_micros AS ai, amount_micros AS amount, currency, import_id AS importId FROM run_events WHERE event_id = ?',
    );
    return (row, line) => {
      if (insert.run({ ...row, importId, line }).changes > 0) return true;
      // Same event id: a no-op when the content is the same; a conflict when it differs (reference §5.3 rule 1).
      const prior = existing.get(row.event_id) as { type: string; at: string; credits: number; ai: number; amount: number; currency: string; importId: number | null };
      const same = prior.type === row.event_type && prior.at === row.occurred_at && prior.credits === row.run_credits && prior.ai === row.ai_credits && prior.amount === row.amount && prior.currency === row.currency;
      return same ? false : { conflict: `event_id ${row.event_id} was imported before with different content (import #${prior.importId ?? '?'}); a correction must come as a new event with supersedes_event_id` };
    };
  },
  preview: {
    columns: ['occurred', 'event', 'ticket', 'run', 'credits', 'amount', 'MR'],
    row: (r) => ({
      occurred: r.occurred_at.replace('T', ' ').slice(0, 19),
      event: r.event_type,
      ticket: r.ticket_key ?? '',
      run: r.run_id ?? '',
      credits: r.event_type === 'model_call_settled' ? `${r.ai_credits / 1e6} AI` : r.event_type === 'model_call_reserved' ? `${(r.ai_credits_reserved ?? 0) / 1e6} AI held` : `${r.run_credits / 1e6}`,
      amount: formatExactAmount(r.amount, r.currency),
      MR: r.mr_url ?? '',
    }),
  },
};
