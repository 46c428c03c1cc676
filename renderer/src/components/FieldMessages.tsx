/** The error and hint lines under a form field, with the ids its aria-describedby points at. */
export function FieldMessages({ error, hint, errorId, hintId }: { error?: string | undefined; hint?: string | undefined; errorId: string; hintId: string }) {
  return (
    <>
      {error !== undefined && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {hint !== undefined && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </>
  );
}
