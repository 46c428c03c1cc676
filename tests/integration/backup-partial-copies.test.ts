import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupCopyAtomically, writeCopyAtomically } from '../../electron/db/atomic-copy';
import { openConnection, type Db } from '../../electron/db/connection';
import { KEEP_BACKUPS, migrate, pruneCopies } from '../../electron/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../electron/db/migrations';
import { DB_FILE, openWorkspace } from '../../electron/workspace/workspace';
import { tempDir } from '../support/temp';

// The copies made before a migration and by backup/restore are written under a partial name and
// renamed when complete. What a failed or killed copy leaves must never pass for a backup, and is
// cleared on the next open (the kill -9 case itself: faults-kill.test.ts).

let root: string;
let cleanup: () => void;
beforeEach(() => ({ dir: root, cleanup } = tempDir('yardstick-partial-')));
afterEach(() => cleanup());

const partialName = (pid: number, suffix = '') => `.partial-${pid}-${randomUUID()}.sqlite${suffix}`;
const partialsIn = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.partial-'));
const integrity = (path: string) => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
};
/** A pid that no process has any more: a child that has already exited. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.status).toBe(0);
  return child.pid!;
};
const extraMigration = (version: number): Migration => ({ version, name: `extra_${version}`, sql: `CREATE TABLE extra_${version} (x INTEGER);`, sha256: `sha-${version}` });

describe('partial copies', () => {
  it('left by a process that is gone are removed on open, journal and WAL included, and are never counted as backups', () => {
    const dir = join(root, 'ws');
    openWorkspace(dir, { create: true }).close();
    const backups = join(dir, 'backups');
    mkdirSync(backups);
    // KEEP_BACKUPS real copies, oldest first.
    const real = Array.from({ length: KEEP_BACKUPS }, (_, i) => `before-migration-v${i + 1}-2026-01-0${i + 1}T00-00-00-000Z.sqlite`);
    for (const name of real) copyFileSync(join(dir, DB_FILE), join(backups, name));
    const dead = deadPid();
    const deadCopy = partialName(dead);
    const leftovers = {
      // Killed mid-copy: the partial file and its rollback journal.
      dead: [deadCopy, `${deadCopy}-journal`],
      // A journal whose copy is already gone.
      orphanJournal: [partialName(dead, '-journal')],
      // Our own pid, but no copy of ours is in progress: a leftover of an earlier process that had this pid.
      ownPid: [partialName(process.pid), partialName(process.pid, '-wal')],
      // A live process's, untouched for two hours: its pid was reused, no copy runs that long without writing.
      abandoned: [partialName(process.ppid)],
    };
    // A live process's copy, being written now (the CLI backing up while the app opens): kept.
    const live = partialName(process.ppid);
    const unrelated = '.partial-notes.txt';
    for (const name of [...Object.values(leftovers).flat(), live, unrelated]) writeFileSync(join(backups, name), 'SQLite format 3\u0000 cut short');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(backups, leftovers.abandoned[0]!), twoHoursAgo, twoHoursAgo);

    // The rotation sees only the real copies, whatever else is in the folder.
    expect(pruneCopies(backups, 'before-migration-', KEEP_BACKUPS)).toEqual(real);
    expect(readdirSync(backups)).toHaveLength(real.length + Object.values(leftovers).flat().length + 2);

    openWorkspace(dir, { create: false }).close();
    expect(readdirSync(backups).sort()).toEqual([...real, live, unrelated].sort());

    // The next migration's copy pushes out the oldest real one; the live partial counts for nothing.
    const db = openConnection(join(dir, DB_FILE));
    try {
      const next = LATEST_SCHEMA_VERSION + 1;
      expect(migrate(db, { backupDir: backups, now: () => '2026-02-01T00:00:00.000Z', migrations: [...MIGRATIONS, extraMigration(next)] }).applied).toEqual([next]);
    } finally {
      db.close();
    }
    const made = `before-migration-v${LATEST_SCHEMA_VERSION}-2026-02-01T00-00-00-000Z.sqlite`;
    expect(readdirSync(backups).sort()).toEqual([...real.slice(1), made, live, unrelated].sort());
    expect(integrity(join(backups, made))).toBe('ok');
  });

  describe('a copy that fails leaves nothing under the final name, and no partial file', () => {
    it('VACUUM INTO refused by SQLite (inside a transaction)', () => {
      const db = openConnection(join(root, 'src.sqlite'));
      try {
        db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1); BEGIN');
        expect(() => writeCopyAtomically(db, join(root, 'copy.sqlite'))).toThrow(/transaction/);
        db.exec('ROLLBACK');
      } finally {
        db.close();
      }
      expect(existsSync(join(root, 'copy.sqlite'))).toBe(false);
      expect(partialsIn(root)).toEqual([]);
    });

    it('VACUUM INTO failing midway (the disk fills after part of the copy and its journal were written)', () => {
      const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      const written: string[] = [];
      const failing = {
        prepare: () => ({
          run: (target: string) => {
            written.push(target);
            writeFileSync(target, Buffer.alloc(64 * 1024, 1));
            writeFileSync(`${target}-journal`, 'journal');
            throw full;
          },
        }),
      } as unknown as Db;
      expect(() => writeCopyAtomically(failing, join(root, 'copy.sqlite'))).toThrow(full);
      expect(written).toHaveLength(1);
      expect(written[0]).toMatch(/\/\.partial-\d+-[0-9a-f-]{36}\.sqlite$/);
      expect(readdirSync(root)).toEqual([]);
    });

    it('the rename failing: migrate applies nothing and leaves only what was there', () => {
      const dir = join(root, 'ws');
      openWorkspace(dir, { create: true }).close();
      const backups = join(dir, 'backups');
      // Something already holds the copy's final name, and it is not a file a rename may replace.
      const final = join(backups, `before-migration-v${LATEST_SCHEMA_VERSION}-2026-02-01T00-00-00-000Z.sqlite`);
      mkdirSync(join(final, 'inside'), { recursive: true });
      const db = openConnection(join(dir, DB_FILE));
      try {
        const next = LATEST_SCHEMA_VERSION + 1;
        expect(() => migrate(db, { backupDir: backups, now: () => '2026-02-01T00:00:00.000Z', migrations: [...MIGRATIONS, extraMigration(next)] })).toThrow();
        expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      } finally {
        db.close();
      }
      expect(readdirSync(backups)).toEqual([`before-migration-v${LATEST_SCHEMA_VERSION}-2026-02-01T00-00-00-000Z.sqlite`]);
      expect(readdirSync(final)).toEqual(['inside']);
    });

    it('the online backup refused before the rename (its check failed): an existing file of that name is left as it was', async () => {
      const db = openConnection(join(root, 'src.sqlite'));
      const out = join(root, 'copy.sqlite');
      writeFileSync(out, 'the previous backup');
      try {
        db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
        await expect(
          backupCopyAtomically(db, out, () => {
            throw new Error('not a Yardstick workspace');
          }),
        ).rejects.toThrow('not a Yardstick workspace');
        expect(readFileSync(out, 'utf8')).toBe('the previous backup');
        expect(partialsIn(root)).toEqual([]);
        // And when it succeeds, the file is replaced whole.
        await backupCopyAtomically(db, out);
        expect(integrity(out)).toBe('ok');
        expect(partialsIn(root)).toEqual([]);
      } finally {
        db.close();
      }
    });
  });
});
