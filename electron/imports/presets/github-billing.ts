import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Preset } from '../preset';
import { csvRows } from '../csv-rows';
import { micros, optionalMicros, optionalText, usDate } from './fields';

/**
 * GitHub's metered usage / AI-credit usage CSV (reference §4.1, §4.2), read by header name. Older
 * files say usage_at / workflow_name; native AI-credit files add aic_* columns and slash dates.
 */
const GitHubBillingRowSchema = z
  .object({
    date: z.string().optional(),
    usage_at: z.string().optional(),
    product: optionalText,
    sku: z.string().trim().min(1),
    model: optionalText,
    quantity: z.string().optional(),
    unit_type: optionalText,
    gross_amount: optionalMicros,
    discount_amount: optionalMicros,
    net_amount: optionalMicros,
    aic_gross_amount: optionalMicros,
    username: optionalText,
    organization: optionalText,
    repository: optionalText,
    workflow_path: optionalText,
    workflow_name: optionalText,
    cost_center_name: optionalText,
  })
  .transform((r, ctx) => {
    const day = usDate.safeParse(r.date ?? r.usage_at ?? '');
    if (!day.success) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: day.error.issues[0]?.message ?? 'missing date' });
      return z.NEVER;
    }
    // Billed money is net_amount; gross minus discount when an export omits it.
    const net = r.net_amount ?? (r.gross_amount !== null ? r.gross_amount - (r.discount_amount ?? 0) : r.aic_gross_amount);
    if (net === null) {
      ctx.addIssue({ code: 'custom', path: ['net_amount'], message: 'no amount column (net_amount or gross_amount)' });
      return z.NEVER;
    }
    const quantity = r.quantity === undefined || r.quantity.trim() === '' ? null : micros.parse(r.quantity) / 1e6;
    return { ...r, day: day.data, net, quantity, workflow: r.workflow_path ?? r.workflow_name };
  });
type GitHubBillingRow = z.output<typeof GitHubBillingRowSchema>;

const ledgerOf = (r: GitHubBillingRow): 'copilot' | 'ci' | 'other' =>
  r.product === 'actions' || r.sku.startsWith('actions_') ? 'ci' : r.product === 'copilot' || r.sku.includes('ai_credit') || r.sku.includes('premium_request') ? 'copilot' : 'other';

export const githubBillingPreset: Preset<GitHubBillingRow> = {
  id: 'github-billing',
  label: 'GitHub billing usage report (CSV)',
  sniff: (head) => {
    const header = head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    return /(^|,)sku(,|$)/.test(header) && /(gross_amount|net_amount)/.test(header);
  },
  rows: (input) => csvRows(input, GitHubBillingRowSchema),
  tables: ['billing_lines'],
  preview: {
    columns: ['date', 'sku', 'model', 'quantity', 'amount', 'user', 'repository'],
    row: (r) => ({ date: r.day, sku: r.sku, model: r.model ?? '', quantity: r.quantity === null ? '' : `${r.quantity} ${r.unit_type ?? ''}`.trim(), amount: `${(r.net / 1e6).toFixed(2)} USD`, user: r.username ?? '', repository: r.repository ?? '' }),
  },
  writer(db, importId) {
    const insert = db.prepare(
      `INSERT INTO billing_lines (import_id, source_line, natural_key, ledger, vendor, occurred_on, amount_micros, currency, quantity, unit, sku,
         model, description, repository, team, user_ref)
       VALUES (@importId, @line, @key, @ledger, 'github', @day, @net, 'USD', @quantity, @unit, @sku, @model, @description, @repository, @team, @user)
       ON CONFLICT(natural_key) DO NOTHING`,
    );
    return (r, line) => {
      // No row id in these exports: the grouping columns are the natural key (reference §6).
      const key = createHash('sha256')
        .update(['github', r.day, r.product, r.sku, r.model, r.username, r.organization, r.repository, r.workflow, r.cost_center_name].join('\u0001'))
        .digest('hex');
      return (
        insert.run({
          importId,
          line,
          key,
          ledger: ledgerOf(r),
          day: r.day,
          net: r.net,
          quantity: r.quantity,
          unit: r.unit_type,
          sku: r.sku,
          model: r.model,
          description: r.product,
          repository: r.repository,
          team: r.cost_center_name,
          user: r.username,
        }).changes > 0
      );
    };
  },
};
