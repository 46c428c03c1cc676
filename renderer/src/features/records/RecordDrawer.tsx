import { useEffect, useMemo, useRef } from 'react';
import type { RecordDetail, RecordRow } from '../../../../shared/ipc/contract-records';
import { DefinitionList } from '../../components/DefinitionList';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { EvidenceTimeline } from './EvidenceTimeline';
import { RecordCostLines } from './RecordCostLines';
import { costTable, recordFacts, recordHeader, timelineSteps, truncatedNote } from './record-detail-view-model';
import { recordDetailResource } from './records-store';
import { SIGNAL_TONES, isSignalCode } from './records-labels';

type RecordDrawerProps = {
  selectedId: number;
  /** The record's row in the list, when the list holds it: the header shows before the detail loads. */
  listRow: RecordRow | null;
  currency: string;
  onClose: () => void;
};

/**
 * The open record beside the list: header, facts, cost lines, risk signals and the evidence
 * timeline. Not modal: the list stays usable, Enter on another row switches record, Esc closes.
 */
export function RecordDrawer({ selectedId, listRow, currency, onClose }: RecordDrawerProps) {
  useEffect(() => recordDetailResource.watch(), []);
  const { status, data, error, load } = recordDetailResource.useStore();
  const detail = data !== null && data.record.id === selectedId ? data : null;
  const row = listRow ?? detail?.record ?? null;
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // An open dialog owns Esc; so does a field that clears itself on Esc (the search box).
      if (document.querySelector('dialog[open]') !== null) return;
      if (event.target instanceof HTMLInputElement && event.target.type === 'search' && event.target.value !== '') return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  useEffect(() => {
    panel.current?.scrollTo({ top: 0 });
  }, [selectedId]);

  const header = row === null ? null : recordHeader(row, detail?.timeline ?? null);

  return (
    <aside className="record-drawer" ref={panel} aria-labelledby="record-drawer-title" data-testid="record-drawer" data-record-id={selectedId}>
      <header className="record-drawer-header">
        <div className="record-drawer-heading">
          {header === null ? (
            <>
              <h2 id="record-drawer-title" className="visually-hidden">
                Record
              </h2>
              <Skeleton width="12rem" height="1.2rem" />
            </>
          ) : (
            <>
              <p className="record-drawer-key">
                <span className="mono" data-testid="record-drawer-ticket">
                  {header.ticket}
                </span>
                <span className={`tone-badge tone-${header.outcome.tone}`} data-testid="record-drawer-outcome">
                  {header.outcome.label}
                </span>
              </p>
              <h2 id="record-drawer-title">{header.title}</h2>
              <p className="record-drawer-links">
                {header.mrUrl !== null && (
                  <a href={header.mrUrl} target="_blank" rel="noreferrer" data-testid="record-mr-link">
                    Merge request ↗
                  </a>
                )}
                {header.ticketUrl !== null && (
                  <a href={header.ticketUrl} target="_blank" rel="noreferrer" data-testid="record-jira-link">
                    Jira issue ↗
                  </a>
                )}
              </p>
            </>
          )}
        </div>
        <button type="button" className="button-icon" aria-label="Close the record (Esc)" title="Close (Esc)" data-testid="record-drawer-close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="record-drawer-body">
        {row !== null && <DefinitionList items={recordFacts(row).map((f) => ({ term: f.label, value: f.value }))} />}
        {status === 'error' && detail === null ? (
          <ErrorState title="Could not load this record's evidence" message={error ?? ''} onRetry={() => void load()} />
        ) : detail === null || row === null ? (
          <DetailSkeleton />
        ) : (
          <DetailSections detail={detail} row={row} currency={currency} />
        )}
      </div>
    </aside>
  );
}

function DetailSections({ detail, row, currency }: { detail: RecordDetail; row: RecordRow; currency: string }) {
  const table = useMemo(() => costTable(row, detail.costLines, currency), [row, detail.costLines, currency]);
  const steps = useMemo(() => timelineSteps(detail.timeline), [detail.timeline]);
  return (
    <>
      <section className="record-section" aria-labelledby="record-costs-title">
        <h3 id="record-costs-title" className="section-title">
          Cost lines
        </h3>
        <RecordCostLines table={table} />
      </section>
      <section className="record-section" aria-labelledby="record-signals-title">
        <h3 id="record-signals-title" className="section-title">
          Risk signals
        </h3>
        {detail.signals.length === 0 ? (
          <p className="muted" data-testid="record-no-signals">
            None raised on this record.
          </p>
        ) : (
          <ul className="plain-list record-signals" data-testid="record-signals">
            {detail.signals.map((s) => (
              <li key={s.code} data-code={s.code}>
                <span className={`tone-badge tone-${isSignalCode(s.code) ? SIGNAL_TONES[s.code] : 'warn'}`}>{s.label}</span>
                <span className="record-signal-detail">{s.detail}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="record-section" aria-labelledby="record-timeline-title">
        <h3 id="record-timeline-title" className="section-title">
          Evidence
        </h3>
        {detail.truncated && <p className="muted small">{truncatedNote(steps.length)}</p>}
        <EvidenceTimeline steps={steps} />
      </section>
    </>
  );
}

function DetailSkeleton() {
  return (
    <div className="record-section" data-testid="record-drawer-loading" aria-busy="true">
      <Skeleton height="1rem" width="8rem" />
      <Skeleton height="7rem" />
      <Skeleton height="1rem" width="8rem" />
      <Skeleton height="10rem" />
    </div>
  );
}
