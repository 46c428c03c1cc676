import type { HTMLInputTypeAttribute, RefObject } from 'react';
import { FieldMessages } from './FieldMessages';

type TextFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  testId?: string;
  type?: HTMLInputTypeAttribute;
  placeholder?: string;
  autoComplete?: string;
  readOnly?: boolean;
  optional?: boolean;
  multiline?: boolean;
  inputRef?: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
  /** Where focus starts when the field opens in a Dialog. */
  initialFocus?: boolean;
};

/** A labelled input with its hint and its error message beside it, both tied in with aria-describedby. */
export function TextField({ id, label, value, onChange, hint, error, testId, type = 'text', placeholder, autoComplete, readOnly, optional, multiline, inputRef, initialFocus }: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error !== undefined ? errorId : null, hint !== undefined ? hintId : null].filter((part) => part !== null).join(' ') || undefined;
  const common = {
    id,
    value,
    placeholder,
    readOnly,
    'aria-invalid': error !== undefined ? true : undefined,
    'aria-describedby': describedBy,
    'data-testid': testId,
    'data-autofocus': initialFocus === true ? '' : undefined,
    className: 'input',
  };
  return (
    <div className={`field${error !== undefined ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional === true && <span className="field-optional"> (optional)</span>}
      </label>
      {multiline === true ? (
        <textarea {...common} ref={inputRef as RefObject<HTMLTextAreaElement | null> | undefined} rows={2} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          ref={inputRef as RefObject<HTMLInputElement | null> | undefined}
          type={type}
          autoComplete={autoComplete}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <FieldMessages error={error} hint={hint} errorId={errorId} hintId={hintId} />
    </div>
  );
}
