import type { ColumnMapping, MappableField } from '../../../shared/domain/column-mapping';
import { AppError } from '../../../shared/ipc/result';
import { parseAmount, parseCurrency, parseDate, parseQuantity } from './cells';

/** A cell as a reader hands it over: CSV cells are strings; XLSX cells may be numbers or Dates. */
export type RawCell = string | number | Date | null;
export type RawRecord = Record<string, RawCell>;

const TEXT_FIELDS = ['unit', 'ticketKey', 'runId', 'mrRef', 'repository', 'team', 'model', 'provider', 'sku', 'description', 'user'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** One billing line read through a column mapping: our fields, normalised; unmapped fields are null. */
export type MappedRow = {
  date: string;
  amountMicros: number;
  currency: string;
  quantity: number | null;
} & Record<TextField, string | null>;

export type MapResult = { ok: true; row: MappedRow } | { ok: false; reason: string };

const SHOWN_COLUMNS = 30;

const fold = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const quoteList = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/**
 * Finds each mapped column in the header: the exact name first, then ignoring case and spacing,
 * because a re-exported file often changes "Cost" to "cost " while meaning the same column.
 * A mapped column that is missing (or ambiguous) fails the whole file, naming what the file has.
 */
function resolveColumns(header: readonly string[], mapping: ColumnMapping): Map<MappableField, string> {
  const resolved = new Map<MappableField, string>();
  const missing: string[] = [];
  const repeated: string[] = [];
  for (const [field, wanted] of Object.entries(mapping.columns) as [MappableField, string][]) {
    const exact = header.filter((h) => h === wanted);
    const loose = exact.length > 0 ? exact : header.filter((h) => fold(h) === fold(wanted));
    if (loose.length === 0) missing.push(wanted);
    else if (loose.length > 1) repeated.push(wanted);
    else resolved.set(field, loose[0]!);
  }
  if (missing.length > 0 || repeated.length > 0) {
    const named = header.filter((h) => h.trim() !== '');
    const shown = named.slice(0, SHOWN_COLUMNS).join(', ') + (named.length > SHOWN_COLUMNS ? `, … (${named.length} columns)` : '');
    const problems = [
      missing.length === 1 ? `column "${missing[0]}" not found` : missing.length > 1 ? `columns ${quoteList(missing)} not found` : '',
      repeated.length > 0 ? `${quoteList(repeated)} appear${repeated.length === 1 ? 's' : ''} more than once in the header` : '',
    ].filter(Boolean);
    throw new AppError('INVALID_INPUT', `${problems.join('; ')}; the file has: ${shown || '(no column names)'}`, { missing, repeated, columns: named });
  }
  return resolved;
}

const isEmpty = (v: RawCell | undefined): v is null | undefined | '' => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

const asText = (v: RawCell | undefined): string | null => {
  if (isEmpty(v)) return null;
  if (v instanceof Date) return v.toISOString().replace('T00:00:00.000Z', '');
  return String(v).trim();
};

const show = (v: RawCell | undefined): string => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 80);

/** A record whose cells are all empty (spacer rows, trailing ";;;" lines): skipped, not rejected. */
export const isBlankRecord = (record: RawRecord): boolean => Object.values(record).every(isEmpty);

/**
 * Compiles a mapping against a file's header into a per-row validator, so 50,000 rows do not
 * re-resolve names. Rejections name our field, the value and the file's column, e.g.
 * `amount "12,5,0" in column "Cost": not a number`. Currency comes from, in order: the currency
 * column, a symbol or code in the amount cell, the mapping's fixed currency, and a bare "$" (USD);
 * a currency column that contradicts an explicit one in the amount rejects the row.
 */
export function createRowMapper(header: readonly string[], mapping: ColumnMapping, opts: { date1904?: boolean } = {}): (record: RawRecord) => MapResult {
  const columns = resolveColumns(header, mapping);
  const dateCol = columns.get('date')!;
  const amountCol = columns.get('amount')!;
  const currencyCol = columns.get('currency');
  const quantityCol = columns.get('quantity');
  const textCols = TEXT_FIELDS.map((f) => [f, columns.get(f)] as const);
  const bad = (field: string, col: string, v: RawCell | undefined, r: { reason: string }): MapResult => ({
    ok: false,
    reason: r.reason === 'empty' ? `${field} is empty in column "${col}"` : `${field} "${show(v)}" in column "${col}": ${r.reason}`,
  });

  return (record) => {
    const rawDate = record[dateCol];
    const date = isEmpty(rawDate) ? ({ ok: false, reason: 'empty' } as const) : parseDate(rawDate, mapping.dateFormat, opts);
    if (!date.ok) return bad('date', dateCol, rawDate, date);

    const rawAmount = record[amountCol];
    const amount = isEmpty(rawAmount) || rawAmount instanceof Date ? ({ ok: false, reason: isEmpty(rawAmount) ? 'empty' : 'a date, not an amount' } as const) : parseAmount(rawAmount, mapping);
    if (!amount.ok) return bad('amount', amountCol, rawAmount, amount);

    let currency: string | null = null;
    const rawCurrency = currencyCol === undefined ? null : record[currencyCol];
    if (currencyCol !== undefined && !isEmpty(rawCurrency)) {
      const parsed = parseCurrency(String(rawCurrency));
      if (!parsed.ok) return bad('currency', currencyCol, rawCurrency, parsed);
      if (amount.value.currency !== null && !amount.value.assumed && amount.value.currency !== parsed.value) {
        return { ok: false, reason: `amount "${show(rawAmount)}" in column "${amountCol}" is in ${amount.value.currency}, but column "${currencyCol}" says ${parsed.value}` };
      }
      currency = parsed.value;
    }
    if (currency === null && amount.value.currency !== null && !amount.value.assumed) currency = amount.value.currency;
    currency ??= mapping.fixedCurrency ?? amount.value.currency;
    if (currency === null) return { ok: false, reason: `no currency: column "${currencyCol ?? '?'}" is empty and the mapping has no fixed currency` };

    let quantity: number | null = null;
    const rawQuantity = quantityCol === undefined ? null : record[quantityCol];
    if (quantityCol !== undefined && !isEmpty(rawQuantity)) {
      const parsed = rawQuantity instanceof Date ? ({ ok: false, reason: 'a date, not a number' } as const) : parseQuantity(rawQuantity, mapping);
      if (!parsed.ok) return bad('quantity', quantityCol, rawQuantity, parsed);
      quantity = parsed.value;
    }

    const row = { date: date.value, amountMicros: amount.value.micros, currency, quantity } as MappedRow;
    for (const [field, col] of textCols) row[field] = col === undefined ? null : asText(record[col]);
    return { ok: true, row };
  };
}
