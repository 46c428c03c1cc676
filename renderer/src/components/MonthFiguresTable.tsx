import type { MonthFiguresRow } from '../lib/month-figures';

/** A month chart's figures, folded away beneath it: exact values to read, and the chart's text alternative. */
export function MonthFiguresTable({ rows }: { rows: readonly MonthFiguresRow[] }) {
  return (
    <details className="chart-data">
      <summary>Monthly figures</summary>
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" className="num">
              Accepted
            </th>
            <th scope="col" className="num">
              AI-path cost
            </th>
            <th scope="col" className="num">
              Cost per accepted
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.month}>
              <th scope="row">{row.label}</th>
              <td className="num">{row.accepted}</td>
              <td className="num">{row.aiPathCost}</td>
              <td className="num">{row.costPerAccepted}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
