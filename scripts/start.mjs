// `npm start`: build, then launch the Electron app on the demo workspace.
// Where the Electron binary is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or its
// download failed) it says so in one line and points to the browser host instead.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

let electronBinary;
try {
  electronBinary = require('electron');
} catch {
  electronBinary = undefined;
}
if (!electronBinary || !existsSync(electronBinary)) {
  console.error('The Electron binary is not installed here; run `npx yardstick serve` and open the printed link in a browser instead.');
  process.exit(1);
}

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);

// better-sqlite3 in node_modules is built for Node (tests and the CLI use it). Electron needs a
// build for its own ABI: keep one beside it and hand its path to the app, so neither breaks the other.
// (keytar is a Node-API addon, stable across Node and Electron, so it needs no second build.)
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const nativeDir = join(root, 'out', 'native', `electron-${electronVersion}`, 'better-sqlite3');
const binding = join(nativeDir, 'build', 'Release', 'better_sqlite3.node');
if (!existsSync(binding)) {
  console.error(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
  mkdirSync(dirname(nativeDir), { recursive: true });
  const source = join(root, 'node_modules', 'better-sqlite3');
  cpSync(source, nativeDir, { recursive: true, filter: (src) => !src.startsWith(join(source, 'build')) });
  // A machine-wide npm `nodedir` would silently build for Node's ABI instead: clear it.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  run(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: nativeDir, env });
}

const app = spawnSync(electronBinary, [root], { stdio: 'inherit', env: { ...process.env, YARDSTICK_SQLITE_BINDING: binding } });
process.exit(app.status ?? 0);
