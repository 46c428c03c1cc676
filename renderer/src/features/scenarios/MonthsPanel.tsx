import type { MonthRow } from './results-view-model';

/**
 * The deterministic figures month by month (the chart's numbers, and more). Export CSV saves them
 * with every column `yardstick scenario run` prints, the bands too once they are computed.
 */
export function MonthsPanel({ rows, horizonText, onExportCsv }: { rows: readonly MonthRow[]; horizonText: string; onExportCsv: () => void }) {
  return (
    <section className="card" aria-labelledby="months-title">
      <header className="card-header-with-actions">
        <div>
          <h2 className="card-title" id="months-title">
            Monthly figures
          </h2>
          <p className="card-subtitle">{horizonText}. Every assumption at its value; the bands are on the chart.</p>
        </div>
        <button type="button" className="button button-small" data-testid="months-export-csv" onClick={onExportCsv}>
          Export CSV
        </button>
      </header>
      <div className="scenario-table-wrap">
        <table className="table table-compact scenario-months" data-testid="months-table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">
                Eligible
              </th>
              <th scope="col" className="num">
                Accepted
              </th>
              <th scope="col" className="num">
                AI-path cost
              </th>
              <th scope="col" className="num">
                With the AI path
              </th>
              <th scope="col" className="num">
                Human path
              </th>
              <th scope="col" className="num">
                Net saving
              </th>
              <th scope="col" className="num">
                Per accepted
              </th>
              <th scope="col" className="num">
                Hours freed
              </th>
              <th scope="col" className="num">
                FTE freed
              </th>
              <th scope="col" className="num">
                Break-even rate
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.month}>
                <th scope="row">{r.label}</th>
                <td className="num">{r.eligible}</td>
                <td className="num">{r.accepted}</td>
                <td className="num">{r.aiPathCost}</td>
                <td className="num">{r.scenarioCost}</td>
                <td className="num">{r.humanPathCost}</td>
                <td className="num">{r.netSaving}</td>
                <td className="num">{r.costPerAccepted}</td>
                <td className="num">{r.hoursFreed}</td>
                <td className="num">{r.fteFreed}</td>
                <td className="num">{r.breakEvenAcceptance}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
