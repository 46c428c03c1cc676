import type { CostBreakdown } from './overview-view-model';

/** AI-path cost by kind: one stacked bar for the proportions, a table for the amounts. */
export function CostBreakdownCard({ breakdown }: { breakdown: CostBreakdown }) {
  return (
    <section className="card" aria-labelledby="cost-breakdown-title" data-testid="cost-breakdown">
      <h2 className="card-title" id="cost-breakdown-title">
        AI-path cost by kind
      </h2>
      <p className="card-subtitle">Everything the AI path cost in the period, including work that was never accepted.</p>
      <div className="stacked-bar" aria-hidden="true">
        {breakdown.rows
          .filter((row) => row.share > 0)
          .map((row) => (
            <span key={row.kind} className={`stacked-bar-segment cost-kind-${row.kind}`} style={{ width: `${row.share * 100}%` }} title={`${row.label}: ${row.display} (${row.shareDisplay})`} />
          ))}
      </div>
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {breakdown.rows.map((row) => (
            <tr key={row.kind} data-kind={row.kind} title={row.hint || undefined}>
              <td>
                <span className={`swatch cost-kind-${row.kind}`} aria-hidden="true" />
                {row.label}
              </td>
              <td className="num">{row.display}</td>
              <td className="num muted">{row.shareDisplay}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{breakdown.totalDisplay}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
