import type { ReactNode } from 'react';
import { ExplorePage } from '../features/explore/ExplorePage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { PilotsPage } from '../features/pilots/PilotsPage';
import { PresentPage } from '../features/present/PresentPage';
import { RecordsPage } from '../features/records/RecordsPage';
import { ScenariosPage } from '../features/scenarios/ScenariosPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SourcesPage } from '../features/sources/SourcesPage';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { Nav } from './Nav';
import { useRouteStore } from './route-store';
import type { RouteId } from './routes';
import { useNavShortcuts } from './use-nav-shortcuts';

const PAGES: Record<RouteId, () => ReactNode> = {
  overview: () => <OverviewPage />,
  explore: () => <ExplorePage />,
  records: () => <RecordsPage />,
  pilots: () => <PilotsPage />,
  scenarios: () => <ScenariosPage />,
  sources: () => <SourcesPage />,
  settings: () => <SettingsPage />,
  present: () => <PresentPage />,
};

export function App() {
  const route = useRouteStore((s) => s.route);
  useNavShortcuts();
  return (
    <ErrorBoundary>
      <div className="shell">
        <Nav />
        <div className="shell-main">
          <Header />
          <main className="content" id="main">
            {/* Keyed by route so a page that crashed is retried when the user navigates away and back. */}
            <ErrorBoundary key={route}>{PAGES[route]()}</ErrorBoundary>
          </main>
        </div>
      </div>
    </ErrorBoundary>
  );
}
