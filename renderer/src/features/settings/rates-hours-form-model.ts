import { WorkspaceSettingsSchema, type WorkspaceSettings } from '../../../../shared/domain/settings';
import { moneyInputText, numberInputText, parseMoneyInput, parseNumberInput, sameData } from './form-inputs';
import type { SettingsPatch } from './settings-save-model';

/**
 * The "Rates and hours" card: what an engineering hour costs, how many productive hours a full-time
 * engineer has in a month (hours freed → FTE), and the price of a CI minute per GitLab runner type.
 * Money is typed in major units of the workspace currency.
 */
export type RunnerRateFields = { key: string; runnerType: string; rate: string };

export type RatesHoursFields = {
  loadedHourlyRate: string;
  productiveHours: string;
  ciRates: RunnerRateFields[];
};

export type RatesHoursErrors = { loadedHourlyRate?: string; productiveHours?: string; ci: Record<string, { runnerType?: string; rate?: string }> };
export type RatesHoursPatch = Required<Pick<SettingsPatch, 'loadedHourlyRateMicros' | 'productiveHoursPerFtePerMonth' | 'ciMinuteRateMicros'>>;
export type RatesHoursValidation = { ok: true; value: RatesHoursPatch } | { ok: false; errors: RatesHoursErrors };

/** GitLab's runner types; "unknown" prices jobs whose runner type the API did not report. */
export const RUNNER_TYPE_LABELS: Record<string, string> = {
  instance_type: 'Instance runners (shared)',
  group_type: 'Group runners',
  project_type: 'Project runners',
  unknown: 'Runner type not reported',
};

let nextKey = 0;
const newKey = (): string => `runner-${(nextKey += 1)}`;

export function ratesHoursFields(settings: WorkspaceSettings): RatesHoursFields {
  return {
    loadedHourlyRate: moneyInputText(settings.loadedHourlyRateMicros, settings.currency),
    productiveHours: numberInputText(settings.productiveHoursPerFtePerMonth),
    ciRates: Object.entries(settings.ciMinuteRateMicros).map(([runnerType, micros]) => ({ key: newKey(), runnerType, rate: moneyInputText(micros, settings.currency) })),
  };
}

export const newRunnerRate = (): RunnerRateFields => ({ key: newKey(), runnerType: '', rate: '' });

export function validateRatesHours(fields: RatesHoursFields): RatesHoursValidation {
  const errors: RatesHoursErrors = { ci: {} };
  const hourly = parseMoneyInput(fields.loadedHourlyRate);
  const hours = parseNumberInput(fields.productiveHours);
  const parsed = WorkspaceSettingsSchema.pick({ loadedHourlyRateMicros: true, productiveHoursPerFtePerMonth: true }).safeParse({
    loadedHourlyRateMicros: hourly,
    productiveHoursPerFtePerMonth: hours,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'loadedHourlyRateMicros') errors.loadedHourlyRate = 'Enter an amount such as 85.00.';
      if (issue.path[0] === 'productiveHoursPerFtePerMonth') errors.productiveHours = 'Enter hours above 0, such as 120.';
    }
  }
  if (parsed.success && hours > 744) errors.productiveHours = 'A month has at most 744 hours.';

  const ciMinuteRateMicros: Record<string, number> = {};
  const seen = new Set<string>();
  for (const row of fields.ciRates) {
    const type = row.runnerType.trim();
    const rowErrors: { runnerType?: string; rate?: string } = {};
    if (type === '') rowErrors.runnerType = 'Name the runner type, such as instance_type.';
    else if (seen.has(type)) rowErrors.runnerType = 'This runner type is listed twice.';
    seen.add(type);
    const micros = parseMoneyInput(row.rate);
    if (Number.isNaN(micros)) rowErrors.rate = 'Enter a price per minute such as 0.006.';
    if (Object.keys(rowErrors).length > 0) errors.ci[row.key] = rowErrors;
    else ciMinuteRateMicros[type] = micros;
  }

  if (errors.loadedHourlyRate !== undefined || errors.productiveHours !== undefined || Object.keys(errors.ci).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: { ...parsed.data, ciMinuteRateMicros } };
}

export const ratesHoursPatchOf = (settings: WorkspaceSettings): RatesHoursPatch => ({
  loadedHourlyRateMicros: settings.loadedHourlyRateMicros,
  productiveHoursPerFtePerMonth: settings.productiveHoursPerFtePerMonth,
  ciMinuteRateMicros: settings.ciMinuteRateMicros,
});

export function ratesHoursChanged(fields: RatesHoursFields, settings: WorkspaceSettings): boolean {
  const checked = validateRatesHours(fields);
  return !checked.ok || !sameData(checked.value, ratesHoursPatchOf(settings));
}

export const hasRatesErrors = (errors: RatesHoursErrors): boolean => errors.loadedHourlyRate !== undefined || errors.productiveHours !== undefined || Object.keys(errors.ci).length > 0;
