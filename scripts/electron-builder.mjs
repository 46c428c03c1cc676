// Runs electron-builder (arguments passed through) with the one thing that makes its native rebuild
// lie removed from the environment, then checks the result:
//
//   node scripts/electron-builder.mjs install-app-deps     rebuild node_modules' addons for Electron, then check their ABI
//   node scripts/electron-builder.mjs --linux AppImage deb  package (the afterPack hook checks the packed addons)
//
// `npm run` and `npx` export every npm setting as npm_config_*; a machine-wide `nodedir` among them
// makes node-gyp compile against that Node's headers instead of Electron's, and the rebuild still
// reports success. Rebuild markers (.forge-meta) that contradict their binary are removed first,
// or the rebuild would skip those modules as already done.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAddons, productionPackageDirs, readAddon } from './check-native-abi.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

const env = { ...process.env };
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];

for (const addon of findAddons(productionPackageDirs(root))) {
  const meta = join(dirname(addon), '.forge-meta');
  if (!existsSync(meta)) continue;
  const { abi } = readAddon(readFileSync(addon));
  const marked = Number(readFileSync(meta, 'utf8').trim().split('--').pop());
  if (typeof abi === 'number' && abi !== marked) {
    console.error(`Removing ${meta}: it says ABI ${marked}, the binary is ${abi}.`);
    rmSync(meta);
  }
}

const cli = require.resolve('electron-builder/cli.js');
const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit', env });
if (run.status !== 0) process.exit(run.status ?? 1);
if (args[0] === 'install-app-deps') {
  const check = spawnSync(process.execPath, [join(root, 'scripts', 'check-native-abi.mjs')], { cwd: root, stdio: 'inherit', env });
  process.exit(check.status ?? 1);
}
