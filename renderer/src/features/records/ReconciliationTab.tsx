import { useEffect, useMemo, useState } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { downloadCsv } from '../../lib/download';
import { errorMessage } from '../../lib/ipc';
import { fetchWorkspaceName } from './records-api';
import { reconciliationResource, useRecordsUi } from './records-store';
import { reconciliationCsv, reconciliationRows, reconciliationSummary, reconciliationTotals } from './reconciliation-view-model';

const STATUS_LABELS = { match: 'Matches', over: 'Billed more', under: 'Billed less' } as const;
const STATUS_TONES = { match: 'good', over: 'bad', under: 'warn' } as const;

/** Vendor-billed run credits against what the plan rules imply, by month and vendor workspace. */
export function ReconciliationTab() {
  useEffect(() => reconciliationResource.watch(), []);
  const { status, data, error, load } = reconciliationResource.useStore();
  const showRecords = useRecordsUi((s) => s.showRecords);
  const rows = useMemo(() => (data === null ? [] : reconciliationRows(data)), [data]);
  const totals = useMemo(() => (data === null ? [] : reconciliationTotals(data)), [data]);
  const [csvError, setCsvError] = useState<string | null>(null);
  const exportCsv = async () => {
    if (data === null) return;
    setCsvError(null);
    try {
      const workspace = await fetchWorkspaceName();
      downloadCsv('yardstick-reconciliation', workspace, reconciliationCsv(data));
    } catch (caught) {
      setCsvError(errorMessage(caught));
    }
  };

  if (status === 'error') return <ErrorState title="Could not load the reconciliation" message={error ?? ''} onRetry={() => void load()} />;
  if (data === null) {
    return (
      <div className="card" aria-busy="true" data-testid="reconciliation-loading">
        <Skeleton height="16rem" />
      </div>
    );
  }
  return (
    <section className="card" aria-labelledby="reconciliation-title">
      <header className="card-header-with-actions">
        <div>
          <h2 id="reconciliation-title" className="card-title">
            Run-credit reconciliation
          </h2>
          <p className="card-subtitle" data-testid="reconciliation-summary">
            {reconciliationSummary(rows)}
          </p>
        </div>
        {rows.length > 0 && (
          <button type="button" className="button button-small" data-testid="reconciliation-export-csv" onClick={() => void exportCsv()}>
            Export CSV
          </button>
        )}
      </header>
      {csvError !== null && (
        <p className="small text-danger" role="alert">
          The CSV could not be saved: {csvError}
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="table table-compact reconciliation-table" data-testid="reconciliation-table">
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  Month
                </th>
                <th scope="col" rowSpan={2}>
                  Vendor workspace
                </th>
                <th scope="colgroup" colSpan={3} className="num reconciliation-group">
                  Run credits
                </th>
                <th scope="colgroup" colSpan={3} className="num reconciliation-group">
                  Amount
                </th>
                <th scope="col" rowSpan={2} className="num" title="Billing events whose credits differ from what the plan rules imply">
                  Events
                </th>
                <th scope="col" rowSpan={2}>
                  Status
                </th>
              </tr>
              <tr>
                <th scope="col" className="num">
                  Billed
                </th>
                <th scope="col" className="num">
                  Plan
                </th>
                <th scope="col" className="num">
                  Difference
                </th>
                <th scope="col" className="num">
                  Billed
                </th>
                <th scope="col" className="num">
                  Plan
                </th>
                <th scope="col" className="num">
                  Difference
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-testid="reconciliation-row" data-status={row.status}>
                  <th scope="row" className="nowrap">
                    {row.monthLabel}
                  </th>
                  <td>
                    {row.workspace} <span className="muted small">· {row.plan}</span>
                  </td>
                  <td className="num">{row.billedCredits}</td>
                  <td className="num">{row.impliedCredits}</td>
                  <td className="num">{row.creditDifference}</td>
                  <td className="num">{row.billed}</td>
                  <td className="num">{row.implied}</td>
                  <td className={`num${row.differenceMicros !== 0 ? ' text-danger' : ''}`}>{row.difference}</td>
                  <td className="num">{row.mismatchedEvents}</td>
                  <td className="nowrap">
                    {row.drill !== null ? (
                      <button
                        type="button"
                        className="button button-small"
                        data-testid="reconciliation-open"
                        onClick={() => {
                          if (row.drill !== null) showRecords(row.drill.ids, row.drill.label);
                        }}
                      >
                        {STATUS_LABELS[row.status]} · {row.drill.ids.length === 1 ? '1 record' : `${row.drill.ids.length.toLocaleString('en-GB')} records`}
                      </button>
                    ) : (
                      <span className={`tone-badge tone-${STATUS_TONES[row.status]}`}>{STATUS_LABELS[row.status]}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {totals.map((t) => (
                <tr key={t.currency}>
                  <th scope="row" colSpan={2}>
                    Total{totals.length > 1 ? ` (${t.currency})` : ''}
                  </th>
                  <td className="num">{t.billedCredits}</td>
                  <td className="num">{t.impliedCredits}</td>
                  <td />
                  <td className="num">{t.billed}</td>
                  <td className="num">{t.implied}</td>
                  <td className="num">{t.difference}</td>
                  <td colSpan={2} />
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
