import { z } from 'zod';
import type { Preset } from '../preset';
import { jsonLines } from '../csv-rows';

// Organisation/enterprise Copilot reports (reference §3.2): one record per report with day_totals[].
const DaySchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  daily_active_users: z.number().int().nullish(),
  weekly_active_users: z.number().int().nullish(),
  monthly_active_users: z.number().int().nullish(),
  monthly_active_agent_users: z.number().int().nullish(),
  code_generation_activity_count: z.number().int().nullish(),
  code_acceptance_activity_count: z.number().int().nullish(),
  pull_requests: z
    .object({ total_created: z.number().int().nullish(), total_merged: z.number().int().nullish(), total_created_by_copilot: z.number().int().nullish(), total_merged_created_by_copilot: z.number().int().nullish() })
    .nullish(),
});
const ReportSchema = z.object({
  day_totals: z.array(DaySchema),
  enterprise_id: z.union([z.string(), z.number()]).nullish(),
  organization_id: z.union([z.string(), z.number()]).nullish(),
});
type Report = z.output<typeof ReportSchema>;

export const copilotOrgPreset: Preset<Report> = {
  id: 'copilot-org',
  label: 'GitHub Copilot usage report, organisation or enterprise (NDJSON)',
  sniff: (head) => head.includes('"day_totals"'),
  rows: (input) => jsonLines(input, ReportSchema),
  tables: ['copilot_org_daily'],
  preview: {
    columns: ['days', 'first day', 'last day', 'active users (last day)'],
    row: (r) => ({ days: String(r.day_totals.length), 'first day': r.day_totals[0]?.day ?? '', 'last day': r.day_totals.at(-1)?.day ?? '', 'active users (last day)': String(r.day_totals.at(-1)?.daily_active_users ?? '') }),
  },
  writer(db, importId) {
    const insert = db.prepare(
      `INSERT INTO copilot_org_daily (import_id, scope_id, day, daily_active_users, weekly_active_users, monthly_active_users, monthly_active_agent_users,
         code_generation_activity, code_acceptance_activity, prs_created, prs_merged, prs_created_by_copilot, prs_merged_created_by_copilot)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(scope_id, day) DO NOTHING`,
    );
    return (r) => {
      const scope = String(r.organization_id ?? r.enterprise_id ?? '');
      let added = false;
      // A 28-day report overlaps the next one by 27 days: each day is stored once.
      for (const d of r.day_totals) {
        const pr = d.pull_requests;
        added =
          insert.run(importId, scope, d.day, d.daily_active_users ?? null, d.weekly_active_users ?? null, d.monthly_active_users ?? null, d.monthly_active_agent_users ?? null,
            d.code_generation_activity_count ?? null, d.code_acceptance_activity_count ?? null, pr?.total_created ?? null, pr?.total_merged ?? null,
            pr?.total_created_by_copilot ?? null, pr?.total_merged_created_by_copilot ?? null).changes > 0 || added;
      }
      return added;
    };
  },
};
