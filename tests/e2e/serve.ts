import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Served = {
  url: string;
  workspace: string;
  /** Ends the server and removes the workspace copy. */
  stop: () => Promise<void>;
  /** Ends the server and serves the same workspace folder again, as a new launch: another port and token. */
  restart: () => Promise<Served>;
};

/** Copies the demo workspace and serves it with `yardstick serve`, returning the printed link. */
export async function serveDemoCopy(): Promise<Served> {
  const source = process.env['YARDSTICK_E2E_DEMO'];
  if (!source) throw new Error('global setup did not create the demo workspace');
  return serveWorkspace((workspace) => cpSync(source, workspace, { recursive: true }));
}

/** Serves a new workspace (empty unless `prepare` fills the folder first). */
export async function serveWorkspace(prepare: (workspace: string) => void = () => undefined): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-e2e-serve-'));
  const workspace = join(dir, 'ws');
  prepare(workspace);
  return serveFolder(workspace, () => rmSync(dir, { recursive: true, force: true }));
}

async function serveFolder(workspace: string, cleanup: () => void): Promise<Served> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  // Tokens entered in the UI go to a keychain service of the tests' own (npm test runs a private keyring).
  const env = { ...process.env, YARDSTICK_KEYCHAIN_SERVICE: 'dev.yardstick.workbench.test' };
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bin', 'yardstick.js'), 'serve', '--workspace', workspace], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (line) resolveUrl(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`yardstick serve exited (${code}): ${stderr}`)));
  });
  const end = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    workspace,
    stop: async () => {
      await end();
      cleanup();
    },
    restart: async () => {
      await end();
      return serveFolder(workspace, cleanup);
    },
  };
}
