import { useCallback } from 'react';
import type { Pilot } from '../../../../shared/domain/pilots';
import { DefinitionList } from '../../components/DefinitionList';
import { ErrorState } from '../../components/ErrorState';
import { ExportMenu, ExportStatus, useExporter } from '../../components/ExportMenu';
import type { ExportKind } from '../../components/export-menu-model';
import { Skeleton } from '../../components/Skeleton';
import { formatCount } from '../../lib/format';
import { scopeSummary } from './pilot-form-model';
import { exportPilotFile } from './pilots-api';
import { PilotChart } from './PilotChart';
import { decisionItems, headlineFigures, recordsLine, signalRows, type Scorecard } from './scorecard-view-model';
import { useScorecard } from './use-scorecard';

type PilotScorecardProps = { pilot: Pilot; onEdit: () => void; onDelete: () => void };

/** One pilot: what it covers, its headline figures, its months, its risks and its written-down decisions. */
export function PilotScorecard({ pilot, onEdit, onDelete }: PilotScorecardProps) {
  const { data, error, loading, reload } = useScorecard(pilot.id, pilot.updatedAt);
  const exporter = useExporter(useCallback((kind: ExportKind) => exportPilotFile(pilot.name, kind), [pilot.name]));
  return (
    <article
      className="stack"
      data-testid="pilot-scorecard"
      data-pilot={pilot.name}
      data-updated={pilot.updatedAt}
      data-card-updated={data?.pilot.updatedAt ?? ''}
      aria-labelledby="pilot-title"
      aria-busy={loading}
    >
      <header className="card pilot-header">
        <div className="pilot-header-text">
          <h2 id="pilot-title" className="pilot-title">
            {pilot.name}
          </h2>
          <p className="muted">{pilot.owner === '' ? 'No owner named' : `Owner: ${pilot.owner}`}</p>
          <p className="pilot-scope" data-testid="pilot-scope">
            {scopeSummary(pilot.scope)}
          </p>
        </div>
        <div className="page-actions">
          <a className="button" href="#/records" data-testid="pilot-open-records">
            Open records
          </a>
          <ExportMenu exporter={exporter} subject={`the pilot “${pilot.name}”`} testId="pilot-export" />
          <button type="button" className="button" data-testid="pilot-edit" onClick={onEdit}>
            Edit
          </button>
          <button type="button" className="button button-danger-quiet" data-testid="pilot-delete" onClick={onDelete}>
            Delete
          </button>
        </div>
      </header>
      <ExportStatus exporter={exporter} testId="pilot-export-status" />
      {error !== null ? (
        <ErrorState title="Could not compute the scorecard" message={error} onRetry={reload} />
      ) : data === null ? (
        <div className="card" data-testid="scorecard-loading">
          <Skeleton height="14rem" />
        </div>
      ) : (
        <ScorecardBody card={data} />
      )}
    </article>
  );
}

function ScorecardBody({ card }: { card: Scorecard }) {
  const figures = headlineFigures(card);
  const signals = signalRows(card);
  return (
    <>
      <p className="pilot-records" data-testid="scorecard-records" data-value={card.records}>
        {recordsLine(card)}
      </p>
      <div className="scorecard-figures">
        {figures.map((figure) => (
          <div key={figure.id} className="card scorecard-figure" data-testid={`figure-${figure.id}`} data-value={figure.value ?? ''}>
            <h3 className="kpi-label">{figure.label}</h3>
            <p className="scorecard-value" data-testid="figure-value" title={figure.note ?? undefined}>
              {figure.display}
            </p>
            {figure.note !== null && <p className="scorecard-note">{figure.note}</p>}
          </div>
        ))}
      </div>
      {card.monthly.length > 0 && <PilotChart card={card} />}
      <div className="scorecard-detail">
        <section className="card" aria-labelledby="pilot-signals-title" data-testid="pilot-signals">
          <h3 className="card-title" id="pilot-signals-title">
            Risk signals
          </h3>
          <p className="card-subtitle">Records of this pilot each signal flags.</p>
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">Signal</th>
                <th scope="col" className="num">
                  Count
                </th>
              </tr>
            </thead>
            <tbody>
              {signals.map((signal) => (
                <tr key={signal.code} data-testid="signal-row" data-code={signal.code} data-count={signal.count}>
                  <th scope="row">
                    {signal.label}
                    <span className="signal-description">{signal.description}</span>
                  </th>
                  <td className={`num${signal.count > 0 ? ' text-warning' : ''}`} data-testid="signal-count">
                    {formatCount(signal.count)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="pilot-decisions-title" data-testid="pilot-decisions">
          <h3 className="card-title" id="pilot-decisions-title">
            Rollout decisions
          </h3>
          <DefinitionList items={decisionItems(card.pilot.decisions).map((item) => ({ term: item.term, value: item.value }))} />
        </section>
      </div>
    </>
  );
}
