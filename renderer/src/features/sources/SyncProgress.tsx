import type { SyncProgressEvent } from '../../../../shared/ipc/contract';
import { QUEUED_NOTE, syncProgressModel } from './sync-progress-view-model';

type SyncProgressProps = {
  source: string;
  event: SyncProgressEvent;
  cancelling: boolean;
  onCancel: () => void;
};

/** One source's share of a running sync: bar, step, counts, estimate, rate-limit wait and Cancel. */
export function SyncProgress({ source, event, cancelling, onCancel }: SyncProgressProps) {
  const model = syncProgressModel(event);
  const details = [model.counts, model.eta].filter((part) => part !== null);
  return (
    <div className={`sync-progress sync-progress-${model.state}`} data-testid="sync-progress" data-state={model.state}>
      <div className="sync-progress-head">
        <span className="sync-progress-step">{model.step}</span>
        <span className="sync-progress-value">{model.valueText}</span>
      </div>
      <div
        className={`progress${model.percent === null ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={`Sync of ${source}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={model.percent ?? undefined}
        aria-valuetext={`${model.step}: ${model.valueText}`}
      >
        <span className="progress-fill" style={model.percent === null ? undefined : { width: `${model.percent}%` }} />
      </div>
      {details.length > 0 && <p className="sync-progress-details">{details.join(' · ')}</p>}
      {model.waiting !== null && (
        <p className="sync-progress-waiting" data-testid="sync-waiting">
          Waiting: {model.waiting}
        </p>
      )}
      {model.note !== null && (
        <p className={`sync-progress-note sync-note-${model.state}`} role="status">
          {model.note}
        </p>
      )}
      {model.showCancel && (
        <div className="sync-progress-actions">
          <button type="button" className="button button-small" data-testid="source-cancel" disabled={cancelling} onClick={onCancel}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      )}
    </div>
  );
}

/** A source waiting for its turn in a "Sync all". */
export function SyncQueued() {
  return (
    <div className="sync-progress sync-progress-queued" data-testid="sync-progress" data-state="queued">
      <p className="sync-progress-details">{QUEUED_NOTE}</p>
    </div>
  );
}
