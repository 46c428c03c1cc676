import { useEffect, useMemo, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { Skeleton } from '../../components/Skeleton';
import { errorMessage } from '../../lib/ipc';
import { importActions, previewModel } from './import-preview-view-model';
import { uploadText, bytesPercent } from './import-progress-view-model';
import type { PendingFile } from './import-queue-model';
import { saveMapping, type RunInput } from './imports-api';
import { formatsResource, mappingsResource } from './imports-store';
import { MappingEditor } from './MappingEditor';
import { emptyMappingForm, fieldsFromMapping, nameClashHint, previewMapping, validateMapping, visibleMappingErrors, type MappingFormFields } from './mapping-form-model';
import { PreviewPanel } from './PreviewPanel';
import { AUTO, parseReadAs, readAsGroups, readAsInput, readAsLabel, readAsValue, type ReadAs } from './read-as-model';
import { useImportPreview } from './use-import-preview';

type ImportPreviewDialogProps = {
  item: PendingFile;
  /** How many more files wait after this one. */
  waiting: number;
  onCancel: () => void;
  /** Starts the import; resolves with the refusal's message, or null once it started. */
  onRun: (input: RunInput) => Promise<string | null>;
};

// One empty list for "not loaded yet", so memos that depend on the lists do not rerun on every render.
const NONE: never[] = [];

// Mapping edits are previewed once typing pauses, not on every keystroke.
const MAPPING_PREVIEW_DELAY_MS = 400;

/** One file before it is imported: how it will be read, its first rows and problems, and the choice to import. */
export function ImportPreviewDialog({ item, waiting, onCancel, onRun }: ImportPreviewDialogProps) {
  const formats = formatsResource.useStore((state) => state.data) ?? NONE;
  const mappings = mappingsResource.useStore((state) => state.data) ?? NONE;
  const [readAs, setReadAs] = useState<ReadAs>(AUTO);
  // The mapping editor's fields; null while it is closed.
  const [mapping, setMapping] = useState<MappingFormFields | null>(null);
  // The saved mapping the editor was opened on (its name may be kept without a clash warning).
  const [editing, setEditing] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveResult, setSaveResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  const editorOpen = mapping !== null;
  const editorMapping = useMemo(() => (mapping === null ? null : previewMapping(mapping)), [mapping]);
  const readAsPart = readAsInput(readAs, editorMapping, editorOpen);
  const request = item.path === null || readAsPart === null ? null : { path: item.path, ...readAsPart };
  const preview = useImportPreview(request, editorOpen ? MAPPING_PREVIEW_DELAY_MS : 0);
  const chosen = readAsLabel(readAs, formats);
  const model = useMemo(
    () => (preview.preview === null ? null : previewModel(preview.preview, { fileName: item.name, sizeBytes: item.size, chosen, formats })),
    [preview.preview, item.name, item.size, chosen, formats],
  );
  const current = preview.currentKey !== null && preview.answeredKey === preview.currentKey && !preview.loading;
  const validation = mapping === null ? null : validateMapping(mapping);
  const errors = validation === null || validation.ok ? {} : visibleMappingErrors(validation.errors, attempted);
  const actions = importActions({ model, current, mappingComplete: !editorOpen || editorMapping !== null, busy: running });

  const chooseReadAs = (next: ReadAs) => {
    setReadAs(next);
    setRunError(null);
    setSaveResult(null);
    setAttempted(false);
    if (next.kind === 'new-mapping') {
      setMapping(emptyMappingForm(item.name, preview.fileColumns));
      setEditing(null);
    } else {
      setMapping(null);
      setEditing(null);
    }
  };

  const editSaved = () => {
    if (readAs.kind !== 'mapping') return;
    const saved = mappings.find((candidate) => candidate.name === readAs.name);
    if (saved === undefined) return;
    setMapping(fieldsFromMapping(saved));
    setEditing(saved.name);
  };

  const changeMapping = (patch: Partial<MappingFormFields>) => {
    setMapping((fields) => (fields === null ? fields : { ...fields, ...patch }));
    setSaveResult(null);
  };

  const focusFirstError = () => requestAnimationFrame(() => bodyRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const save = async () => {
    if (mapping === null) return;
    setAttempted(true);
    const checked = validateMapping(mapping);
    if (!checked.ok) {
      focusFirstError();
      return;
    }
    setSaving(true);
    try {
      const saved = await saveMapping(checked.value);
      await mappingsResource.useStore.getState().load();
      setReadAs({ kind: 'mapping', name: saved.name });
      setEditing(saved.name);
      setSaveResult({ ok: true, text: `Saved as “${saved.name}”. It is offered under “Read as” from now on.` });
    } catch (error) {
      setSaveResult({ ok: false, text: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };

  const run = async (acceptValidRows: boolean) => {
    if (item.path === null) return;
    let part = readAsInput(readAs, null, false);
    if (mapping !== null) {
      setAttempted(true);
      const checked = validateMapping(mapping);
      if (!checked.ok) {
        focusFirstError();
        return;
      }
      part = { mapping: checked.value };
    }
    if (part === null) return;
    setRunning(true);
    setRunError(null);
    const refusal = await onRun({ path: item.path, ...part, acceptValidRows });
    // On success this dialog closes (the file leaves the queue); a refusal keeps it open to say why.
    if (refusal !== null) {
      setRunError(refusal);
      setRunning(false);
    }
  };

  // The dialog opened while the file was still on its way, so focus sat on Close; once there is
  // something to choose, start there (unless the user has already moved on).
  const ready = item.path !== null;
  useEffect(() => {
    if (!ready) return;
    const body = bodyRef.current;
    const active = document.activeElement;
    if (body === null || (active !== null && body.contains(active))) return;
    body.querySelector<HTMLElement>('[data-testid="import-read-as"]')?.focus();
  }, [ready]);

  const groups = readAsGroups(formats, mappings);
  const uploadPercent = item.upload === null ? null : bytesPercent(item.upload.loaded, item.upload.total);

  return (
    <Dialog title={`Import ${item.name}`} onClose={onCancel} testId="import-dialog" size="large">
      <div className={`form${editorOpen ? ' mapping-open' : ''}`} ref={bodyRef}>
        {waiting > 0 && (
          <p className="muted small">
            {waiting} more {waiting === 1 ? 'file waits' : 'files wait'} after this one.
          </p>
        )}
        {item.error !== null ? (
          <Notice tone="error" testId="import-file-error">
            {item.error}
          </Notice>
        ) : item.path === null ? (
          <div className="upload-progress" data-testid="import-upload">
            <p>{item.upload === null ? 'Opening the file…' : uploadText(item.upload.loaded, item.upload.total)}</p>
            <div
              className={`progress${uploadPercent === null ? ' progress-indeterminate' : ''}`}
              role="progressbar"
              aria-label={`Sending ${item.name}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={uploadPercent ?? undefined}
            >
              <span className="progress-fill" style={uploadPercent === null ? undefined : { width: `${uploadPercent}%` }} />
            </div>
          </div>
        ) : (
          <>
            <div className="read-as">
              <SelectField
                id="import-read-as"
                testId="import-read-as"
                label="Read as"
                initialFocus
                value={readAsValue(readAs)}
                options={groups}
                onChange={(value) => chooseReadAs(parseReadAs(value))}
              />
              {readAs.kind === 'mapping' && !editorOpen && (
                <button type="button" className="button button-small" data-testid="import-edit-mapping" onClick={editSaved}>
                  Edit mapping
                </button>
              )}
            </div>
            {preview.error !== null && (
              <Notice tone="error" testId="import-preview-error">
                {preview.error}{' '}
                <button type="button" className="button button-small notice-action" onClick={preview.retry}>
                  Try again
                </button>
              </Notice>
            )}
            {request === null ? (
              <p className="muted import-preview-waiting" data-testid="import-preview-waiting">
                The preview follows as soon as the date, the amount and a currency are mapped.
              </p>
            ) : model === null ? (
              preview.error === null && (
                <div aria-busy="true" className="import-preview-loading">
                  <p className="muted">Reading the start of the file…</p>
                  <Skeleton height="8rem" />
                </div>
              )
            ) : (
              <PreviewPanel
                model={model}
                refreshing={!current && preview.error === null}
                onMapColumns={editorOpen ? null : () => chooseReadAs({ kind: 'new-mapping' })}
                onReadAs={(id) => chooseReadAs({ kind: 'preset', id })}
              />
            )}
            {mapping !== null && (
              <MappingEditor
                fileName={item.name}
                fileColumns={preview.fileColumns}
                fields={mapping}
                errors={errors}
                onChange={changeMapping}
                onSave={() => void save()}
                saving={saving}
                saveResult={saveResult}
                nameHint={nameClashHint(
                  mapping.name,
                  mappings.map((saved) => saved.name),
                  editing,
                )}
              />
            )}
          </>
        )}
        {runError !== null && (
          <Notice tone="error" testId="import-run-error">
            {runError}
          </Notice>
        )}
        <footer className="dialog-footer">
          {actions.hint !== null && item.path !== null && <p className="muted small dialog-footer-hint">{actions.hint}</p>}
          <span className="dialog-footer-spacer" />
          <button type="button" className="button" data-testid="import-cancel" onClick={onCancel}>
            {item.error !== null ? 'Close' : 'Cancel'}
          </button>
          {actions.offerValidRows && (
            <button type="button" className="button" data-testid="import-run-valid" disabled={!actions.canImport} onClick={() => void run(true)}>
              Import the valid rows and keep a report of the rejected ones
            </button>
          )}
          {item.error === null && (
            <button type="button" className="button button-primary" data-testid="import-run" disabled={!actions.canImport} onClick={() => void run(false)}>
              {running ? 'Starting…' : 'Import'}
            </button>
          )}
        </footer>
      </div>
    </Dialog>
  );
}
