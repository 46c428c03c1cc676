import { describe, expect, it } from 'vitest';
import { moneyInputText, parseIntegerInput, parseMoneyInput, parseNumberInput, sameData } from './form-inputs';

describe('parseNumberInput', () => {
  it('reads a decimal point or comma and nothing else', () => {
    expect(parseNumberInput(' 120 ')).toBe(120);
    expect(parseNumberInput('0,5')).toBe(0.5);
    expect(parseNumberInput('')).toBeNaN();
    expect(parseNumberInput('-1')).toBeNaN();
    expect(parseNumberInput('1e3')).toBeNaN();
    expect(parseNumberInput('1,234.5')).toBeNaN();
  });

  it('takes whole numbers only where the setting is a count', () => {
    expect(parseIntegerInput('14')).toBe(14);
    expect(parseIntegerInput('14.5')).toBeNaN();
    expect(parseIntegerInput('')).toBeNaN();
  });
});

describe('money inputs', () => {
  it('turn major units into micros exactly', () => {
    expect(parseMoneyInput('85')).toBe(85_000_000);
    expect(parseMoneyInput('4,50')).toBe(4_500_000);
    expect(parseMoneyInput('0.006')).toBe(6_000);
    expect(parseMoneyInput('0.1234567')).toBeNaN();
    expect(parseMoneyInput('£4')).toBeNaN();
    expect(parseMoneyInput('')).toBeNaN();
  });

  it('start from the saved micros with the currency’s minor digits, and parse back unchanged', () => {
    expect(moneyInputText(85_000_000, 'GBP')).toBe('85.00');
    expect(moneyInputText(6_000, 'GBP')).toBe('0.006');
    expect(moneyInputText(2_500_000, 'GBP')).toBe('2.50');
    expect(moneyInputText(1_200_000_000, 'JPY')).toBe('1200');
    for (const micros of [0, 1, 6_000, 85_000_000, 123_456_789]) expect(parseMoneyInput(moneyInputText(micros, 'EUR'))).toBe(micros);
  });
});

describe('sameData', () => {
  it('ignores key order but not values', () => {
    expect(sameData({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameData({ a: 1, b: [2, 1] }, { b: [1, 2], a: 1 })).toBe(false);
  });
});
