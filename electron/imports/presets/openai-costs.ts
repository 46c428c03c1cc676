import { z } from 'zod';
import { naturalKey, type ParsedRow, type Preset } from '../preset';
import { formatZodIssues, readAll } from '../csv-rows';
import { majorNumberToMicros, formatExactAmount } from '../../../shared/domain/money';
import { unixSecondsToIso } from '../../../shared/domain/time';

// OpenAI organisation costs pages (reference §4.3): amounts are dollars as JSON numbers, currency lower-case.
const ResultSchema = z.object({
  object: z.literal('organization.costs.result').optional(),
  amount: z.object({ value: z.number(), currency: z.string().regex(/^[a-zA-Z]{3}$/) }),
  line_item: z.string().nullish(),
  project_id: z.string().nullish(),
  api_key_id: z.string().nullish(),
  quantity: z.number().nullish(),
  quantity_unit: z.string().nullish(),
});
const PageSchema = z.object({
  object: z.literal('page'),
  data: z.array(z.object({ object: z.literal('bucket').optional(), start_time: z.number(), end_time: z.number(), results: z.array(z.unknown()) })),
});
type CostRow = z.output<typeof ResultSchema> & { day: string };

/** A file holds one page, or several (a JSON array of pages, or one page per line as saved by a script). */
function pagesOf(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as unknown[];
  try {
    return [JSON.parse(trimmed)];
  } catch {
    return trimmed.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
  }
}

export const openAiCostsPreset: Preset<CostRow> = {
  id: 'openai-costs',
  label: 'OpenAI organization costs (JSON)',
  sniff: (head) => head.includes('"object"') && head.includes('"page"') && (head.includes('organization.costs.result') || head.includes('"bucket"')),
  async *rows(input): AsyncIterable<ParsedRow<CostRow>> {
    let pages: unknown[];
    try {
      pages = pagesOf(await readAll(input));
    } catch {
      yield { line: 1, ok: false, reason: 'not valid JSON' };
      return;
    }
    let n = 0;
    for (const [p, raw] of pages.entries()) {
      const page = PageSchema.safeParse(raw);
      if (!page.success) {
        yield { line: p + 1, ok: false, reason: `page ${p + 1}: ${formatZodIssues(page.error)}` };
        continue;
      }
      for (const bucket of page.data.data) {
        for (const result of bucket.results) {
          n += 1;
          const row = ResultSchema.safeParse(result);
          yield row.success ? { line: n, ok: true, row: { ...row.data, day: unixSecondsToIso(bucket.start_time).slice(0, 10) } } : { line: n, ok: false, reason: formatZodIssues(row.error) };
        }
      }
    }
  },
  tables: ['billing_lines'],
  preview: {
    columns: ['date', 'line item', 'project', 'quantity', 'amount'],
    row: (r) => ({ date: r.day, 'line item': r.line_item ?? '', project: r.project_id ?? '', quantity: r.quantity == null ? '' : `${r.quantity} ${r.quantity_unit ?? ''}`.trim(), amount: formatExactAmount(majorNumberToMicros(r.amount.value), r.amount.currency.toUpperCase()) }),
  },
  writer(db, importId) {
    const insert = db.prepare(
      `INSERT INTO billing_lines (import_id, source_line, natural_key, ledger, vendor, occurred_on, amount_micros, currency, quantity, unit, sku, description, team)
       VALUES (?, ?, ?, 'provider', 'openai', ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(natural_key) DO NOTHING`,
    );
    return (r, line) => {
      // Natural key per reference §6: (start_time, project_id, line_item, api_key_id).
      const key = naturalKey(['openai', r.day, r.project_id, r.line_item, r.api_key_id]);
      return insert.run(importId, line, key, r.day, majorNumberToMicros(r.amount.value), r.amount.currency.toUpperCase(), r.quantity ?? null, r.quantity_unit ?? null, r.line_item ?? null, r.line_item ?? null, r.project_id ?? null).changes > 0;
    };
  },
};
