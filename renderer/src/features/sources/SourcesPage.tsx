import { useEffect, useMemo, useRef, useState } from 'react';
import type { SourceView } from '../../../../shared/ipc/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { Skeleton } from '../../components/Skeleton';
import { ImportsSection } from '../imports/ImportsSection';
import { RemoveSourceDialog } from './RemoveSourceDialog';
import { SourceCard } from './SourceCard';
import { SourceFormDialog } from './SourceFormDialog';
import { sourcesResource, syncHistoryResource } from './sources-store';
import { orderSources, syncAllState } from './sources-view-model';
import { sourceSyncView } from './sync-job-model';
import { useSyncStore, watchSync } from './sync-store';
import { SyncHistoryCard } from './SyncHistoryCard';
import { WorkspaceDataSection } from './WorkspaceDataSection';

type OpenDialog = { kind: 'add' } | { kind: 'edit'; source: SourceView } | { kind: 'remove'; source: SourceView } | null;

export function SourcesPage() {
  const { status, data, error, load } = sourcesResource.useStore();
  useEffect(() => sourcesResource.watch(), []);
  useEffect(() => watchSync(), []);
  const sync = useSyncStore();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const sources = useMemo(() => (data === null ? [] : orderSources(data)), [data]);
  const syncBusy = sync.starting || sync.job !== null;
  const syncAll = syncAllState(sources, syncBusy);

  const reloadAfterChange = async () => {
    await Promise.all([sourcesResource.useStore.getState().load(), syncHistoryResource.useStore.getState().load()]);
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header page-header-with-actions">
        <div className="page-heading">
          <h1 id="page-title">Sources</h1>
          <p className="page-subtitle">Jira and GitLab connections, their syncs, billing and usage files, and what the workspace holds.</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button" data-testid="sync-all" disabled={syncAll.disabled} title={syncAll.title} onClick={() => void sync.start({ full: false })}>
            {syncBusy ? 'Syncing…' : 'Sync all'}
          </button>
          <button type="button" className="button button-primary" data-testid="add-source" ref={addButton} onClick={() => setDialog({ kind: 'add' })}>
            Add source
          </button>
        </div>
      </header>

      {sync.error !== null && (
        <Notice tone="error" testId="sync-error" onDismiss={sync.dismissError}>
          {sync.error.message}
        </Notice>
      )}

      {status === 'error' ? (
        <ErrorState title="Could not read the sources" message={error ?? ''} onRetry={() => void load()} />
      ) : data === null ? (
        <div className="source-list" aria-busy="true">
          <div className="card">
            <Skeleton height="9rem" />
          </div>
        </div>
      ) : sources.length === 0 ? (
        <EmptyState title="No sources yet">
          <p data-testid="sources-empty">Add a Jira site or a GitLab instance to sync work items, worklogs and merge requests into this workspace.</p>
        </EmptyState>
      ) : (
        <div className="source-list" data-testid="source-list">
          {sources.map((source) => (
            <SourceCard
              key={source.name}
              source={source}
              sync={sourceSyncView(sync, source.name)}
              syncBusy={syncBusy}
              cancelling={sync.cancelling}
              onSync={(full) => void sync.start({ source: source.name, full })}
              onCancel={() => void sync.cancel()}
              onEdit={() => setDialog({ kind: 'edit', source })}
              onRemove={() => setDialog({ kind: 'remove', source })}
            />
          ))}
        </div>
      )}

      <SyncHistoryCard syncRunning={sync.job !== null} />
      <ImportsSection />
      <WorkspaceDataSection />

      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <SourceFormDialog
          source={dialog.kind === 'edit' ? dialog.source : null}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            void reloadAfterChange();
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveSourceDialog
          source={dialog.source}
          fallbackFocus={addButton}
          onClose={() => setDialog(null)}
          onRemoved={async () => {
            await reloadAfterChange();
            setDialog(null);
          }}
        />
      )}
    </section>
  );
}
