import { formatExactAmount } from '../../../shared/domain/money';
import { z } from 'zod';
import { naturalKey, type Preset } from '../preset';
import { csvRows } from '../csv-rows';
import { parseUsDate } from './fields';
import { parseDecimalToMicros } from '../../../shared/domain/money';

/**
 * GitHub's metered usage / AI-credit usage CSV (reference §4.1, §4.2), read by header name. Older
 * files say usage_at / workflow_name; native AI-credit files add aic_* columns and slash dates.
 * zod checks the record's shape; the conversions are plain code in one transform, which keeps a
 * million-row export fast (per-field transforms cost several times more per row).
 */
const cell = z.string().optional();
export const GitHubBillingRowSchema = z
  .object({
    date: cell,
    usage_at: cell,
    product: cell,
    sku: z.string().trim().min(1),
    model: cell,
    quantity: cell,
    unit_type: cell,
    gross_amount: cell,
    discount_amount: cell,
    net_amount: cell,
    aic_gross_amount: cell,
    username: cell,
    organization: cell,
    repository: cell,
    workflow_path: cell,
    workflow_name: cell,
    cost_center_name: cell,
  })
  .transform((r, ctx) => {
    const text = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());
    const amount = (field: 'gross_amount' | 'discount_amount' | 'net_amount' | 'aic_gross_amount'): number | null | undefined => {
      const v = text(r[field]);
      if (v === null) return null;
      try {
        return parseDecimalToMicros(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: [field], message: (e as Error).message });
        return undefined;
      }
    };
    const day = parseUsDate(r.date ?? r.usage_at ?? '');
    if (typeof day !== 'string') {
      ctx.addIssue({ code: 'custom', path: ['date'], message: day.error });
      return z.NEVER;
    }
    const [gross, discount, netAmount, aic] = [amount('gross_amount'), amount('discount_amount'), amount('net_amount'), amount('aic_gross_amount')];
    if (gross === undefined || discount === undefined || netAmount === undefined || aic === undefined) return z.NEVER;
    // Billed money is net_amount; gross minus discount when an export omits it.
    const net = netAmount ?? (gross !== null ? gross - (discount ?? 0) : aic);
    if (net === null) {
      ctx.addIssue({ code: 'custom', path: ['net_amount'], message: 'no amount column (net_amount or gross_amount)' });
      return z.NEVER;
    }
    const q = text(r.quantity);
    let quantity: number | null = null;
    if (q !== null) {
      quantity = Number(q);
      if (!Number.isFinite(quantity)) {
        ctx.addIssue({ code: 'custom', path: ['quantity'], message: `not a number: "${q}"` });
        return z.NEVER;
      }
    }
    return {
      day,
      net,
      quantity,
      sku: r.sku,
      product: text(r.product),
      model: text(r.model),
      unit_type: text(r.unit_type),
      username: text(r.username),
      organization: text(r.organization),
      repository: text(r.repository),
      cost_center_name: text(r.cost_center_name),
      workflow: text(r.workflow_path) ?? text(r.workflow_name),
    };
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
    row: (r) => ({ date: r.day, sku: r.sku, model: r.model ?? '', quantity: r.quantity === null ? '' : `${r.quantity} ${r.unit_type ?? ''}`.trim(), amount: formatExactAmount(r.net, 'USD'), user: r.username ?? '', repository: r.repository ?? '' }),
  },
  writer(db, importId) {
    // Positional parameters: binding by name costs a lookup per column per row, at a million rows a second.
    const insert = db.prepare(
      `INSERT INTO billing_lines (import_id, source_line, natural_key, ledger, vendor, occurred_on, amount_micros, currency, quantity, unit, sku,
         model, description, repository, team, user_ref)
       VALUES (?, ?, ?, ?, 'github', ?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(natural_key) DO NOTHING`,
    );
    return (r, line) => {
      // No row id in these exports: the grouping columns are the natural key (reference §6).
      const key = naturalKey(['github', r.day, r.product, r.sku, r.model, r.username, r.organization, r.repository, r.workflow, r.cost_center_name]);
      return insert.run(importId, line, key, ledgerOf(r), r.day, r.net, r.quantity, r.unit_type, r.sku, r.model, r.product, r.repository, r.cost_center_name, r.username).changes > 0;
    };
  },
};
