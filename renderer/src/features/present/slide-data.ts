import type { Overview } from '../../../../shared/ipc/contract';
import type { ScenarioRun } from '../../../../shared/ipc/contract-scenarios';
import { invoke } from '../../lib/ipc';
import type { Scorecard } from '../pilots/scorecard-view-model';
import { drawsFor } from '../scenarios/monte-carlo-client';
import type { SlideView } from '../../../../shared/domain/present/deck';
import { runPivot } from '../explore/explore-api';
import { fetchAppInfo } from '../workspace/workspace-api';
import { pivotSlideGap, usesPeople, type PivotSlideData } from './pivot-slide';

/** What a slide's figures rest on, fetched from the workspace when the deck shows. */
export type SlideData = { source: 'overview'; overview: Overview } | { source: 'pilot'; card: Scorecard } | { source: 'scenario'; run: ScenarioRun } | PivotSlideData;

/**
 * A slide whose pilot or scenario was deleted since it was pinned, or whose pivot uses a dimension
 * the workspace no longer offers: said plainly on the slide, not shown as a failure.
 */
export class SlideSourceGone extends Error {}

/** Slides that read the same answer share one fetch (an Overview chart and its figures, say). */
export function dataKey(view: SlideView): string {
  switch (view.view) {
    case 'overview-cost':
    case 'overview-figures':
      return view.period === null ? 'overview' : `overview:${view.period.from}:${view.period.to}`;
    case 'pilot-monthly':
    case 'pilot-figures':
      return `pilot:${view.pilot.id}:${view.pilot.name}`;
    case 'scenario-cost':
    case 'scenario-figures':
      return `scenario:${view.scenario}`;
    case 'pivot':
      // A pivot pinned as a chart and as a table reads one answer.
      return `pivot:${JSON.stringify(view.spec)}`;
  }
}

/**
 * The slide's answer through the channels the pages use. A pilot is found by id, else by its name
 * when pinned (a deleted and restored pilot has a new id). A scenario runs in main as saved, with
 * the same Monte Carlo draws and seed as the Scenarios page, so its bands match the page's. A pivot
 * runs through pivot:run as Explore's does, with pivot:fields to name its members.
 */
export async function fetchSlideData(view: SlideView): Promise<SlideData> {
  switch (view.view) {
    case 'overview-cost':
    case 'overview-figures':
      return { source: 'overview', overview: await invoke('metrics:get-overview', view.period === null ? {} : { period: view.period }) };
    case 'pilot-monthly':
    case 'pilot-figures': {
      const pilots = await invoke('pilots:list', {});
      const pilot = pilots.find((p) => p.id === view.pilot.id) ?? pilots.find((p) => p.name === view.pilot.name);
      if (pilot === undefined) throw new SlideSourceGone(`The pilot “${view.pilot.name}” no longer exists in this workspace.`);
      return { source: 'pilot', card: await invoke('pilots:scorecard', { id: pilot.id }) };
    }
    case 'scenario-cost':
    case 'scenario-figures': {
      const scenarios = await invoke('scenarios:list', {});
      const summary = scenarios.find((s) => s.name === view.scenario);
      if (summary === undefined) throw new SlideSourceGone(`The scenario “${view.scenario}” no longer exists in this workspace.`);
      const run = await invoke('scenarios:run', { name: summary.name, monteCarlo: { draws: drawsFor(summary.horizonMonths), seed: 1 }, tornado: false, capacity: false });
      return { source: 'scenario', run };
    }
    case 'pivot': {
      const fields = await invoke('pivot:fields', {});
      const gap = pivotSlideGap(view.spec, fields);
      if (gap !== null) throw new SlideSourceGone(gap);
      const [result, info] = await Promise.all([runPivot(view.spec, 'slide'), usesPeople(view.spec) ? fetchAppInfo() : Promise.resolve(null)]);
      return { source: 'pivot', result, dimensions: fields.dimensions, personSalt: info?.workspaceName ?? null };
    }
  }
}
