type Choice<T extends string> = { value: T; label: string; testId?: string };

type ChoiceGroupProps<T extends string> = {
  legend: string;
  name: string;
  value: T;
  choices: Choice<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
  hint?: string;
  /** Where focus starts when the group opens in a Dialog (on the chosen option). */
  initialFocus?: boolean;
};

/** Radio buttons drawn as a segmented control: arrow keys move between them, as with any radio group. */
export function ChoiceGroup<T extends string>({ legend, name, value, choices, onChange, disabled, hint, initialFocus }: ChoiceGroupProps<T>) {
  return (
    <fieldset className="field choice-group" disabled={disabled}>
      <legend className="field-label">{legend}</legend>
      <div className="segmented">
        {choices.map((choice) => (
          <label key={choice.value} className="segmented-option">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              data-testid={choice.testId}
              data-autofocus={initialFocus === true && value === choice.value ? '' : undefined}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {hint !== undefined && <p className="field-hint">{hint}</p>}
    </fieldset>
  );
}
