import { describe, expect, it } from 'vitest';
import { emptyRateForm, fieldsFromRate, parseRate, rateRows, replacesHint, savePlan, validateRate } from './rates-form-model';

describe('parseRate', () => {
  it('reads a decimal point or comma and nothing else', () => {
    expect(parseRate(' 1.08 ')).toBe(1.08);
    expect(parseRate('0,9234')).toBe(0.9234);
    expect(parseRate('150')).toBe(150);
    expect(parseRate('1,234.5')).toBeNaN();
    expect(parseRate('')).toBeNaN();
  });
});

describe('validateRate', () => {
  it('turns the form into an exchange rate, upper-casing the codes', () => {
    expect(validateRate({ from: 'eur', to: 'USD', validFrom: '2026-01-01', rate: '1,08' })).toEqual({ ok: true, value: { from: 'EUR', to: 'USD', validFrom: '2026-01-01', rate: 1.08 } });
  });

  it('puts a message next to each field', () => {
    expect(validateRate({ from: 'euro', to: '', validFrom: '1.1.2026', rate: '0' })).toEqual({
      ok: false,
      errors: {
        from: 'Use a three-letter currency code such as EUR.',
        to: 'Use a three-letter currency code such as EUR.',
        validFrom: 'Enter the first day the rate applies, such as 2026-01-01.',
        rate: 'Enter a rate above 0, such as 1.08.',
      },
    });
    expect(validateRate({ from: 'USD', to: 'usd', validFrom: '2026-01-01', rate: '1' })).toEqual({ ok: false, errors: { to: 'Choose two different currencies.' } });
  });

  it('starts with the workspace currency as the target', () => {
    expect(emptyRateForm('EUR')).toEqual({ from: '', to: 'EUR', validFrom: '', rate: '' });
  });
});

describe('savePlan', () => {
  const rate = { from: 'USD', to: 'EUR', validFrom: '2026-01-01', rate: 0.92 };
  it('replaces the edited rate when its currencies or date changed', () => {
    expect(savePlan(null, rate)).toEqual({ set: rate, remove: null });
    expect(savePlan({ from: 'USD', to: 'EUR', validFrom: '2026-01-01' }, { ...rate, rate: 0.93 }).remove).toBeNull();
    expect(savePlan({ from: 'USD', to: 'EUR', validFrom: '2025-01-01' }, rate).remove).toEqual({ from: 'USD', to: 'EUR', validFrom: '2025-01-01' });
  });

  it('round-trips a rate through the form', () => {
    expect(validateRate(fieldsFromRate(rate))).toEqual({ ok: true, value: rate });
  });
});

describe('rateRows', () => {
  it('groups by pair with the latest rate first and says what each means', () => {
    const rows = rateRows([
      { from: 'USD', to: 'EUR', validFrom: '2026-01-01', rate: 0.92 },
      { from: 'GBP', to: 'EUR', validFrom: '2026-01-01', rate: 1.17 },
      { from: 'USD', to: 'EUR', validFrom: '2026-07-01', rate: 0.875 },
    ]);
    expect(rows.map((row) => row.key)).toEqual(['GBP-EUR-2026-01-01', 'USD-EUR-2026-07-01', 'USD-EUR-2026-01-01']);
    expect(rows[1]).toMatchObject({ pair: 'USD → EUR', validFrom: '1 Jul 2026', value: '0.875', sentence: '1 USD = 0.875 EUR from 1 Jul 2026' });
    expect(rows[0]?.value).toBe('1.17');
  });
});

describe('replacesHint', () => {
  const rates = [{ from: 'USD', to: 'GBP', validFrom: '2026-01-01', rate: 0.79 }];
  it('warns before a new rate replaces one with the same currencies and date', () => {
    expect(replacesHint({ from: 'usd', to: 'GBP', validFrom: '2026-01-01', rate: '0.8' }, rates, null)).toBe('A USD → GBP rate from 1 Jan 2026 exists (0.79); saving replaces it.');
    expect(replacesHint({ from: 'USD', to: 'GBP', validFrom: '2026-01-01', rate: '0.8' }, rates, rates[0] ?? null)).toBeNull();
    expect(replacesHint({ from: 'USD', to: 'GBP', validFrom: '2026-02-01', rate: '0.8' }, rates, null)).toBeNull();
  });
});
