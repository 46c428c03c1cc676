import { Fragment } from 'react';
import { FieldMessages } from './FieldMessages';

export type SelectOption<T extends string = string> = { value: T; label: string };
export type SelectGroup<T extends string = string> = { label: string | null; options: SelectOption<T>[] };

type SelectFieldProps<T extends string> = {
  id: string;
  label: string;
  value: T;
  onChange: (value: T) => void;
  /** Plain options, or groups (a group without a label is listed as plain options). */
  options: readonly SelectOption<T>[] | readonly SelectGroup<T>[];
  hint?: string | undefined;
  error?: string | undefined;
  testId?: string;
  disabled?: boolean;
  required?: boolean;
  optional?: boolean;
  /** Where focus starts when the field opens in a Dialog. */
  initialFocus?: boolean;
};

function isGroups<T extends string>(options: readonly SelectOption<T>[] | readonly SelectGroup<T>[]): options is readonly SelectGroup<T>[] {
  const first = options[0];
  return first !== undefined && 'options' in first;
}

/** A labelled <select> with its hint and error beside it, like TextField. */
export function SelectField<T extends string>({ id, label, value, onChange, options, hint, error, testId, disabled, required, optional, initialFocus }: SelectFieldProps<T>) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error !== undefined ? errorId : null, hint !== undefined ? hintId : null].filter((part) => part !== null).join(' ') || undefined;
  const renderOptions = (list: readonly SelectOption<T>[]) =>
    list.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ));
  return (
    <div className={`field${error !== undefined ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required === true && <span className="field-required"> (required)</span>}
        {optional === true && <span className="field-optional"> (optional)</span>}
      </label>
      <select
        id={id}
        className="input select"
        value={value}
        disabled={disabled}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required === true ? true : undefined}
        data-testid={testId}
        data-autofocus={initialFocus === true ? '' : undefined}
        // Every <option> carries one of the T values it was given, so the chosen value is a T.
        onChange={(event) => onChange(event.target.value as T)}
      >
        {isGroups(options)
          ? options.map((group, index) =>
              group.label === null ? (
                <Fragment key={`plain-${index}`}>{renderOptions(group.options)}</Fragment>
              ) : (
                <optgroup key={`${group.label}-${index}`} label={group.label}>
                  {renderOptions(group.options)}
                </optgroup>
              ),
            )
          : renderOptions(options)}
      </select>
      <FieldMessages error={error} hint={hint} errorId={errorId} hintId={hintId} />
    </div>
  );
}
