import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_KEYCHAIN_SERVICE } from './keychain';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'yardstick.js');

/** The built CLI, run as a user would (`npm run build` first; `npm test` does). */
export function assertBuilt(): void {
  if (!existsSync(join(root, 'out', 'main', 'cli.js'))) throw new Error('The CLI is not built: run `npm run build` before these tests.');
}

/** The test keychain service; `undefined` in `extra` removes a variable (e.g. the session bus). */
function env(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, YARDSTICK_KEYCHAIN_SERVICE: TEST_KEYCHAIN_SERVICE };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  return merged;
}

/**
 * Runs the CLI in a child process and collects its output. Asynchronous on purpose: the local test
 * servers live in this process, and a blocking spawnSync would stop them from answering.
 */
export function runCli(args: string[], opts: { input?: string; env?: Record<string, string | undefined> } = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: env(opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

export function spawnCli(args: string[]): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
}
