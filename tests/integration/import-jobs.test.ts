import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../shared/ipc/contract';
import { makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import type { HandlerContext } from '../../electron/main/ipc/handler-types';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { writeCopilotUsers } from '../support/big-files';
import { assertBuilt, runCli, spawnCli } from '../support/cli';
import { tempDir } from '../support/temp';

const fixture = (name: string) => join(__dirname, '..', 'fixtures', 'imports', name);

let ws: Workspace;
let ctx: HandlerContext;
let dir: string;
let cleanup: () => void;
const progress: ImportProgress[] = [];

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  dir = t.dir;
  ws = openWorkspace(join(t.dir, 'ws'), { create: true });
  progress.length = 0;
  ctx = makeContext('cli', ws, (event, payload) => event === 'import:progress' && progress.push(payload as ImportProgress));
});
afterEach(() => {
  ws.close();
  cleanup();
});

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(handlers, channel, input, ctx);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

describe('import channels', () => {
  it('previews a file without writing, imports it in the background, lists it and undoes it', async () => {
    const path = fixture('run-credits-example.csv');
    const preview = await call<{ format: { id: string }; rows: unknown[]; estimatedRows: number; estimateExact: boolean; rejections: unknown[]; alreadyImported: unknown }>('imports:preview', { path });
    expect(preview).toMatchObject({ format: { id: 'run-credits' }, estimatedRows: 6, estimateExact: true, rejections: [], alreadyImported: null });
    expect(preview.rows).toHaveLength(6);
    expect(ws.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);

    const { jobId } = await call<{ jobId: string }>('imports:run', { path });
    const summary = await ctx.services.imports.wait(jobId);
    expect(summary).toMatchObject({ rowsImported: 6, rowsRejected: 0 });
    expect(progress.at(-1)).toMatchObject({ jobId, state: 'succeeded', summary: { rowsImported: 6 } });
    const again = await call<{ alreadyImported: { importId: number } | null }>('imports:preview', { path });
    expect(again.alreadyImported?.importId).toBe(summary!.importId);

    const list = await call<{ id: number; status: string; sha256: string; fileName: string }[]>('imports:list', {});
    expect(list[0]).toMatchObject({ id: summary!.importId, status: 'succeeded', fileName: 'run-credits-example.csv', sha256: summary!.sha256 });
    expect(await call('imports:undo', { importId: summary!.importId })).toEqual({ rowsRemoved: 6 });
    expect(ws.db.prepare('SELECT count(*) FROM run_events').pluck().get()).toBe(0);
    expect((await call<{ status: string }[]>('imports:list', {}))[0]!.status).toBe('undone');
  });

  it('explains what is wrong in the preview: binary, the wrong preset, an empty file', async () => {
    const bin = join(dir, 'photo.csv');
    writeFileSync(bin, Buffer.concat([Buffer.from('PNG'), Buffer.alloc(100, 0)]));
    expect(await call('imports:preview', { path: bin })).toMatchObject({ problem: expect.stringMatching(/binary file/), format: null });
    expect(await call('imports:preview', { path: fixture('github-billing-example.csv'), preset: 'run-credits' })).toMatchObject({
      problem: expect.stringMatching(/looks like a GitHub billing usage report/),
      looksLike: 'GitHub billing usage report (CSV)',
    });
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(await call('imports:preview', { path: empty })).toMatchObject({ problem: expect.stringMatching(/is empty/) });
  });

  it('streams a large file with bounded memory, reports progress, and cancels cleanly', async () => {
    const path = join(dir, 'copilot-users-28-day.ndjson');
    const bytes = await writeCopilotUsers(path, 200_000);
    const preview = await call<{ estimatedRows: number; rows: unknown[] }>('imports:preview', { path });
    expect(preview.estimatedRows).toBe(200_000);
    expect(preview.rows.length).toBeGreaterThan(0);

    global.gc?.();
    const before = process.memoryUsage();
    let peak = 0;
    const { jobId } = await call<{ jobId: string }>('imports:run', { path });
    const sampler = setInterval(() => {
      global.gc?.();
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers);
    }, 100);
    const summary = await ctx.services.imports.wait(jobId);
    clearInterval(sampler);
    expect(summary).toMatchObject({ rowsTotal: 200_000, rowsImported: 200_000 });
    // The file is read in chunks: memory grows far less than its size.
    expect(peak - (before.heapUsed + before.arrayBuffers)).toBeLessThan(bytes / 2);
    const running = progress.filter((p) => p.state === 'running');
    expect(running.length).toBeGreaterThan(1);
    expect(running.every((p, i) => i === 0 || p.bytesRead >= running[i - 1]!.bytesRead)).toBe(true);

    // The same file once more, cancelled part-way: nothing of it stays.
    const copy = join(dir, 'copilot-copy.ndjson');
    copyFileSync(path, copy);
    await call('imports:undo', { importId: summary!.importId });
    const second = await call<{ jobId: string }>('imports:run', { path: copy });
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (progress.some((p) => p.jobId === second.jobId && p.rows > 20_000)) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
    expect(await call('imports:cancel', { jobId: second.jobId })).toEqual({ cancelled: true });
    expect(await ctx.services.imports.wait(second.jobId)).toBeNull();
    expect(progress.at(-1)).toMatchObject({ jobId: second.jobId, state: 'cancelled' });
    expect(ws.db.prepare('SELECT count(*) FROM copilot_usage').pluck().get()).toBe(0);
    expect(ws.db.prepare('SELECT status, error FROM imports ORDER BY id DESC LIMIT 1').get()).toEqual({ status: 'failed', error: expect.stringMatching(/^Cancelled/) });
  }, 120_000);

  it('keeps exchange rates as data and refuses a rate to the same currency', async () => {
    expect(await call('rates:set', { from: 'USD', to: 'GBP', validFrom: '2026-01-01', rate: 0.79 })).toEqual([{ from: 'USD', to: 'GBP', validFrom: '2026-01-01', rate: 0.79 }]);
    await expect(call('rates:set', { from: 'GBP', to: 'GBP', validFrom: '2026-01-01', rate: 1 })).rejects.toThrow(/two different currencies/);
    expect(await call('rates:delete', { from: 'USD', to: 'GBP', validFrom: '2026-01-01' })).toEqual([]);
  });
});

describe('yardstick import', () => {
  it('imports files from the command line, skips what is there, and survives a kill -9', async () => {
    assertBuilt();
    const wsDir = join(dir, 'cli-ws');
    const first = await runCli(['import', '--workspace', wsDir, fixture('run-credits-example.csv'), fixture('github-billing-example.csv')]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/run-credits-example\.csv: Run-credit event log \(CSV\); 6 rows added, 0 already there, 0 rejected/);
    const again = await runCli(['import', '--workspace', wsDir, fixture('run-credits-example.csv')]);
    expect(again.stdout).toMatch(/0 rows added, 6 already there/);
    const wrong = await runCli(['import', '--workspace', wsDir, '--preset', 'run-credits', fixture('github-billing-example.csv')]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toMatch(/looks like a GitHub billing usage report/);

    // A big import killed mid-way leaves nothing behind once the workspace is opened again.
    const big = join(dir, 'big.ndjson');
    await writeCopilotUsers(big, 300_000);
    const child = spawnCli(['import', '--workspace', wsDir, big]);
    const db = new Database(join(wsDir, 'yardstick.sqlite'), { readonly: true });
    const until = Date.now() + 60_000;
    while ((db.prepare('SELECT count(*) FROM copilot_usage').pluck().get() as number) === 0) {
      if (Date.now() > until) throw new Error('the import never started writing');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    db.close();
    const list = await runCli(['imports', 'list', '--workspace', wsDir, '--format', 'json']);
    const imports = JSON.parse(list.stdout) as { fileName: string; status: string }[];
    expect(imports.find((i) => i.fileName === 'big.ndjson')?.status).toBe('interrupted');
    const after = new Database(join(wsDir, 'yardstick.sqlite'), { readonly: true });
    expect(after.prepare('SELECT count(*) FROM copilot_usage').pluck().get()).toBe(0);
    expect(after.prepare('SELECT count(*) FROM run_events').pluck().get()).toBe(6);
    after.close();
  }, 120_000);
});
