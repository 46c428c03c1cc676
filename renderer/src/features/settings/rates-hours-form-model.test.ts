import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/domain/settings';
import { newRunnerRate, ratesHoursChanged, ratesHoursFields, validateRatesHours } from './rates-hours-form-model';

const settings = defaultSettings();

describe('rates and hours form', () => {
  it('shows money in major units and round-trips the saved values', () => {
    const fields = ratesHoursFields(settings);
    expect(fields.loadedHourlyRate).toBe('85.00');
    expect(fields.productiveHours).toBe('120');
    expect(fields.ciRates.map((row) => `${row.runnerType}=${row.rate}`)).toEqual(['instance_type=0.006', 'group_type=0.004', 'project_type=0.003', 'unknown=0.006']);
    expect(ratesHoursChanged(fields, settings)).toBe(false);
    expect(validateRatesHours(fields)).toEqual({
      ok: true,
      value: { loadedHourlyRateMicros: 85_000_000, productiveHoursPerFtePerMonth: 120, ciMinuteRateMicros: settings.ciMinuteRateMicros },
    });
  });

  it('saves edited rates in micros and adds runner types', () => {
    const fields = ratesHoursFields(settings);
    const edited = { ...fields, loadedHourlyRate: '92,50', ciRates: [...fields.ciRates, { ...newRunnerRate(), runnerType: ' saas-linux-large ', rate: '0.012' }] };
    expect(ratesHoursChanged(edited, settings)).toBe(true);
    const checked = validateRatesHours(edited);
    expect(checked.ok && checked.value.loadedHourlyRateMicros).toBe(92_500_000);
    expect(checked.ok && checked.value.ciMinuteRateMicros['saas-linux-large']).toBe(12_000);
  });

  it('puts a message next to each field that cannot be saved', () => {
    const fields = ratesHoursFields(settings);
    const first = fields.ciRates[0]!;
    const second = fields.ciRates[1]!;
    const checked = validateRatesHours({ loadedHourlyRate: 'eighty', productiveHours: '0', ciRates: [{ ...first, rate: '-1' }, { ...second, runnerType: 'instance_type' }] });
    expect(checked).toEqual({
      ok: false,
      errors: {
        loadedHourlyRate: 'Enter an amount such as 85.00.',
        productiveHours: 'Enter hours above 0, such as 120.',
        ci: { [first.key]: { rate: 'Enter a price per minute such as 0.006.' }, [second.key]: { runnerType: 'This runner type is listed twice.' } },
      },
    });
    expect(validateRatesHours({ ...fields, productiveHours: '800' })).toMatchObject({ ok: false, errors: { productiveHours: 'A month has at most 744 hours.' } });
  });
});
