// Cuts the simulated world at the snapshot instant and numbers what remains. Ids and keys follow
// creation order, as the vendors' do, with the small random gaps a shared instance shows.

import type { History, Job, Mr, Note, Pipeline, RunEvent, Ticket, WorkLog, World } from './model';
import type { Rng } from './rng';
import { PERIOD_END } from './time';

export type Snapshot = {
  tickets: Ticket[];
  mrs: Mr[];
  pipelines: Pipeline[];
  events: RunEvent[];
};

export const visible = (at: number | null): boolean => at !== null && at <= PERIOD_END;

function byTime<T>(items: T[], time: (item: T) => number): T[] {
  return items.sort((a, b) => time(a) - time(b));
}

function number<T extends { id: number }>(rng: Rng, items: T[], start: number, maxGap: number): void {
  let id = start;
  for (const item of items) {
    item.id = id;
    id += maxGap <= 1 ? 1 : rng.int(1, maxGap);
  }
}

export function snapshot(rng: Rng, world: World): Snapshot {
  const tickets = byTime(world.tickets.filter((t) => visible(t.created)), (t) => t.created);
  const nextKey = new Map<string, number>();
  tickets.forEach((t, i) => {
    t.id = 10000 + i;
    const n = nextKey.get(t.team.key) ?? t.team.keyStart;
    t.key = `${t.team.key}-${n}`;
    nextKey.set(t.team.key, n + 1);
  });

  const histories: History[] = [];
  const worklogs: WorkLog[] = [];
  for (const t of tickets) {
    for (const h of t.histories) if (visible(h.at)) histories.push(h);
    for (const w of t.worklogs) if (visible(w.created)) worklogs.push(w);
  }
  number(rng, byTime(histories, (h) => h.at), 48210, 3);
  number(rng, byTime(worklogs, (w) => w.created), 100412, 4);

  const mrs = byTime(world.mrs.filter((m) => visible(m.created)), (m) => m.created);
  number(rng, mrs, 184_733, 30);
  const nextIid = new Map<number, number>();
  for (const mr of mrs) {
    const iid = nextIid.get(mr.repo.id) ?? mr.repo.iidStart;
    mr.iid = iid;
    nextIid.set(mr.repo.id, iid + 1);
  }

  const pipelines = byTime(world.pipelines.filter((p) => visible(p.created) && (p.mr === null || visible(p.mr.created))),
    (p) => p.created);
  number(rng, pipelines, 880_215, 12);
  const nextPipelineIid = new Map<number, number>();
  for (const p of pipelines) {
    const iid = nextPipelineIid.get(p.repo.id) ?? p.repo.pipelineIidStart;
    p.iid = iid;
    nextPipelineIid.set(p.repo.id, iid + 1);
  }

  const jobs: { job: Job; pipeline: Pipeline; order: number }[] = [];
  for (const p of pipelines) p.jobs.forEach((job, order) => { if (visible(job.created)) jobs.push({ job, pipeline: p, order }); });
  jobs.sort((a, b) => a.job.created - b.job.created || a.pipeline.id - b.pipeline.id || a.order - b.order);
  number(rng, jobs.map((j) => j.job), 5_204_117, 6);

  const notes: Note[] = [];
  for (const mr of mrs) for (const th of mr.threads) for (const n of th.notes) if (visible(n.at)) notes.push(n);
  number(rng, byTime(notes, (n) => n.at), 70_311, 4);

  const events = world.events.filter((e) => visible(e.at)).sort((a, b) => a.at - b.at);
  return { tickets, mrs, pipelines, events };
}
