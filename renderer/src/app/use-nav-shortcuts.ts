import { useEffect } from 'react';
import { routeForShortcut } from './routes';
import { useRouteStore } from './route-store';

/** Alt+1 … Alt+7 jump to the nav entries, from anywhere in the window. */
export function useNavShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const route = routeForShortcut(event);
      if (route === null) return;
      event.preventDefault();
      useRouteStore.getState().navigate(route);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
