import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keychainAvailable, testSecrets, uniqueToken } from '../support/keychain';

const hasKeychain = await keychainAvailable();

describe('credential store on the real Secret Service', () => {
  it.skipIf(!hasKeychain)('stores, reads and deletes a secret', async () => {
    const store = testSecrets();
    const account = `source:${uniqueToken('acct')}`;
    const secret = uniqueToken();
    await store.set(account, secret);
    expect(await store.get(account)).toBe(secret);
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(await store.delete(account)).toBe(false);
  });

  it('says plainly when no Secret Service is running, instead of failing obscurely', () => {
    // A child process with no session bus and no display: exactly a headless Linux box without a keyring.
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const script = `
      const { createRequire } = require('node:module');
      const keytar = createRequire(${JSON.stringify(`${root}/package.json`)})('keytar');
      keytar.getPassword('dev.yardstick.workbench.test', 'probe').then(() => console.log('AVAILABLE'), (e) => console.log('ERROR ' + e.message));`;
    const env = { ...process.env };
    delete env['DBUS_SESSION_BUS_ADDRESS'];
    delete env['DISPLAY'];
    delete env['WAYLAND_DISPLAY'];
    const out = execFileSync(process.execPath, ['-e', script], { env, encoding: 'utf8' }).trim();
    expect(out).toMatch(/^ERROR /);
    // The raw message is what keytar says; our explanation of it is what users see.
    return import('../../electron/secrets/credential-store').then(({ explainKeychainError }) => {
      expect(explainKeychainError(new Error(out.slice(6)))).toMatch(/No Secret Service is running .* Tokens are never stored anywhere else\./);
    });
  });
});
