// Demo data generator: a deterministic year of AI-assisted delivery at "Northwind Logistics",
// rendered as the vendors' own API payloads and export files so the demo goes through the app's
// real Jira/GitLab parsers and billing importers.

import type { Ticket, World } from './model';
import { createRng } from './rng';
import { buildCompany } from './company';
import { planTickets } from './tickets';
import { simulateChores, simulateSpawned, simulateTicket } from './lifecycle';
import { adHocRuns } from './relay';
import { snapshot } from './assign-ids';
import { emitJira } from './emit-jira';
import { emitGitLab } from './emit-gitlab';
import { emitRunCredits } from './emit-relay';
import { emitGitHub } from './emit-github';
import { emitAnthropic } from './emit-anthropic';
import { PERIOD_END, PERIOD_FROM, PERIOD_START, PERIOD_TO, startOfDay } from './time';
import type { DemoBundle, DemoOptions } from './types';

export type { DemoBundle, DemoOptions, DemoFile, DemoFileKind } from './types';
export { RUN_CREDIT_HEADER } from './emit-relay';

/**
 * Generates the demo year. Same options, same bytes: every random draw comes from `seed`.
 * `scale` multiplies ticket volume and everything hanging off it (MRs, pipelines, runs); head
 * count and repositories grow with its square root.
 */
export function generateDemo(opts: DemoOptions): DemoBundle {
  const scale = Number.isFinite(opts.scale) && opts.scale > 0 ? opts.scale : 1;
  const root = createRng(opts.seed);
  const company = buildCompany(root.fork('company'), scale);
  const world: World = { company, tickets: planTickets(root.fork('tickets'), company, scale), mrs: [], pipelines: [], events: [] };

  const sim = root.fork('simulate');
  const spawned: Ticket[] = [];
  const ctx = { rng: sim, world, spawned };
  for (const t of world.tickets.slice()) simulateTicket(ctx, t);
  // Regression bugs spawned by reverts join the ticket list and are worked like any other bug.
  for (const bug of spawned) {
    world.tickets.push(bug);
    simulateSpawned(ctx, bug);
  }
  const chores = root.fork('chores');
  // About one chore per repository per month at scale 1 (8 repositories); linear in scale overall.
  const perRepoPerMonth = (scale * 8) / company.repos.length;
  for (const team of company.teams) simulateChores(chores, world, team, perRepoPerMonth);
  const adHoc = root.fork('ad-hoc');
  const cloudTeam = company.teams.find((t) => t.plan === 'cloud');
  if (cloudTeam) adHocRuns(adHoc, world, cloudTeam, PERIOD_START, PERIOD_END, 2 * scale);

  const snap = snapshot(root.fork('ids'), world);
  const lastDay = startOfDay(PERIOD_END);
  return {
    period: { from: PERIOD_FROM, to: PERIOD_TO },
    jira: emitJira(snap.tickets),
    gitlab: emitGitLab(company, snap.mrs, snap.pipelines),
    files: [
      ...emitRunCredits(snap.events),
      ...emitGitHub(root.fork('github'), company, PERIOD_START, lastDay),
      ...emitAnthropic(root.fork('anthropic'), snap.events, PERIOD_START, lastDay),
    ],
  };
}
