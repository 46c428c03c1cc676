import { useEffect } from 'react';
import { Notice } from '../../components/Notice';
import { DropZone } from './DropZone';
import { ImportHistoryCard } from './ImportHistoryCard';
import { ImportJobProgress } from './ImportJobProgress';
import { ImportPreviewDialog } from './ImportPreviewDialog';
import { skippedText } from './import-queue-model';
import { useImportQueue, watchImports } from './import-queue-store';
import { formatsResource, mappingsResource } from './imports-store';

/** "Billing and usage files" on the Sources page: drop files, review each, follow the imports, undo them. */
export function ImportsSection() {
  useEffect(() => watchImports(), []);
  useEffect(() => formatsResource.watch(), []);
  useEffect(() => mappingsResource.watch(), []);
  const queue = useImportQueue();
  // Files are reviewed one at a time, in the order they were dropped.
  const reviewing = queue.pending[0] ?? null;
  const skipped = skippedText(queue.skipped);

  return (
    <>
      <section className="card imports" aria-labelledby="imports-title" data-testid="imports-section">
        <h2 className="card-title" id="imports-title">
          Billing and usage files
        </h2>
        <p className="card-subtitle">Cost and usage exports that complete what the sources sync. Each file is previewed before anything is written, and every import can be undone.</p>
        <div className="imports-body">
          <DropZone onFiles={queue.add} />
          {skipped !== null && (
            <Notice tone="warning" testId="import-skipped" onDismiss={queue.dismissSkipped}>
              {skipped}
            </Notice>
          )}
          {queue.error !== null && (
            <Notice tone="error" testId="import-error" onDismiss={queue.dismissError}>
              {queue.error}
            </Notice>
          )}
          {queue.jobs.length > 0 && (
            <div className="import-jobs" aria-live="polite">
              {queue.jobs.map((job) => (
                <ImportJobProgress
                  key={job.jobId}
                  job={job}
                  cancelling={queue.cancelling.includes(job.jobId)}
                  onCancel={() => void queue.cancel(job.jobId)}
                  onDismiss={() => queue.dismiss(job.jobId)}
                />
              ))}
            </div>
          )}
        </div>
      </section>
      <ImportHistoryCard />
      {reviewing !== null && (
        <ImportPreviewDialog
          key={reviewing.id}
          item={reviewing}
          waiting={queue.pending.length - 1}
          onCancel={() => queue.remove(reviewing.id)}
          onRun={(input) => queue.run(reviewing.id, input)}
        />
      )}
    </>
  );
}
