import { useState } from 'react';
import type { SourceView } from '../../../../shared/ipc/contract';
import { DefinitionList, type DefinitionItem } from '../../components/DefinitionList';
import { errorMessage } from '../../lib/ipc';
import { ConnectionResult } from './ConnectionResult';
import { testSavedSource } from './sources-api';
import { connectionResult, sourceCardModel, type CardAction, type ConnectionResultModel } from './source-card-view-model';
import { SyncProgress, SyncQueued } from './SyncProgress';
import type { SourceSyncView } from './sync-job-model';

type SourceCardProps = {
  source: SourceView;
  sync: SourceSyncView;
  syncBusy: boolean;
  cancelling: boolean;
  onSync: (full: boolean) => void;
  onCancel: () => void;
  onEdit: () => void;
  onRemove: () => void;
};

export function SourceCard({ source, sync, syncBusy, cancelling, onSync, onCancel, onEdit, onRemove }: SourceCardProps) {
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<ConnectionResultModel | null>(null);
  const model = sourceCardModel(source, { syncBusy, testing });
  const titleId = `source-${encodeURIComponent(source.name)}-title`;

  const runTest = async () => {
    setTesting(true);
    setTest(null);
    try {
      setTest(connectionResult(await testSavedSource(source.name)));
    } catch (error) {
      setTest({ ok: false, text: errorMessage(error) });
    } finally {
      setTesting(false);
    }
  };

  const items: DefinitionItem[] = [
    ...(model.url !== null ? [{ term: 'URL', value: model.url, mono: true }] : []),
    ...(model.account !== null ? [{ term: 'Account', value: model.account }] : []),
    { term: 'Scope', value: model.scope },
    {
      term: 'Last sync',
      value: (
        <>
          <span className={`run-status run-${model.lastSync.tone}`}>{model.lastSync.text}</span>
          {model.lastSync.changes !== null && <span className="last-sync-changes"> · {model.lastSync.changes}</span>}
          {model.lastSync.note !== null && <span className={`last-sync-note${model.lastSync.noteTone === 'error' ? ' text-danger' : ' muted'}`}>{model.lastSync.note}</span>}
        </>
      ),
    },
  ];

  return (
    <article className="card source-card" data-testid="source-card" data-source-name={source.name} aria-labelledby={titleId}>
      <header className="source-card-header">
        <h3 className="source-card-title" id={titleId}>
          {model.name}
        </h3>
        <span className={`badge badge-kind badge-${model.kind}`}>{model.kindLabel}</span>
        {model.notConnected !== null && <span className="badge badge-demo">{model.notConnected}</span>}
        {model.token !== null && model.notConnected === null && (
          <span className="source-token" title="The database keeps only a reference to it.">
            <LockIcon />
            {model.token}
          </span>
        )}
      </header>
      <DefinitionList items={items} />
      {sync?.kind === 'progress' && <SyncProgress source={source.name} event={sync.event} cancelling={cancelling} onCancel={onCancel} />}
      {sync?.kind === 'queued' && <SyncQueued />}
      {test !== null && <ConnectionResult result={test} />}
      <div className="source-card-actions">
        <ActionButton action={model.actions.sync} testId="source-sync" primary onClick={() => onSync(false)}>
          Sync now
        </ActionButton>
        <ActionButton action={model.actions.fullResync} testId="source-full-sync" onClick={() => onSync(true)}>
          Full re-sync
        </ActionButton>
        <ActionButton action={model.actions.test} testId="source-test-saved" onClick={() => void runTest()}>
          {testing ? 'Testing…' : 'Test connection'}
        </ActionButton>
        <span className="source-card-actions-spacer" />
        <ActionButton action={model.actions.edit} testId="source-edit" onClick={onEdit}>
          Edit
        </ActionButton>
        <ActionButton action={model.actions.remove} testId="source-remove" danger onClick={onRemove}>
          Remove
        </ActionButton>
      </div>
    </article>
  );
}

type ActionButtonProps = { action: CardAction; testId: string; primary?: boolean; danger?: boolean; onClick: () => void; children: string };

function ActionButton({ action, testId, primary, danger, onClick, children }: ActionButtonProps) {
  if (!action.shown) return null;
  const tone = primary === true ? ' button-primary' : danger === true ? ' button-danger-quiet' : '';
  return (
    <button type="button" className={`button button-small${tone}`} data-testid={testId} disabled={action.disabled} title={action.title ?? undefined} onClick={onClick}>
      {children}
    </button>
  );
}

/** Drawn rather than an emoji: Linux desktops without an emoji font show a box instead. */
function LockIcon() {
  return (
    <svg className="icon" width="11" height="12" viewBox="0 0 11 12" aria-hidden="true" focusable="false">
      <rect x="1" y="5" width="9" height="6.5" rx="1.2" fill="currentColor" />
      <path d="M3 5V3.6a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}
