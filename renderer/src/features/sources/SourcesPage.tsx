import { useEffect } from 'react';
import { DefinitionList } from '../../components/DefinitionList';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import type { WorkspaceStatus } from '../../../../shared/ipc/contract';
import { workspaceStatusResource } from '../workspace/workspace-store';
import { SOURCE_KIND_LABELS, totalRows } from './sources-view-model';

export function SourcesPage() {
  const { status, data, error, load } = workspaceStatusResource.useStore();
  useEffect(() => workspaceStatusResource.watch(), []);

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Sources</h1>
        <p className="page-subtitle">Where the workspace’s data comes from and what it holds.</p>
      </header>
      {status === 'error' ? (
        <ErrorState title="Could not read the workspace status" message={error ?? ''} onRetry={() => void load()} />
      ) : data === null ? (
        <div className="grid-2" aria-busy="true">
          <div className="card">
            <Skeleton height="8rem" />
          </div>
          <div className="card">
            <Skeleton height="8rem" />
          </div>
        </div>
      ) : (
        <SourcesContent status={data} />
      )}
      <p className="muted page-footnote">
        Adding Jira and GitLab sources and importing billing and usage files arrive with their own issues; for now this page
        is read-only.
      </p>
    </section>
  );
}

function SourcesContent({ status }: { status: WorkspaceStatus }) {
  return (
    <div className="grid-2" data-testid="sources-status">
      <div className="stack">
      <div className="card">
        <h2 className="card-title">Workspace</h2>
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
      <div className="card">
        <h2 className="card-title">Sources</h2>
        {status.sources.length === 0 ? (
          <p className="muted">No sources yet. Jira, GitLab and billing-file sources will be listed here.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Last sync</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {status.sources.map((source) => (
                <tr key={`${source.kind}:${source.name}`}>
                  <td>
                    <div>{source.name}</div>
                    {source.baseUrl !== null && <div className="muted mono small">{source.baseUrl}</div>}
                  </td>
                  <td>{SOURCE_KIND_LABELS[source.kind]}</td>
                  <td>{source.lastSyncAt === null ? 'Never' : formatDateTime(source.lastSyncAt)}</td>
                  <td>{source.lastSyncStatus ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      </div>
      <div className="card">
        <h2 className="card-title">Rows per table</h2>
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
