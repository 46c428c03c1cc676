import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ColumnMappingSchema, type ColumnMapping } from '../../../shared/domain/column-mapping';
import { AppError } from '../../../shared/ipc/result';
import { createRowMapper, isBlankRecord, type RawRecord } from './mapped-row';

// Through the real schema, so its defaults and checks apply.
const mapping = (over: Partial<z.input<typeof ColumnMappingSchema>> = {}): ColumnMapping =>
  ColumnMappingSchema.parse({
    name: 'Test',
    ledger: 'provider',
    vendor: 'acme',
    fixedCurrency: 'USD',
    columns: { date: 'Date', amount: 'Cost' },
    ...over,
  });

const mapOne = (record: RawRecord, m: ColumnMapping = mapping()) => createRowMapper(Object.keys(record), m)(record);

describe('createRowMapper', () => {
  it('maps every field, leaving unmapped ones null', () => {
    const m = mapping({
      columns: { date: 'Date', amount: 'Cost', currency: 'Cur', quantity: 'Qty', unit: 'Unit', ticketKey: 'Ticket', runId: 'Run', mrRef: 'MR', repository: 'Repo', team: 'Team', model: 'Model', provider: 'Provider', sku: 'SKU', description: 'What', user: 'Who' },
    });
    const result = mapOne(
      { Date: '2026-09-01', Cost: '12.50', Cur: 'eur', Qty: '1200', Unit: 'tokens', Ticket: ' PAY-12 ', Run: 'run_1', MR: '!42', Repo: 'acme/api', Team: 'Core', Model: 'claude-sonnet-4', Provider: 'anthropic', SKU: 'input', What: 'Usage', Who: 'ana', Extra: 'ignored' },
      m,
    );
    expect(result).toEqual({
      ok: true,
      row: { date: '2026-09-01', amountMicros: 12_500_000, currency: 'EUR', quantity: 1200, unit: 'tokens', ticketKey: 'PAY-12', runId: 'run_1', mrRef: '!42', repository: 'acme/api', team: 'Core', model: 'claude-sonnet-4', provider: 'anthropic', sku: 'input', description: 'Usage', user: 'ana' },
    });
    expect(mapOne({ Date: '2026-09-01', Cost: '1' })).toMatchObject({ ok: true, row: { currency: 'USD', quantity: null, unit: null, user: null } });
  });

  it('names the field, the value and the column when a cell is bad', () => {
    expect(mapOne({ Date: '2026-09-01', Cost: '12,5,0' })).toEqual({ ok: false, reason: 'amount "12,5,0" in column "Cost": not a number: "," is neither the decimal separator (".") nor the thousands separator (none) set in the mapping' });
    expect(mapOne({ Date: '2026-09-01', Cost: 'n/a' })).toEqual({ ok: false, reason: 'amount "n/a" in column "Cost": not a number' });
    expect(mapOne({ Date: '03/04/2026', Cost: '1' })).toEqual({ ok: false, reason: 'date "03/04/2026" in column "Date": ambiguous day and month: choose DD/MM/YYYY or MM/DD/YYYY in the mapping' });
    expect(mapOne({ Date: '1999-01-01', Cost: '1' })).toEqual({ ok: false, reason: 'date "1999-01-01" in column "Date": out of range: dates must fall between 2000 and 2100' });
    expect(mapOne({ Date: '', Cost: '1' })).toEqual({ ok: false, reason: 'date is empty in column "Date"' });
    expect(mapOne({ Date: '2026-09-01', Cost: null })).toEqual({ ok: false, reason: 'amount is empty in column "Cost"' });
    const qty = mapping({ columns: { date: 'Date', amount: 'Cost', quantity: 'Qty' } });
    expect(mapOne({ Date: '2026-09-01', Cost: '1', Qty: 'lots' }, qty)).toEqual({ ok: false, reason: 'quantity "lots" in column "Qty": not a number' });
    expect(mapOne({ Date: '2026-09-01', Cost: '1', Qty: '' }, qty)).toMatchObject({ ok: true, row: { quantity: null } });
  });

  it('takes the currency from the column, then the amount cell, then the fixed currency', () => {
    const withColumn = mapping({ columns: { date: 'Date', amount: 'Cost', currency: 'Cur' }, fixedCurrency: 'GBP' });
    expect(mapOne({ Date: '2026-09-01', Cost: '1', Cur: 'CHF' }, withColumn)).toMatchObject({ ok: true, row: { currency: 'CHF' } });
    expect(mapOne({ Date: '2026-09-01', Cost: '€1', Cur: '' }, withColumn)).toMatchObject({ ok: true, row: { currency: 'EUR' } });
    expect(mapOne({ Date: '2026-09-01', Cost: '1', Cur: '' }, withColumn)).toMatchObject({ ok: true, row: { currency: 'GBP' } });
    expect(mapOne({ Date: '2026-09-01', Cost: '€1', Cur: 'EUR' }, withColumn)).toMatchObject({ ok: true, row: { currency: 'EUR' } });
    expect(mapOne({ Date: '2026-09-01', Cost: '€1', Cur: 'USD' }, withColumn)).toEqual({ ok: false, reason: 'amount "€1" in column "Cost" is in EUR, but column "Cur" says USD' });
    expect(mapOne({ Date: '2026-09-01', Cost: '1', Cur: 'Euro' }, withColumn)).toEqual({ ok: false, reason: 'currency "Euro" in column "Cur": not an ISO 4217 currency code or a known currency symbol' });
  });

  it('lets a currency column or the fixed currency override a bare "$"', () => {
    expect(mapOne({ Date: '2026-09-01', Cost: '$5' }, mapping({ fixedCurrency: 'CAD' }))).toMatchObject({ ok: true, row: { currency: 'CAD', amountMicros: 5_000_000 } });
    const withColumn = mapping({ columns: { date: 'Date', amount: 'Cost', currency: 'Cur' }, fixedCurrency: undefined });
    expect(mapOne({ Date: '2026-09-01', Cost: '$5', Cur: 'AUD' }, withColumn)).toMatchObject({ ok: true, row: { currency: 'AUD' } });
    expect(mapOne({ Date: '2026-09-01', Cost: '$5', Cur: '' }, withColumn)).toMatchObject({ ok: true, row: { currency: 'USD' } });
    expect(mapOne({ Date: '2026-09-01', Cost: '5', Cur: '' }, withColumn)).toEqual({ ok: false, reason: 'no currency: column "Cur" is empty and the mapping has no fixed currency' });
  });

  it('reads XLSX values: Dates, serial numbers and numeric amounts', () => {
    const m = mapping({ columns: { date: 'Date', amount: 'Cost', description: 'Note' } });
    expect(mapOne({ Date: new Date(Date.UTC(2026, 8, 1)), Cost: 12.5, Note: 7 }, m)).toMatchObject({ ok: true, row: { date: '2026-09-01', amountMicros: 12_500_000, description: '7' } });
    expect(mapOne({ Date: 46266, Cost: -0.25, Note: null }, m)).toMatchObject({ ok: true, row: { date: '2026-09-01', amountMicros: -250_000, description: null } });
    expect(mapOne({ Date: 46266, Cost: new Date(Date.UTC(2026, 8, 1)), Note: null }, m)).toEqual({ ok: false, reason: 'amount "2026-09-01T00:00:00.000Z" in column "Cost": a date, not an amount' });
  });

  it('fails the file when a mapped column is missing, listing the columns it has', () => {
    const attempt = () => createRowMapper(['Date', 'Amount', 'Currency'], mapping());
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow('column "Cost" not found; the file has: Date, Amount, Currency');
    const two = mapping({ columns: { date: 'Day', amount: 'Cost' } });
    expect(() => createRowMapper(['Date', 'Amount'], two)).toThrow('columns "Day", "Cost" not found; the file has: Date, Amount');
    try {
      attempt();
    } catch (e) {
      expect((e as AppError).details).toEqual({ missing: ['Cost'], repeated: [], columns: ['Date', 'Amount', 'Currency'] });
    }
  });

  it('matches column names ignoring case and spacing, but refuses a name that appears twice', () => {
    const mapRow = createRowMapper([' date ', 'COST'], mapping());
    expect(mapRow({ ' date ': '2026-09-01', COST: '2' })).toMatchObject({ ok: true, row: { amountMicros: 2_000_000 } });
    expect(() => createRowMapper(['Date', 'Cost', 'Cost'], mapping())).toThrow('"Cost" appears more than once in the header; the file has: Date, Cost, Cost');
    expect(() => createRowMapper(['Date', 'COST', 'cost'], mapping())).toThrow('"Cost" appears more than once in the header');
    // An exact match wins over a case-insensitive twin.
    expect(() => createRowMapper(['Date', 'Cost', 'COST'], mapping())).not.toThrow();
  });

  it('recognises blank records', () => {
    expect(isBlankRecord({ a: '', b: null, c: '  ' })).toBe(true);
    expect(isBlankRecord({ a: '', b: 0 })).toBe(false);
  });
});
