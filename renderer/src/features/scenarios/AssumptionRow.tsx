import { memo, useId, useState } from 'react';
import type { Assumption } from '../../../../shared/domain/scenario';
import { editRange, editValue, inputText, parseInput, type AssumptionRow as Row } from './assumption-model';

type Field = 'value' | 'low' | 'high';
type Texts = Partial<Record<Field, string>>;

type AssumptionRowProps = {
  row: Row;
  currency: string;
  /** A valid edit; `session` names the field, so keystrokes in it make one undo step. */
  onEdit: (key: string, assumption: Assumption, session: string | null) => void;
  onReset: (key: string) => void;
  onBlur: () => void;
};

const FIELD_LABEL: Record<Field, string> = { value: 'value', low: 'low', high: 'high' };

/**
 * One assumption: its calibrated evidence, an editable value and low – high range, and whether it
 * is overridden (with a way back to the calibrated value). Every keystroke that makes a valid
 * assumption is applied at once (the results recompute as you type); an invalid one shows why and
 * changes nothing, and leaving the field puts back the value in effect.
 */
export const AssumptionRow = memo(function AssumptionRow({ row, currency, onEdit, onReset, onBlur }: AssumptionRowProps) {
  const a = row.assumption;
  const id = useId();
  // Texts typed for the assumption as it was when they were typed; an undo or reset replaces `a`, and the texts give way.
  const [typed, setTyped] = useState<{ base: Assumption; texts: Texts } | null>(null);
  const [message, setMessage] = useState<{ base: Assumption; error: string | null; note: string | null } | null>(null);
  const texts = typed !== null && typed.base === a ? typed.texts : {};
  const shown = (f: Field) => texts[f] ?? inputText(row.unit, a[f]);
  const current = message !== null && message.base === a ? message : null;

  const change = (field: Field, text: string) => {
    const next = { ...texts, [field]: text };
    let result: ReturnType<typeof editValue>;
    if (field === 'value') {
      const n = parseInput(row.unit, text);
      result = n === null ? { ok: false, error: 'Enter a number.' } : editValue(row.key, a, n, currency);
    } else {
      const lowText = next.low ?? inputText(row.unit, a.low);
      const highText = next.high ?? inputText(row.unit, a.high);
      const low = lowText.trim() === '' ? null : parseInput(row.unit, lowText);
      const high = highText.trim() === '' ? null : parseInput(row.unit, highText);
      const bad = (lowText.trim() !== '' && low === null) || (highText.trim() !== '' && high === null);
      result = bad ? { ok: false, error: 'Enter a number.' } : editRange(row.key, a, low, high, currency);
    }
    if (result.ok) {
      setTyped({ base: result.assumption, texts: next });
      setMessage({ base: result.assumption, error: null, note: result.rangeCleared ? 'The range was dropped: the value lies outside it.' : null });
      onEdit(row.key, result.assumption, `${row.key}:${field}`);
    } else {
      setTyped({ base: a, texts: next });
      setMessage({ base: a, error: result.error, note: null });
    }
  };

  const blur = () => {
    setTyped(null);
    setMessage((m) => (m === null || m.error === null ? m : null));
    onBlur();
  };

  const errorId = `${id}-error`;
  const evidenceId = `${id}-evidence`;
  const input = (field: Field, className: string) => (
    <input
      id={`${id}-${field}`}
      className={`input assumption-input ${className}`}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      value={shown(field)}
      placeholder={field === 'value' ? undefined : '—'}
      aria-label={`${row.label}: ${FIELD_LABEL[field]}${row.suffix ? ` (${row.suffix})` : ''}`}
      aria-invalid={current?.error ? true : undefined}
      aria-describedby={`${current?.error ? `${errorId} ` : ''}${evidenceId}`}
      data-testid={`assumption-${field}`}
      onChange={(e) => change(field, e.target.value)}
      onBlur={blur}
    />
  );

  return (
    <div
      className={`assumption-row${row.overridden ? ' assumption-row-overridden' : ''}`}
      role="group"
      aria-labelledby={`${id}-label`}
      data-testid="assumption-row"
      data-key={row.key}
      data-value={a.value}
      data-source={a.source}
    >
      <div className="assumption-text">
        <span className="assumption-label" id={`${id}-label`} title={row.description}>
          {row.label}
        </span>
        <span className="assumption-evidence" id={evidenceId} data-testid="assumption-evidence">
          <span className="assumption-evidence-basis">
            <span className="assumption-evidence-records">{row.evidence.records}</span>
            {row.evidence.period !== null && (
              <span data-testid="assumption-period" data-from={a.evidence.from ?? ''} data-to={a.evidence.to ?? ''}>
                {row.evidence.period}
              </span>
            )}
          </span>
          <span className="assumption-evidence-note">{row.evidence.note}</span>
        </span>
      </div>
      <div className="assumption-value">
        <label className="assumption-field-label" htmlFor={`${id}-value`}>
          Value
        </label>
        <span className="assumption-input-wrap">
          {input('value', 'assumption-input-value')}
          <span className="assumption-suffix">{row.suffix}</span>
        </span>
        <span className="assumption-shown" data-testid="assumption-shown">
          {row.valueText}
        </span>
      </div>
      <div className="assumption-range">
        <span className="assumption-field-label">Low – high</span>
        <span className="assumption-input-wrap">
          {input('low', 'assumption-input-range')}
          <span aria-hidden="true">–</span>
          {input('high', 'assumption-input-range')}
        </span>
        <span className="assumption-shown">{row.rangeText ?? 'No range'}</span>
      </div>
      <div className="assumption-status">
        {row.overridden ? (
          <>
            <span className="badge badge-override" data-testid="assumption-overridden">
              Overridden
            </span>
            {row.calibratedText !== null && <span className="assumption-calibrated">Calibrated {row.calibratedText}</span>}
            {row.canReset && (
              <button type="button" className="button button-small" data-testid="assumption-reset" onClick={() => onReset(row.key)} aria-label={`Reset ${row.label} to calibrated`}>
                Reset to calibrated
              </button>
            )}
          </>
        ) : (
          <span className="assumption-calibrated">Calibrated</span>
        )}
      </div>
      {current?.error && (
        <p className="field-error assumption-message" id={errorId} role="alert">
          {current.error}
        </p>
      )}
      {current?.note && <p className="assumption-message muted">{current.note}</p>}
    </div>
  );
});
