import { useEffect } from 'react';
import { Skeleton } from '../../components/Skeleton';
import { formatCount } from '../../lib/format';
import { unlinkedRows } from './linking-view-model';
import { recordCountResource, unlinkedResource } from './settings-store';

/** How many records linking built and what it could not attach, with the way to the items. */
export function UnlinkedSummary() {
  const unlinked = unlinkedResource.useStore();
  const records = recordCountResource.useStore();
  useEffect(() => unlinkedResource.watch(), []);
  useEffect(() => recordCountResource.watch(), []);
  const rows = unlinked.data === null ? null : unlinkedRows(unlinked.data.counts);

  return (
    <div className="link-status" data-testid="link-status" aria-busy={unlinked.refreshing || records.refreshing}>
      <div className="link-status-figure">
        <span className="link-status-label">Records</span>
        {records.data === null ? (
          records.status === 'error' ? <span className="muted">{records.error}</span> : <Skeleton width="4rem" />
        ) : (
          <span className="link-status-value" data-testid="record-count" data-value={records.data}>
            {formatCount(records.data)}
          </span>
        )}
      </div>
      {rows === null ? (
        unlinked.status === 'error' ? <p className="muted">Could not count the unlinked items: {unlinked.error}</p> : <Skeleton width="20rem" />
      ) : (
        rows.map((row) => (
          <div key={row.kind} className="link-status-figure" data-testid="unlinked-count" data-kind={row.kind} data-value={row.count}>
            <span className="link-status-label">{row.label}</span>
            <span className="link-status-value">{formatCount(row.count)}</span>
          </div>
        ))
      )}
      <a className="link-status-link" href="#/records" data-testid="unlinked-link">
        See the unlinked items on the Records page
      </a>
    </div>
  );
}
