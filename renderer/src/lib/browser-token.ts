/** Where the browser host's access token survives reloads of the same tab (never localStorage). */
export const TOKEN_STORAGE_KEY = 'yardstick.token';

/** What every call says when the page was opened without the tokened link. */
export const MISSING_TOKEN_MESSAGE = 'This page needs the link printed by `yardstick serve` (it carries an access token).';

/** The `token` parameter of a location hash such as "#token=abc"; null when there is none. */
export function tokenFromHash(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return null;
  const token = new URLSearchParams(body).get('token');
  return token !== null && token.trim() !== '' ? token.trim() : null;
}

export type TokenEnvironment = {
  location: { hash: string; pathname: string; search: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
  /** null when the browser refuses storage (private modes, blocked cookies). */
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void } | null;
};

/**
 * Takes the token from the link `yardstick serve` printed, keeps it for reloads and removes it from
 * the address bar so it does not end up in screenshots, bookmarks or screen shares. A token in the
 * hash wins over a stored one: it comes from the newest launch of the host.
 */
export function captureToken(env: TokenEnvironment): string | null {
  const fromHash = tokenFromHash(env.location.hash);
  if (fromHash !== null) {
    try {
      env.storage?.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // Storage can throw when quota or policy forbids it; the token still works for this page view.
    }
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}`);
    return fromHash;
  }
  try {
    return env.storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
