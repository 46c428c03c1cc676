// Records rebuild at scale: a full rebuild of every record, then an incremental one after a
// sync-sized change, then a full pass that must find nothing left to rewrite. Prints figures only.
//
//   node bin/yardstick.js demo --workspace /tmp/ys-demo
//   npx tsx bench/records/scale-workspace.ts --from /tmp/ys-demo --out /tmp/ys-x100 --copies 100
//   node --import ./bench/sync/vite-glob-register.mjs --import tsx bench/records/run.ts --workspace /tmp/ys-x100
import { parseArgs } from 'node:util';
import { openWorkspace } from '../../electron/workspace/workspace';
import { rebuildRecords, type RebuildStats } from '../../electron/records/rebuild';

const { values } = parseArgs({ options: { workspace: { type: 'string' }, changes: { type: 'string', default: '50' } } });
if (!values.workspace) throw new Error('--workspace DIR (a workspace made with bench/records/scale-workspace.ts) is required');
const ws = openWorkspace(values.workspace, { create: false });
const db = ws.db;
const n = Number(values.changes);

const fmt = (label: string, s: RebuildStats, ms: number) =>
  `${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  mode ${s.mode.padEnd(11)} recomputed ${String(s.recomputed).padStart(6)} of ${s.records}  ` +
  `rewritten ${s.inserted + s.updated + s.deleted}  (load ${(s.ms.load / 1000).toFixed(2)} s, build ${(s.ms.build / 1000).toFixed(2)} s, write ${(s.ms.write / 1000).toFixed(2)} s)`;
const timed = (label: string, f: () => RebuildStats) => {
  const t = performance.now();
  const s = f();
  const ms = performance.now() - t;
  console.log(fmt(label, s, ms));
  return { s, ms };
};

console.log(`workspace ${values.workspace}: ${db.prepare('SELECT count(*) FROM run_events').pluck().get()} run events, ${db.prepare('SELECT count(*) FROM merge_requests').pluck().get()} merge requests, ${db.prepare('SELECT count(*) FROM ci_jobs').pluck().get()} CI jobs`);
const full = timed('full rebuild', () => rebuildRecords(db, ws.settings(), { full: true }));
timed('rebuild with nothing changed', () => rebuildRecords(db, ws.settings()));

// A sync-sized change: n open AI merge requests get merged, with a pipeline job each.
const open = db
  .prepare("SELECT m.id, m.repository_id AS repo, m.iid FROM merge_requests m JOIN record_merge_requests rm ON rm.merge_request_id = m.id WHERE m.state = 'opened' LIMIT ?")
  .all(n) as { id: number; repo: number; iid: number }[];
db.transaction(() => {
  for (const m of open) db.prepare("UPDATE merge_requests SET state = 'merged', merged_at = '2026-09-30T12:00:00.000Z', updated_at = '2026-09-30T12:00:00.000Z' WHERE id = ?").run(m.id);
})();
const incremental = timed(`incremental after ${open.length} MRs merged`, () => rebuildRecords(db, ws.settings()));
const check = timed('full rebuild to check', () => rebuildRecords(db, ws.settings(), { full: true }));
console.log(`incremental / full time: ${(incremental.ms / full.ms).toFixed(3)}; full pass after it rewrote ${check.s.inserted + check.s.updated + check.s.deleted} records (0 = identical)`);
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
ws.close();
