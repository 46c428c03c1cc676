// Checks that every native addon the app ships was built for the runtime that will load it.
//
//   node scripts/check-native-abi.mjs [--runtime electron|node] [--json] [FILE_OR_DIR...]
//
// A rebuild's own report cannot be trusted for this: with a machine-wide npm `nodedir` (this
// machine's ~/.npmrc has nodedir=/usr), `electron-builder install-app-deps` compiles against
// Node's headers, prints "completed", and writes a .forge-meta marker claiming Electron's ABI, so
// the next run skips it too. The addon itself says which ABI it was built for: the
// `node_register_module_v<N>` symbol NODE_MODULE_INIT exports, or `napi_register_module_v1` for a
// Node-API addon (ABI-stable across Node and Electron). That is what this script reads.
//
// Also the electron-builder afterPack hook (electron-builder.yml), so a package with a wrong addon
// fails to build instead of failing to start.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What an addon file declares: its ABI (`napi` for Node-API), format and CPU. */
export function readAddon(bytes) {
  const text = bytes.toString('latin1');
  const node = [...new Set([...text.matchAll(/node_register_module_v(\d+)/g)].map((m) => Number(m[1])))];
  const napi = /napi_register_module_v\d+/.test(text);
  const legacy = text.includes('node_module_register');
  let abi;
  if (node.length === 1 && !napi) abi = node[0];
  else if (node.length === 0 && napi) abi = 'napi';
  else if (node.length > 1 || (node.length === 1 && napi)) abi = 'ambiguous';
  else abi = legacy ? 'unknown' : 'not-an-addon';
  return { abi, ...binaryKind(bytes) };
}

/** ELF, Mach-O or PE, and the CPU it is for, from the file header. */
export function binaryKind(b) {
  if (b.length >= 20 && b.readUInt32BE(0) === 0x7f454c46) {
    return { format: 'ELF', arch: { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'armv7l' }[b.readUInt16LE(18)] ?? 'other' };
  }
  if (b.length >= 8 && b.readUInt32LE(0) === 0xfeedfacf) return { format: 'Mach-O', arch: { 0x01000007: 'x64', 0x0100000c: 'arm64' }[b.readUInt32LE(4)] ?? 'other' };
  if (b.length >= 8 && b.readUInt32BE(0) === 0xcafebabe) return { format: 'Mach-O', arch: 'universal' };
  if (b.length >= 0x40 && b.toString('latin1', 0, 2) === 'MZ') {
    const pe = b.readUInt32LE(0x3c);
    if (pe + 6 <= b.length && b.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      return { format: 'PE', arch: { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' }[b.readUInt16LE(pe + 4)] ?? 'other' };
    }
  }
  return { format: 'unknown', arch: 'unknown' };
}

/** Electron's NODE_MODULE_VERSION: the installed electron package's abi_version, else node-abi's table. */
export function electronAbi(version, projectDir = root) {
  const pkgDir = join(projectDir, 'node_modules', 'electron');
  const installed = existsSync(join(pkgDir, 'package.json')) ? JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version : undefined;
  const target = version ?? installed;
  if (!target) throw new Error('No Electron version: install the electron package or pass one.');
  if (target === installed && existsSync(join(pkgDir, 'abi_version'))) {
    return { version: target, abi: Number(readFileSync(join(pkgDir, 'abi_version'), 'utf8').trim()), from: 'electron/abi_version' };
  }
  const require = createRequire(join(projectDir, 'package.json'));
  const nodeAbi = require('node-abi');
  return { version: target, abi: Number(nodeAbi.getAbi(target, 'electron')), from: 'node-abi' };
}

/** Every `.node` file under the given files or folders (compiler intermediates left out). */
export function findAddons(paths) {
  const found = [];
  const walk = (p) => {
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) return;
    if (s.isFile()) {
      if (p.endsWith('.node')) found.push(p);
      return;
    }
    if (!s.isDirectory() || basename(p) === 'obj.target' || basename(p) === '.deps') return;
    for (const entry of readdirSync(p)) walk(join(p, entry));
  };
  for (const p of paths) walk(resolve(p));
  return [...new Set(found)].sort();
}

/** The folders of the packages the app ships (package-lock entries that are not dev-only), plus start.mjs's Electron copy. */
export function productionPackageDirs(projectDir = root) {
  const lock = JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8'));
  const dirs = Object.entries(lock.packages ?? {})
    .filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
    .map(([key]) => join(projectDir, key))
    .filter((d) => existsSync(d));
  const native = join(projectDir, 'out', 'native');
  return existsSync(native) ? [...dirs, native] : dirs;
}

/**
 * Checks each addon against the ABI expected (a NODE_MODULE_VERSION) and, when given, the CPU.
 * A `.forge-meta` marker that names another ABI than the binary is reported: the rebuild tool
 * would skip that module next time, believing it done.
 */
export function checkAddons(files, expected, opts = {}) {
  return files.map((file) => {
    const addon = readAddon(readFileSync(file));
    const problems = [];
    if (addon.abi === 'unknown' || addon.abi === 'ambiguous') problems.push('cannot tell which ABI it was built for');
    else if (typeof addon.abi === 'number' && addon.abi !== expected.abi) {
      problems.push(`built for NODE_MODULE_VERSION ${addon.abi}${addon.abi === Number(process.versions.modules) ? ` (Node ${process.versions.node})` : ''}, ${expected.label} needs ${expected.abi}`);
    }
    if (opts.arch && addon.abi !== 'not-an-addon' && addon.arch !== opts.arch && addon.arch !== 'universal') problems.push(`built for ${addon.arch}, the package is ${opts.arch}`);
    const meta = join(dirname(file), '.forge-meta');
    if (existsSync(meta) && typeof addon.abi === 'number') {
      const marked = Number(readFileSync(meta, 'utf8').trim().split('--').pop());
      if (marked !== addon.abi) problems.push(`stale rebuild marker: ${meta} says ${marked}; delete it and rebuild`);
    }
    const status = addon.abi === 'not-an-addon' ? 'skipped' : problems.length ? 'MISMATCH' : 'ok';
    return { file, ...addon, expected: expected.abi, status, problems };
  });
}

export function formatReport(results, expected, base = root) {
  const rows = results.map((r) => [
    relative(base, r.file) || r.file,
    r.abi === 'napi' ? 'N-API (stable)' : r.abi === 'not-an-addon' ? 'not a Node addon' : typeof r.abi === 'number' ? `ABI ${r.abi}` : r.abi,
    `${r.format} ${r.arch}`,
    r.status === 'ok' ? 'ok' : r.status === 'skipped' ? 'skipped' : `MISMATCH: ${r.problems.join('; ')}`,
  ]);
  const header = ['addon', 'built for', 'binary', `against ${expected.label} (ABI ${expected.abi}, from ${expected.from})`];
  const widths = header.slice(0, 3).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function expectedFor(runtime, version) {
  if (runtime === 'node') return { abi: Number(process.versions.modules), label: `Node ${process.versions.node}`, from: 'process.versions.modules' };
  const e = electronAbi(version);
  return { abi: e.abi, label: `Electron ${e.version}`, from: e.from };
}

/** electron-builder afterPack hook: every addon inside the packed app must match its Electron and CPU. */
export async function afterPack(context) {
  const version = context.packager?.info?.framework?.version ?? context.packager?.config?.electronVersion;
  const e = electronAbi(version, context.packager?.info?.projectDir ?? root);
  const expected = { abi: e.abi, label: `Electron ${e.version}`, from: e.from };
  const arch = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'][context.arch];
  const results = checkAddons(findAddons([context.appOutDir]), expected, { arch: arch === 'universal' ? undefined : arch });
  console.log(formatReport(results, expected, context.appOutDir));
  const bad = results.filter((r) => r.status === 'MISMATCH');
  if (bad.length) throw new Error(`${bad.length} native addon(s) in the package do not match Electron ${e.version} (ABI ${e.abi}); see the table above.`);
  if (!results.some((r) => r.status === 'ok')) throw new Error(`No native addon found in ${context.appOutDir}; better-sqlite3 and keytar must be unpacked from the asar (asarUnpack).`);
}

function main(argv) {
  const args = [...argv];
  const flag = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const json = args.includes('--json');
  if (json) args.splice(args.indexOf('--json'), 1);
  const runtime = flag('--runtime') ?? 'electron';
  const version = flag('--target');
  if (runtime !== 'electron' && runtime !== 'node') {
    console.error('--runtime must be electron or node');
    return 2;
  }
  let expected;
  try {
    expected = expectedFor(runtime, version);
  } catch (e) {
    console.error(`check-native-abi: ${e.message}`);
    return 2;
  }
  const results = checkAddons(findAddons(args.length ? args : productionPackageDirs()), expected);
  if (json) console.log(JSON.stringify({ expected, results }, null, 2));
  else console.log(formatReport(results, expected));
  const bad = results.filter((r) => r.status === 'MISMATCH').length;
  if (!json) {
    console.log(
      bad
        ? `\n${bad} addon(s) do not match ${expected.label}. Rebuild them for it (npm run rebuild:electron; the Node build for tests and the CLI comes back with npm rebuild).`
        : `\nEvery addon matches ${expected.label}.`,
    );
  }
  return bad ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
