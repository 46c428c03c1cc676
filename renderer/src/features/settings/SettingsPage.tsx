import { useEffect } from 'react';
import { DefinitionList } from '../../components/DefinitionList';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { appInfoResource } from '../workspace/workspace-store';
import { AboutCard } from './AboutCard';
import { BackupCard } from './BackupCard';
import { ExchangeRatesCard } from './ExchangeRatesCard';
import { LinkingRulesCard } from './LinkingRulesCard';
import { PeopleCard } from './PeopleCard';
import { PlansCard } from './PlansCard';
import { RatesHoursCard } from './RatesHoursCard';
import { settingsResource } from './settings-store';

export function SettingsPage() {
  // The header already watches app info; this page only reads it.
  const app = appInfoResource.useStore();
  const { status, data: settings, error, load } = settingsResource.useStore();
  useEffect(() => settingsResource.watch(), []);

  return (
    <section className="page settings-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Settings</h1>
        <p className="page-subtitle">Rules, prices and rates the records are built with. Changing them re-links and re-prices the records from the synced data.</p>
      </header>
      {status === 'error' ? (
        <ErrorState title="Could not read the settings" message={error ?? ''} onRetry={() => void load()} />
      ) : settings === null ? (
        <div className="card" aria-busy="true">
          <Skeleton height="6rem" />
        </div>
      ) : (
        <>
          <div className="card">
            <h2 className="card-title">Workspace</h2>
            <DefinitionList
              items={[
                { term: 'Name', value: settings.name },
                ...(app.data === null ? [] : [{ term: 'Folder', value: app.data.workspaceDir, mono: true }]),
                { term: 'Currency', value: settings.currency },
                { term: 'Data', value: settings.isDemo ? 'Demo workspace (generated sample data)' : 'Your organisation’s data' },
                ...(app.data === null ? [] : [{ term: 'App', value: `${app.data.name} ${app.data.version} (${app.data.host === 'browser' ? 'browser host' : app.data.host})` }]),
              ]}
            />
          </div>
          <LinkingRulesCard settings={settings} />
          <PlansCard settings={settings} />
          <RatesHoursCard settings={settings} />
          <PeopleCard settings={settings} />
          <ExchangeRatesCard workspaceCurrency={settings.currency} />
          <BackupCard />
          <AboutCard />
        </>
      )}
    </section>
  );
}
