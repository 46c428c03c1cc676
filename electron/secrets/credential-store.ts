import { createRequire } from 'node:module';
import { AppError } from '../../shared/ipc/result';

/**
 * Where source tokens live: the OS keychain, and nowhere else. The database keeps only the account
 * name (`secret_ref`). keytar's repository is archived; everything keytar-specific is in this file,
 * so moving to a maintained drop-in with the same API (e.g. `@napi-rs/keyring`'s keytar-compatible
 * entry point) changes only `loadKeytar` below.
 */
export type CredentialStore = {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Whether a keychain is reachable, with a plain reason when it is not. */
  check(): Promise<{ available: true } | { available: false; reason: string }>;
};

/** The keychain service name; YARDSTICK_KEYCHAIN_SERVICE gives a separate set of entries (e.g. a test profile). */
export const KEYCHAIN_SERVICE = process.env['YARDSTICK_KEYCHAIN_SERVICE'] || 'dev.yardstick.workbench';

type KeytarApi = {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

const require = createRequire(import.meta.url);
let keytar: KeytarApi | undefined;
function loadKeytar(): KeytarApi {
  // Loaded on first use so that a missing native build never stops the app from starting.
  keytar ??= require('keytar') as KeytarApi;
  return keytar;
}

/** Turns the keychain's low-level failures into one sentence a user can act on. */
export function explainKeychainError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (process.platform === 'linux' && /D-Bus|DBus|org\.freedesktop\.secrets|Secret Service|autolaunch|No such interface|ServiceUnknown/i.test(message)) {
    return 'No Secret Service is running (GNOME Keyring or KWallet), so Yardstick cannot store or read tokens. Start your desktop keyring, or run gnome-keyring-daemon, and try again. Tokens are never stored anywhere else.';
  }
  if (/locked|cancel|denied|not allowed/i.test(message)) return `The keychain refused access (${message}). Unlock it and try again.`;
  if (/Cannot find module|keytar\.node|was compiled against/i.test(message)) return 'The keychain module is not installed correctly for this runtime; reinstall Yardstick.';
  return `The keychain failed: ${message}`;
}

export function keytarStore(service: string = KEYCHAIN_SERVICE): CredentialStore {
  const call = async <T>(fn: (k: KeytarApi) => Promise<T>): Promise<T> => {
    try {
      return await fn(loadKeytar());
    } catch (e) {
      throw new AppError('UNAVAILABLE', explainKeychainError(e));
    }
  };
  return {
    get: (account) => call((k) => k.getPassword(service, account)),
    set: (account, secret) => call((k) => k.setPassword(service, account, secret)),
    delete: (account) => call((k) => k.deletePassword(service, account)),
    async check() {
      try {
        await loadKeytar().getPassword(service, '__yardstick_probe__');
        return { available: true };
      } catch (e) {
        return { available: false, reason: explainKeychainError(e) };
      }
    },
  };
}
