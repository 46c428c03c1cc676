import { useEffect } from 'react';
import { Skeleton } from '../components/Skeleton';
import { appInfoResource } from '../features/workspace/workspace-store';
import { useRouteStore } from './route-store';

/** Which workspace the figures come from, always in view: a demo must never pass for real data. */
export function Header() {
  const { status, data, error } = appInfoResource.useStore();
  const route = useRouteStore((s) => s.route);
  const navigate = useRouteStore((s) => s.navigate);
  useEffect(() => appInfoResource.watch(), []);

  return (
    <header className="app-header">
      <div className="workspace" data-testid="workspace-header">
        {status === 'error' ? (
          <span className="workspace-error" title={error ?? undefined}>
            Workspace unavailable
          </span>
        ) : data === null ? (
          <Skeleton width="12rem" height="1.1rem" />
        ) : (
          <>
            <span className="workspace-label">Workspace</span>
            <span className="workspace-name" data-testid="workspace-name" title={data.workspaceDir}>
              {data.workspaceName}
            </span>
            {data.isDemo && (
              <span className="badge badge-demo" data-testid="demo-badge" title="Generated sample data, not your organisation's">
                Demo workspace
              </span>
            )}
          </>
        )}
      </div>
      {data !== null && (
        <div className="header-meta">
          <span className="header-meta-item" data-testid="workspace-currency" title="Reports convert into this currency">
            Currency <strong>{data.currency}</strong>
          </span>
          {route !== 'present' && (
            <button type="button" className="button button-small" data-testid="header-present" title="The deck of pinned charts, to play full screen (Alt+8)" onClick={() => navigate('present')}>
              Present
            </button>
          )}
        </div>
      )}
    </header>
  );
}
