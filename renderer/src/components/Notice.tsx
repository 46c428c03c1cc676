import type { ReactNode } from 'react';

type NoticeProps = {
  tone: 'info' | 'warning' | 'error';
  children: ReactNode;
  testId?: string;
  /** Shows a dismiss button (for messages about an action, not about the figures). */
  onDismiss?: () => void;
};

const ICONS = { info: 'i', warning: '!', error: '!' } as const;

/** A sentence the reader needs before trusting the figures around it, or why an action was refused. */
export function Notice({ tone, children, testId, onDismiss }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span className="notice-icon" aria-hidden="true">
        {ICONS[tone]}
      </span>
      <div className="notice-body">{children}</div>
      {onDismiss !== undefined && (
        <button type="button" className="button-icon" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
