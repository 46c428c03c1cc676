import { useEffect, useState } from 'react';
import type { Pilot } from '../../../../shared/domain/pilots';
import type { Scenario } from '../../../../shared/domain/scenario';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/ipc';
import { fetchPilots } from '../pilots/pilots-api';
import { calibrationLine } from './results-view-model';
import { calibrateScenario, saveScenario, type ScenarioView } from './scenarios-api';
import { nameProblem, uniqueName } from './scenario-names';

type NewScenarioDialogProps = { existing: readonly string[]; onClose: () => void; onCreated: (view: ScenarioView) => Promise<void> };

const WORKSPACE = '';

const wholeIn = (text: string, min: number, max: number): number | null => {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/**
 * A new scenario calibrated on the workspace's records or a pilot's: a preview says how many records
 * and which months it rests on before it is created (and saved, so it can be undone like any change).
 */
export function NewScenarioDialog({ existing, onClose, onCreated }: NewScenarioDialogProps) {
  const [pilots, setPilots] = useState<Pilot[] | null>(null);
  const [pilotsError, setPilotsError] = useState<string | null>(null);
  const [source, setSource] = useState(WORKSPACE);
  const [name, setName] = useState(() => uniqueName('Workspace calibration', existing));
  const [nameTouched, setNameTouched] = useState(false);
  const [windowText, setWindowText] = useState('6');
  const [horizonText, setHorizonText] = useState('12');
  const [preview, setPreview] = useState<{ key: string; scenario: Scenario | null; error: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const windowMonths = wholeIn(windowText, 1, 36);
  const horizonMonths = wholeIn(horizonText, 1, 120);
  const previewKey = `${source}|${windowMonths ?? ''}|${horizonMonths ?? ''}`;

  useEffect(() => {
    let current = true;
    fetchPilots().then(
      (list) => {
        if (current) setPilots(list);
      },
      (e: unknown) => {
        if (current) setPilotsError(errorMessage(e));
      },
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (windowMonths === null || horizonMonths === null) return;
    let current = true;
    const timer = setTimeout(() => {
      calibrateScenario({ name: 'Preview', windowMonths, horizonMonths, ...(source ? { pilot: source } : {}) }).then(
        (scenario) => {
          if (current) setPreview({ key: previewKey, scenario, error: null });
        },
        (e: unknown) => {
          if (current) setPreview({ key: previewKey, scenario: null, error: errorMessage(e) });
        },
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [previewKey, source, windowMonths, horizonMonths]);

  const shown = preview !== null && preview.key === previewKey ? preview : null;
  const problem = nameProblem(name, existing);

  const chooseSource = (value: string) => {
    setSource(value);
    if (!nameTouched) setName(uniqueName(value ? `${value} calibration` : 'Workspace calibration', existing));
  };

  const create = async () => {
    if (problem !== null || windowMonths === null || horizonMonths === null) return;
    setBusy(true);
    setError(null);
    try {
      const scenario = await calibrateScenario({ name: name.trim(), windowMonths, horizonMonths, ...(source ? { pilot: source } : {}) });
      const view = await saveScenario(scenario);
      await onCreated(view);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  const records = shown?.scenario?.calibration?.records ?? null;
  return (
    <Dialog title="New scenario" onClose={onClose} testId="new-scenario-dialog" size="wide">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        {error !== null && <Notice tone="error">{error}</Notice>}
        <p className="muted">Every assumption starts at the value measured in the records of the calibration window, with its evidence and range. You can override any of them afterwards.</p>
        <div className="form-grid new-scenario-grid">
          <TextField
            id="new-scenario-name"
            label="Name"
            value={name}
            onChange={(v) => {
              setName(v);
              setNameTouched(true);
            }}
            error={nameTouched ? (problem ?? undefined) : undefined}
            testId="new-scenario-name"
            initialFocus
          />
          <SelectField
            id="new-scenario-source"
            label="Calibrate from"
            value={source}
            onChange={chooseSource}
            options={[{ value: WORKSPACE, label: 'The whole workspace' }, ...(pilots ?? []).map((p) => ({ value: p.name, label: `Pilot ${p.name}` }))]}
            hint={pilotsError !== null ? `Pilots could not be read: ${pilotsError}` : 'A pilot calibrates on its own records and teams.'}
            testId="new-scenario-source"
          />
          <TextField
            id="new-scenario-window"
            label="Calibration window (months)"
            value={windowText}
            onChange={setWindowText}
            type="number"
            hint="The last months with records, 1 to 36."
            error={windowMonths === null ? 'Whole months from 1 to 36.' : undefined}
            testId="new-scenario-window"
          />
          <TextField
            id="new-scenario-horizon"
            label="Horizon (months)"
            value={horizonText}
            onChange={setHorizonText}
            type="number"
            hint="Months projected, 1 to 120."
            error={horizonMonths === null ? 'Whole months from 1 to 120.' : undefined}
            testId="new-scenario-horizon"
          />
        </div>
        <div className="new-scenario-preview" role="status" data-testid="new-scenario-preview" data-records={records ?? ''}>
          {shown === null ? (
            <span className="muted">Reading the records…</span>
          ) : shown.error !== null ? (
            <span className="field-error">{shown.error}</span>
          ) : records === 0 ? (
            <span>
              <strong>No records to calibrate on.</strong> The assumptions will be placeholders to set by hand. Sync Jira and GitLab and import billing on the <a href="#/sources">Sources</a> page
              first to calibrate from your data.
            </span>
          ) : (
            <span>{shown.scenario === null ? '' : calibrationLine(shown.scenario)}</span>
          )}
        </div>
        <footer className="dialog-footer">
          <span className="dialog-footer-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="new-scenario-create" disabled={busy || problem !== null || windowMonths === null || horizonMonths === null}>
            {busy ? 'Calibrating…' : 'Create scenario'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
