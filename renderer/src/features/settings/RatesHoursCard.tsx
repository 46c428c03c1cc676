import { useMemo, useState, type FormEvent } from 'react';
import type { WorkspaceSettings } from '../../../../shared/domain/settings';
import { FieldMessages } from '../../components/FieldMessages';
import { TextField } from '../../components/TextField';
import { newRunnerRate, ratesHoursChanged, ratesHoursFields, ratesHoursPatchOf, RUNNER_TYPE_LABELS, validateRatesHours, type RatesHoursErrors, type RatesHoursFields, type RunnerRateFields } from './rates-hours-form-model';
import { SaveBar } from './SaveBar';
import { useSettingsSave } from './use-settings-save';

/** The loaded hourly rate, productive hours per FTE and CI minute prices: what people-time and pipelines cost. */
export function RatesHoursCard({ settings }: { settings: WorkspaceSettings }) {
  const save = useSettingsSave('rates');
  const formKey = useMemo(() => JSON.stringify(ratesHoursPatchOf(settings)), [settings]);
  return (
    <section className="card settings-card" data-testid="rates-hours-card" aria-labelledby="rates-hours-title">
      <h2 className="card-title" id="rates-hours-title">
        Rates and hours
      </h2>
      <p className="card-subtitle">What an engineering hour and a CI minute cost in {settings.currency}, and how hours freed turn into people. Saving re-prices the records.</p>
      <RatesHoursForm key={formKey} settings={settings} save={save} />
    </section>
  );
}

function RatesHoursForm({ settings, save }: { settings: WorkspaceSettings; save: ReturnType<typeof useSettingsSave> }) {
  const [fields, setFields] = useState<RatesHoursFields>(() => ratesHoursFields(settings));
  const checked = validateRatesHours(fields);
  const errors: RatesHoursErrors = checked.ok ? { ci: {} } : checked.errors;
  const changed = ratesHoursChanged(fields, settings);
  const currency = settings.currency;

  const changeRow = (key: string, patch: Partial<RunnerRateFields>) => setFields((current) => ({ ...current, ciRates: current.ciRates.map((row) => (row.key === key ? { ...row, ...patch } : row)) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!checked.ok || !changed) return;
    await save.save(checked.value, settings);
  };

  return (
    <form className="settings-form" noValidate aria-label="Rates and hours" onSubmit={(event) => void submit(event)}>
      <div className="form-grid rates-hours-grid">
        <TextField
          id="rates-hourly"
          testId="rates-hourly"
          label={`Loaded hourly rate (${currency})`}
          value={fields.loadedHourlyRate}
          hint="Salary, on-costs and overheads of an engineering hour. Prices intake, review, repair and rework hours, and the human-path baseline."
          error={errors.loadedHourlyRate}
          onChange={(loadedHourlyRate) => setFields((current) => ({ ...current, loadedHourlyRate }))}
        />
        <TextField
          id="rates-fte-hours"
          testId="rates-fte-hours"
          label="Productive hours per FTE per month"
          value={fields.productiveHours}
          hint="Hours freed ÷ these hours = capacity freed in full-time engineers."
          error={errors.productiveHours}
          onChange={(productiveHours) => setFields((current) => ({ ...current, productiveHours }))}
        />
      </div>
      <fieldset className="form-section">
        <legend>CI minute price per runner type ({currency} per minute)</legend>
        <table className="table table-compact ci-rates" data-testid="ci-rates">
          <thead>
            <tr>
              <th scope="col">Runner type</th>
              <th scope="col">Price per minute</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.ciRates.map((row, index) => {
              const rowErrors = errors.ci[row.key] ?? {};
              const label = RUNNER_TYPE_LABELS[row.runnerType.trim()];
              return (
                <tr key={row.key} data-testid="ci-rate-row" data-runner={row.runnerType}>
                  <td>
                    <CellInput id={`ci-type-${index}`} label="Runner type" value={row.runnerType} error={rowErrors.runnerType} hint={label} mono onChange={(runnerType) => changeRow(row.key, { runnerType })} />
                  </td>
                  <td>
                    <CellInput id={`ci-rate-${index}`} label={`Price per minute for ${row.runnerType || 'this runner type'}`} value={row.rate} error={rowErrors.rate} onChange={(rate) => changeRow(row.key, { rate })} />
                  </td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="button button-small button-danger-quiet"
                        aria-label={`Remove the ${row.runnerType || 'new'} runner type`}
                        onClick={() => setFields((current) => ({ ...current, ciRates: current.ciRates.filter((r) => r.key !== row.key) }))}
                      >
                        Remove
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div>
          <button type="button" className="button button-small" data-testid="ci-rate-add" onClick={() => setFields((current) => ({ ...current, ciRates: [...current.ciRates, newRunnerRate()] }))}>
            Add runner type
          </button>
        </div>
      </fieldset>
      <SaveBar section="rates" state={save} changed={changed} valid={checked.ok} onDiscard={() => setFields(ratesHoursFields(settings))} />
    </form>
  );
}

type CellInputProps = { id: string; label: string; value: string; error: string | undefined; hint?: string | undefined; mono?: boolean; onChange: (value: string) => void };

/** An input inside a table cell: its label is for screen readers; the column heading says it to the eye. */
function CellInput({ id, label, value, error, hint, mono, onChange }: CellInputProps) {
  const describedBy = [error !== undefined ? `${id}-error` : null, hint !== undefined ? `${id}-hint` : null].filter((part) => part !== null).join(' ') || undefined;
  return (
    <div className={`field${error !== undefined ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        className={`input${mono === true ? ' mono' : ''}`}
        value={value}
        spellCheck={false}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldMessages error={error} hint={hint} errorId={`${id}-error`} hintId={`${id}-hint`} />
    </div>
  );
}
