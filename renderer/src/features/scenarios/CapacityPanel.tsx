import { useId, useMemo, useState } from 'react';
import { capacityPlan, type CapacityOptions, type Scenario } from '../../../../shared/domain/scenario';
import { EChart } from '../../components/EChart';
import { downloadCsv } from '../../lib/download';
import { ChartImageMenu } from '../present/ChartImageMenu';
import { projectionPeriod } from './scenario-period';
import { capacityChartOption } from './capacity-chart-option';
import { ALL_TEAMS, budgetLines, capacityCsv, capacityRows, capacitySummary, parseBudget } from './capacity-view-model';

type CapacityPanelProps = { scenario: Scenario; onOptions: (patch: Partial<CapacityOptions>, session: string | null) => void; onBlur: () => void };

type OptionInputProps = {
  label: string;
  hint: string;
  value: number | null;
  /** Text for a value; the parse of a typed text (ok false: not valid). */
  format: (v: number | null) => string;
  parse: (text: string) => { ok: true; value: number | null } | { ok: false; error: string };
  onValue: (v: number | null) => void;
  onBlur: () => void;
  testId: string;
};

/** A number typed into the capacity options: applied as typed when valid; left, it shows the value in effect. */
function OptionInput({ label, hint, value, format, parse, onValue, onBlur, testId }: OptionInputProps) {
  const id = useId();
  const [typed, setTyped] = useState<{ base: number | null; text: string; error: string | null } | null>(null);
  const mine = typed !== null && typed.base === value ? typed : null;
  return (
    <div className={`field${mine?.error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        inputMode="decimal"
        autoComplete="off"
        value={mine?.text ?? format(value)}
        aria-invalid={mine?.error ? true : undefined}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
        onChange={(e) => {
          const text = e.target.value;
          const parsed = parse(text);
          if (parsed.ok) {
            setTyped({ base: parsed.value, text, error: null });
            onValue(parsed.value);
          } else setTyped({ base: value, text, error: parsed.error });
        }}
        onBlur={() => {
          setTyped(null);
          onBlur();
        }}
      />
      <p className={mine?.error ? 'field-error' : 'field-hint'} id={`${id}-hint`}>
        {mine?.error ?? hint}
      </p>
    </div>
  );
}

const shareText = (v: number | null) => (v === null ? '' : String(Number((v * 100).toFixed(2))));
const parseShare = (text: string): { ok: true; value: number | null } | { ok: false; error: string } => {
  const n = Number(text.replace(/[%\s]/g, ''));
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? { ok: true, value: n / 100 } : { ok: false, error: 'A share from 0 to 100%.' };
};
const budgetText = (v: number | null) => (v === null ? '' : String(v));
const parseBudgetField = (text: string): { ok: true; value: number | null } | { ok: false; error: string } => {
  const r = parseBudget(text);
  return r.ok ? r : { ok: false, error: 'Credits per month, or empty for no budget.' };
};

/**
 * The capacity plan per team and month: hours available and needed, hours freed, the backlog with
 * and without the AI path, and the largest share to route that keeps within a credit budget.
 */
export function CapacityPanel({ scenario, onOptions, onBlur }: CapacityPanelProps) {
  const [team, setTeam] = useState<string>(ALL_TEAMS);
  const plan = useMemo(() => (scenario.teams.length === 0 ? null : capacityPlan(scenario)), [scenario]);
  const teamShown = scenario.teams.some((t) => t.name === team) ? team : ALL_TEAMS;
  const rows = useMemo(() => (plan === null ? [] : capacityRows(scenario, plan, teamShown)), [scenario, plan, teamShown]);
  const option = useMemo(() => capacityChartOption(rows), [rows]);
  const c = scenario.capacity;

  if (plan === null) {
    return (
      <section className="card" aria-labelledby="capacity-title" data-testid="capacity">
        <h2 className="card-title" id="capacity-title">
          Capacity plan
        </h2>
        <p className="muted" data-testid="capacity-empty">
          This scenario has no teams. Teams come from the project-to-team mapping in Settings; calibrate a new scenario once projects are mapped to teams.
        </p>
      </section>
    );
  }

  return (
    <section className="card chart-card capacity" aria-labelledby="capacity-title" data-testid="capacity">
      <h2 className="card-title" id="capacity-title">
        Capacity plan
      </h2>
      <p className="card-subtitle">
        Available hours are engineers × productive hours less leave; demand is the intake and backlog in hours. Part of the eligible work goes through the AI path: what it accepts leaves
        the people’s queue, and its review and repair hours are spent on it. Team assumptions are in the Assumptions tab.
      </p>
      <div className="capacity-options">
        <OptionInput
          label="Share routed (%)"
          hint="Of each team’s eligible intake, through the AI path."
          value={c.routedShare}
          format={shareText}
          parse={parseShare}
          onValue={(v) => onOptions({ routedShare: v ?? 0 }, 'capacity:share')}
          onBlur={onBlur}
          testId="capacity-share"
        />
        <OptionInput
          label="Run credits a month"
          hint="Budget; empty for none."
          value={c.runCreditBudgetPerMonth}
          format={budgetText}
          parse={parseBudgetField}
          onValue={(v) => onOptions({ runCreditBudgetPerMonth: v }, 'capacity:run')}
          onBlur={onBlur}
          testId="capacity-run-budget"
        />
        <OptionInput
          label="AI credits a month"
          hint="Budget; empty for none."
          value={c.aiCreditBudgetPerMonth}
          format={budgetText}
          parse={parseBudgetField}
          onValue={(v) => onOptions({ aiCreditBudgetPerMonth: v }, 'capacity:ai')}
          onBlur={onBlur}
          testId="capacity-ai-budget"
        />
      </div>
      <dl className="capacity-budgets" data-testid="capacity-budgets">
        {budgetLines(plan, c).map((line) => (
          <div key={line.id} className="capacity-budget" data-testid={`max-share-${line.id}`} data-value={line.share ?? ''}>
            <dt>Largest share {line.label}</dt>
            <dd>
              <strong>{line.text}</strong>
              {line.share !== null && Math.abs(line.share - c.routedShare) > 1e-9 && (
                <button type="button" className="button button-small" onClick={() => onOptions({ routedShare: line.share! }, null)}>
                  Route this share
                </button>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <div className="capacity-team">
        <label className="field-label" htmlFor="capacity-team">
          Team
        </label>
        <select id="capacity-team" className="input select" value={teamShown} data-testid="capacity-team" onChange={(e) => setTeam(e.target.value)}>
          <option value={ALL_TEAMS}>All teams</option>
          {scenario.teams.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
        <p className="capacity-summary" data-testid="capacity-summary">
          {capacitySummary(plan, teamShown)}
        </p>
      </div>
      <ChartImageMenu option={option} title={`Backlog by month, with and without the AI path: ${teamShown === ALL_TEAMS ? 'all teams' : teamShown}`} period={projectionPeriod(scenario)} />
      <EChart option={option} className="scenario-capacity-chart" label="Backlog at the end of each month, with the AI path and with people only. The figures are in the table below." testId="capacity-chart" />
      <div className="scenario-table-wrap">
        <table className="table table-compact" data-testid="capacity-table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">
                Available
              </th>
              <th scope="col" className="num">
                Demand
              </th>
              <th scope="col" className="num">
                Hours freed
              </th>
              <th scope="col" className="num">
                FTE freed
              </th>
              <th scope="col" className="num">
                Backlog (items)
              </th>
              <th scope="col" className="num">
                People only
              </th>
              <th scope="col" className="num">
                Run credits
              </th>
              <th scope="col" className="num">
                AI credits
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.month} data-testid="capacity-row">
                <th scope="row">{r.label}</th>
                <td className="num">{r.availableHours}</td>
                <td className={`num${r.overCapacity ? ' capacity-over' : ''}`} title={r.overCapacity ? 'More hours needed than available' : undefined}>
                  {r.demandHours}
                </td>
                <td className="num">{r.hoursFreed}</td>
                <td className="num">{r.fteFreed}</td>
                <td className="num">{r.backlog}</td>
                <td className="num">{r.backlogWithoutAi}</td>
                <td className="num">{r.runCredits}</td>
                <td className="num">{r.aiCredits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-actions">
        <button
          type="button"
          className="button button-small"
          data-testid="capacity-export-csv"
          disabled={plan === null}
          onClick={() =>
            plan !== null &&
            downloadCsv('yardstick-capacity', `${scenario.name} ${teamShown === ALL_TEAMS ? 'all teams' : teamShown}`, capacityCsv(scenario, plan, teamShown))
          }
        >
          Export CSV
        </button>
      </div>
    </section>
  );
}
