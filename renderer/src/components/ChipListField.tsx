import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { FieldMessages } from './FieldMessages';

type ChipListFieldProps = {
  id: string;
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  hint?: string | undefined;
  error?: string | undefined;
  placeholder?: string;
  testId?: string;
  optional?: boolean;
  /** Offered as the user types (a <datalist>); any other value is accepted too. */
  suggestions?: readonly string[];
  /** Upper-cases what is typed (Jira project keys). */
  upperCase?: boolean;
};

/** Splits pasted or typed text at commas, semicolons and new lines; trims; drops blanks. */
export function splitChips(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * A list of short values as removable chips with an input to add more: Enter, a comma or leaving
 * the field adds what was typed (Enter never submits the form from here); Backspace in the empty
 * input removes the last chip. Each chip's remove button is a real button, so the list is usable
 * from the keyboard alone.
 */
export function ChipListField({ id, label, values, onChange, hint, error, placeholder, testId, optional, suggestions, upperCase }: ChipListFieldProps) {
  const [draft, setDraft] = useState('');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const listId = `${id}-suggestions`;
  const describedBy = [error !== undefined ? errorId : null, hint !== undefined ? hintId : null].filter((part) => part !== null).join(' ') || undefined;

  const add = (text: string): void => {
    const parts = splitChips(upperCase === true ? text.toUpperCase() : text).filter((part) => !values.includes(part));
    const unique = [...new Set(parts)];
    if (unique.length > 0) onChange([...values, ...unique]);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    // Enter always means "add" here, never "submit the form": an empty Enter does nothing.
    if (event.key === 'Enter' || (event.key === ',' && draft.trim() !== '')) {
      event.preventDefault();
      if (draft.trim() !== '') add(draft);
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>): void => {
    const text = event.clipboardData.getData('text');
    if (!/[,;\n]/.test(text)) return;
    event.preventDefault();
    add(`${draft}${text}`);
  };

  return (
    <div className={`field${error !== undefined ? ' field-invalid' : ''}`} data-testid={testId}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional === true && <span className="field-optional"> (optional)</span>}
      </label>
      <div className="chip-input">
        {values.length > 0 && (
          <ul className="chip-list" aria-label={label}>
            {values.map((value) => (
              <li key={value} className="chip" data-testid="chip" data-value={value}>
                <span className="chip-text">{value}</span>
                <button type="button" className="chip-remove" aria-label={`Remove ${value}`} onClick={() => onChange(values.filter((v) => v !== value))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          className="chip-input-text"
          value={draft}
          placeholder={values.length === 0 ? placeholder : 'Add…'}
          spellCheck={false}
          autoComplete="off"
          list={suggestions !== undefined && suggestions.length > 0 ? listId : undefined}
          aria-invalid={error !== undefined ? true : undefined}
          aria-describedby={describedBy}
          data-testid={testId === undefined ? undefined : `${testId}-input`}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => {
            if (draft.trim() !== '') add(draft);
          }}
        />
        {suggestions !== undefined && suggestions.length > 0 && (
          <datalist id={listId}>
            {suggestions
              .filter((s) => !values.includes(s))
              .map((s) => (
                <option key={s} value={s} />
              ))}
          </datalist>
        )}
      </div>
      <FieldMessages error={error} hint={hint} errorId={errorId} hintId={hintId} />
    </div>
  );
}
