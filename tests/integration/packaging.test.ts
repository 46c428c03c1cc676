import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { afterPack, checkAddons, electronAbi, findAddons, productionPackageDirs, readAddon, type Expected } from '../../scripts/check-native-abi.mjs';
import { tempDir } from '../support/temp';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts', 'check-native-abi.mjs');
const sqliteAddon = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const keytarAddon = join(root, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node');
const nodeAbi = Number(process.versions.modules);
const electron = electronAbi();
const forElectron: Expected = { abi: electron.abi, label: `Electron ${electron.version}`, from: electron.from };

const { dir: tmp, cleanup } = tempDir('yardstick-packaging-');
afterAll(cleanup);

/**
 * No Electron headers can be fetched here, so no real Electron-ABI build of better-sqlite3 exists.
 * Its stand-in is the Node build with the registration symbol's version rewritten (same length),
 * which is exactly what the check reads: it proves the passing path, not a loadable addon.
 */
function electronStandIn(dest: string): string {
  const bytes = readFileSync(sqliteAddon);
  const from = Buffer.from(`node_register_module_v${nodeAbi}`);
  const to = Buffer.from(`node_register_module_v${electron.abi}`);
  expect(from.length).toBe(to.length);
  let at = bytes.indexOf(from);
  expect(at).toBeGreaterThan(0);
  while (at >= 0) {
    to.copy(bytes, at);
    at = bytes.indexOf(from, at + 1);
  }
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(dest, bytes);
  return dest;
}

describe('scripts/check-native-abi.mjs', () => {
  it('reads the ABI each addon registers: better-sqlite3 is ABI-specific, keytar is Node-API', () => {
    expect(readAddon(readFileSync(sqliteAddon))).toMatchObject({ abi: nodeAbi, format: process.platform === 'linux' ? 'ELF' : expect.any(String) });
    expect(readAddon(readFileSync(keytarAddon)).abi).toBe('napi');
    expect(readAddon(Buffer.from('just some bytes')).abi).toBe('not-an-addon');
    expect(readAddon(Buffer.from('node_module_register with no versioned symbol')).abi).toBe('unknown');
  });

  it('takes Electron’s ABI from the installed electron package, in agreement with node-abi', () => {
    const fromTable = (createRequire(join(root, 'package.json'))('node-abi') as { getAbi(v: string, runtime: string): string }).getAbi(electron.version, 'electron');
    expect(electron.abi).toBe(Number(fromTable));
    expect(electron.abi).not.toBe(nodeAbi);
  });

  it('reports the Node-built better-sqlite3 honestly as a mismatch for Electron (exit 1), and passes it for Node', () => {
    const r = spawnSync(process.execPath, [script, '--json'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { expected: Expected; results: { file: string; status: string; problems: string[] }[] };
    expect(report.expected.abi).toBe(electron.abi);
    const sqlite = report.results.find((x) => x.file === sqliteAddon)!;
    expect(sqlite.status).toBe('MISMATCH');
    expect(sqlite.problems[0]).toBe(`built for NODE_MODULE_VERSION ${nodeAbi} (Node ${process.versions.node}), Electron ${electron.version} needs ${electron.abi}`);
    expect(report.results.find((x) => x.file === keytarAddon)!.status).toBe('ok');
    // Dev-only addons (DuckDB, for the bench) are not shipped, so not checked.
    expect(report.results.some((x) => x.file.includes('duckdb'))).toBe(false);

    const asNode = spawnSync(process.execPath, [script, '--runtime', 'node'], { cwd: root, encoding: 'utf8' });
    expect(asNode.status).toBe(0);
    expect(asNode.stdout).toMatch(/Every addon matches Node/);
  });

  it('passes an Electron-ABI build, and flags a rebuild marker that contradicts its binary', () => {
    const built = electronStandIn(join(tmp, 'electron', 'better_sqlite3.node'));
    expect(checkAddons([built], forElectron)[0]).toMatchObject({ abi: electron.abi, status: 'ok', problems: [] });
    const r = spawnSync(process.execPath, [script, dirname(built)], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);

    // What a rebuild under a machine-wide nodedir leaves: Node's ABI in the binary, Electron's in the marker.
    const lying = join(tmp, 'lying', 'better_sqlite3.node');
    mkdirSync(dirname(lying), { recursive: true });
    copyFileSync(sqliteAddon, lying);
    writeFileSync(join(dirname(lying), '.forge-meta'), `linux--x64--${electron.abi}`);
    const [result] = checkAddons([lying], forElectron);
    expect(result!.status).toBe('MISMATCH');
    expect(result!.problems.join('\n')).toMatch(new RegExp(`stale rebuild marker: .*\\.forge-meta says ${electron.abi}; delete it and rebuild`));
  });

  it('finds the shipped addons from the lock file, skipping compiler intermediates', () => {
    const addons = findAddons(productionPackageDirs(root));
    expect(addons).toContain(sqliteAddon);
    expect(addons).toContain(keytarAddon);
    expect(addons.some((f) => f.includes('obj.target'))).toBe(false);
  });

  it('as the afterPack hook, fails a package holding a wrong-ABI or wrong-CPU addon and passes a right one', async () => {
    const app = (name: string) => join(tmp, name, 'resources', 'app.asar.unpacked', 'node_modules');
    const context = (name: string, arch = 1) => ({ appOutDir: join(tmp, name), arch, packager: { info: { framework: { version: electron.version }, projectDir: root } } });
    const log = console.log;
    console.log = () => undefined;
    try {
      mkdirSync(join(app('node-built'), 'better-sqlite3'), { recursive: true });
      copyFileSync(sqliteAddon, join(app('node-built'), 'better-sqlite3', 'better_sqlite3.node'));
      await expect(afterPack(context('node-built'))).rejects.toThrow(/1 native addon\(s\) in the package do not match Electron/);

      electronStandIn(join(app('good'), 'better-sqlite3', 'better_sqlite3.node'));
      mkdirSync(join(app('good'), 'keytar'), { recursive: true });
      copyFileSync(keytarAddon, join(app('good'), 'keytar', 'keytar.node'));
      await expect(afterPack(context('good'))).resolves.toBeUndefined();
      // The same files in a package for arm64 are the wrong CPU.
      await expect(afterPack(context('good', 3))).rejects.toThrow(/do not match/);

      mkdirSync(join(tmp, 'empty', 'resources'), { recursive: true });
      await expect(afterPack(context('empty'))).rejects.toThrow(/No native addon found/);
    } finally {
      console.log = log;
    }
  });
});

type BuilderConfig = Record<string, unknown> & {
  /** As loaded, electron-builder wraps the list in `{ filter }`. */
  files: (string | { filter: string[] })[];
  asarUnpack: string[];
  afterPack: string;
  linux: { target: string[]; icon: string; category: string; maintainer: string };
  mac: { target: string[]; icon: string; category: string };
  win: { target: string[]; icon: string };
};
const builderConfig = createRequire(join(root, 'package.json'))('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const quietLogger = { isEnabled: false, add: () => undefined };

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation (its JSON schema), which rejects unknown options', async () => {
    const config = await builderConfig.getConfig(root, join(root, 'electron-builder.yml'), null);
    await expect(builderConfig.validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    await expect(builderConfig.validateConfiguration({ ...config, linux: { ...config.linux, categoryy: 'Office' } }, quietLogger)).rejects.toThrow(/configuration\.linux should be/);
    await expect(builderConfig.validateConfiguration({ ...config, npmRebuild: 'yes' }, quietLogger)).rejects.toThrow(/configuration\.npmRebuild should be a boolean/);
  });

  it('builds AppImage and deb, dmg and nsis from out/ with the addons unpacked and checked, and a 1024 px icon', async () => {
    const config = await builderConfig.getConfig(root, join(root, 'electron-builder.yml'), null);
    expect(config).toMatchObject({ appId: 'dev.yardstick.workbench', productName: 'Yardstick', npmRebuild: true, buildDependenciesFromSource: false, asarUnpack: ['**/*.node'] });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.maintainer).toMatch(/^.+ <.+@.+>$/); // deb refuses a maintainer without an e-mail address
    const files = config.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['out/**', 'package.json', '!out/native/**']));
    expect(files.find((f) => f.startsWith('!{tests,bench'))).toBeDefined();
    expect(config.mac.category).toMatch(/^public\.app-category\./);
    // The packaged binary cannot be used as a Node runtime or debugged into, and file:// has no extra powers.
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });

    const hook = (await import(join(root, config.afterPack))) as { afterPack?: unknown };
    expect(typeof hook.afterPack).toBe('function');

    for (const icon of new Set([config.linux.icon, config.mac.icon, config.win.icon])) {
      const png = readFileSync(join(root, icon));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    }
    expect(existsSync(join(root, 'resources', 'icon.svg'))).toBe(true);
  });
});
