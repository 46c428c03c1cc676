import { useState } from 'react';
import type { WorkspaceSettings } from '../../../../shared/domain/settings';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { SwitchField } from '../../components/SwitchField';
import { useSettingsSave } from './use-settings-save';

/** Why person-level views are off by default; shown beside the switch and again before turning it on. */
function PeopleExplanation() {
  return (
    <>
      <p>
        Yardstick measures workflows, teams and repositories, not individuals. Person-level views are off by default because rankings of people distort behaviour
        (work gets picked for the metric, not for the team) and may breach works-council agreements and GDPR expectations about monitoring employees.
      </p>
      <p>
        When on, records show the ticket’s assignee and can be grouped by person. Exports still pseudonymise people unless the export is explicitly told otherwise.
      </p>
    </>
  );
}

/** The person-level views switch: off by default; turning it on asks first. */
export function PeopleCard({ settings }: { settings: WorkspaceSettings }) {
  const save = useSettingsSave('people');
  const [confirming, setConfirming] = useState(false);
  const enabled = settings.peopleViewsEnabled;

  const set = async (value: boolean) => {
    const saved = await save.save({ peopleViewsEnabled: value }, settings);
    if (saved) setConfirming(false);
  };

  return (
    <section className="card settings-card" data-testid="people-card" aria-labelledby="people-title">
      <h2 className="card-title" id="people-title">
        People
      </h2>
      {save.error !== null && !confirming && (
        <Notice tone="error" testId="people-error" onDismiss={save.dismiss}>
          {save.error}
        </Notice>
      )}
      <div>
        <SwitchField
          id="people-views"
          testId="people-toggle"
          label="Person-level views"
          checked={enabled}
          disabled={save.busy !== null}
          description={
            <div className="people-explanation" data-testid="people-explanation">
              <PeopleExplanation />
            </div>
          }
          onChange={(value) => (value ? setConfirming(true) : void set(false))}
        />
      </div>
      <p className="muted small" data-testid="people-state">
        {enabled ? 'On: person-level grouping is available.' : 'Off: records and exports are about workflows, teams and repositories.'}
      </p>
      {confirming && (
        <Dialog title="Turn on person-level views?" onClose={() => setConfirming(false)} testId="people-dialog">
          <div className="form">
            {save.error !== null && <Notice tone="error">{save.error}</Notice>}
            <PeopleExplanation />
            <p>Check with your works council or data-protection officer before turning this on for your organisation’s data.</p>
            <footer className="dialog-footer">
              <span className="dialog-footer-spacer" />
              <button type="button" className="button" data-autofocus onClick={() => setConfirming(false)}>
                Keep off
              </button>
              <button type="button" className="button button-primary" data-testid="people-confirm" disabled={save.busy !== null} onClick={() => void set(true)}>
                {save.busy === 'save' ? 'Turning on…' : 'Turn on'}
              </button>
            </footer>
          </div>
        </Dialog>
      )}
    </section>
  );
}
