import { z } from 'zod';
import type { Preset } from '../preset';
import { jsonLines } from '../csv-rows';
import { majorNumberToMicros } from '../../../shared/domain/money';

/** One user-day of a Copilot users-1-day / users-28-day report (reference §3.2). */
const CopilotUserDaySchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  user_id: z.union([z.number(), z.string()]).transform(String),
  user_login: z.string().nullish(),
  enterprise_id: z.union([z.number(), z.string()]).nullish(),
  organization_id: z.union([z.number(), z.string()]).nullish(),
  // Added 2026-06-19; older files lack it. A consumption signal, not an invoice.
  ai_credits_used: z.number().nonnegative().optional(),
  user_initiated_interaction_count: z.number().int().nonnegative().default(0),
  used_agent: z.boolean().optional(),
});
type CopilotUserDay = z.output<typeof CopilotUserDaySchema>;

export const copilotUsersPreset: Preset<CopilotUserDay> = {
  id: 'copilot-users',
  label: 'GitHub Copilot usage report, per user (NDJSON)',
  sniff: (head) => /^\s*\[?\s*\{/.test(head) && head.includes('"user_login"') && head.includes('"day"'),
  rows: (input) => jsonLines(input, CopilotUserDaySchema),
  tables: ['copilot_usage'],
  preview: {
    columns: ['day', 'user', 'ai credits used', 'interactions', 'agent'],
    row: (r) => ({ day: r.day, user: r.user_login ?? r.user_id, 'ai credits used': r.ai_credits_used === undefined ? '(not in this report)' : String(r.ai_credits_used), interactions: String(r.user_initiated_interaction_count), agent: r.used_agent ? 'yes' : 'no' }),
  },
  writer(db, importId) {
    const insert = db.prepare(
      `INSERT INTO copilot_usage (import_id, scope_id, user_external_id, user_login, day, ai_credits_used_micros, interactions, used_agent)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(scope_id, user_external_id, day) DO NOTHING`,
    );
    return (r) =>
      insert.run(
        importId,
        String(r.organization_id ?? r.enterprise_id ?? ''),
        r.user_id,
        r.user_login ?? null,
        r.day,
        majorNumberToMicros(r.ai_credits_used ?? 0),
        r.user_initiated_interaction_count,
        r.used_agent ? 1 : 0,
      ).changes > 0;
  },
};
