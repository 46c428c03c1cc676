import type { CostTable } from './record-detail-view-model';
import { BASIS_HINTS, BASIS_LABELS } from './record-detail-view-model';

/**
 * Cost lines grouped by kind: each line in its own currency (with, under a foreign amount, what the
 * subtotal holds of it), each kind's subtotal and the total in the workspace currency. data-micros
 * and data-converted-micros carry the raw amounts for checks that they add up.
 */
export function RecordCostLines({ table }: { table: CostTable }) {
  if (table.groups.length === 0) {
    return <p className="muted">This record has no cost lines: nothing was billed, run or spent on it.</p>;
  }
  return (
    <>
      <table className="table table-compact record-costs" data-testid="record-cost-lines">
        <thead>
          <tr>
            <th scope="col">Evidence</th>
            <th scope="col">Basis</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        {table.groups.map((group) => (
          <tbody key={group.kind} data-testid="record-cost-group" data-kind={group.kind} data-micros={group.subtotalMicros}>
            <tr className="record-cost-group-row">
              <th scope="rowgroup" colSpan={3}>
                <span className={`swatch cost-kind-${group.kind}`} aria-hidden="true" />
                {group.label}
                {group.conversionNote !== null && <span className="muted small record-cost-note"> · {group.conversionNote}</span>}
              </th>
              <td className="num" data-testid="record-cost-subtotal">
                {group.subtotal}
              </td>
            </tr>
            {group.lines.map((line) => (
              <tr
                key={line.key}
                data-testid="record-cost-line"
                data-kind={group.kind}
                data-micros={line.amountMicros}
                data-currency={line.currency}
                data-converted-micros={line.convertedMicros ?? ''}
              >
                <td>
                  <span className="record-cost-evidence">{line.evidence}</span>
                  <span className="muted small"> · {line.occurredOn}</span>
                </td>
                <td>
                  <span className={`basis-badge basis-${line.basis}`} title={BASIS_HINTS[line.basis]}>
                    {BASIS_LABELS[line.basis]}
                  </span>
                </td>
                <td className="num">{line.quantity}</td>
                <td className="num">
                  {line.amount}
                  {line.converted !== null && (
                    <span className="muted small record-cost-converted" data-testid="record-cost-converted" title={`In ${table.currency} at the rate of ${line.occurredOn}`}>
                      {line.converted}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total ({table.currency})
            </th>
            <td className="num" data-testid="record-cost-total" data-micros={table.totalMicros}>
              {table.total}
            </td>
          </tr>
        </tfoot>
      </table>
      {table.missingRatesNote !== null && <p className="small text-danger record-cost-missing">{table.missingRatesNote}</p>}
    </>
  );
}
