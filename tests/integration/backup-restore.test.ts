import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, EventName } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput, EventPayload, WorkspaceStatus } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import { openConnection } from '../../electron/db/connection';
import { KEEP_BACKUPS, migrate } from '../../electron/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../electron/db/migrations';
import { writeSettings } from '../../electron/db/repositories/settings';
import { restoreIntoNewFolder, validateBackupFile } from '../../electron/workspace/backup';
import { DB_FILE, openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { assertBuilt, runCli } from '../support/cli';
import { testSecrets } from '../support/keychain';
import { tempDir } from '../support/temp';

let root: string;
let cleanup: () => void;
let demo: string;
let backup: string;
let demoStatus: WorkspaceStatus;

const withoutDir = (s: WorkspaceStatus) => ({ ...s, dir: '(dir)' });
const statusOf = async (dir: string): Promise<WorkspaceStatus> => {
  const r = await runCli(['status', '--workspace', dir, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as WorkspaceStatus;
};
const fresh = (name: string) => join(root, name);

/** An in-process workspace whose handlers record the events they emit. */
function handlerWorkspace(dir: string, opts: { create: boolean }) {
  const ws = openWorkspace(dir, { create: opts.create });
  const events: { event: EventName; payload: unknown }[] = [];
  const ctx = makeContext('cli', ws, <E extends EventName>(event: E, payload: EventPayload<E>) => void events.push({ event, payload }), { secrets: testSecrets() });
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>) => (await dispatch(handlers, channel, input, ctx)) as Result<ChannelOutput<C>>;
  return { ws, events, call };
}

beforeAll(async () => {
  assertBuilt();
  ({ dir: root, cleanup } = tempDir('yardstick-backup-'));
  demo = fresh('demo');
  const created = await runCli(['demo', '--workspace', demo, '--format', 'json']);
  expect(created.status).toBe(0);
  demoStatus = await statusOf(demo);
  backup = join(root, 'backups', 'demo.sqlite');
  const r = await runCli(['backup', '--workspace', demo, '--out', backup]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Backed up Northwind Logistics \(demo\), schema v\d+, [\d.]+ MB, to .*demo\.sqlite\n$/);
}, 180_000);
afterAll(() => cleanup?.());

// Each test runs the CLI several times; on a loaded two-core machine that can pass the default minute.
const CLI_TESTS = { timeout: 240_000 };

describe('yardstick backup', CLI_TESTS, () => {
  it('writes one self-contained, checked file of the workspace', () => {
    expect(readdirSync(join(root, 'backups'))).toEqual(['demo.sqlite']); // no -wal, -shm or partial file beside it
    const db = new Database(backup, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      db.close();
    }
    expect(validateBackupFile(backup)).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, workspaceName: 'Northwind Logistics', isDemo: true });
  });

  it('never replaces an existing file without --force, and names what is missing', async () => {
    const again = await runCli(['backup', '--workspace', demo, '--out', backup]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^yardstick backup: .*demo\.sqlite already exists; choose another name or allow replacing it \(--force\)\.\n$/);
    const forced = await runCli(['backup', '--workspace', demo, '--out', backup, '--force', '--format', 'json']);
    expect(forced.status).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ path: backup, schemaVersion: LATEST_SCHEMA_VERSION, isDemo: true });

    expect(await runCli(['backup', '--workspace', demo])).toMatchObject({ status: 1, stderr: 'yardstick backup: missing --out FILE\n' });
    expect(await runCli(['backup', '--out', join(root, 'x.sqlite')])).toMatchObject({ status: 1, stderr: 'yardstick backup: missing --workspace DIR\n' });
    const nothing = await runCli(['backup', '--workspace', fresh('no-such'), '--out', join(root, 'x.sqlite')]);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toMatch(/No Yardstick workspace in .*no-such/);
    expect(existsSync(join(root, 'x.sqlite'))).toBe(false);
  });
});

describe('yardstick restore', CLI_TESTS, () => {
  it('restores into a new folder a workspace whose status equals the original’s', async () => {
    const target = fresh('restored');
    const r = await runCli(['restore', '--workspace', target, '--from', backup]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`Restored ${backup} into ${target}\n`);
    const restored = await statusOf(target);
    expect(restored.dir).toBe(target);
    expect(withoutDir(restored)).toEqual(withoutDir(demoStatus));
    expect(restored.tables.find((t) => t.name === 'records')!.rows).toBeGreaterThan(100);
    // Nothing left behind by the staging folder.
    expect(readdirSync(root).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('restores into an existing empty folder', async () => {
    const target = fresh('empty');
    mkdirSync(target);
    expect((await runCli(['restore', '--workspace', target, '--from', backup, '--format', 'json'])).status).toBe(0);
    expect(withoutDir(await statusOf(target))).toEqual(withoutDir(demoStatus));
  });

  it('refuses a file that is not a workspace, and creates nothing', async () => {
    const garbage = join(root, 'garbage.sqlite');
    writeFileSync(garbage, 'these are not the bytes you are looking for'.repeat(100));
    const r = await runCli(['restore', '--workspace', fresh('from-garbage'), '--from', garbage]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^yardstick restore: .*garbage\.sqlite is not a Yardstick workspace: the file is not an SQLite database/);
    expect(existsSync(fresh('from-garbage'))).toBe(false);

    const foreign = join(root, 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE notes (body TEXT)');
    db.close();
    const f = await runCli(['restore', '--workspace', fresh('from-foreign'), '--from', foreign]);
    expect(f.status).toBe(1);
    expect(f.stderr).toMatch(/is an SQLite database, but not a Yardstick workspace/);

    const missing = await runCli(['restore', '--workspace', fresh('from-missing'), '--from', join(root, 'nope.sqlite')]);
    expect(missing).toMatchObject({ status: 1, stderr: expect.stringMatching(/No backup file at .*nope\.sqlite/) });
    expect(await runCli(['restore', '--workspace', fresh('x')])).toMatchObject({ status: 1, stderr: 'yardstick restore: missing --from FILE\n' });
  });

  it('refuses a backup from a newer schema or with a migration this app does not know', async () => {
    const newer = join(root, 'newer.sqlite');
    copyFileSync(backup, newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const r = await runCli(['restore', '--workspace', fresh('from-newer'), '--from', newer]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`written by a newer version of Yardstick \\(schema ${LATEST_SCHEMA_VERSION + 1}; this app knows up to ${LATEST_SCHEMA_VERSION}\\)`));
    expect(existsSync(fresh('from-newer'))).toBe(false);

    // A migration's text edited after it was applied: not a workspace this app can vouch for.
    const edited = join(root, 'edited.sqlite');
    copyFileSync(backup, edited);
    const e = new Database(edited);
    e.prepare("UPDATE schema_migrations SET sha256 = 'x' WHERE version = 1").run();
    e.close();
    const re = await runCli(['restore', '--workspace', fresh('from-edited'), '--from', edited]);
    expect(re).toMatchObject({ status: 1, stderr: expect.stringMatching(/Migration 1 \(init\) differs .*append-only/) });
  });

  it('refuses a folder that holds a workspace unless --force, then keeps a safety copy of what it replaces', async () => {
    const target = fresh('existing');
    expect((await runCli(['restore', '--workspace', target, '--from', backup])).status).toBe(0);
    const ws = openWorkspace(target, { create: false });
    ws.updateSettings({ name: 'Changed after the backup' });
    ws.close();

    const refused = await runCli(['restore', '--workspace', target, '--from', backup]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`yardstick restore: ${target} already holds a workspace; add --force to replace its data with the backup (a safety copy is kept in its backups folder).\n`);
    expect((await statusOf(target)).name).toBe('Changed after the backup');

    const forced = await runCli(['restore', '--workspace', target, '--from', backup, '--force', '--format', 'json']);
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    const outcome = JSON.parse(forced.stdout) as { safetyCopy: string; workspaceDir: string };
    expect(outcome.workspaceDir).toBe(target);
    expect(withoutDir(await statusOf(target))).toEqual(withoutDir(demoStatus));
    expect(outcome.safetyCopy).toMatch(/backups\/before-restore-.*\.sqlite$/);
    expect(validateBackupFile(outcome.safetyCopy).workspaceName).toBe('Changed after the backup');

    const other = fresh('not-a-workspace');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    const r = await runCli(['restore', '--workspace', other, '--from', backup, '--force']);
    expect(r).toMatchObject({ status: 1, stderr: expect.stringMatching(/is not empty and holds no workspace; restore into a new or empty folder/) });
    expect(readdirSync(other)).toEqual(['notes.txt']);
  });

  it('with --force replaces a workspace too damaged to open, keeping the damaged file aside', async () => {
    const target = fresh('damaged');
    mkdirSync(target);
    writeFileSync(join(target, DB_FILE), 'not a database any more');
    expect((await runCli(['status', '--workspace', target])).status).toBe(1);
    const r = await runCli(['restore', '--workspace', target, '--from', backup, '--force']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const aside = /kept in (.*)\n$/.exec(r.stdout)![1]!;
    expect(readFileSync(aside, 'utf8')).toBe('not a database any more');
    expect(withoutDir(await statusOf(target))).toEqual(withoutDir(demoStatus));
  });
});

describe('workspace:restore and workspace:backup (the Settings card’s channels)', CLI_TESTS, () => {
  const opened: Workspace[] = [];
  afterAll(() => opened.forEach((w) => w.close()));

  it('restores into the open workspace in place: data, settings and a data-changed event', async () => {
    const h = handlerWorkspace(fresh('in-app'), { create: true });
    opened.push(h.ws);
    h.ws.updateSettings({ name: 'Empty before restore' });
    const r = await h.call('workspace:restore', { path: backup });
    expect(r.ok).toBe(true);
    // The same connection sees the restored data, and the cached settings were re-read.
    expect(h.ws.settings().name).toBe('Northwind Logistics');
    const status = await h.call('workspace:get-status', {});
    expect(status.ok && withoutDir(status.data)).toEqual(withoutDir(demoStatus));
    expect(h.events).toContainEqual({ event: 'workspace:data-changed', payload: { tables: ['*'] } });
    expect(r.ok && validateBackupFile(r.data.safetyCopy!).workspaceName).toBe('Empty before restore');

    // A backup from the app with no path goes to the workspace's backups folder.
    const b = await h.call('workspace:backup', {});
    expect(b.ok && b.data.path).toMatch(new RegExp(`^${h.ws.dir}/backups/yardstick-backup-.*\\.sqlite$`));
    const again = await h.call('workspace:backup', { path: b.ok ? b.data.path : '' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await h.call('workspace:backup', { path: h.ws.dbPath, overwrite: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('is refused while a sync holds the workspace, and changes nothing', async () => {
    const h = handlerWorkspace(fresh('busy'), { create: true });
    opened.push(h.ws);
    h.ws.updateSettings({ name: 'Busy one' });
    writeFileSync(join(h.ws.dir, 'sync.lock'), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
    expect(await h.call('workspace:restore', { path: backup })).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect(h.ws.settings().name).toBe('Busy one');
    expect(existsSync(join(h.ws.dir, 'backups'))).toBe(false);
  });

  it('refuses a bad file with the validation’s code and leaves the workspace as it was', async () => {
    const h = handlerWorkspace(fresh('bad-file'), { create: true });
    opened.push(h.ws);
    h.ws.updateSettings({ name: 'Untouched' });
    const garbage = join(root, 'garbage2.sqlite');
    writeFileSync(garbage, 'x'.repeat(4096));
    expect(await h.call('workspace:restore', { path: garbage })).toMatchObject({ ok: false, error: { code: 'WORKSPACE_INVALID' } });
    expect(await h.call('workspace:restore', { path: join(root, 'missing.sqlite') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('workspace:restore', { path: h.ws.dbPath })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(h.ws.settings().name).toBe('Untouched');
  });

  it('migrates an older backup as it restores it', async () => {
    const older = join(root, 'older.sqlite');
    const db = openConnection(older);
    migrate(db, { backupDir: join(root, 'unused'), migrations: MIGRATIONS.slice(0, -1) });
    writeSettings(db, { name: 'From an older app' });
    db.pragma('journal_mode = DELETE');
    db.close();
    expect(validateBackupFile(older).schemaVersion).toBe(LATEST_SCHEMA_VERSION - 1);
    const outcome = await restoreIntoNewFolder(fresh('from-older'), older);
    expect(outcome).toMatchObject({ backupSchemaVersion: LATEST_SCHEMA_VERSION - 1, schemaVersion: LATEST_SCHEMA_VERSION, safetyCopy: null });
    const status = await statusOf(fresh('from-older'));
    expect(status).toMatchObject({ name: 'From an older app', schemaVersion: LATEST_SCHEMA_VERSION });
  });
});

describe('automatic backup before each migration', () => {
  it(`keeps the newest ${KEEP_BACKUPS} copies, ordered by time and then schema version (v10 after v9)`, () => {
    const { dir, cleanup: done } = tempDir();
    try {
      const backups = join(dir, 'backups');
      const ws = openWorkspace(join(dir, 'ws'), { create: true });
      const extra: Migration[] = [];
      let clock = 0;
      const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString();
      // Seven more migrations, one at a time: seven copies made (before v7 … v13), five kept.
      for (let i = 1; i <= 7; i += 1) {
        const version = LATEST_SCHEMA_VERSION + i;
        extra.push({ version, name: `extra_${version}`, sql: `CREATE TABLE extra_${version} (x INTEGER);`, sha256: `sha-${version}` });
        expect(migrate(ws.db, { backupDir: backups, now, migrations: [...MIGRATIONS, ...extra] }).applied).toEqual([version]);
      }
      ws.close();
      const kept = readdirSync(backups).sort();
      expect(kept).toHaveLength(KEEP_BACKUPS);
      const versions = kept.map((f) => Number(/before-migration-v(\d+)-/.exec(f)![1])).sort((a, b) => a - b);
      expect(versions).toEqual([2, 3, 4, 5, 6].map((d) => LATEST_SCHEMA_VERSION + d));
      // Each copy is the database as it was just before that migration.
      const newest = kept.find((f) => f.includes(`-v${LATEST_SCHEMA_VERSION + 6}-`))!;
      const copy = new Database(join(backups, newest), { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 6);
      copy.close();
    } finally {
      done();
    }
  });
});
