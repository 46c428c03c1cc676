import { ROUTE_IDS, ROUTE_LABELS, shortcutLabel } from './routes';
import { useRouteStore } from './route-store';

export function Nav() {
  const route = useRouteStore((s) => s.route);
  const navigate = useRouteStore((s) => s.navigate);
  return (
    <nav className="nav" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Yardstick</span>
      </div>
      <ul className="nav-list">
        {ROUTE_IDS.map((id) => (
          <li key={id}>
            <button
              type="button"
              className="nav-item"
              data-testid={`nav-${id}`}
              aria-current={route === id ? 'page' : undefined}
              aria-keyshortcuts={shortcutLabel(id)}
              title={`${ROUTE_LABELS[id]} (${shortcutLabel(id)})`}
              onClick={() => navigate(id)}
            >
              <span>{ROUTE_LABELS[id]}</span>
              <kbd className="nav-shortcut" aria-hidden="true">
                {shortcutLabel(id)}
              </kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
