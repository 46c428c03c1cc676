import { z } from 'zod';
import type { Preset } from '../preset';
import { csvRows } from '../csv-rows';
import { currency, micros, optionalInt, optionalMicros, optionalText, requiredText, timestamp } from './fields';

const EVENT_TYPES = [
  'ticket_denied',
  'run_blocked',
  'validation_failed',
  'pr_created',
  'pr_updated',
  'retry_publish',
  'continuation_run',
  'model_call_reserved',
  'model_call_settled',
] as const;

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
    return (row, line) => insert.run({ ...row, importId, line }).changes > 0;
  },
};
