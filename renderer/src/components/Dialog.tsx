import { useEffect, useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';

type DialogProps = {
  title: string;
  /** Esc, the close button and the dialog's own Cancel buttons all end here. */
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** narrow: confirmations; wide: forms; large: tables of file rows beside a form. */
  size?: 'narrow' | 'wide' | 'large';
  /** Where focus goes on close when the element that opened the dialog is gone (a removed card's button). */
  fallbackFocus?: RefObject<HTMLElement | null>;
};

/**
 * A modal built on <dialog>: the browser traps focus, makes the page behind inert and maps Esc to
 * "cancel", which is routed to onClose so React decides whether the dialog stays. Focus starts on
 * the element marked data-autofocus, if any, and returns to the element that opened the dialog.
 */
export function Dialog({ title, onClose, children, testId, size = 'narrow', fallbackFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const fallback = useRef(fallbackFocus);
  useEffect(() => {
    fallback.current = fallbackFocus;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first focusable element (the Close button); a dialog may name a better start.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog.close();
      const target = opener?.isConnected === true ? opener : (fallback.current?.current ?? null);
      target?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button-icon" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
