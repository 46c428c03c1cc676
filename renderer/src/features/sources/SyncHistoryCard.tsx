import { useEffect, useMemo } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { useNow } from '../../lib/use-now';
import { syncHistoryResource } from './sources-store';
import { syncHistoryRows } from './sync-history-view-model';

/** Recent syncs, latest first: how long each took, how it ended and what it fetched. */
export function SyncHistoryCard({ syncRunning }: { syncRunning: boolean }) {
  const { status, data, error, load } = syncHistoryResource.useStore();
  useEffect(() => syncHistoryResource.watch(), []);
  const now = useNow(5000, syncRunning);
  const rows = useMemo(() => (data === null ? [] : syncHistoryRows(data, now)), [data, now]);

  return (
    <section className="card" aria-labelledby="sync-history-title">
      <h2 className="card-title" id="sync-history-title">
        Sync history
      </h2>
      {status === 'error' ? (
        <ErrorState title="Could not read the sync history" message={error ?? ''} onRetry={() => void load()} />
      ) : data === null ? (
        <Skeleton height="4rem" />
      ) : rows.length === 0 ? (
        <p className="muted" data-testid="sync-history-empty">
          No syncs yet. Runs appear here with what each one fetched.
        </p>
      ) : (
        <table className="table sync-history" data-testid="sync-history">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Started</th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col">Status</th>
              <th scope="col">Sync</th>
              <th scope="col">What changed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-run-id={row.id} data-status={row.status.toLowerCase()}>
                <td className="nowrap">{row.source}</td>
                <td className="nowrap">
                  <time dateTime={row.startedAt}>{row.started}</time>
                </td>
                <td className="num">{row.duration}</td>
                <td>
                  <span className={`run-status run-${row.tone}`}>{row.status}</span>
                  {row.statusNote !== null && <div className="muted small">{row.statusNote}</div>}
                  {row.error !== null && <div className="text-danger small">{row.error}</div>}
                </td>
                <td>{row.mode}</td>
                <td>{row.changes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
