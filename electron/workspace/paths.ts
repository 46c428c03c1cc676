import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the built-in demo workspace lives unless the user names another folder. */
export function defaultDemoWorkspaceDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['YARDSTICK_DEMO_WORKSPACE']) return env['YARDSTICK_DEMO_WORKSPACE'];
  if (process.platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Yardstick', 'demo-workspace');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Yardstick', 'demo-workspace');
  return join(env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'yardstick', 'demo-workspace');
}
