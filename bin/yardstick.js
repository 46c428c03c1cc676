#!/usr/bin/env node
// The `yardstick` command: runs the built CLI, building it once if this checkout has not been built.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('Building Yardstick (first run)…\n');
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0 || !existsSync(cli)) {
    process.stderr.write('yardstick: the build failed; run `npm run build` to see why.\n');
    process.exit(1);
  }
}
await import(pathToFileURL(cli).href);
