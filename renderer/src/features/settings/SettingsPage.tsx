import { DefinitionList } from '../../components/DefinitionList';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { appInfoResource } from '../workspace/workspace-store';
import { ExchangeRatesCard } from './ExchangeRatesCard';

export function SettingsPage() {
  // The header already watches app info; this page only reads it.
  const { status, data, error, load } = appInfoResource.useStore();

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Settings</h1>
      </header>
      {status === 'error' ? (
        <ErrorState title="Could not read the workspace" message={error ?? ''} onRetry={() => void load()} />
      ) : data === null ? (
        <div className="card" aria-busy="true">
          <Skeleton height="6rem" />
        </div>
      ) : (
        <>
          <div className="card">
            <h2 className="card-title">Workspace</h2>
            <DefinitionList
              items={[
                { term: 'Name', value: data.workspaceName },
                { term: 'Folder', value: data.workspaceDir, mono: true },
                { term: 'Currency', value: data.currency },
                { term: 'Data', value: data.isDemo ? 'Demo workspace (generated sample data)' : 'Your organisation’s data' },
                { term: 'People views', value: data.peopleViewsEnabled ? 'On' : 'Off' },
                { term: 'App', value: `${data.name} ${data.version} (${data.host === 'browser' ? 'browser host' : data.host})` },
              ]}
            />
            <p className="muted card-footnote">
              Editing the other settings (currency, loaded hourly rate, rollback window, linking rules) is not built yet.
            </p>
          </div>
          <ExchangeRatesCard workspaceCurrency={data.currency} />
        </>
      )}
    </section>
  );
}
