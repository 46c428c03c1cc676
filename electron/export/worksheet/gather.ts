import type { Pilot } from '../../../shared/domain/pilots';
import type { ExchangeRate } from '../../../shared/domain/money';
import { runDeterministic } from '../../../shared/domain/scenario/engine';
import type { Scenario } from '../../../shared/domain/scenario/schema';
import type { RateInfo } from '../../../shared/domain/worksheet/context-sheets';
import type { WorksheetInput } from '../../../shared/domain/worksheet/plan';
import type { Db } from '../../db/connection';
import { listImports, listRates } from '../../db/repositories/imports';
import { listSources } from '../../db/repositories/sources';
import { sourcesWithLastSync } from '../../db/repositories/status';
import { listSyncRuns } from '../../db/repositories/sync-runs';
import { foreignCostLines, worksheetRecords, type ForeignCostLines } from '../../db/repositories/worksheet-records';
import type { WorkspaceSettings } from '../../../shared/domain/settings';

/**
 * Everything the worksheet shows, read from the workspace: the pilot's records (or every record
 * when there is no pilot), sources, syncs, imports and exchange rates, with the scenario the
 * caller chose and the engine's run of it.
 */
export function worksheetInput(
  db: Db,
  settings: WorkspaceSettings,
  x: { pilot: Pilot | null; scenario: Scenario; origin: 'saved' | 'calibrated'; appVersion: string },
): WorksheetInput {
  const { pilot, scenario } = x;
  const records = worksheetRecords(db, { pilotId: pilot?.id, people: settings.peopleViewsEnabled });
  const created = new Map(listSources(db).map((s) => [s.name, s.created_at]));
  const missing = [...new Set(records.flatMap((r) => r.missingRates?.split(',') ?? []))].filter(Boolean).sort();
  return {
    workspaceName: settings.name,
    currency: settings.currency,
    writtenAt: new Date().toISOString(),
    appVersion: x.appVersion,
    pilot,
    scenario,
    origin: x.origin,
    result: runDeterministic(scenario),
    records,
    people: settings.peopleViewsEnabled ? { salt: settings.name } : null,
    productiveHoursPerFte: settings.productiveHoursPerFtePerMonth,
    workspaceRepairBudget: settings.repairBudget,
    sources: {
      currency: settings.currency,
      sources: sourcesWithLastSync(db).map((s) => ({ ...s, createdAt: created.get(s.name) ?? '' })),
      syncRuns: listSyncRuns(db, { limit: 500 }),
      imports: listImports(db),
      rates: ratesUsed(listRates(db), settings.currency, foreignCostLines(db, settings.currency, pilot?.id)),
      missingRates: missing,
    },
  };
}

/**
 * The exchange rates into the workspace currency, each with the number of this scope's cost lines
 * it converted: a line takes the latest rate valid on its day (converter in shared/domain/money.ts).
 */
function ratesUsed(rates: readonly ExchangeRate[], currency: string, foreign: readonly ForeignCostLines[]): RateInfo[] {
  const into = rates.filter((r) => r.to === currency);
  const used = new Map<ExchangeRate, number>();
  for (const l of foreign) {
    const rate = into.filter((r) => r.from === l.currency && r.validFrom <= l.day).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
    if (rate) used.set(rate, (used.get(rate) ?? 0) + l.lines);
  }
  return into.map((r) => ({ ...r, costLines: used.get(r) ?? 0 }));
}
