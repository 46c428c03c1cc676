import { useEffect } from 'react';
import type { WorkspaceStatus } from '../../../../shared/ipc/contract';
import { DefinitionList } from '../../components/DefinitionList';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import { workspaceStatusResource } from '../workspace/workspace-store';
import { totalRows } from './sources-view-model';

/** What the workspace folder holds: collapsed by default, for when the numbers need checking. */
export function WorkspaceDataSection() {
  const { status, data, error, load } = workspaceStatusResource.useStore();
  useEffect(() => workspaceStatusResource.watch(), []);

  return (
    <details className="card disclosure" data-testid="workspace-data">
      <summary>
        <h2 className="card-title">Workspace data</h2>
        <span className="muted small">Folder, data range, last import and rows per table</span>
      </summary>
      <div className="disclosure-body">
        {status === 'error' ? (
          <ErrorState title="Could not read the workspace status" message={error ?? ''} onRetry={() => void load()} />
        ) : data === null ? (
          <Skeleton height="8rem" />
        ) : (
          <WorkspaceData status={data} />
        )}
      </div>
    </details>
  );
}

function WorkspaceData({ status }: { status: WorkspaceStatus }) {
  return (
    <div className="grid-2" data-testid="sources-status">
      <div>
        <h3 className="section-title">Workspace</h3>
        <DefinitionList
          items={[
            { term: 'Folder', value: status.dir, mono: true },
            { term: 'Schema version', value: String(status.schemaVersion) },
            { term: 'Data range', value: status.dataRange === null ? 'No data yet' : `${formatDate(status.dataRange.from)} – ${formatDate(status.dataRange.to)}` },
            { term: 'Last sync', value: status.lastSyncAt === null ? 'Never' : formatDateTime(status.lastSyncAt) },
            {
              term: 'Last import',
              value:
                status.lastImport === null
                  ? 'None yet'
                  : `${status.lastImport.fileName} · ${formatCount(status.lastImport.rowsImported)} rows · ${formatDateTime(status.lastImport.at)}`,
            },
          ]}
        />
      </div>
      <div>
        <h3 className="section-title">Rows per table</h3>
        <table className="table table-compact" data-testid="table-rows">
          <thead>
            <tr>
              <th scope="col">Table</th>
              <th scope="col" className="num">
                Rows
              </th>
            </tr>
          </thead>
          <tbody>
            {status.tables.map((table) => (
              <tr key={table.name}>
                <td className="mono">{table.name}</td>
                <td className="num">{formatCount(table.rows)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="num">{formatCount(totalRows(status))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
