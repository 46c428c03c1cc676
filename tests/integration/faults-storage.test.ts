import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress, ImportView } from '../../shared/ipc/contract';
import { seedGitLab } from '../../electron/demo/seed';
import { makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import { openWorkspace, DB_FILE } from '../../electron/workspace/workspace';
import type { FakeServer } from '../servers/fake-server';
import { gitlabDatasetFromBundle, startGitLabServer, type GitLabDataset } from '../servers/gitlab-server';
import { writeCopilotUsers } from '../support/big-files';
import { assertBuilt, runCli } from '../support/cli';
import { keychainAvailable, TEST_KEYCHAIN_SERVICE, uniqueToken } from '../support/keychain';
import { call, modelDigest, smallBundle, syncAndWait, testWorkspace } from '../support/sync-harness';
import { tempDir } from '../support/temp';

// A read-only workspace and a full disk: a plain message that says which and what to do, never a
// "could not be read" that looks like a damaged file, and afterwards every row as it was.

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'yardstick.js');
const fixture = (name: string) => join(root, 'tests', 'fixtures', 'imports', name);
const hasKeychain = await keychainAvailable();
const READ_ONLY = /is read-only \((EACCES|EROFS|EPERM|SQLITE_READONLY\w*)\): Yardstick must be able to write to the folder/;
const FULL = /The disk holding the workspace .* is full \((SQLITE_FULL|ENOSPC)\)/;

function digest(dbPath: string, except: (table: string) => boolean = () => false): Record<string, string> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]).filter((t) => !except(t));
    const out: Record<string, string> = {};
    for (const t of tables) {
      const rows = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
      out[t] = createHash('sha256').update(rows.join('\n')).digest('hex');
    }
    return out;
  } finally {
    db.close();
  }
}
const integrity = (dbPath: string) => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
};
/** What a failed import may leave: its own bookkeeping row, and the change log of the rows it removed again. */
const importBookkeeping = (t: string) => t === 'imports' || t.startsWith('import_') || t === 'record_changes';

type Run = { status: number; stdout: string; stderr: string };
/** The CLI as another user (for permissions to apply even when the tests run as root). */
function runAs(uid: number | undefined, args: string[], home: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOME: home, YARDSTICK_KEYCHAIN_SERVICE: TEST_KEYCHAIN_SERVICE },
      ...(uid === undefined ? {} : { uid, gid: uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

/**
 * Whether this process may mount a tmpfs in a private mount namespace (root, or CAP_SYS_ADMIN):
 * a real read-only file system and a real full disk, gone when the namespace's last process ends.
 */
function canMountTmpfs(): boolean {
  const probe = tempDir();
  try {
    return spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs "$1"', 'sh', probe.dir], { stdio: 'ignore' }).status === 0;
  } finally {
    probe.cleanup();
  }
}

/** Runs a bash script in a private mount namespace; its stdout is JSON lines the script prints. */
function inMountNamespace(script: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['-m', 'bash', '-c', script, 'bash', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, YARDSTICK_BIN: bin, NODE: process.execPath, YARDSTICK_KEYCHAIN_SERVICE: TEST_KEYCHAIN_SERVICE },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}
/** Bash: run the CLI and print its outcome as one JSON line tagged $1. */
const RECORD = `record() { local tag=$1; shift; local out err st; out=$(mktemp); err=$(mktemp); "$NODE" "$YARDSTICK_BIN" "$@" >"$out" 2>"$err"; st=$?;
  "$NODE" -e 'const fs=require("fs");console.log(JSON.stringify({tag:process.argv[1],status:+process.argv[2],stdout:fs.readFileSync(process.argv[3],"utf8"),stderr:fs.readFileSync(process.argv[4],"utf8")}))' "$tag" "$st" "$out" "$err"; rm -f "$out" "$err"; }`;
const outcomes = (stdout: string) => new Map(stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => { const r = JSON.parse(l) as Run & { tag: string }; return [r.tag, r]; }));

let base: string;
let cleanup: () => void;
let ws: string;
let big: string;
const mountable = canMountTmpfs();

beforeAll(async () => {
  assertBuilt();
  const t = tempDir();
  cleanup = t.cleanup;
  base = t.dir;
  // Another user must be able to reach the workspace (mkdtemp makes the folder private).
  chmodSync(base, 0o755);
  ws = join(base, 'ws');
  const first = await runCli(['import', '--workspace', ws, fixture('run-credits-example.csv'), fixture('github-billing-example.csv')]);
  expect(first.status, first.stderr).toBe(0);
  big = join(base, 'big.ndjson');
  await writeCopilotUsers(big, 60_000);
}, 120_000);
afterAll(() => cleanup?.());

describe('a read-only workspace', () => {
  it('by permissions: status, import and sync each say the workspace is read-only, and change nothing', async () => {
    // chmod does not bind root: run the CLI as an unprivileged user then.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const dbPath = join(ws, DB_FILE);
    const before = digest(dbPath);
    const filesBefore = readdirSync(ws).sort();
    const home = join(base, 'home');
    mkdirSync(home, { recursive: true });
    if (uid !== undefined) chownSync(home, uid, uid);
    try {
      // The folder and the file read-only.
      chmodSync(dbPath, 0o444);
      chmodSync(ws, 0o555);
      for (const args of [['status'], ['import', fixture('copilot-users-1-day.ndjson')], ['sync'], ['records', '--format', 'csv']]) {
        const r = await runAs(uid, [args[0]!, '--workspace', ws, ...args.slice(1)], home);
        expect(r.status, `${args[0]}: ${r.stderr}`).toBe(1);
        expect(r.stderr, args[0]).toMatch(READ_ONLY);
        expect(r.stderr, args[0]).not.toMatch(/could not be read|damaged|not a Yardstick workspace/);
      }
      // Only the file read-only, in a folder the user owns.
      chmodSync(ws, 0o755);
      if (uid !== undefined) chownSync(ws, uid, uid);
      const r = await runAs(uid, ['status', '--workspace', ws], home);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(READ_ONLY);
    } finally {
      chmodSync(ws, 0o755);
      chmodSync(dbPath, 0o644);
      if (uid !== undefined) chownSync(ws, 0, 0);
    }
    expect(readdirSync(ws).sort()).toEqual(filesBefore);
    expect(integrity(dbPath)).toBe('ok');
    expect(digest(dbPath)).toEqual(before);
    expect((await runCli(['status', '--workspace', ws])).status).toBe(0);
  }, 120_000);

  it.skipIf(!mountable)('on a read-only file system: the same message, even for root', async () => {
    const before = digest(join(ws, DB_FILE));
    const script = `set -u
${RECORD}
M=$(mktemp -d); mount -t tmpfs -o size=64m tmpfs "$M" && cp -a "$1" "$M/ws" && mount -o remount,ro "$M" || exit 3
record status status --workspace "$M/ws"
record import import --workspace "$M/ws" "$2"
record sync sync --workspace "$M/ws"`;
    const r = await inMountNamespace(script, [ws, fixture('copilot-users-1-day.ndjson')]);
    expect(r.status, r.stderr).toBe(0);
    const runs = outcomes(r.stdout);
    for (const tag of ['status', 'import', 'sync']) {
      expect(runs.get(tag)?.status, tag).toBe(1);
      expect(runs.get(tag)?.stderr, tag).toMatch(/is read-only \(EROFS\)/);
    }
    expect(digest(join(ws, DB_FILE))).toEqual(before);
  }, 120_000);
});

describe('a full disk', () => {
  it.skipIf(!mountable)('during an import (a real, full tmpfs): a clear message, nothing kept, nothing damaged; the retry imports it once', async () => {
    const dbPath = join(ws, DB_FILE);
    const before = digest(dbPath, importBookkeeping);
    const after = join(base, 'after-full');
    // A tmpfs just larger than the workspace, then filled to within 256 KB: the import's writes hit ENOSPC.
    const script = `set -u
${RECORD}
M=$(mktemp -d); mount -t tmpfs -o size=$(( $(du -sk "$1" | cut -f1) + 8192 ))k tmpfs "$M" && cp -a "$1" "$M/ws" || exit 3
free=$(df -k --output=avail "$M" | tail -1); dd if=/dev/zero of="$M/filler" bs=1k count=$(( free - 256 )) status=none
record import import --workspace "$M/ws" "$2"
record status-full status --workspace "$M/ws"
rm "$M/filler"
record status status --workspace "$M/ws" --format json
record list imports list --workspace "$M/ws" --format json
cp -a "$M/ws" "$3"`;
    const r = await inMountNamespace(script, [ws, big, after]);
    expect(r.status, r.stderr).toBe(0);
    const runs = outcomes(r.stdout);
    const imp = runs.get('import')!;
    expect(imp.status, imp.stderr).toBe(1);
    expect(imp.stdout + imp.stderr).toMatch(FULL);
    expect(imp.stdout + imp.stderr).toMatch(/big\.ndjson was not imported, nothing from it was kept/);
    expect(imp.stdout + imp.stderr).not.toMatch(/could not be read/);
    // Still full, the workspace opens and reports; with space again, it lists the failed import with the reason.
    expect(runs.get('status-full')?.status, runs.get('status-full')?.stderr).toBe(0);
    expect(runs.get('status')?.status).toBe(0);
    const list = JSON.parse(runs.get('list')!.stdout) as ImportView[];
    expect(list.find((i) => i.fileName === 'big.ndjson')).toMatchObject({ status: 'failed', rowsImported: 0 });
    expect(list.find((i) => i.fileName === 'big.ndjson')?.error).toMatch(FULL);

    const copy = join(after, DB_FILE);
    expect(integrity(copy)).toBe('ok');
    expect(digest(copy, importBookkeeping)).toEqual(before);
    // With room, the same file imports once, whole.
    const retry = await runCli(['import', '--workspace', after, big]);
    expect(retry.status, retry.stderr).toBe(0);
    expect(retry.stdout).toMatch(/60,?000 rows added, 0 already there, 0 rejected/);
    const db = new Database(copy, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM copilot_usage').pluck().get()).toBe(60_000);
    db.close();
  }, 180_000);

  it('simulated with max_page_count: an import job fails with the clear message and keeps nothing; the retry works', async () => {
    const t = tempDir();
    try {
      const dir = join(t.dir, 'ws');
      cpSync(ws, dir, { recursive: true });
      const workspace = openWorkspace(dir, { create: false });
      const progress: ImportProgress[] = [];
      const ctx = makeContext('cli', workspace, (event, payload) => event === 'import:progress' && progress.push(payload as ImportProgress));
      const before = digest(join(dir, DB_FILE), importBookkeeping);
      const pages = workspace.db.pragma('page_count', { simple: true }) as number;
      // The database may not grow by more than a few pages: the import's first batches fill them.
      workspace.db.pragma(`max_page_count = ${pages + 8}`);
      const started = await dispatch(handlers, 'imports:run', { path: big }, ctx);
      if (!started.ok) throw new Error(started.error.message);
      expect(await ctx.services.imports.wait((started.data as { jobId: string }).jobId)).toBeNull();
      const failed = progress.find((p) => p.state === 'failed');
      expect(failed?.error?.message).toMatch(FULL);
      expect(failed?.error?.message).toMatch(/^big\.ndjson was not imported, nothing from it was kept/);
      const list = await dispatch(handlers, 'imports:list', {}, ctx);
      expect(list.ok && (list.data as ImportView[]).find((i) => i.fileName === 'big.ndjson')).toMatchObject({ status: 'failed', rowsImported: 0 });
      workspace.db.pragma('max_page_count = 4294967294');
      expect(workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
      workspace.close();
      expect(digest(join(dir, DB_FILE), importBookkeeping)).toEqual(before);
      const retry = await runCli(['import', '--workspace', dir, big]);
      expect(retry.status, retry.stderr).toBe(0);
      expect(retry.stdout).toMatch(/60,?000 rows added/);
    } finally {
      t.cleanup();
    }
  }, 120_000);

  it('simulated with max_page_count: demo:create says the disk is full instead of an internal error', async () => {
    const t = testWorkspace();
    try {
      t.ws.db.pragma(`max_page_count = ${(t.ws.db.pragma('page_count', { simple: true }) as number) + 50}`);
      const r = await dispatch(handlers, 'demo:create', { scale: 1 }, t.ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('UNAVAILABLE');
        expect(r.error.message).toMatch(FULL);
      }
      expect(t.ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      t.cleanup();
    }
  }, 120_000);

  describe.skipIf(!hasKeychain)('during a sync (simulated with max_page_count)', () => {
    let gitlab: FakeServer<GitLabDataset>;
    const bundle = smallBundle(7, 0.08);
    const token = uniqueToken('gl-full');
    beforeAll(async () => {
      gitlab = await startGitLabServer({ token, data: gitlabDatasetFromBundle(bundle) });
    });
    afterAll(async () => {
      await gitlab?.close();
    });

    it('fails the run with the clear message, keeps whole pages, and the next sync completes to the same rows', async () => {
      const t = testWorkspace();
      try {
        await call(t, 'sources:add', { kind: 'gitlab', name: 'GitLab', baseUrl: gitlab.url, token, scope: { groups: ['northwind'], projects: [] } });
        t.ws.db.pragma(`max_page_count = ${(t.ws.db.pragma('page_count', { simple: true }) as number) + 40}`);
        const first = await syncAndWait(t);
        expect(first[0]?.status).toBe('failed');
        expect(first[0]?.error).toMatch(FULL);
        expect(first[0]?.error).toMatch(/next sync resumes/);
        expect(t.ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
        t.ws.db.pragma('max_page_count = 4294967294');
        const second = await syncAndWait(t);
        expect(second[0]?.status, second[0]?.error ?? '').toBe('succeeded');
        const reference = testWorkspace();
        seedGitLab(reference.ws.db, bundle, () => undefined, () => new Date().toISOString());
        const got = modelDigest(t.ws.db);
        const want = modelDigest(reference.ws.db);
        for (const table of ['merge_requests', 'review_events', 'approvals', 'commits', 'pipelines', 'jobs']) expect(got[table], table).toEqual(want[table]);
        reference.cleanup();
        await call(t, 'sources:remove', { name: 'GitLab' });
      } finally {
        t.cleanup();
      }
    }, 120_000);
  });
});
