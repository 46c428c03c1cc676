import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { WorkspaceSettings } from '../../../../shared/domain/settings';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { PlanEditor } from './PlanEditor';
import { MISSING_PLAN, newPlanFields, plansChanged, plansFields, plansPatchOf, removePlan, validatePlans, workspaceRows, type PlanFormFields, type PlansErrors, type PlansFormFields } from './plans-form-model';
import { SaveBar } from './SaveBar';
import { knownWorkspacesResource } from './settings-store';
import { useSettingsSave } from './use-settings-save';

/** Vendor pricing plans, which plan each vendor workspace is on, and where run-credit cost comes from. */
export function PlansCard({ settings }: { settings: WorkspaceSettings }) {
  const save = useSettingsSave('plans');
  const formKey = useMemo(() => JSON.stringify(plansPatchOf(settings)), [settings]);
  return (
    <section className="card settings-card" data-testid="plans-card" aria-labelledby="plans-title">
      <h2 className="card-title" id="plans-title">
        Plans
      </h2>
      <p className="card-subtitle">
        How the AI coding tool’s vendor prices the work, as data. The reconciliation compares what the vendor billed with what these plans imply; saving re-prices the
        records.
      </p>
      <PlansForm key={formKey} settings={settings} save={save} />
    </section>
  );
}

function PlansForm({ settings, save }: { settings: WorkspaceSettings; save: ReturnType<typeof useSettingsSave> }) {
  const [fields, setFields] = useState<PlansFormFields>(() => plansFields(settings));
  const [newWorkspace, setNewWorkspace] = useState('');
  const known = knownWorkspacesResource.useStore();
  useEffect(() => knownWorkspacesResource.watch(), []);
  const checked = validatePlans(fields);
  const errors: PlansErrors = checked.ok ? { plans: {}, workspaces: {} } : checked.errors;
  const changed = plansChanged(fields, settings);
  const workspaces = workspaceRows(fields.planByWorkspace, known.data ?? []);

  const changePlan = (key: string, patch: Partial<PlanFormFields>) =>
    setFields((current) => ({ ...current, plans: current.plans.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));
  const setWorkspacePlan = (workspace: string, planKey: string) => setFields((current) => ({ ...current, planByWorkspace: { ...current.planByWorkspace, [workspace]: planKey } }));

  const addWorkspace = () => {
    const name = newWorkspace.trim();
    if (name === '') return;
    if (!(name in fields.planByWorkspace)) setWorkspacePlan(name, fields.plans[0]?.key ?? '');
    setNewWorkspace('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!checked.ok || !changed) return;
    await save.save(checked.value, settings);
  };

  const planOptions = fields.plans.map((p) => ({ value: p.key, label: p.name.trim() === '' ? '(unnamed plan)' : p.name.trim() }));

  return (
    <form className="settings-form" noValidate aria-label="Plans" onSubmit={(event) => void submit(event)}>
      <div className="plan-list">
        {fields.plans.map((plan, index) => (
          <PlanEditor
            key={plan.key}
            plan={plan}
            index={index}
            errors={errors.plans[plan.key] ?? {}}
            canRemove={fields.plans.length > 1}
            onChange={(patch) => changePlan(plan.key, patch)}
            onRemove={() => setFields((current) => removePlan(current, plan.key))}
          />
        ))}
      </div>
      <div>
        <button type="button" className="button" data-testid="plan-add" onClick={() => setFields((current) => ({ ...current, plans: [...current.plans, newPlanFields(current.plans, settings.currency)] }))}>
          Add plan
        </button>
      </div>

      <fieldset className="form-section">
        <legend>Which plan each vendor workspace is on</legend>
        <p className="field-hint">Vendor workspaces as they appear in the billing export. A workspace without a plan has nothing to reconcile its bill against, and no plan estimate.</p>
        {workspaces.length === 0 ? (
          <p className="muted">{known.status === 'loading' ? 'Looking for vendor workspaces in the billing data…' : 'No vendor workspace in the billing data yet.'}</p>
        ) : (
          <table className="table table-compact workspace-plans" data-testid="workspace-plans">
            <thead>
              <tr>
                <th scope="col">Vendor workspace</th>
                <th scope="col">Plan</th>
              </tr>
            </thead>
            <tbody>
              {workspaces.map((workspace) => {
                const value = fields.planByWorkspace[workspace] ?? '';
                const error = errors.workspaces[workspace];
                const selectId = `workspace-plan-${workspace.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
                return (
                  <tr key={workspace} data-testid="workspace-plan-row" data-workspace={workspace}>
                    <th scope="row" className="mono">
                      <label htmlFor={selectId}>{workspace}</label>
                    </th>
                    <td>
                      <select
                        id={selectId}
                        className="input select"
                        value={value}
                        aria-invalid={error !== undefined ? true : undefined}
                        aria-describedby={error !== undefined ? `${selectId}-error` : undefined}
                        data-testid="workspace-plan"
                        onChange={(event) => setWorkspacePlan(workspace, event.target.value)}
                      >
                        <option value="">No plan</option>
                        {value.startsWith(MISSING_PLAN) && <option value={value}>{value.slice(MISSING_PLAN.length)} (missing)</option>}
                        {planOptions.map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                      {error !== undefined && (
                        <p className="field-error" id={`${selectId}-error`}>
                          {error}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <div className="inline-add">
          <label htmlFor="workspace-new" className="field-label">
            Add a vendor workspace not billed yet
          </label>
          <input
            id="workspace-new"
            className="input"
            data-testid="workspace-new"
            placeholder="Workspace name"
            spellCheck={false}
            value={newWorkspace}
            onChange={(event) => setNewWorkspace(event.target.value)}
            onKeyDown={(event) => {
              // Enter adds the workspace here rather than submitting the whole plans form.
              if (event.key === 'Enter') {
                event.preventDefault();
                addWorkspace();
              }
            }}
          />
          <button type="button" className="button" disabled={newWorkspace.trim() === ''} onClick={addWorkspace}>
            Add
          </button>
        </div>
      </fieldset>

      <ChoiceGroup
        legend="Run-credit cost from"
        name="run-credit-cost-from"
        value={fields.runCreditCostFrom}
        choices={[
          { value: 'billed', label: 'Billed (measured)', testId: 'cost-from-billed' },
          { value: 'plan', label: 'Plan (estimated)', testId: 'cost-from-plan' },
        ]}
        hint={
          fields.runCreditCostFrom === 'billed'
            ? 'Records carry what the vendor billed for their run events.'
            : 'Records carry what the plans above imply: for forecasting a plan the vendor has not billed yet. Marked as estimated wherever shown.'
        }
        onChange={(runCreditCostFrom) => setFields((current) => ({ ...current, runCreditCostFrom }))}
      />
      {errors.form !== undefined && <p className="field-error">{errors.form}</p>}
      <SaveBar section="plans" state={save} changed={changed} valid={checked.ok} onDiscard={() => setFields(plansFields(settings))} saveLabel="Save and re-price" />
    </form>
  );
}
