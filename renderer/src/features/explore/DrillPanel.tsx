import { useEffect, useRef } from 'react';
import { formatMoney } from '../../../../shared/domain/money';
import { Skeleton } from '../../components/Skeleton';
import { formatCount, formatMonthShort } from '../../lib/format';
import { OUTCOME_LABELS } from '../records/records-labels';
import { DRILL_LIST_LIMIT } from './explore-api';
import type { DrillState } from './explore-store';

type DrillPanelProps = {
  drill: DrillState;
  onClose: () => void;
  /** Opens these records in the Records page (its drill-through filter), with one of them open when given. */
  onOpen: (ids: number[], label: string, selectId: number | null) => void;
};

/**
 * The records behind a double-clicked cell, beside the grid. Each opens in the Records page, where
 * the drawer shows its cost lines and evidence chain; "Show all" lists them all there.
 */
export function DrillPanel({ drill, onClose, onOpen }: DrillPanelProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    opener.current = document.activeElement;
    closeRef.current?.focus();
    const focusBack = opener.current;
    return () => {
      if (focusBack instanceof HTMLElement && focusBack.isConnected) focusBack.focus();
    };
  }, []);

  const listed = drill.records.length;
  return (
    <aside
      className="record-drawer explore-drill"
      aria-labelledby="explore-drill-title"
      data-testid="drill-panel"
      data-status={drill.status}
      data-total={drill.total}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="record-drawer-header">
        <div className="record-drawer-heading">
          <span className="muted small">Records behind the cell</span>
          <h2 id="explore-drill-title" data-testid="drill-label">
            {drill.label}
          </h2>
          {drill.status === 'ready' && (
            <span className="small" data-testid="drill-count">
              {drill.total === 0 ? 'No records' : drill.total === 1 ? '1 record' : `${formatCount(drill.total)} records`}
              {listed < drill.total ? ` (the first ${formatCount(listed)} listed)` : ''}
              {drill.truncated ? '; more than the drill-through returns' : ''}
            </span>
          )}
        </div>
        <button ref={closeRef} type="button" className="button-icon" aria-label="Close" onClick={onClose} data-testid="drill-close">
          ×
        </button>
      </header>
      <div className="record-drawer-body">
        {drill.status === 'loading' && (
          <div aria-busy="true" className="records-grid-loading">
            <Skeleton height="1.5rem" />
            <Skeleton height="1.5rem" />
            <Skeleton height="1.5rem" />
          </div>
        )}
        {drill.status === 'error' && (
          <p className="text-danger" role="alert">
            {drill.error}
          </p>
        )}
        {drill.status === 'ready' && drill.total > 0 && (
          <>
            <div>
              <button type="button" className="button button-primary" onClick={() => onOpen(drill.ids, drill.label, null)} data-testid="drill-open-all">
                Show {drill.total === 1 ? 'it' : `all ${formatCount(drill.ids.length)}`} in Records
              </button>
            </div>
            <table className="table table-compact explore-drill-table">
              <thead>
                <tr>
                  <th scope="col">Ticket</th>
                  <th scope="col">Team</th>
                  <th scope="col">Month</th>
                  <th scope="col">Outcome</th>
                  <th scope="col" className="num">
                    AI-path cost
                  </th>
                </tr>
              </thead>
              <tbody>
                {drill.records.map((r) => (
                  <tr key={r.id} data-testid="drill-record" data-record-id={r.id}>
                    <td>
                      <button type="button" className="button-link" onClick={() => onOpen(drill.ids, drill.label, r.id)} title={r.title ?? undefined} data-testid="drill-record-open">
                        {r.ticketKey ?? r.recordKey}
                      </button>
                      {r.title !== null && <span className="explore-drill-title muted">{r.title}</span>}
                    </td>
                    <td>{r.team ?? '—'}</td>
                    <td className="nowrap">{formatMonthShort(r.periodMonth)}</td>
                    <td>{OUTCOME_LABELS[r.outcome]}</td>
                    <td className="num nowrap">{formatMoney(r.costTotalMicros, drill.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {listed < drill.total && (
              <p className="muted small">
                The panel lists the first {formatCount(DRILL_LIST_LIMIT)}; “Show all” lists every one in Records.
              </p>
            )}
          </>
        )}
      </div>
    </aside>
  );
}
