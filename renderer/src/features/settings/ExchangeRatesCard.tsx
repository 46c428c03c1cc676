import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { Skeleton } from '../../components/Skeleton';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/ipc';
import { deleteRate, setRate } from './rates-api';
import { emptyRateForm, fieldsFromRate, rateRows, replacesHint, savePlan, validateRate, type RateErrors, type RateFormFields, type RateKey, type RateRow } from './rates-form-model';
import { ratesResource } from './rates-store';

/** Exchange rates into other currencies, each valid from a date: add, edit and delete. */
export function ExchangeRatesCard({ workspaceCurrency }: { workspaceCurrency: string }) {
  const { status, data, error, load } = ratesResource.useStore();
  useEffect(() => ratesResource.watch(), []);
  const rows = useMemo(() => (data === null ? [] : rateRows(data)), [data]);
  const [fields, setFields] = useState<RateFormFields>(() => emptyRateForm(workspaceCurrency));
  // The rate being edited; null adds a new one.
  const [editing, setEditing] = useState<RateKey | null>(null);
  const [errors, setErrors] = useState<RateErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const replaces = replacesHint(fields, data ?? [], editing);

  const change = (patch: Partial<RateFormFields>) => {
    const next = { ...fields, ...patch };
    setFields(next);
    if (attempted) {
      const checked = validateRate(next);
      setErrors(checked.ok ? {} : checked.errors);
    }
  };

  const reset = () => {
    setFields(emptyRateForm(workspaceCurrency));
    setEditing(null);
    setErrors({});
    setAttempted(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setActionError(null);
    const checked = validateRate(fields);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    const plan = savePlan(editing, checked.value);
    try {
      await setRate(plan.set);
      // Set first, then remove the rate the edit started from: a failure in between keeps both, never neither.
      if (plan.remove !== null) await deleteRate(plan.remove);
      reset();
    } catch (caught) {
      setActionError(errorMessage(caught));
    } finally {
      setBusy(false);
      void load();
    }
  };

  const edit = (row: RateRow) => {
    setFields(fieldsFromRate(row.rate));
    setEditing(row.rate);
    setErrors({});
    setAttempted(false);
    requestAnimationFrame(() => document.getElementById('rate-value')?.focus());
  };

  const remove = async (row: RateRow) => {
    setActionError(null);
    try {
      await deleteRate(row.rate);
      if (editing !== null && editing.from === row.rate.from && editing.to === row.rate.to && editing.validFrom === row.rate.validFrom) reset();
    } catch (caught) {
      setActionError(errorMessage(caught));
    } finally {
      void load();
    }
  };

  return (
    <section className="card rates-card" data-testid="rates-card" aria-labelledby="rates-title">
      <h2 className="card-title" id="rates-title">
        Exchange rates
      </h2>
      <p className="card-subtitle">
        Amounts keep their own currency; reports convert at the rate valid on each line’s date. A rate applies from its date until the next rate for the same
        currencies.
      </p>
      {actionError !== null && (
        <Notice tone="error" testId="rates-error" onDismiss={() => setActionError(null)}>
          {actionError}
        </Notice>
      )}
      {status === 'error' ? (
        <ErrorState title="Could not read the exchange rates" message={error ?? ''} onRetry={() => void load()} />
      ) : data === null ? (
        <Skeleton height="3rem" />
      ) : rows.length === 0 ? (
        <p className="muted" data-testid="rates-empty">
          No exchange rates yet. Lines in other currencies than {workspaceCurrency} are left out of report totals until a rate is added.
        </p>
      ) : (
        <table className="table table-compact rates-table">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Valid from</th>
              <th scope="col" className="num">
                Rate
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid="rate-row" data-rate={row.key} title={row.sentence}>
                <td className="mono">{row.rate.from}</td>
                <td className="mono">{row.rate.to}</td>
                <td>
                  <time dateTime={row.rate.validFrom}>{row.validFrom}</time>
                </td>
                <td className="num">{row.value}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="button button-small" data-testid="rate-edit" aria-label={`Edit ${row.sentence}`} onClick={() => edit(row)}>
                      Edit
                    </button>
                    <button type="button" className="button button-small button-danger-quiet" data-testid="rate-delete" aria-label={`Delete ${row.sentence}`} onClick={() => void remove(row)}>
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="rate-form" noValidate onSubmit={(event) => void submit(event)} aria-label={editing === null ? 'Add an exchange rate' : 'Edit the exchange rate'}>
        <h3 className="section-title">{editing === null ? 'Add a rate' : `Edit the ${editing.from} → ${editing.to} rate from ${editing.validFrom}`}</h3>
        <div className="rate-form-grid">
          <TextField id="rate-from" testId="rate-from" label="From" placeholder="USD" value={fields.from} error={errors.from} onChange={(from) => change({ from })} />
          <TextField id="rate-to" testId="rate-to" label="To" placeholder={workspaceCurrency} value={fields.to} error={errors.to} onChange={(to) => change({ to })} />
          <TextField id="rate-valid-from" testId="rate-valid-from" label="Valid from" type="date" value={fields.validFrom} error={errors.validFrom} onChange={(validFrom) => change({ validFrom })} />
          <TextField
            id="rate-value"
            testId="rate-value"
            label="Rate"
            placeholder="0.92"
            value={fields.rate}
            hint={`1 ${fields.from.trim() === '' ? 'unit' : fields.from.trim().toUpperCase()} in ${fields.to.trim() === '' ? 'the target currency' : fields.to.trim().toUpperCase()}.`}
            error={errors.rate}
            onChange={(rate) => change({ rate })}
          />
        </div>
        {errors.form !== undefined && <p className="field-error">{errors.form}</p>}
        {replaces !== null && (
          <p className="field-hint" data-testid="rate-replaces">
            {replaces}
          </p>
        )}
        <div className="rate-form-actions">
          <button type="submit" className="button button-primary" data-testid="rate-save" disabled={busy}>
            {busy ? 'Saving…' : editing === null ? 'Add rate' : 'Save rate'}
          </button>
          {editing !== null && (
            <button type="button" className="button" onClick={reset}>
              Cancel editing
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
