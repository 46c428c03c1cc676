// Present comes last, so adding it kept Alt+1 … Alt+7 where they were.
export const ROUTE_IDS = ['overview', 'explore', 'records', 'pilots', 'scenarios', 'sources', 'settings', 'present'] as const;
export type RouteId = (typeof ROUTE_IDS)[number];

export const DEFAULT_ROUTE: RouteId = 'overview';

export const ROUTE_LABELS: Record<RouteId, string> = {
  overview: 'Overview',
  explore: 'Explore',
  records: 'Records',
  pilots: 'Pilots',
  scenarios: 'Scenarios',
  sources: 'Sources',
  settings: 'Settings',
  present: 'Present',
};

const isRouteId = (value: string): value is RouteId => (ROUTE_IDS as readonly string[]).includes(value);

/** "#/explore" → "explore"; anything unknown (including the browser host's "#token=…") → null. */
export function parseRoute(hash: string): RouteId | null {
  const match = /^#\/([a-z-]+)\/?$/.exec(hash);
  const id = match?.[1];
  return id !== undefined && isRouteId(id) ? id : null;
}

export const routeHash = (route: RouteId): string => `#/${route}`;

/** Alt+1 … Alt+8 in nav order. */
export const shortcutLabel = (route: RouteId): string => `Alt+${ROUTE_IDS.indexOf(route) + 1}`;

/**
 * The route an Alt+digit press asks for. Matches on `code`, not `key`: on macOS Option+1 types "¡".
 * Other modifiers are excluded so browser and OS shortcuts keep working.
 */
export function routeForShortcut(e: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string }): RouteId | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
  if (!match) return null;
  return ROUTE_IDS[Number(match[1]) - 1] ?? null;
}
