import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseAmount, parseCurrency, parseQuantity, type Separators } from './cells';

const US: Separators = { decimalSeparator: '.', thousandsSeparator: ',' };
const PLAIN: Separators = { decimalSeparator: '.', thousandsSeparator: '' };
const DE: Separators = { decimalSeparator: ',', thousandsSeparator: '.' };
const FR: Separators = { decimalSeparator: ',', thousandsSeparator: ' ' };
const CH: Separators = { decimalSeparator: '.', thousandsSeparator: "'" };

const amount = (text: string | number, seps: Separators = US) => {
  const r = parseAmount(text, seps);
  if (!r.ok) throw new Error(`expected ${String(text)} to parse: ${r.reason}`);
  return r.value;
};
const reason = (text: string | number, seps: Separators = US): string => {
  const r = parseAmount(text, seps);
  if (r.ok) throw new Error(`expected ${String(text)} to be rejected, got ${r.value.micros}`);
  return r.reason;
};

describe('parseAmount', () => {
  it('reads each thousands/decimal convention exactly, as integer micros', () => {
    expect(amount('1,234.56', US).micros).toBe(1_234_560_000);
    expect(amount('1.234,56', DE).micros).toBe(1_234_560_000);
    expect(amount('1 234,56', FR).micros).toBe(1_234_560_000);
    expect(amount('1\u00a0234,56', FR).micros).toBe(1_234_560_000);
    expect(amount('1\u202f234,56', FR).micros).toBe(1_234_560_000);
    expect(amount("1'234.56", CH).micros).toBe(1_234_560_000);
    expect(amount('1\u2019234.56', CH).micros).toBe(1_234_560_000);
    expect(amount('1,234,567.891234', US).micros).toBe(1_234_567_891_234);
    expect(amount('1234.56', US).micros).toBe(1_234_560_000);
    expect(amount('0.1', PLAIN).micros).toBe(100_000);
    expect(amount('.5', PLAIN).micros).toBe(500_000);
    // Beyond six decimals rounds half away from zero (parseDecimalToMicros), never through a float.
    expect(amount('0.0000005', PLAIN).micros).toBe(1);
    expect(amount('-0.0000005', PLAIN).micros).toBe(-1);
    expect(amount('9007199254.740991', PLAIN).micros).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('reads signs: leading, accounting parentheses and trailing minus', () => {
    expect(amount('-12.5').micros).toBe(-12_500_000);
    expect(amount('+12.5').micros).toBe(12_500_000);
    expect(amount('(12.50)').micros).toBe(-12_500_000);
    expect(amount('12.50-').micros).toBe(-12_500_000);
    expect(amount('\u221212.50').micros).toBe(-12_500_000);
    expect(amount('(1.234,50)', DE).micros).toBe(-1_234_500_000);
    expect(amount('-0.00').micros).toBe(0);
    expect(Object.is(amount('-0.00').micros, -0)).toBe(false);
  });

  it('takes a currency symbol or code before or after the number', () => {
    expect(amount('€12,50', DE)).toEqual({ micros: 12_500_000, currency: 'EUR', assumed: false });
    expect(amount('12,50 €', DE)).toEqual({ micros: 12_500_000, currency: 'EUR', assumed: false });
    expect(amount('12.50 USD')).toEqual({ micros: 12_500_000, currency: 'USD', assumed: false });
    expect(amount('USD 12.50')).toEqual({ micros: 12_500_000, currency: 'USD', assumed: false });
    expect(amount('12.50usd')).toEqual({ micros: 12_500_000, currency: 'USD', assumed: false });
    expect(amount('£3')).toEqual({ micros: 3_000_000, currency: 'GBP', assumed: false });
    expect(amount('CHF 1,000.05')).toEqual({ micros: 1_000_050_000, currency: 'CHF', assumed: false });
    expect(amount('US$4.20')).toEqual({ micros: 4_200_000, currency: 'USD', assumed: false });
    expect(amount('A$4.20')).toEqual({ micros: 4_200_000, currency: 'AUD', assumed: false });
    expect(amount('C$ 4.20')).toEqual({ micros: 4_200_000, currency: 'CAD', assumed: false });
    expect(amount('1,000 JPY')).toEqual({ micros: 1_000_000_000, currency: 'JPY', assumed: false });
  });

  it('reads "$" as USD but marks it assumed, in any position relative to the sign', () => {
    expect(amount('$-3')).toEqual({ micros: -3_000_000, currency: 'USD', assumed: true });
    expect(amount('-$3')).toEqual({ micros: -3_000_000, currency: 'USD', assumed: true });
    expect(amount('($3.00)')).toEqual({ micros: -3_000_000, currency: 'USD', assumed: true });
    expect(amount('$3.00-')).toEqual({ micros: -3_000_000, currency: 'USD', assumed: true });
    expect(amount('$12 USD')).toEqual({ micros: 12_000_000, currency: 'USD', assumed: false });
  });

  it('reads scientific notation (as some cloud exports write tiny costs) without a float', () => {
    expect(amount('1.5E-05', PLAIN).micros).toBe(15);
    expect(amount('3.125e-3', PLAIN).micros).toBe(3_125);
    expect(amount('1.2E+3', PLAIN).micros).toBe(1_200_000_000);
    expect(amount('0.5E-2', PLAIN).micros).toBe(5_000);
    expect(amount('0.05E1', PLAIN).micros).toBe(500_000);
    expect(amount('12E0', PLAIN).micros).toBe(12_000_000);
    expect(amount('-7.5e-1 EUR', PLAIN)).toEqual({ micros: -750_000, currency: 'EUR', assumed: false });
    expect(amount('2,5E-2', { decimalSeparator: ',', thousandsSeparator: '' }).micros).toBe(25_000);
  });

  it('reads spreadsheet numbers as the decimal they display', () => {
    expect(amount(12.5).micros).toBe(12_500_000);
    expect(amount(0.1 + 0.2).micros).toBe(300_000);
    expect(amount(-1234.56).micros).toBe(-1_234_560_000);
    expect(amount(1e-7).micros).toBe(0);
    expect(amount(5e-6).micros).toBe(5);
    expect(amount(0.000015).micros).toBe(15);
    expect(reason(1.5e21)).toBe('too large');
    expect(reason(Number.NaN)).toBe('not a number');
  });

  it('refuses separators the mapping does not name, rather than guessing', () => {
    expect(reason('12,5,0', PLAIN)).toBe('not a number: "," is neither the decimal separator (".") nor the thousands separator (none) set in the mapping');
    expect(reason('12,5,0', { decimalSeparator: ',', thousandsSeparator: '' })).toBe('not a number: more than one decimal separator ","');
    expect(reason('1,23', US)).toBe('not a number: the thousands separator "," is misplaced');
    expect(reason('1.234,56', US)).toBe('not a number: the thousands separator "," appears after the decimal separator');
    expect(reason('1,234.56', DE)).toBe('not a number: the thousands separator "." appears after the decimal separator');
    expect(reason('1 234.56', US)).toBe('not a number: a space is neither the decimal separator (".") nor the thousands separator (",") set in the mapping');
    expect(reason('12.50', { decimalSeparator: ',', thousandsSeparator: '' })).toMatch(/^not a number: "\." is neither the decimal separator/);
  });

  it('rejects what is not an amount with a clear reason', () => {
    expect(reason('')).toBe('empty');
    expect(reason('   ')).toBe('empty');
    expect(reason('abc')).toBe('not a number');
    expect(reason('12 apples')).toBe('not a number');
    expect(reason('12.50 XYZ')).toBe('not a number');
    expect(reason('N/A')).toBe('not a number');
    expect(reason('#N/A')).toBe('a spreadsheet error, not a value');
    expect(reason('#DIV/0!')).toBe('a spreadsheet error, not a value');
    expect(reason('=SUM(A1:A3)')).toBe('a formula with no saved result (open the workbook in a spreadsheet program and save it)');
    expect(reason('-')).toBe('not a number');
    expect(reason('$')).toBe('not a number');
    expect(reason('EUR')).toBe('not a number');
    expect(reason('--5')).toBe('not a number: more than one sign (minus, parentheses or trailing minus)');
    expect(reason('(5.00)-')).toBe('not a number: more than one sign (minus, parentheses or trailing minus)');
    expect(reason('1-2')).toBe('not a number: misplaced sign or parenthesis');
    expect(reason('€12.50 USD')).toBe('two different currencies (EUR and USD)');
    expect(reason('99999999999999999999')).toBe('too large');
  });
});

describe('parseCurrency', () => {
  it('reads ISO codes in any case and known symbols', () => {
    expect(parseCurrency(' eur ')).toEqual({ ok: true, value: 'EUR' });
    expect(parseCurrency('€')).toEqual({ ok: true, value: 'EUR' });
    expect(parseCurrency('US$')).toEqual({ ok: true, value: 'USD' });
    expect(parseCurrency('a$')).toEqual({ ok: true, value: 'AUD' });
    expect(parseCurrency('XYZ')).toEqual({ ok: false, reason: 'not an ISO 4217 currency code or a known currency symbol' });
    expect(parseCurrency('Euro').ok).toBe(false);
  });
});

describe('parseQuantity', () => {
  it('reads decimals with the mapping separators as plain numbers', () => {
    expect(parseQuantity('1,200', US)).toEqual({ ok: true, value: 1200 });
    expect(parseQuantity('1.200,5', DE)).toEqual({ ok: true, value: 1200.5 });
    expect(parseQuantity('-3', US)).toEqual({ ok: true, value: -3 });
    expect(parseQuantity('1.5E3', PLAIN)).toEqual({ ok: true, value: 1500 });
    expect(parseQuantity(42.25, US)).toEqual({ ok: true, value: 42.25 });
    expect(parseQuantity('12 hours', US)).toEqual({ ok: false, reason: 'not a number' });
    expect(parseQuantity('', US)).toEqual({ ok: false, reason: 'empty' });
    expect(parseQuantity('1,5', PLAIN).ok).toBe(false);
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter that splits the header most, ignoring quoted text', () => {
    expect(detectDelimiter('Date,Description,Amount')).toBe(',');
    expect(detectDelimiter('Datum;Beschreibung;Betrag;Währung')).toBe(';');
    expect(detectDelimiter('date\tservice\tcost')).toBe('\t');
    expect(detectDelimiter('date|service|cost')).toBe('|');
    expect(detectDelimiter('"Cost, in EUR";"Date, booked";Team')).toBe(';');
    expect(detectDelimiter('Amount')).toBe(',');
  });
});
