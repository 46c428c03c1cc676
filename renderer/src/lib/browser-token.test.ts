import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, captureToken, tokenFromHash, type TokenEnvironment } from './browser-token';

function environment(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored === null ? [] : [[TOKEN_STORAGE_KEY, stored]]);
  const replaced: string[] = [];
  const env: TokenEnvironment = {
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState: (_data, _unused, url) => replaced.push(url ?? '') },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
  };
  return { env, storage, replaced };
}

describe('tokenFromHash', () => {
  it('reads the token parameter of the hash', () => {
    expect(tokenFromHash('#token=abc123')).toBe('abc123');
    expect(tokenFromHash('#token=a%2Bb')).toBe('a+b');
    expect(tokenFromHash('#/overview')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });
});

describe('captureToken', () => {
  it('keeps the token from the link for reloads and removes it from the address bar', () => {
    const { env, storage, replaced } = environment('#token=fresh');
    expect(captureToken(env)).toBe('fresh');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('fresh');
    expect(replaced).toEqual(['/']);
  });

  it('prefers a token in the link over an older stored one', () => {
    const { env } = environment('#token=new', 'old');
    expect(captureToken(env)).toBe('new');
  });

  it('falls back to the stored token after a reload, leaving the URL alone', () => {
    const { env, replaced } = environment('#/sources', 'kept');
    expect(captureToken(env)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('returns null without a token anywhere, and survives storage that throws', () => {
    expect(captureToken(environment('').env)).toBeNull();
    const { env } = environment('#token=t');
    const throwing: TokenEnvironment = {
      ...env,
      storage: {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => {
          throw new Error('denied');
        },
      },
    };
    expect(captureToken(throwing)).toBe('t');
    expect(captureToken({ ...throwing, location: { hash: '', pathname: '/', search: '' } })).toBeNull();
  });
});
