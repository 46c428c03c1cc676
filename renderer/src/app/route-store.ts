import { create } from 'zustand';
import { DEFAULT_ROUTE, parseRoute, routeHash, type RouteId } from './routes';

type RouteState = {
  route: RouteId;
  navigate(route: RouteId): void;
};

/**
 * The location hash is the source of truth, so back/forward and reloads land on the same page;
 * the store mirrors it for React. navigate() writes the hash, which adds a history entry.
 */
export const useRouteStore = create<RouteState>()((set, get) => ({
  route: DEFAULT_ROUTE,
  navigate: (route) => {
    if (route === get().route && parseRoute(window.location.hash) === route) return;
    set({ route });
    window.location.hash = routeHash(route);
  },
}));

/**
 * Starts following the hash; returns the stop function. Call after initIpc(): in the browser host the
 * hash first carries the access token, which must be taken before this rewrites it.
 */
export function startRouting(): () => void {
  const sync = (): void => {
    const route = parseRoute(window.location.hash);
    if (route === null) {
      // Unknown or empty hash: show the default page without leaving a dead entry in history.
      window.history.replaceState(window.history.state, '', routeHash(DEFAULT_ROUTE));
      useRouteStore.setState({ route: DEFAULT_ROUTE });
      return;
    }
    useRouteStore.setState({ route });
  };
  sync();
  window.addEventListener('hashchange', sync);
  return () => window.removeEventListener('hashchange', sync);
}
