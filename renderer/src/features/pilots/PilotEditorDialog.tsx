import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PILOT_DECISION_LABELS, type Pilot } from '../../../../shared/domain/pilots';
import { ChipListField } from '../../components/ChipListField';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/ipc';
import { emptyPilotForm, pilotFields, TEXT_DECISIONS, validatePilot, type PilotErrors, type PilotFormFields, type TextDecision } from './pilot-form-model';
import { savePilot } from './pilots-api';
import { scopeSuggestionsResource } from './pilots-store';

type PilotEditorDialogProps = {
  /** Null creates a new pilot. */
  pilot: Pilot | null;
  onClose: () => void;
  onSaved: (pilot: Pilot) => void;
};

const DECISION_HINTS: Record<TextDecision, string> = {
  eligibleQueueState: 'Which tickets may enter the AI path, e.g. “Ready for dev, labelled maintenance, ≤ 5 points”.',
  blockingStates: 'States that keep a ticket out, e.g. “Blocked, Needs design”.',
  repositoryMatch: 'How a ticket finds its repository, e.g. component → repository.',
  contextAllowed: 'What the AI tool may read.',
  contextExcluded: 'What it must never see: personal data, secrets.',
  gateEvidence: 'What must pass before a reviewer is asked, e.g. a green pipeline.',
  repairAndRejectedShown: 'Where repairs and rejected attempts stay visible.',
  mergeAuthority: 'Who approves and merges.',
  stopRules: 'When the pilot pauses or stops.',
};

/** Create or edit a pilot: its name, owner, scope and the decisions a rollout needs written down. */
export function PilotEditorDialog({ pilot, onClose, onSaved }: PilotEditorDialogProps) {
  const [fields, setFields] = useState<PilotFormFields>(() => (pilot === null ? emptyPilotForm() : pilotFields(pilot)));
  const [errors, setErrors] = useState<PilotErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const suggestions = scopeSuggestionsResource.useStore((state) => state.data);
  useEffect(() => scopeSuggestionsResource.watch(), []);

  const change = (patch: Partial<PilotFormFields>) => {
    const next = { ...fields, ...patch };
    setFields(next);
    if (attempted) {
      const checked = validatePilot(next, pilot?.id);
      setErrors(checked.ok ? {} : checked.errors);
    }
  };
  const changeDecision = (key: TextDecision, value: string) => change({ decisions: { ...fields.decisions, [key]: value } });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setServerError(null);
    const checked = validatePilot(fields, pilot?.id);
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onSaved(await savePilot(checked.value));
    } catch (caught) {
      setServerError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog title={pilot === null ? 'New pilot' : `Edit ${pilot.name}`} onClose={onClose} testId="pilot-dialog" size="wide">
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        {serverError !== null && (
          <Notice tone="error" testId="pilot-form-error">
            {serverError}
          </Notice>
        )}
        {errors.form !== undefined && <Notice tone="error">{errors.form}</Notice>}
        <div className="form-grid">
          <TextField id="pilot-name" testId="pilot-name" label="Name" initialFocus value={fields.name} error={errors.name} hint="How the pilot is listed, e.g. Payments maintenance." onChange={(name) => change({ name })} />
          <TextField id="pilot-owner" testId="pilot-owner" label="Owner" optional value={fields.owner} error={errors.owner} hint="Who answers for the pilot's decisions." onChange={(owner) => change({ owner })} />
        </div>

        <fieldset className="form-section">
          <legend>Scope</legend>
          <p className="field-hint">A record is in the pilot when it matches every list that is filled in; an empty list means any. Enter or a comma adds a value.</p>
          <div className="form-grid">
            <ChipListField
              id="pilot-projects"
              testId="pilot-projects"
              label="Jira projects"
              upperCase
              values={fields.projects}
              suggestions={suggestions?.projects}
              placeholder="PAY"
              error={errors.projects}
              onChange={(projects) => change({ projects })}
            />
            <ChipListField
              id="pilot-repositories"
              testId="pilot-repositories"
              label="Repositories"
              values={fields.repositories}
              suggestions={suggestions?.repositories}
              placeholder="group/repository"
              error={errors.repositories}
              onChange={(repositories) => change({ repositories })}
            />
            <ChipListField id="pilot-teams" testId="pilot-teams" label="Teams" values={fields.teams} suggestions={suggestions?.teams} placeholder="Payments" error={errors.teams} onChange={(teams) => change({ teams })} />
            <ChipListField id="pilot-labels" testId="pilot-labels" label="Ticket labels" values={fields.labels} placeholder="maintenance" error={errors.labels} onChange={(labels) => change({ labels })} />
            <TextField id="pilot-from" testId="pilot-from" label="From" type="date" optional value={fields.from} error={errors.from} onChange={(from) => change({ from })} />
            <TextField id="pilot-to" testId="pilot-to" label="To" type="date" optional value={fields.to} error={errors.to} onChange={(to) => change({ to })} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Rollout decisions</legend>
          <p className="field-hint">Written down here, they travel with the pilot’s scorecard and its cost worksheet.</p>
          <div className="form-grid pilot-decisions-form">
            {TEXT_DECISIONS.map((key) => (
              <TextField
                key={key}
                id={`pilot-${key}`}
                testId={`pilot-decision-${key}`}
                label={PILOT_DECISION_LABELS[key]}
                multiline
                optional
                value={fields.decisions[key]}
                hint={DECISION_HINTS[key]}
                error={errors[key]}
                onChange={(value) => changeDecision(key, value)}
              />
            ))}
            <TextField
              id="pilot-repairBudget"
              testId="pilot-decision-repairBudget"
              label={PILOT_DECISION_LABELS.repairBudget}
              optional
              value={fields.repairBudget}
              hint="Continuation and retry runs a record may take before it counts as a repair loop."
              error={errors.repairBudget}
              onChange={(repairBudget) => change({ repairBudget })}
            />
          </div>
        </fieldset>

        <footer className="dialog-footer">
          <span className="dialog-footer-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="pilot-save" disabled={busy}>
            {busy ? 'Saving…' : pilot === null ? 'Create pilot' : 'Save changes'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
