import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Builds one demo workspace through the real CLI for all specs; each spec serves its own copy. */
export default function globalSetup(): () => void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (!existsSync(join(root, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-e2e-'));
  const workspace = join(dir, 'demo');
  try {
    execFileSync(process.execPath, [join(root, 'bin', 'yardstick.js'), 'demo', '--workspace', workspace], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    throw new Error(`yardstick demo failed: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
  }
  process.env['YARDSTICK_E2E_DEMO'] = workspace;
  return () => rmSync(dir, { recursive: true, force: true });
}
