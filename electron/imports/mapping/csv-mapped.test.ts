import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ColumnMappingSchema, type ColumnMapping } from '../../../shared/domain/column-mapping';
import { AppError } from '../../../shared/ipc/result';
import type { ParsedRow } from '../preset';
import { mappedCsvRows } from './csv-mapped';
import type { MappedRow } from './mapped-row';

const FIXTURES = join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'imports', 'mapping');
const fixture = (name: string) => createReadStream(join(FIXTURES, name));

// Through the real schema, so its defaults and checks apply.
const mapping = (over: Partial<z.input<typeof ColumnMappingSchema>> = {}): ColumnMapping =>
  ColumnMappingSchema.parse({
    name: 'Test',
    ledger: 'provider',
    vendor: 'acme',
    columns: { date: 'Date', amount: 'Amount', currency: 'Currency', description: 'Description' },
    ...over,
  });

const collect = async (rows: AsyncIterable<ParsedRow<MappedRow>>): Promise<ParsedRow<MappedRow>[]> => {
  const out: ParsedRow<MappedRow>[] = [];
  for await (const r of rows) out.push(r);
  return out;
};
const brief = (rows: ParsedRow<MappedRow>[]) =>
  rows.map((r) => (r.ok ? { line: r.line, date: r.row.date, amount: r.row.amountMicros, currency: r.row.currency, description: r.row.description } : { line: r.line, reason: r.reason }));
const fileError = async (rows: AsyncIterable<ParsedRow<MappedRow>>): Promise<AppError> => {
  try {
    await collect(rows);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a file-level error');
};

describe('mappedCsvRows', () => {
  it('reads a European export: BOM, semicolons, decimal comma, dotted dates, a refund', async () => {
    const m = mapping({ decimalSeparator: ',', thousandsSeparator: '.', columns: { date: 'Datum', amount: 'Betrag', currency: 'Währung', description: 'Beschreibung' } });
    expect(brief(await collect(mappedCsvRows(fixture('european-semicolon.csv'), m)))).toEqual([
      { line: 2, date: '2026-09-01', amount: 1_234_560_000, currency: 'EUR', description: 'Anthropic API' },
      { line: 3, date: '2026-09-02', amount: 12_500_000, currency: 'EUR', description: 'OpenAI API' },
      { line: 4, date: '2026-09-03', amount: -100_000_000, currency: 'EUR', description: 'Gutschrift' },
    ]);
  });

  it('reads a tab-separated file with a quantity using thousands separators', async () => {
    const m = mapping({ thousandsSeparator: ',', fixedCurrency: 'USD', columns: { date: 'date', amount: 'cost', description: 'service', quantity: 'usage' } });
    const rows = await collect(mappedCsvRows(fixture('tab-separated.tsv'), m));
    expect(rows.map((r) => (r.ok ? [r.line, r.row.amountMicros, r.row.quantity, r.row.description] : r.reason))).toEqual([
      [2, 12_500_000, 1200, 'bedrock'],
      [3, 3_125, 7, 'vertex'],
    ]);
  });

  it('starts at the header row below a title block, with file line numbers', async () => {
    const m = mapping({ headerRow: 4, columns: { date: 'Date', amount: 'Cost', currency: 'Currency', description: 'Meter' } });
    expect(brief(await collect(mappedCsvRows(fixture('title-block.csv'), m)))).toEqual([
      { line: 5, date: '2026-09-01', amount: 3_200_000, currency: 'USD', description: 'gpt-4o input tokens' },
      { line: 6, date: '2026-09-02', amount: 4_800_000, currency: 'USD', description: 'gpt-4o output tokens' },
    ]);
  });

  it('reads quoted fields holding delimiters, quotes and CRLF line breaks, counting physical lines', async () => {
    expect(brief(await collect(mappedCsvRows(fixture('quoted-crlf.csv'), mapping())))).toEqual([
      { line: 2, date: '2026-09-01', amount: 10_000_000, currency: 'USD', description: 'Claude usage, team "Core"' },
      { line: 3, date: '2026-09-02', amount: 20_000_000, currency: 'USD', description: 'Two line\ndescription' },
      { line: 5, date: '2026-09-03', amount: 30_000_000, currency: 'USD', description: 'Plain' },
    ]);
  });

  it('gives the same rows and lines when the bytes arrive in tiny chunks (split CRLF and UTF-8)', async () => {
    for (const name of ['quoted-crlf.csv', 'european-semicolon.csv']) {
      const bytes = readFileSync(join(FIXTURES, name));
      const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
      const m = name.startsWith('european')
        ? mapping({ decimalSeparator: ',', thousandsSeparator: '.', columns: { date: 'Datum', amount: 'Betrag', currency: 'Währung', description: 'Beschreibung' } })
        : mapping();
      expect(brief(await collect(mappedCsvRows(Readable.from(chunks), m)))).toEqual(brief(await collect(mappedCsvRows(Readable.from([bytes]), m))));
    }
  });

  it('rejects a short row and a truncated last line by line, keeping the other rows', async () => {
    expect(brief(await collect(mappedCsvRows(fixture('short-and-truncated.csv'), mapping())))).toEqual([
      { line: 2, date: '2026-09-01', amount: 10_000_000, currency: 'USD', description: 'First' },
      { line: 3, reason: 'expected 4 columns, found 2' },
      { line: 4, date: '2026-09-03', amount: 30_000_000, currency: 'USD', description: 'Third' },
      { line: 5, reason: 'a quoted field is never closed (the file may be cut off)' },
    ]);
  });

  it('rejects extra non-empty cells but tolerates trailing empty ones, and skips blank rows', async () => {
    const text = 'Date,Amount,Currency,Description\n2026-09-01,1,USD,a,\n2026-09-02,2,USD,b,surprise\n,,,\n\n, ,\n2026-09-03,3,USD,c\n';
    expect(brief(await collect(mappedCsvRows(Readable.from([text]), mapping())))).toEqual([
      { line: 2, date: '2026-09-01', amount: 1_000_000, currency: 'USD', description: 'a' },
      { line: 3, reason: 'expected 4 columns, found 5' },
      { line: 7, date: '2026-09-03', amount: 3_000_000, currency: 'USD', description: 'c' },
    ]);
  });

  // csv-parse cannot resynchronise after a stray quote: the rows after it belong to that one rejection.
  it('reports a stray quote once, at the line where the broken record starts', async () => {
    const text = 'Date,Amount,Currency,Description\n2026-09-01,"1"x,USD,a\n2026-09-02,2,USD,b\n';
    const rows = await collect(mappedCsvRows(Readable.from([text]), mapping()));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ line: 2, ok: false, reason: expect.stringMatching(/^a quoted field is followed by other text instead of a delimiter/) });
  });

  it('fails the file when a mapped column is missing, naming the columns the file has', async () => {
    const m = mapping({ columns: { date: 'Date', amount: 'Cost', currency: 'Currency' } });
    const error = await fileError(mappedCsvRows(fixture('quoted-crlf.csv'), m));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe('column "Cost" not found; the file has: Date, Description, Amount, Currency');
  });

  it('fails the file when the header row lies beyond its end or is empty', async () => {
    expect((await fileError(mappedCsvRows(Readable.from(['Title\nDate,Amount\n']), mapping({ headerRow: 4 })))).message).toBe('the header row is set to line 4, but the file has 2 lines');
    expect((await fileError(mappedCsvRows(Readable.from(['Title\n\nDate,Amount\n']), mapping({ headerRow: 2 })))).message).toBe('line 2, the header row, is empty');
  });

  it('keeps each row in its own currency in a mixed file, with refunds negative', async () => {
    const m = mapping({ columns: { date: 'Date', amount: 'Amount', currency: 'Currency', description: 'Vendor item' } });
    expect(brief(await collect(mappedCsvRows(fixture('mixed-currencies.csv'), m)))).toEqual([
      { line: 2, date: '2026-09-01', amount: 25_000_000, currency: 'USD', description: 'API usage' },
      { line: 3, date: '2026-09-01', amount: 19_990_000, currency: 'EUR', description: 'API usage' },
      { line: 4, date: '2026-09-02', amount: 12_000_000, currency: 'GBP', description: 'Seat' },
      { line: 5, date: '2026-09-03', amount: -5_000_000, currency: 'USD', description: 'Refund' },
      { line: 6, date: '2026-09-04', amount: -7_500_000, currency: 'GBP', description: 'Refund' },
    ]);
  });

  it('uses a fixed currency when the file has no currency column', async () => {
    const m = mapping({ fixedCurrency: 'CHF', columns: { date: 'Date', amount: 'Amount', description: 'Item' } });
    const rows = await collect(mappedCsvRows(fixture('identical-rows.csv'), m));
    expect(rows.map((r) => r.ok && r.row.currency)).toEqual(['CHF', 'CHF', 'CHF']);
  });

  it('rejects dates out of range, impossible days and ambiguous dates with the value and column', async () => {
    const rows = brief(await collect(mappedCsvRows(fixture('dates-out-of-range.csv'), mapping({ columns: { date: 'Date', amount: 'Amount', currency: 'Currency', description: 'Item' } }))));
    expect(rows).toEqual([
      { line: 2, reason: 'date "1999-12-31" in column "Date": out of range: dates must fall between 2000 and 2100' },
      { line: 3, date: '2026-09-01', amount: 2_000_000, currency: 'USD', description: 'Fine' },
      { line: 4, reason: 'date "2101-01-01" in column "Date": out of range: dates must fall between 2000 and 2100' },
      { line: 5, reason: 'date "31/02/2026" in column "Date": not a real date (no such month or day)' },
      { line: 6, reason: 'date "03/04/2026" in column "Date": ambiguous day and month: choose DD/MM/YYYY or MM/DD/YYYY in the mapping' },
    ]);
  });

  it('uses the mapping delimiter over the sniffed one', async () => {
    // The header has more commas than pipes, but the mapping says pipe.
    const text = 'Date|Amount|Currency|Description\n2026-09-01|1,5|EUR|"a, b, c"\n';
    const rows = await collect(mappedCsvRows(Readable.from([text]), mapping({ delimiter: '|', decimalSeparator: ',' })));
    expect(brief(rows)).toEqual([{ line: 2, date: '2026-09-01', amount: 1_500_000, currency: 'EUR', description: 'a, b, c' }]);
  });

  it('passes on a failing input stream, and stops reading it when the consumer stops early', async () => {
    const failing = new PassThrough();
    failing.write('Date,Amount,Currency,Description\n2026-09-01,1,USD,a\n');
    setTimeout(() => failing.destroy(new Error('disk gone')), 10);
    await expect(collect(mappedCsvRows(failing, mapping()))).rejects.toThrow('disk gone');

    const input = fixture('mixed-currencies.csv');
    for await (const row of mappedCsvRows(input, mapping({ columns: { date: 'Date', amount: 'Amount', currency: 'Currency' } }))) {
      expect(row.ok).toBe(true);
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(input.destroyed).toBe(true);
  });
});
