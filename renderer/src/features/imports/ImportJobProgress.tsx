import { formatCount } from '../../lib/format';
import { importProgressModel } from './import-progress-view-model';
import type { ImportJob } from './import-queue-model';

type ImportJobProgressProps = {
  job: ImportJob;
  cancelling: boolean;
  onCancel: () => void;
  onDismiss: () => void;
};

/** One import: a bar for the bytes read, the rows so far and Cancel; then how it ended. */
export function ImportJobProgress({ job, cancelling, onCancel, onDismiss }: ImportJobProgressProps) {
  const model = job.progress === null ? null : importProgressModel(job.progress, job.fileName);
  const state = model?.state ?? 'running';
  const outcome = model?.outcome ?? null;
  return (
    <div className={`import-job import-job-${state}`} data-testid="import-progress" data-state={state} data-file={job.fileName}>
      <div className="import-job-head">
        <span className="import-job-file">{job.fileName}</span>
        <span className="import-job-value">{model === null ? 'Starting…' : model.valueText}</span>
      </div>
      <div
        className={`progress${model === null || model.percent === null ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={`Import of ${job.fileName}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={model?.percent ?? undefined}
        aria-valuetext={model === null ? 'Starting' : `${model.valueText}; ${model.rows}`}
      >
        <span className="progress-fill" style={model === null || model.percent === null ? undefined : { width: `${model.percent}%` }} />
      </div>
      {model !== null && <p className="import-job-rows">{model.rows}</p>}
      {outcome !== null && (
        <div className={`import-outcome import-outcome-${outcome.tone}`} data-testid="import-outcome" data-tone={outcome.tone} role="status">
          <p className="import-outcome-text">{outcome.text}</p>
          {outcome.details !== null && <p className="import-outcome-details">{outcome.details}</p>}
          {outcome.rejections.length > 0 && (
            <ul className="rejection-list">
              {outcome.rejections.map((rejection) => (
                <li key={`${rejection.line}-${rejection.reason}`}>
                  <span className="rejection-line">Line {formatCount(rejection.line)}</span> {rejection.reason}
                </li>
              ))}
              {outcome.more !== null && <li className="muted">{outcome.more}</li>}
            </ul>
          )}
        </div>
      )}
      <div className="import-job-actions">
        {model === null || model.showCancel ? (
          <button type="button" className="button button-small" data-testid="import-cancel-job" disabled={cancelling} onClick={onCancel}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <button type="button" className="button button-small" data-testid="import-dismiss" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
