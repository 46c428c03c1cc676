import type { ReactNode } from 'react';

type SwitchFieldProps = {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shown under the label, always visible and tied in with aria-describedby. */
  description?: ReactNode;
  testId?: string;
  disabled?: boolean;
};

/** An on/off setting: a checkbox announced as a switch, drawn as one, toggled with Space. */
export function SwitchField({ id, label, checked, onChange, description, testId, disabled }: SwitchFieldProps) {
  const descriptionId = `${id}-description`;
  return (
    <div className="switch-field">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch-input"
        checked={checked}
        disabled={disabled}
        aria-describedby={description === undefined ? undefined : descriptionId}
        data-testid={testId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="switch-label">
        <span className="switch-track" aria-hidden="true" />
        <span className="switch-text">{label}</span>
      </label>
      {description !== undefined && (
        <div className="switch-description" id={descriptionId}>
          {description}
        </div>
      )}
    </div>
  );
}
