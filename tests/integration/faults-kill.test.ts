import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../electron/db/connection';
import { KEEP_BACKUPS, migrate } from '../../electron/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import { writeSettings } from '../../electron/db/repositories/settings';
import { seedGitLab, seedJira } from '../../electron/demo/seed';
import { importFile } from '../../electron/imports/import-file';
import { backupWorkspace } from '../../electron/workspace/backup';
import { DB_FILE, openWorkspace } from '../../electron/workspace/workspace';
import { assertBuilt, runCli, spawnCli } from '../support/cli';
import { smallBundle } from '../support/sync-harness';
import { tempDir } from '../support/temp';

// kill -9 during migration, the backup before it, a restore, and export (sync and import:
// sync-kill.test.ts, import-jobs.test.ts).
// After each kill the workspace must open with the real CLI, hold every row it held before (no
// loss, no duplicate), pass SQLite's integrity check, and be at the latest schema. The backup case
// runs the source (a child through tsx, then openWorkspace here) rather than the built CLI.

const root = fileURLToPath(new URL('../..', import.meta.url));
const OLD_VERSION = 3;

/** Hash of every row of the given tables (all tables when none are given). */
function digest(dbPath: string, only?: string[]): Record<string, string> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = only ?? (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]);
    const out: Record<string, string> = {};
    for (const t of tables) {
      // Sorted, so a table rewritten in another order (VACUUM, a WITHOUT ROWID table) digests the same.
      const rows = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
      out[t] = createHash('sha256').update(rows.join('\n')).digest('hex');
    }
    return out;
  } finally {
    db.close();
  }
}

function inspect(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      userVersion: db.pragma('user_version', { simple: true }) as number,
      applied: db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[],
    };
  } finally {
    db.close();
  }
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

const waitFor = async (what: string, check: () => boolean, timeoutMs = 60_000, everyMs = 2) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
};

/** Kills with SIGKILL; true when the process was still running (so the kill interrupted it). */
async function kill9(child: ChildProcess): Promise<boolean> {
  const running = child.exitCode === null && child.signalCode === null;
  child.kill('SIGKILL');
  const end = await exited(child);
  return running && end.signal === 'SIGKILL';
}

/** The workspace opens with the real CLI, at the latest schema, intact. */
async function expectOpensIntact(dir: string) {
  const status = await runCli(['status', '--workspace', dir, '--format', 'json']);
  expect(status.status, status.stderr).toBe(0);
  expect((JSON.parse(status.stdout) as { schemaVersion: number }).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  const after = inspect(join(dir, DB_FILE));
  expect(after.integrity).toBe('ok');
  expect(after.userVersion).toBe(LATEST_SCHEMA_VERSION);
  expect(after.applied).toEqual(MIGRATIONS.map((m) => m.version));
}

describe('kill -9 during a migration', () => {
  let base: string;
  let cleanup: () => void;
  let oldDb: string;
  let oldTables: string[];
  let before: Record<string, string>;
  let copies = 0;

  /** A fresh copy of the old workspace (database file only: it was checkpointed and closed). */
  const copy = () => {
    const dir = join(base, `copy-${(copies += 1)}`);
    mkdirSync(dir);
    copyFileSync(oldDb, join(dir, DB_FILE));
    return dir;
  };

  beforeAll(async () => {
    assertBuilt();
    const t = tempDir();
    cleanup = t.cleanup;
    base = t.dir;
    // A workspace made by a version of the app that had migrations 1..3 only: the real migrate()
    // with that shorter list, filled by the real sync ingest and importers (which those tables took).
    const dir = join(base, 'old');
    mkdirSync(dir);
    oldDb = join(dir, DB_FILE);
    const db = openConnection(oldDb);
    migrate(db, { backupDir: join(dir, 'backups'), migrations: MIGRATIONS.slice(0, OLD_VERSION) });
    writeSettings(db, { name: 'Made at schema 3' });
    const bundle = smallBundle(13, 0.6);
    const now = () => '2026-06-01T00:00:00.000Z';
    seedJira(db, bundle, () => undefined, now);
    seedGitLab(db, bundle, () => undefined, now);
    for (const file of bundle.files) await importFile(db, { name: file.name, content: file.content }, { now });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(inspect(oldDb).userVersion).toBe(OLD_VERSION);
    const check = new Database(oldDb, { readonly: true });
    oldTables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations' ORDER BY name").pluck().all() as string[];
    const rows = check.prepare('SELECT count(*) FROM work_items').pluck().get() as number;
    check.close();
    expect(rows).toBeGreaterThan(500);
    before = digest(oldDb, oldTables);
  }, 180_000);
  afterAll(() => cleanup?.());

  it('inside a migration transaction: rolled back whole; the next open migrates to the end and keeps every row', async () => {
    const dir = copy();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './bench/sync/vite-glob-register.mjs', 'tests/support/slow-migration-child.ts', join(dir, DB_FILE), join(dir, 'backups')],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    await waitFor('the child to be inside migration 4', () => out.includes('inside') || child.exitCode !== null, 60_000);
    expect(out, err).toContain('inside');
    expect(await kill9(child)).toBe(true);

    // Migration 4's statements ran but never committed: the file is still exactly at schema 3.
    const killed = inspect(join(dir, DB_FILE));
    expect(killed.integrity).toBe('ok');
    expect(killed.userVersion).toBe(OLD_VERSION);
    expect(killed.applied).toEqual([1, 2, 3]);
    const db = new Database(join(dir, DB_FILE), { readonly: true });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'record_facts'").pluck().get()).toBe(0);
    db.close();

    await expectOpensIntact(dir);
    expect(digest(join(dir, DB_FILE), oldTables)).toEqual(before);
  }, 120_000);

  it('while the real CLI backs up and migrates: every kill point leaves a workspace that opens, complete', async () => {
    // How long an uninterrupted open (backup + migrations) takes, to spread the kills across it.
    const timing = copy();
    const started = performance.now();
    const full = await runCli(['status', '--workspace', timing, '--format', 'json']);
    const openMs = performance.now() - started;
    expect(full.status, full.stderr).toBe(0);
    expect(digest(join(timing, DB_FILE), oldTables)).toEqual(before);

    let interrupted = 0;
    // One kill as soon as the pre-migration backup starts, then kills spread over the whole open.
    const plans: ({ atBackup: true } | { afterMs: number })[] = [{ atBackup: true }, ...[0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 0.95].map((f) => ({ afterMs: f * openMs }))];
    for (const plan of plans) {
      const dir = copy();
      const child = spawnCli(['status', '--workspace', dir, '--format', 'json']);
      if ('atBackup' in plan) {
        const backups = join(dir, 'backups');
        await waitFor('the backup to start', () => child.exitCode !== null || (existsSync(backups) && readdirSync(backups).length > 0), 60_000, 1);
      } else {
        await new Promise((r) => setTimeout(r, plan.afterMs));
      }
      if (await kill9(child)) interrupted += 1;
      const mid = inspect(join(dir, DB_FILE));
      expect(mid.integrity).toBe('ok');
      // Whatever committed is a prefix of the migrations, recorded consistently.
      expect(mid.applied).toEqual(MIGRATIONS.slice(0, mid.userVersion).map((m) => m.version));
      await expectOpensIntact(dir);
      expect(digest(join(dir, DB_FILE), oldTables)).toEqual(before);
    }
    // The kill at the backup, and those early in the open, interrupt it; later ones may find it done (also fine).
    expect(interrupted).toBeGreaterThanOrEqual(2);
  }, 300_000);
});

describe('kill -9 during the backup before a migration', () => {
  let base: string;
  let cleanup: () => void;
  let oldDb: string;
  let goodCopy: string;
  let copies = 0;
  const BALLAST_ROWS = 48;
  /** Good copies already in backups/: one fewer than kept, so the copy the reopen makes prunes none of them. */
  const SEEDED = Array.from({ length: KEEP_BACKUPS - 1 }, (_, i) => `before-migration-v${OLD_VERSION}-2026-01-0${i + 1}T00-00-00-000Z.sqlite`);
  const backupsNamed = (backups: string) => readdirSync(backups).filter((f) => f.startsWith('before-migration-')).sort();
  const partials = (backups: string) => readdirSync(backups).filter((f) => f.startsWith('.partial-'));
  /** Whether a partial copy exists and has bytes in it: the copy is under way. */
  const copying = (backups: string) =>
    partials(backups).some((f) => {
      try {
        return f.endsWith('.sqlite') && statSync(join(backups, f)).size > 0;
      } catch {
        return false; // renamed or removed between the listing and the look
      }
    });

  beforeAll(() => {
    const t = tempDir();
    cleanup = t.cleanup;
    base = t.dir;
    // A workspace at schema 3 (the real migrate() with the shorter list), made large by a table of
    // incompressible blobs so that VACUUM INTO takes long enough to be caught in the middle.
    const dir = join(base, 'old');
    mkdirSync(dir);
    oldDb = join(dir, DB_FILE);
    const db = openConnection(oldDb);
    migrate(db, { backupDir: join(dir, 'backups'), migrations: MIGRATIONS.slice(0, OLD_VERSION) });
    writeSettings(db, { name: 'Large, at schema 3' });
    goodCopy = join(base, 'good-copy.sqlite');
    db.prepare('VACUUM INTO ?').run(goodCopy);
    db.exec('CREATE TABLE ballast (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO ballast (data) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < BALLAST_ROWS; i += 1) insert.run(randomBytes(1024 * 1024));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(statSync(oldDb).size).toBeGreaterThan(BALLAST_ROWS * 1024 * 1024);
  }, 120_000);
  afterAll(() => cleanup?.());

  it('leaves no file under a backup name; the next open clears the partial copy, migrates, and every backup checks ok', async () => {
    let killed: { dir: string; pid: number } | null = null;
    // Each try kills as soon as the copy has bytes in it; one that finished first (a fast disk) is tried again.
    for (let attempt = 1; attempt <= 5 && killed === null; attempt += 1) {
      const dir = join(base, `copy-${(copies += 1)}`);
      const backups = join(dir, 'backups');
      mkdirSync(backups, { recursive: true });
      copyFileSync(oldDb, join(dir, DB_FILE));
      for (const name of SEEDED) copyFileSync(goodCopy, join(backups, name));
      const child = spawn(process.execPath, ['--import', 'tsx', '--import', './bench/sync/vite-glob-register.mjs', 'tests/support/open-workspace-child.ts', dir], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stdout!.resume();
      child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
      await waitFor('the copy to start', () => child.exitCode !== null || copying(backups), 120_000, 1);
      const interrupted = await kill9(child);
      expect(child.exitCode ?? 0, err).toBe(0);
      if (interrupted && backupsNamed(backups).length === SEEDED.length) killed = { dir, pid: child.pid! };
    }
    expect(killed, 'a kill landed inside the copy').not.toBeNull();
    const { dir, pid } = killed!;
    const backups = join(dir, 'backups');

    // What the kill left: the partial copy (perhaps with its journal), never a file under a backup name.
    expect(partials(backups).some((f) => f.startsWith(`.partial-${pid}-`) && f.endsWith('.sqlite'))).toBe(true);
    expect(backupsNamed(backups)).toEqual(SEEDED);
    expect(inspect(join(dir, DB_FILE))).toMatchObject({ integrity: 'ok', userVersion: OLD_VERSION });

    // The next open (the app's, in this process) backs up again, migrates, and clears the leftover.
    const ws = openWorkspace(dir, { create: false });
    try {
      expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(ws.db.prepare('SELECT count(*) FROM ballast').pluck().get()).toBe(BALLAST_ROWS);
    } finally {
      ws.close();
    }
    expect(inspect(join(dir, DB_FILE))).toMatchObject({ integrity: 'ok', userVersion: LATEST_SCHEMA_VERSION });
    expect(partials(backups)).toEqual([]);
    const after = backupsNamed(backups);
    expect(after).toHaveLength(SEEDED.length + 1);
    expect(after.filter((f) => !SEEDED.includes(f))).toEqual([expect.stringMatching(new RegExp(`^before-migration-v${OLD_VERSION}-`))]);
    for (const name of after) expect(inspect(join(backups, name)), name).toMatchObject({ integrity: 'ok', userVersion: OLD_VERSION });
  }, 300_000);
});

describe('kill -9 during a restore', () => {
  let base: string;
  let cleanup: () => void;
  let backup: string;
  let expected: unknown;
  let tries = 0;
  const BALLAST_ROWS = 48;
  const GARBAGE = 'not a database any more';

  /** `yardstick status` as JSON, without the folder (the only field a restore elsewhere changes). */
  const statusOf = async (dir: string): Promise<unknown> => {
    const r = await runCli(['status', '--workspace', dir, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    return { ...(JSON.parse(r.stdout) as object), dir: '(dir)' };
  };
  const hasBytes = (path: string): boolean => {
    try {
      return statSync(path).size > 0;
    } catch {
      return false; // not there yet, or renamed between the listing and the look
    }
  };
  const partialsIn = (dir: string, pid?: number) => readdirSync(dir).filter((f) => f.startsWith(pid === undefined ? '.partial-' : `.partial-${pid}-`));

  /** `yardstick restore ARGS`, killed with SIGKILL as soon as `copying(pid)` says the copy is under way. */
  async function killedRestore(args: string[], copying: (pid: number) => boolean): Promise<{ pid: number; interrupted: boolean }> {
    const child = spawnCli(['restore', ...args]);
    let err = '';
    child.stdout!.resume();
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    await waitFor('the copy to start', () => child.exitCode !== null || copying(child.pid!), 120_000, 1);
    const interrupted = await kill9(child);
    expect(child.exitCode ?? 0, err).toBe(0);
    return { pid: child.pid!, interrupted };
  }

  beforeAll(async () => {
    assertBuilt();
    const t = tempDir();
    cleanup = t.cleanup;
    base = t.dir;
    // A workspace with synced and imported rows, made large by incompressible blobs so that the
    // restore's copy takes long enough to be caught in the middle; its backup is what gets restored.
    const ws = openWorkspace(join(base, 'source'), { create: true, initialSettings: { name: 'Restore source' } });
    try {
      const bundle = smallBundle(17, 0.6);
      const now = () => '2026-06-01T00:00:00.000Z';
      seedJira(ws.db, bundle, () => undefined, now);
      seedGitLab(ws.db, bundle, () => undefined, now);
      for (const file of bundle.files) await importFile(ws.db, { name: file.name, content: file.content }, { now });
      ws.db.exec('CREATE TABLE ballast (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
      const insert = ws.db.prepare('INSERT INTO ballast (data) VALUES (?)');
      ws.db.transaction(() => {
        for (let i = 0; i < BALLAST_ROWS; i += 1) insert.run(randomBytes(1024 * 1024));
      })();
      backup = join(base, 'large-backup.sqlite');
      await backupWorkspace(ws, backup);
    } finally {
      ws.close();
    }
    expect(statSync(backup).size).toBeGreaterThan(BALLAST_ROWS * 1024 * 1024);
    expected = await statusOf(join(base, 'source'));
  }, 180_000);
  afterAll(() => cleanup?.());

  it('into a new folder: the staging folder is left, and the next restore beside it removes it and completes', async () => {
    let killed: { parent: string; staging: string } | null = null;
    // Each try kills as soon as the staging copy has bytes in it; one that finished first is tried again.
    for (let attempt = 1; attempt <= 5 && killed === null; attempt += 1) {
      const parent = join(base, `new-${(tries += 1)}`);
      mkdirSync(parent);
      const stagingOf = (pid: number) => join(parent, `.restored.restoring-${pid}`);
      const { pid, interrupted } = await killedRestore(['--workspace', join(parent, 'restored'), '--from', backup], (p) => hasBytes(join(stagingOf(p), DB_FILE)));
      if (interrupted && existsSync(stagingOf(pid)) && !existsSync(join(parent, 'restored'))) killed = { parent, staging: stagingOf(pid) };
    }
    expect(killed, 'a kill landed inside the copy').not.toBeNull();
    const { parent, staging } = killed!;
    const target = join(parent, 'restored');

    // Another restore's staging folder, of a process that is alive (this one): never removed.
    const live = join(parent, `.elsewhere.restoring-${process.pid}`);
    mkdirSync(live);
    writeFileSync(join(live, DB_FILE), '');

    const again = await runCli(['restore', '--workspace', target, '--from', backup]);
    expect(again.status, again.stderr).toBe(0);
    expect(await statusOf(target)).toEqual(expected);
    expect(inspect(join(target, DB_FILE)).integrity).toBe('ok');
    expect(existsSync(staging)).toBe(false);
    expect(readdirSync(parent).filter((f) => f.includes('.restoring-'))).toEqual([`.elsewhere.restoring-${process.pid}`]);
    expect(partialsIn(target)).toEqual([]);
  }, 300_000);

  it('with --force over a workspace that cannot be opened: it is left as it was, and `restore --force` again completes', async () => {
    let killed: { dir: string; pid: number } | null = null;
    for (let attempt = 1; attempt <= 5 && killed === null; attempt += 1) {
      const dir = join(base, `damaged-${(tries += 1)}`);
      mkdirSync(dir);
      writeFileSync(join(dir, DB_FILE), GARBAGE);
      const { pid, interrupted } = await killedRestore(['--workspace', dir, '--from', backup, '--force'], (p) => partialsIn(dir, p).some((f) => f.endsWith('.sqlite') && hasBytes(join(dir, f))));
      if (interrupted && partialsIn(dir, pid).length > 0) killed = { dir, pid };
    }
    expect(killed, 'a kill landed inside the copy').not.toBeNull();
    const { dir, pid } = killed!;

    // What the kill left: the damaged database untouched under its own name (never a truncated
    // copy), and the partial copy beside it; the workspace still does not open, as before.
    expect(readFileSync(join(dir, DB_FILE), 'utf8')).toBe(GARBAGE);
    expect(partialsIn(dir, pid).some((f) => f.endsWith('.sqlite'))).toBe(true);
    expect((await runCli(['status', '--workspace', dir])).status).toBe(1);

    const again = await runCli(['restore', '--workspace', dir, '--from', backup, '--force']);
    expect(again.status, again.stderr).toBe(0);
    const aside = /kept in (.*)\n$/.exec(again.stdout)![1]!;
    expect(readFileSync(aside, 'utf8')).toBe(GARBAGE);
    expect(await statusOf(dir)).toEqual(expected);
    expect(inspect(join(dir, DB_FILE)).integrity).toBe('ok');
    expect(partialsIn(dir)).toEqual([]);
    expect(partialsIn(join(dir, 'backups'))).toEqual([]);
  }, 300_000);
});

describe('kill -9 during an export', () => {
  let base: string;
  let cleanup: () => void;
  let ws: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    assertBuilt();
    const t = tempDir();
    cleanup = t.cleanup;
    base = t.dir;
    ws = join(base, 'ws');
    const demo = await runCli(['demo', '--workspace', ws]);
    expect(demo.status, demo.stderr).toBe(0);
    before = digest(join(ws, DB_FILE));
  }, 180_000);
  afterAll(() => cleanup?.());

  /** `yardstick ARGS > file`, killed when `killWhen` says so; the output file's size at the end. */
  async function killedExport(args: string[], file: string, killWhen: (bytes: number, ms: number) => boolean): Promise<{ interrupted: boolean; bytes: number }> {
    const fd = openSync(file, 'w');
    const child = spawn(process.execPath, [join(root, 'bin', 'yardstick.js'), ...args], { stdio: ['ignore', fd, 'ignore'] });
    closeSync(fd);
    const started = performance.now();
    await waitFor('the kill point', () => child.exitCode !== null || killWhen(statSync(file).size, performance.now() - started), 120_000, 1);
    const interrupted = await kill9(child);
    return { interrupted, bytes: statSync(file).size };
  }

  const EXPORTS: { name: string; args: string[] }[] = [
    { name: 'records.csv', args: ['records', '--format', 'csv'] },
    { name: 'records.json', args: ['records', '--format', 'json', '--real-names'] },
    { name: 'facts.csv', args: ['facts', '--format', 'csv'] },
    { name: 'pivot.csv', args: ['pivot', '--rows', 'team,repository,month', '--cols', 'outcome', '--values', 'accepted,cost_per_accepted,hours_freed', '--format', 'csv'] },
    { name: 'metrics.csv', args: ['metrics', '--by', 'month', '--format', 'csv'] },
  ];

  it('to standard output (`yardstick records --format csv > file` and the like): the workspace opens, unchanged', async () => {
    let interrupted = 0;
    for (const e of EXPORTS) {
      const args = [...e.args.slice(0, 1), '--workspace', ws, ...e.args.slice(1)];
      // Uninterrupted, for its size and time; then killed once output has begun, and at points along the way.
      const whole = join(base, `whole-${e.name}`);
      const t0 = performance.now();
      const complete = await killedExport(args, whole, () => false);
      const ms = performance.now() - t0;
      expect(complete.interrupted, e.name).toBe(false);
      expect(complete.bytes, e.name).toBeGreaterThan(0);
      const plans: ((bytes: number, elapsed: number) => boolean)[] = [(bytes) => bytes > 0, ...[0.2, 0.5, 0.8].map((f) => (_b: number, elapsed: number) => elapsed > f * ms)];
      for (const [i, when] of plans.entries()) {
        const r = await killedExport(args, join(base, `killed-${i}-${e.name}`), when);
        if (r.interrupted) interrupted += 1;
        expect(r.bytes).toBeLessThanOrEqual(complete.bytes);
        const status = await runCli(['status', '--workspace', ws]);
        expect(status.status, status.stderr).toBe(0);
      }
    }
    expect(interrupted).toBeGreaterThanOrEqual(EXPORTS.length);
    expect(inspect(join(ws, DB_FILE)).integrity).toBe('ok');
    expect(digest(join(ws, DB_FILE))).toEqual(before);
  }, 600_000);

  it('to a file (`yardstick export worksheet --out FILE.xlsx`, when this build has it): the workspace opens, unchanged', async () => {
    const help = await runCli(['--help']);
    if (!/yardstick export worksheet/.test(help.stdout)) return;
    // Uninterrupted first, for how long it takes; then killed at points spread over that time.
    const out = join(base, 'worksheet-whole.xlsx');
    const t0 = performance.now();
    const whole = await runCli(['export', 'worksheet', '--workspace', ws, '--out', out]);
    const ms = performance.now() - t0;
    expect(whole.status, whole.stderr).toBe(0);
    let interrupted = 0;
    for (const at of [0.3, 0.5, 0.7, 0.9]) {
      const killedOut = join(base, `worksheet-${at}.xlsx`);
      const started = performance.now();
      const child = spawnCli(['export', 'worksheet', '--workspace', ws, '--out', killedOut]);
      await waitFor('the kill point', () => child.exitCode !== null || performance.now() - started > at * ms, 60_000, 1);
      if (await kill9(child)) interrupted += 1;
      const status = await runCli(['status', '--workspace', ws]);
      expect(status.status, status.stderr).toBe(0);
    }
    expect(interrupted).toBeGreaterThan(0);
    expect(inspect(join(ws, DB_FILE)).integrity).toBe('ok');
    expect(digest(join(ws, DB_FILE))).toEqual(before);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 300_000);
});
