import { useMemo, useState } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { downloadCsv } from '../../lib/download';
import { errorMessage } from '../../lib/ipc';
import { fetchUnlinkedForExport, fetchWorkspaceName } from './records-api';
import { unlinkedResource, useRecordsUi } from './records-store';
import { listedNote, unlinkedCards, unlinkedCsv, unlinkedKindLabel, unlinkedRows, workflowBillingRows } from './unlinked-view-model';

/** What linking could not attach, counted by kind and listed, so nothing is silently dropped. */
export function UnlinkedTab() {
  const { status, data, error, load } = unlinkedResource.useStore();
  const kind = useRecordsUi((s) => s.unlinkedKind);
  const showUnlinked = useRecordsUi((s) => s.showUnlinked);
  const cards = useMemo(() => (data === null ? [] : unlinkedCards(data)), [data]);
  const rows = useMemo(() => (data === null ? [] : unlinkedRows(data, kind)), [data, kind]);
  const billing = useMemo(() => (data === null ? [] : workflowBillingRows(data)), [data]);
  const [csv, setCsv] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  // The CSV holds every item of the kind shown, not only the ones the page lists.
  const exportCsv = async () => {
    setCsv({ busy: true, error: null });
    try {
      const [all, workspace] = await Promise.all([fetchUnlinkedForExport(), fetchWorkspaceName()]);
      downloadCsv(`yardstick-unlinked-${kind ?? 'all'}`, workspace, unlinkedCsv(all, kind));
      setCsv({ busy: false, error: null });
    } catch (caught) {
      setCsv({ busy: false, error: errorMessage(caught) });
    }
  };

  if (status === 'error') return <ErrorState title="Could not load the unlinked items" message={error ?? ''} onRetry={() => void load()} />;
  if (data === null) {
    return (
      <div className="unlinked-cards" aria-busy="true" data-testid="unlinked-loading">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="card">
            <Skeleton height="4rem" />
          </div>
        ))}
      </div>
    );
  }
  const note = listedNote(data, kind);
  return (
    <>
      <p className="muted">Items the linking rules could not attach to a record. They are kept and counted here; change the linking rules in Settings to attach them.</p>
      <div className="unlinked-cards" role="group" aria-label="Unlinked items by kind">
        {cards.map((card) => (
          <button
            key={card.kind}
            type="button"
            className="card unlinked-card"
            aria-pressed={kind === card.kind}
            data-testid={`unlinked-${card.kind}`}
            data-count={card.count}
            onClick={() => showUnlinked(kind === card.kind ? null : card.kind)}
          >
            <span className="unlinked-count" data-testid="unlinked-count">
              {card.countDisplay}
            </span>
            <span className="unlinked-label">{card.label}</span>
            <span className="unlinked-hint">{card.hint}</span>
          </button>
        ))}
      </div>
      <section className="card" aria-labelledby="unlinked-items-title">
        <div className="unlinked-items-head">
          <h2 id="unlinked-items-title" className="card-title">
            {kind === null ? 'All unlinked items' : unlinkedKindLabel(kind)}
          </h2>
          <div className="table-actions-inline">
            {kind !== null && (
              <button type="button" className="button button-small" onClick={() => showUnlinked(null)}>
                Show all kinds
              </button>
            )}
            {rows.length > 0 && (
              <button type="button" className="button button-small" data-testid="unlinked-export-csv" disabled={csv.busy} onClick={() => void exportCsv()}>
                {csv.busy ? 'Exporting…' : 'Export CSV'}
              </button>
            )}
          </div>
        </div>
        {csv.error !== null && (
          <p className="small text-danger" role="alert">
            The CSV could not be saved: {csv.error}
          </p>
        )}
        {note !== null && <p className="muted small">{note}</p>}
        {rows.length === 0 ? (
          <p className="muted" data-testid="unlinked-none">
            Nothing of this kind: every item was linked.
          </p>
        ) : (
          <div className="table-scroll unlinked-table-scroll">
            <table className="table table-compact" data-testid="unlinked-items">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  {kind === null && <th scope="col">Kind</th>}
                  <th scope="col">Item</th>
                  <th scope="col">Why it is unlinked</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} data-kind={row.kind}>
                    <td className="nowrap">{row.when}</td>
                    {kind === null && <td className="nowrap">{row.kindLabel}</td>}
                    <td className="mono unlinked-ref">
                      {row.href !== null ? (
                        <a href={row.href} target="_blank" rel="noreferrer">
                          {row.ref}
                        </a>
                      ) : (
                        row.ref
                      )}
                    </td>
                    <td>{row.detail}</td>
                    <td className="num">{row.amount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="workflow-billing-title">
        <h2 id="workflow-billing-title" className="card-title">
          Workflow-level billing
        </h2>
        <p className="card-subtitle">Seats, usage and minutes billed for the workflow as a whole: no single run can carry them, so they stay off the records.</p>
        {billing.length === 0 ? (
          <p className="muted">None imported.</p>
        ) : (
          <table className="table table-compact" data-testid="workflow-billing">
            <thead>
              <tr>
                <th scope="col">Ledger</th>
                <th scope="col">Vendor</th>
                <th scope="col" className="num">
                  Lines
                </th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {billing.map((b) => (
                <tr key={b.key}>
                  <td>{b.ledger}</td>
                  <td>{b.vendor}</td>
                  <td className="num">{b.lines}</td>
                  <td className="num">{b.amount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
