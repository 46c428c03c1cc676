import type { ConnectionResultModel } from './source-card-view-model';

type ConnectionResultProps = { result: ConnectionResultModel & { note?: string | null } };

/** The answer to "Test connection", said plainly; data-ok lets tests read the outcome. */
export function ConnectionResult({ result }: ConnectionResultProps) {
  return (
    <p className={`connection-result ${result.ok ? 'tone-good' : 'tone-bad'}`} data-testid="connection-result" data-ok={String(result.ok)}>
      <span className="connection-icon" aria-hidden="true">
        {result.ok ? '✓' : '✕'}
      </span>
      <span>
        {result.ok ? '' : <span className="visually-hidden">Connection failed: </span>}
        {result.text}
        {result.note !== undefined && result.note !== null && <span className="muted"> {result.note}</span>}
      </span>
    </p>
  );
}
