import { useMemo, useState, type FormEvent } from 'react';
import type { WorkspaceSettings } from '../../../../shared/domain/settings';
import { ChipListField } from '../../components/ChipListField';
import { SwitchField } from '../../components/SwitchField';
import { TextField } from '../../components/TextField';
import { linkingChanged, linkingFields, linkingPatchOf, patternExample, validateLinking, type LinkingFormFields, type PatternExample } from './linking-form-model';
import { SaveBar } from './SaveBar';
import { UnlinkedSummary } from './UnlinkedSummary';
import { useSettingsSave } from './use-settings-save';

/** How records are linked and which MRs count as AI-generated; saving re-links without re-syncing. */
export function LinkingRulesCard({ settings }: { settings: WorkspaceSettings }) {
  const save = useSettingsSave('linking');
  // A new form whenever the saved values change (after a save or an undo), so it starts from them.
  const formKey = useMemo(() => JSON.stringify(linkingPatchOf(settings)), [settings]);
  return (
    <section className="card settings-card" data-testid="linking-card" aria-labelledby="linking-title">
      <h2 className="card-title" id="linking-title">
        Linking rules
      </h2>
      <p className="card-subtitle">
        How run events, tickets and merge requests are joined into records, and which merge requests count as AI-generated. Saving re-links the records from the
        data already synced; nothing is fetched again.
      </p>
      <UnlinkedSummary />
      <LinkingForm key={formKey} settings={settings} save={save} />
    </section>
  );
}

function LinkingForm({ settings, save }: { settings: WorkspaceSettings; save: ReturnType<typeof useSettingsSave> }) {
  const [fields, setFields] = useState<LinkingFormFields>(() => linkingFields(settings));
  const [sample, setSample] = useState('feature/PAY-1234-fix-rounding');
  const checked = validateLinking(fields);
  const errors = checked.ok ? {} : checked.errors;
  const changed = linkingChanged(fields, settings);
  const example = patternExample(fields.ticketKeyPattern, sample);

  const change = (patch: Partial<LinkingFormFields>) => setFields((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!checked.ok || !changed) return;
    await save.save(checked.value, settings);
  };

  return (
    <form className="settings-form" noValidate aria-label="Linking rules" onSubmit={(event) => void submit(event)}>
      <fieldset className="form-section">
        <legend>Ticket keys</legend>
        <div className="form-grid">
          <TextField
            id="linking-pattern"
            testId="linking-pattern"
            label="Ticket-key pattern"
            value={fields.ticketKeyPattern}
            hint="A regular expression found in branch names, MR titles and descriptions. Its first group (or the whole match) is the Jira key."
            error={errors.ticketKeyPattern}
            onChange={(ticketKeyPattern) => change({ ticketKeyPattern })}
          />
          <div className="pattern-example">
            <TextField id="linking-sample" testId="linking-sample" label="Try it on a branch name or MR title" value={sample} onChange={setSample} />
            <PatternExampleLine example={example} />
          </div>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>AI-generated merge requests</legend>
        <p className="field-hint">An MR counts as AI-generated when any of these rules matches it.</p>
        <div className="form-grid">
          <ChipListField
            id="linking-bots"
            testId="linking-bots"
            label="Bot usernames"
            values={fields.aiBotUsernames}
            placeholder="relay-bot"
            hint="GitLab usernames of the AI tool's bot accounts. Enter adds one."
            error={errors.aiBotUsernames}
            onChange={(aiBotUsernames) => change({ aiBotUsernames })}
          />
          <ChipListField
            id="linking-labels"
            testId="linking-labels"
            label="MR labels"
            values={fields.aiLabels}
            placeholder="ai-generated"
            hint="Labels the AI tool or your reviewers put on its MRs."
            error={errors.aiLabels}
            onChange={(aiLabels) => change({ aiLabels })}
          />
          <ChipListField
            id="linking-prefixes"
            testId="linking-prefixes"
            label="Branch prefixes"
            values={fields.aiBranchPrefixes}
            placeholder="ai/"
            hint="Source branches that start with one of these."
            error={errors.aiBranchPrefixes}
            onChange={(aiBranchPrefixes) => change({ aiBranchPrefixes })}
          />
        </div>
        <SwitchField
          id="linking-run-events"
          testId="linking-run-events"
          label="Run events naming an MR mark it as AI-generated"
          checked={fields.aiFromRunEvents}
          description="When the AI tool's billing export names an MR's URL, that MR counts as AI-generated even if no rule above matches it."
          onChange={(aiFromRunEvents) => change({ aiFromRunEvents })}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>Model provider spend</legend>
        <ChipListField
          id="linking-provider-accounts"
          testId="linking-provider-accounts"
          label="Provider accounts that bill the AI tool's model calls"
          values={fields.providerAccountsForRuns}
          placeholder="wrkspc_01…"
          optional
          hint="Self-hosted plans pay the model provider directly. Spend of these accounts is shared out over the records; other provider spend is listed as unlinked, not counted as AI-path cost."
          error={errors.providerAccountsForRuns}
          onChange={(providerAccountsForRuns) => change({ providerAccountsForRuns })}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>Outcomes, review and repairs</legend>
        <div className="form-grid form-grid-narrow">
          <TextField
            id="linking-rollback-days"
            testId="linking-rollback-days"
            label="Rollback window (days)"
            value={fields.rollbackWindowDays}
            hint="A merged MR reverted within this many days counts as rolled back, not accepted."
            error={errors.rollbackWindowDays}
            onChange={(rollbackWindowDays) => change({ rollbackWindowDays })}
          />
          <TextField
            id="linking-review-minutes"
            testId="linking-review-minutes"
            label="Review minutes per round"
            value={fields.reviewMinutesPerRound}
            hint="Review hours = rounds × these minutes, where worklogs do not record review time."
            error={errors.reviewMinutesPerRound}
            onChange={(reviewMinutesPerRound) => change({ reviewMinutesPerRound })}
          />
          <TextField
            id="linking-repair-budget"
            testId="linking-repair-budget"
            label="Repair budget (runs per record)"
            value={fields.repairBudget}
            hint="Continuation and retry runs a record may take before it is flagged as a repair loop."
            error={errors.repairBudget}
            onChange={(repairBudget) => change({ repairBudget })}
          />
        </div>
      </fieldset>
      {errors.form !== undefined && <p className="field-error">{errors.form}</p>}
      <SaveBar section="linking" state={save} changed={changed} valid={checked.ok} onDiscard={() => setFields(linkingFields(settings))} saveLabel="Save and re-link" />
    </form>
  );
}

function PatternExampleLine({ example }: { example: PatternExample }) {
  let text: string;
  switch (example.kind) {
    case 'invalid':
      text = 'Fix the pattern to see what it finds.';
      break;
    case 'empty':
      text = 'Type a branch name or title to see the keys the pattern finds.';
      break;
    case 'none':
      text = 'No ticket key found: an MR like this would not be linked to a ticket.';
      break;
    case 'keys':
      text = `Finds ${example.keys.join(', ')}`;
      break;
  }
  return (
    <p className={`pattern-example-result${example.kind === 'keys' ? ' text-ok' : example.kind === 'none' ? ' text-warning' : ' muted'}`} data-testid="linking-example" aria-live="polite">
      {text}
    </p>
  );
}
