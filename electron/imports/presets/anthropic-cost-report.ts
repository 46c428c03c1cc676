import { z } from 'zod';
import { naturalKey, type ParsedRow, type Preset } from '../preset';
import { formatZodIssues, readAll } from '../csv-rows';
import { centsStringToMicros, formatExactAmount } from '../../../shared/domain/money';

const CostRowSchema = z.object({
  // A decimal string in cents: "123.45" is USD 1.2345 (reference §4.4).
  amount: z.string().regex(/^-?\d+(\.\d+)?$/, 'amount must be a decimal string in cents'),
  currency: z.string().default('USD'),
  cost_type: z.string().nullish(),
  description: z.string().nullish(),
  model: z.string().nullish(),
  token_type: z.string().nullish(),
  service_tier: z.string().nullish(),
  workspace_id: z.string().nullish(),
});

const PageSchema = z.object({
  data: z.array(z.object({ starting_at: z.string(), ending_at: z.string(), results: z.array(z.unknown()) })),
  has_more: z.boolean().optional(),
});

type CostRow = z.output<typeof CostRowSchema> & { day: string };

export const anthropicCostReportPreset: Preset<CostRow> = {
  id: 'anthropic-cost-report',
  label: 'Anthropic cost report (JSON)',
  sniff: (head) => head.includes('"starting_at"') && head.includes('"results"') && head.includes('"amount"') && !head.includes('"object"'),
  async *rows(input): AsyncIterable<ParsedRow<CostRow>> {
    // Cost report pages are small (≤31 daily buckets), so reading one whole is fine.
    const text = await readAll(input);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      yield { line: 1, ok: false, reason: 'not valid JSON' };
      return;
    }
    const page = PageSchema.safeParse(json);
    if (!page.success) {
      yield { line: 1, ok: false, reason: formatZodIssues(page.error) };
      return;
    }
    let n = 0;
    for (const bucket of page.data.data) {
      for (const raw of bucket.results) {
        n += 1;
        const row = CostRowSchema.safeParse(raw);
        yield row.success ? { line: n, ok: true, row: { ...row.data, day: bucket.starting_at.slice(0, 10) } } : { line: n, ok: false, reason: formatZodIssues(row.error) };
      }
    }
  },
  tables: ['billing_lines'],
  preview: {
    columns: ['date', 'description', 'model', 'amount', 'workspace'],
    row: (r) => ({ date: r.day, description: r.description ?? '', model: r.model ?? '', amount: formatExactAmount(centsStringToMicros(r.amount), r.currency.toUpperCase()), workspace: r.workspace_id ?? '' }),
  },
  writer(db, importId) {
    const insert = db.prepare(
      `INSERT INTO billing_lines (import_id, source_line, natural_key, ledger, vendor, occurred_on, amount_micros, currency, sku, model, description, team)
       VALUES (?, ?, ?, 'provider', 'anthropic', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(natural_key) DO NOTHING`,
    );
    return (r, line) => {
      const key = naturalKey(['anthropic', r.day, r.workspace_id, r.description, r.model, r.token_type, r.service_tier]);
      return insert.run(importId, line, key, r.day, centsStringToMicros(r.amount), r.currency.toUpperCase(), r.token_type ?? r.cost_type ?? null, r.model ?? null, r.description ?? null, r.workspace_id ?? null).changes > 0;
    };
  },
};
