import { describe, expect, it } from 'vitest';
import { centsStringToMicros, formatMoney, majorNumberToMicros, microsToMajor, parseDecimalToMicros, roundToMinor } from './money';

describe('money', () => {
  it('parses decimals exactly, without floats', () => {
    expect(parseDecimalToMicros('0.3125')).toBe(312_500);
    expect(parseDecimalToMicros('-4.00')).toBe(-4_000_000);
    expect(parseDecimalToMicros('.5')).toBe(500_000);
    expect(parseDecimalToMicros('12')).toBe(12_000_000);
    expect(parseDecimalToMicros('0.0000005')).toBe(1); // rounds half away from zero at the 7th digit
    // 0.1 + 0.2 in floats is 0.30000000000000004; in micros it is exact.
    expect(parseDecimalToMicros('0.1') + parseDecimalToMicros('0.2')).toBe(parseDecimalToMicros('0.3'));
  });
  it('rejects what is not a plain decimal', () => {
    for (const bad of ['', '-', '1,5', '1e3', 'abc', '1.2.3']) expect(() => parseDecimalToMicros(bad)).toThrow();
  });
  it('reads Anthropic cents strings and OpenAI dollar numbers', () => {
    expect(centsStringToMicros('123.45')).toBe(1_234_500); // $1.2345
    expect(centsStringToMicros('1.0')).toBe(10_000); // $0.01
    expect(majorNumberToMicros(1.842)).toBe(1_842_000);
  });
  it('rounds to the currency minor unit and formats', () => {
    expect(roundToMinor(1_234_567, 'GBP')).toBe(1_230_000);
    expect(roundToMinor(1_500_000, 'JPY')).toBe(2_000_000);
    expect(formatMoney(1_234_500_000, 'GBP')).toBe('£1,234.50');
  });
});

describe('microsToMajor (CSV cells)', () => {
  it('rounds to the currency minor unit in whole micros, halves away from the float error', () => {
    expect(microsToMajor(2_225_000, 'GBP')).toBe(2.23);
    expect(microsToMajor(-100_004_999, 'EUR')).toBe(-100);
    expect(microsToMajor(1_234_560_000, 'USD')).toBe(1234.56);
    expect(microsToMajor(1_500_000, 'JPY')).toBe(2);
    expect(microsToMajor(1_234_567, 'BHD')).toBe(1.235);
  });
});
