import { randomUUID } from 'node:crypto';
import { keytarStore, type CredentialStore } from '../../electron/secrets/credential-store';

/** A keychain service of its own, so tests never touch a developer's real Yardstick entries. */
export const TEST_KEYCHAIN_SERVICE = 'dev.yardstick.workbench.test';

export const testSecrets = (): CredentialStore => keytarStore(TEST_KEYCHAIN_SERVICE);

/**
 * Whether the real Secret Service is reachable. `npm test` runs the suite inside dbus-run-session
 * with gnome-keyring and sets YARDSTICK_REQUIRE_KEYCHAIN=1, so there a missing keychain fails the
 * tests instead of skipping them.
 */
export async function keychainAvailable(): Promise<boolean> {
  const check = await testSecrets().check();
  if (!check.available && process.env['YARDSTICK_REQUIRE_KEYCHAIN'] === '1') throw new Error(`The keychain is required for these tests but unavailable: ${check.reason}`);
  return check.available;
}

export const uniqueToken = (label = 'token'): string => `${label}-${randomUUID()}-${randomUUID()}`;
