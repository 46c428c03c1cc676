import { useRef, useState, type FormEvent } from 'react';
import type { BackupInfo, RestoreOutcome } from '../../../../shared/ipc/contract-workspace-backup';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { pickFilePath } from '../../lib/files';
import { errorMessage } from '../../lib/ipc';
import { appInfoResource } from '../workspace/workspace-store';
import { backupWorkspace, restoreWorkspace } from './backup-api';
import { BACKUP_ACCEPT, backupTarget, formatSize } from './backup-view-model';

/**
 * Backs the workspace up into one file and restores it from one. The backup is SQLite's online
 * copy of the database (settings included; tokens stay in the keychain). A restore replaces this
 * workspace's data after main has checked the file and kept a safety copy of the current data.
 */
export function BackupCard() {
  const app = appInfoResource.useStore();
  const [target, setTarget] = useState('');
  const [targetError, setTargetError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [backedUp, setBackedUp] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState<RestoreOutcome | null>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const restoreButton = useRef<HTMLButtonElement>(null);

  const backup = async (event: FormEvent) => {
    event.preventDefault();
    const checked = backupTarget(target);
    if (!checked.ok) {
      setTargetError(checked.error);
      return;
    }
    setTargetError(undefined);
    setError(null);
    setBackedUp(null);
    setRestored(null);
    setBusy(true);
    try {
      setBackedUp(await backupWorkspace(checked.path));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (file: File) => {
    // In the browser host the file is uploaded first; in Electron it is read where it is.
    const path = await pickFilePath(file);
    const outcome = await restoreWorkspace(path);
    setChosen(null);
    setBackedUp(null);
    setRestored(outcome);
  };

  const backupsFolder = app.data === null ? 'the workspace’s backups folder' : `${app.data.workspaceDir}/backups`;

  return (
    <div className="card" data-testid="backup-card">
      <h2 className="card-title">Backup and restore</h2>
      <p className="muted">
        A backup is one file with this workspace’s data and settings, copied while the app keeps running. Tokens are not in it: they stay in the system keychain.
      </p>
      <form className="rate-form" aria-label="Backup and restore" onSubmit={(event) => void backup(event)} noValidate>
        <TextField
          id="backup-target"
          label="Back up to"
          value={target}
          onChange={(value) => {
            setTarget(value);
            if (targetError !== undefined) setTargetError(undefined);
          }}
          hint={`The full path of a new file on this computer. Leave empty to write to ${backupsFolder}.`}
          error={targetError}
          placeholder="/path/to/yardstick-backup.sqlite"
          testId="backup-target"
          optional
        />
        {error !== null && (
          <Notice tone="error" testId="backup-error" onDismiss={() => setError(null)}>
            {error}
          </Notice>
        )}
        {backedUp !== null && (
          <Notice tone="info" testId="backup-done" onDismiss={() => setBackedUp(null)}>
            Backed up to <span className="mono">{backedUp.path}</span> ({formatSize(backedUp.sizeBytes)}, schema v{backedUp.schemaVersion}).
          </Notice>
        )}
        {restored !== null && (
          <Notice tone="info" testId="restore-done" onDismiss={() => setRestored(null)}>
            Restored from <span className="mono">{restored.restoredFrom}</span>
            {restored.backupSchemaVersion < restored.schemaVersion ? ` (upgraded from schema v${restored.backupSchemaVersion})` : ''}. The data it replaced is kept in{' '}
            <span className="mono">{restored.safetyCopy}</span>.
          </Notice>
        )}
        <div className="rate-form-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="backup-now">
            {busy ? 'Backing up…' : 'Back up now'}
          </button>
          <button type="button" className="button" ref={restoreButton} disabled={busy} data-testid="restore-choose" onClick={() => fileInput.current?.click()}>
            Restore from a backup…
          </button>
        </div>
        <input
          ref={fileInput}
          type="file"
          accept={BACKUP_ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="restore-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0] ?? null;
            // Choosing the same file again must fire change again.
            event.target.value = '';
            if (file !== null) {
              setError(null);
              setChosen(file);
            }
          }}
        />
      </form>
      {chosen !== null && (
        <ConfirmDialog
          title={`Replace this workspace’s data with “${chosen.name}”?`}
          testId="restore-dialog"
          confirmLabel="Restore"
          busyLabel="Restoring…"
          confirmTestId="confirm-restore"
          onConfirm={() => restore(chosen)}
          onClose={() => setChosen(null)}
          fallbackFocus={restoreButton}
        >
          <p>Everything in this workspace — synced data, imports, settings, pilots, scenarios and saved views — is replaced by what the backup holds. The file is checked first: a damaged file, or one from a newer version of Yardstick, is refused and nothing changes.</p>
          <p className="muted">A copy of the current data is kept in {backupsFolder} first, so this can be undone by restoring that copy.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
