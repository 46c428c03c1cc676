import { useMemo } from 'react';
import type { PlanRules } from '../../../../shared/domain/plans';
import type { Assumption, Scenario } from '../../../../shared/domain/scenario';
import { assumptionGroups, overrideCount } from './assumption-model';
import { AssumptionRow } from './AssumptionRow';

type AssumptionsPanelProps = {
  scenario: Scenario;
  /** The calibration done again now, for "reset to calibrated"; null while loading or without one. */
  reference: Scenario | null;
  referenceError: string | null;
  plans: readonly PlanRules[];
  onEdit: (key: string, assumption: Assumption, session: string | null) => void;
  onReset: (key: string) => void;
  onResetAll: () => void;
  onPlan: (name: string) => void;
  onBlur: () => void;
};

const SHAPE_LABEL: Record<PlanRules['shape'], string> = { per_outcome: 'charged per outcome', prepaid_balance: 'prepaid balance, a fee per review', per_merged: 'charged per merged PR/MR' };

/** Every assumption, grouped, each with its evidence and range; teams' assumptions (the capacity plan's) last. */
export function AssumptionsPanel({ scenario, reference, referenceError, plans, onEdit, onReset, onResetAll, onPlan, onBlur }: AssumptionsPanelProps) {
  const groups = useMemo(() => assumptionGroups(scenario, reference), [scenario, reference]);
  const overrides = overrideCount(scenario);
  const planNames = plans.map((p) => p.name);
  const planOptions = planNames.includes(scenario.plan.name) ? planNames : [scenario.plan.name, ...planNames];

  return (
    <section className="assumptions-panel" aria-labelledby="assumptions-title" data-testid="assumptions-panel">
      <header className="assumptions-header">
        <div>
          <h2 className="card-title" id="assumptions-title">
            Assumptions
          </h2>
          <p className="card-subtitle">
            Each starts at the value measured in the data, with its evidence and a P10–P90 range. Type a value, or a low and high for Monte Carlo and the tornado; the results
            follow as you type. Shares are in per cent, money in {scenario.currency}.
          </p>
        </div>
        <div className="assumptions-header-actions">
          <span className="muted small" data-testid="override-count">
            {overrides === 0 ? 'No overrides' : overrides === 1 ? '1 override' : `${overrides} overrides`}
          </span>
          {overrides > 0 && reference !== null && (
            <button type="button" className="button button-small" data-testid="reset-all" onClick={onResetAll}>
              Reset all to calibrated
            </button>
          )}
        </div>
      </header>
      {referenceError !== null && <p className="muted small">Reset to calibrated is unavailable: {referenceError}</p>}
      {groups.map((group) => (
        <details key={group.id} className="assumption-group card" open={!group.id.startsWith('team:')} data-testid="assumption-group" data-group={group.title}>
          <summary className="assumption-group-title">
            {group.title}
            <span className="muted small">
              {group.rows.length} {group.rows.length === 1 ? 'assumption' : 'assumptions'}
              {group.rows.some((r) => r.overridden) ? ` · ${group.rows.filter((r) => r.overridden).length} overridden` : ''}
            </span>
          </summary>
          {group.id === 'Plan' && (
            <div className="assumption-plan">
              <label className="field-label" htmlFor="scenario-plan">
                Plan
              </label>
              <select id="scenario-plan" className="input select" value={scenario.plan.name} data-testid="scenario-plan" onChange={(e) => onPlan(e.target.value)}>
                {planOptions.map((name) => (
                  <option key={name} value={name} disabled={!planNames.includes(name)}>
                    {name}
                  </option>
                ))}
              </select>
              <span className="muted small">
                {SHAPE_LABEL[scenario.plan.shape]}; free allowance resets {scenario.plan.allowanceResets === 'monthly' ? 'monthly' : 'never'}. Switching plan sets its price and free credits.
              </span>
            </div>
          )}
          {group.id.startsWith('team:') && group.rows.length > 0 && <p className="muted small assumption-team-note">Used by the capacity plan.</p>}
          <div className="assumption-rows">
            {group.rows.map((row) => (
              <AssumptionRow key={row.key} row={row} currency={scenario.currency} onEdit={onEdit} onReset={onReset} onBlur={onBlur} />
            ))}
          </div>
        </details>
      ))}
    </section>
  );
}
