import { ExchangeRateSchema, type ExchangeRate } from '../../../../shared/ipc/contract';
import { formatDate } from '../../lib/format';

/** The exchange-rate form as typed: codes in any case, the rate with a decimal point or comma. */
export type RateFormFields = { from: string; to: string; validFrom: string; rate: string };
export type RateKey = Pick<ExchangeRate, 'from' | 'to' | 'validFrom'>;
export type RateField = keyof RateFormFields | 'form';
export type RateErrors = Partial<Record<RateField, string>>;
export type RateValidation = { ok: true; value: ExchangeRate } | { ok: false; errors: RateErrors };

export const emptyRateForm = (workspaceCurrency: string): RateFormFields => ({ from: '', to: workspaceCurrency, validFrom: '', rate: '' });

export const fieldsFromRate = (rate: ExchangeRate): RateFormFields => ({ from: rate.from, to: rate.to, validFrom: rate.validFrom, rate: String(rate.rate) });

export const sameKey = (a: RateKey, b: RateKey): boolean => a.from === b.from && a.to === b.to && a.validFrom === b.validFrom;

/** "1.08", "1,08" and " 0.9234 " are rates; "1,234.5" and "abc" are not (NaN). */
export function parseRate(text: string): number {
  const trimmed = text.trim();
  if (!/^\d+([.,]\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}

const CODE_MESSAGE = 'Use a three-letter currency code such as EUR.';

export function validateRate(fields: RateFormFields): RateValidation {
  const input = { from: fields.from.trim().toUpperCase(), to: fields.to.trim().toUpperCase(), validFrom: fields.validFrom.trim(), rate: parseRate(fields.rate) };
  const parsed = ExchangeRateSchema.safeParse(input);
  const errors: RateErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'from' || field === 'to') errors[field] ??= CODE_MESSAGE;
      else if (field === 'validFrom') errors.validFrom ??= 'Enter the first day the rate applies, such as 2026-01-01.';
      else if (field === 'rate') errors.rate ??= 'Enter a rate above 0, such as 1.08.';
      else errors.form ??= issue.message;
    }
  }
  if (errors.from === undefined && errors.to === undefined && input.from === input.to) errors.to = 'Choose two different currencies.';
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors };
}

/**
 * What saving the form does: set the rate, and when an edit changed which rate it is (its
 * currencies or date), remove the one it started from so the edit does not leave a copy behind.
 */
export function savePlan(original: RateKey | null, value: ExchangeRate): { set: ExchangeRate; remove: RateKey | null } {
  return { set: value, remove: original !== null && !sameKey(original, value) ? original : null };
}

const rateFormat = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 6 });

export type RateRow = {
  key: string;
  rate: ExchangeRate;
  pair: string;
  validFrom: string;
  value: string;
  /** "1 EUR = 1.08 USD from 1 Jan 2026". */
  sentence: string;
};

/** By currency pair, and within a pair the latest rate first (the one reports use for recent lines). */
export function rateRows(rates: readonly ExchangeRate[]): RateRow[] {
  return [...rates]
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || b.validFrom.localeCompare(a.validFrom))
    .map((rate) => ({
      key: `${rate.from}-${rate.to}-${rate.validFrom}`,
      rate,
      pair: `${rate.from} → ${rate.to}`,
      validFrom: formatDate(rate.validFrom),
      value: rateFormat.format(rate.rate),
      sentence: `1 ${rate.from} = ${rateFormat.format(rate.rate)} ${rate.to} from ${formatDate(rate.validFrom)}`,
    }));
}

/** Adding a rate for currencies and a date that already have one replaces it; say so before it happens. */
export function replacesHint(fields: RateFormFields, rates: readonly ExchangeRate[], editing: RateKey | null): string | null {
  const key = { from: fields.from.trim().toUpperCase(), to: fields.to.trim().toUpperCase(), validFrom: fields.validFrom.trim() };
  if (editing !== null && sameKey(editing, key)) return null;
  const existing = rates.find((rate) => sameKey(rate, key));
  return existing === undefined ? null : `A ${key.from} → ${key.to} rate from ${formatDate(key.validFrom)} exists (${rateFormat.format(existing.rate)}); saving replaces it.`;
}
