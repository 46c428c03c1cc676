import { useId, useState } from 'react';
import { MAX_COMPARED } from './comparison-view-model';

type ScenarioSettingsProps = {
  horizon: number;
  onHorizon: (months: number) => void;
  onBlur: () => void;
  /** The other saved scenarios, and which of them are compared. */
  others: readonly string[];
  compared: readonly string[];
  onToggleCompare: (name: string) => void;
};

/** The selected scenario's horizon and the scenarios to compare it with. */
export function ScenarioSettings({ horizon, onHorizon, onBlur, others, compared, onToggleCompare }: ScenarioSettingsProps) {
  const id = useId();
  const [typed, setTyped] = useState<{ base: number; text: string; error: string | null } | null>(null);
  const mine = typed !== null && typed.base === horizon ? typed : null;
  const full = compared.length >= MAX_COMPARED;
  return (
    <section className="card scenario-settings" aria-label="Horizon and comparison">
      <div className={`field${mine?.error ? ' field-invalid' : ''}`}>
        <label className="field-label" htmlFor={`${id}-horizon`}>
          Horizon (months)
        </label>
        <input
          id={`${id}-horizon`}
          className="input scenario-horizon"
          type="number"
          min={1}
          max={120}
          step={1}
          value={mine?.text ?? String(horizon)}
          aria-invalid={mine?.error ? true : undefined}
          aria-describedby={`${id}-horizon-hint`}
          data-testid="scenario-horizon"
          onChange={(e) => {
            const text = e.target.value;
            const n = Number(text);
            if (text.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= 120) {
              setTyped({ base: n, text, error: null });
              onHorizon(n);
            } else setTyped({ base: horizon, text, error: 'Whole months from 1 to 120.' });
          }}
          onBlur={() => {
            setTyped(null);
            onBlur();
          }}
        />
        <p className={mine?.error ? 'field-error' : 'field-hint'} id={`${id}-horizon-hint`}>
          {mine?.error ?? 'Months projected from the month after the calibration window.'}
        </p>
      </div>
      <fieldset className="field scenario-compare-picker" data-testid="compare-picker">
        <legend className="field-label">Compare with</legend>
        {others.length === 0 ? (
          <p className="field-hint">Save or duplicate another scenario to compare it side by side.</p>
        ) : (
          <>
            <ul className="plain-list">
              {others.map((name) => {
                const checked = compared.includes(name);
                return (
                  <li key={name}>
                    <label className="checkbox">
                      <input type="checkbox" checked={checked} disabled={!checked && full} data-testid="compare-option" data-name={name} onChange={() => onToggleCompare(name)} />
                      <span>{name}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
            <p className="field-hint">
              Up to {MAX_COMPARED}; shown with the human-only baseline on the Compare tab.
            </p>
          </>
        )}
      </fieldset>
    </section>
  );
}
