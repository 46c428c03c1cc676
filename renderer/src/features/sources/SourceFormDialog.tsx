import { useRef, useState, type FormEvent } from 'react';
import type { ConnectionTest, SourceView } from '../../../../shared/ipc/contract';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/ipc';
import { ConnectionResult } from './ConnectionResult';
import { addSource, testDraft, testSavedSource, updateSource } from './sources-api';
import { connectionResult, type ConnectionResultModel } from './source-card-view-model';
import { emptySourceForm, fieldsFromSource, formLayout, validateDraft, validateUpdate, type FieldErrors, type SourceFormFields } from './source-form-model';

type SourceFormDialogProps = {
  /** Null adds a new source; a saved source is edited (its kind, edition and name stay). */
  source: SourceView | null;
  onClose: () => void;
  onSaved: (saved: SourceView) => void;
};

type TestState = ConnectionResultModel & { note: string | null };

/**
 * Add or edit a Jira or GitLab source. The token lives only in this component's state: it is sent
 * with a test or a save, cleared after a save attempt, and gone when the dialog closes.
 */
export function SourceFormDialog({ source, onClose, onSaved }: SourceFormDialogProps) {
  const mode = source === null ? 'add' : 'edit';
  const [fields, setFields] = useState<SourceFormFields>(() => (source === null ? emptySourceForm() : fieldsFromSource(source)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [serverError, setServerError] = useState<{ message: string; tokenCleared: boolean } | null>(null);
  const [test, setTest] = useState<TestState | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const layout = formLayout(fields, mode);
  const jira = fields.kind === 'jira';

  const validate = (next: SourceFormFields) => (source === null ? validateDraft(next) : validateUpdate(next, source.name));

  const change = (patch: Partial<SourceFormFields>) => {
    const next = { ...fields, ...patch };
    setFields(next);
    setTest(null);
    if (attempted) {
      const result = validate(next);
      setErrors(result.ok ? {} : result.errors);
    }
  };

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    // After React has drawn the messages, take the reader to the first field that needs attention.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], #source-scope-error')?.focus());
  };

  const runTest = async () => {
    setServerError(null);
    const useSaved = source !== null && fields.token === '';
    let request: () => Promise<ConnectionTest>;
    if (useSaved) {
      const checked = validateUpdate(fields, source.name);
      if (!checked.ok) return showErrors(checked.errors);
      request = () => testSavedSource(source.name);
    } else {
      // The name plays no part in a connection test, so a form without one can be tested already.
      const checked = validateDraft({ ...fields, name: source?.name ?? (fields.name.trim() === '' ? 'Untitled source' : fields.name) });
      if (!checked.ok) return showErrors(checked.errors);
      request = () => testDraft(checked.value);
    }
    setErrors({});
    setBusy('test');
    setTest(null);
    try {
      setTest({ ...connectionResult(await request()), note: useSaved ? '(Tested with the saved settings and token.)' : null });
    } catch (error) {
      setTest({ ok: false, text: errorMessage(error), note: null });
    } finally {
      setBusy(null);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    setAttempted(true);
    let save: () => Promise<SourceView>;
    if (source === null) {
      const checked = validateDraft(fields);
      if (!checked.ok) return showErrors(checked.errors);
      save = () => addSource(checked.value);
    } else {
      const checked = validateUpdate(fields, source.name);
      if (!checked.ok) return showErrors(checked.errors);
      save = () => updateSource(checked.value);
    }
    setErrors({});
    setBusy('save');
    try {
      onSaved(await save());
    } catch (error) {
      const hadToken = fields.token !== '';
      setFields((current) => ({ ...current, token: '' }));
      setServerError({ message: errorMessage(error), tokenCleared: hadToken });
      requestAnimationFrame(() => formRef.current?.querySelector('[data-testid="source-form-error"]')?.scrollIntoView({ block: 'nearest' }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog title={layout.title} onClose={onClose} testId="source-dialog" size="wide">
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        {serverError !== null && (
          <Notice tone="error" testId="source-form-error">
            {serverError.message}
            {serverError.tokenCleared && ' The token field was cleared; enter the token again before retrying.'}
          </Notice>
        )}
        {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
        <div className="form-row">
          <ChoiceGroup
            legend="Kind"
            name="source-kind"
            value={fields.kind}
            disabled={mode === 'edit'}
            initialFocus={mode === 'add'}
            onChange={(kind) => change({ kind })}
            choices={[
              { value: 'jira', label: 'Jira', testId: 'source-kind-jira' },
              { value: 'gitlab', label: 'GitLab', testId: 'source-kind-gitlab' },
            ]}
          />
          {jira && (
            <ChoiceGroup
              legend="Jira edition"
              name="source-flavour"
              value={fields.flavour}
              disabled={mode === 'edit'}
              onChange={(flavour) => change({ flavour })}
              choices={[
                { value: 'cloud', label: 'Cloud', testId: 'source-flavour-cloud' },
                { value: 'datacenter', label: 'Data Center', testId: 'source-flavour-datacenter' },
              ]}
            />
          )}
        </div>
        <div className="form-grid">
          <TextField
            id="source-name"
            testId="source-name"
            label="Name"
            value={fields.name}
            readOnly={mode === 'edit'}
            hint={layout.nameHint}
            error={errors.name}
            onChange={(name) => change({ name })}
          />
          <TextField
            id="source-url"
            testId="source-url"
            label={jira ? 'Jira URL' : 'GitLab URL'}
            initialFocus={mode === 'edit'}
            type="url"
            placeholder={layout.urlPlaceholder}
            value={fields.baseUrl}
            hint={layout.urlHint}
            error={errors.baseUrl}
            onChange={(baseUrl) => change({ baseUrl })}
          />
          {layout.showEmail && (
            <TextField
              id="source-email"
              testId="source-email"
              label="Account e-mail"
              type="email"
              autoComplete="email"
              placeholder="mia@example.com"
              value={fields.email}
              hint="The Atlassian account the API token belongs to."
              error={errors.email}
              onChange={(email) => change({ email })}
            />
          )}
          <TextField
            id="source-token"
            testId="source-token"
            label={layout.tokenLabel}
            type="password"
            autoComplete="new-password"
            optional={mode === 'edit'}
            value={fields.token}
            hint={layout.tokenHint}
            error={errors.token}
            onChange={(token) => change({ token })}
          />
        </div>
        <fieldset className="form-section" aria-describedby={errors.scope === undefined ? 'source-scope-hint' : 'source-scope-error source-scope-hint'}>
          <legend>What to sync</legend>
          <p className="field-hint" id="source-scope-hint">
            {layout.scopeHint}
          </p>
          {errors.scope !== undefined && (
            <p className="field-error" id="source-scope-error" tabIndex={-1}>
              {errors.scope}
            </p>
          )}
          <div className="form-grid">
            {layout.showGroups && (
              <TextField
                id="source-groups"
                testId="source-groups"
                label="Groups"
                placeholder="northwind"
                value={fields.groups}
                hint="Group paths, comma or space separated."
                error={errors.groups}
                onChange={(groups) => change({ groups })}
              />
            )}
            <TextField
              id="source-projects"
              testId="source-projects"
              label={layout.projectsLabel}
              placeholder={layout.projectsPlaceholder}
              value={fields.projects}
              hint={layout.projectsHint}
              error={errors.projects}
              onChange={(projects) => change({ projects })}
            />
            {layout.showJql && (
              <TextField
                id="source-jql"
                testId="source-jql"
                label="JQL filter"
                optional
                multiline
                placeholder="labels = ai-assisted"
                value={fields.jql}
                hint="Narrows the projects, or stands alone."
                error={errors.jql}
                onChange={(jql) => change({ jql })}
              />
            )}
            <TextField
              id="source-start-date"
              testId="source-start-date"
              label="Start date"
              type="date"
              optional
              value={fields.startDate}
              hint="Only work updated on or after this day. Empty: all history."
              error={errors.startDate}
              onChange={(startDate) => change({ startDate })}
            />
          </div>
        </fieldset>
        <div className="form-test" aria-live="polite">
          {busy === 'test' && <p className="muted">Testing the connection…</p>}
          {test !== null && <ConnectionResult result={test} />}
        </div>
        <footer className="dialog-footer">
          <button type="button" className="button" data-testid="source-test" disabled={busy !== null} onClick={() => void runTest()}>
            {busy === 'test' ? 'Testing…' : 'Test connection'}
          </button>
          <span className="dialog-footer-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="source-save" disabled={busy !== null}>
            {busy === 'save' ? 'Saving…' : layout.submitLabel}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
