import type { ReactNode } from 'react';

type NoticeProps = {
  tone: 'info' | 'warning';
  children: ReactNode;
  testId?: string;
};

/** A sentence the reader needs before trusting the figures around it. */
export function Notice({ tone, children, testId }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role="status" data-testid={testId}>
      <span className="notice-icon" aria-hidden="true">
        {tone === 'warning' ? '!' : 'i'}
      </span>
      <div>{children}</div>
    </div>
  );
}
