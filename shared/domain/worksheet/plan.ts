import type { Pilot } from '../pilots';
import type { DeterministicResult, Scenario } from '../scenario/schema';
import { assumptionsSheet } from './assumptions-sheet';
import { timestampSerial, type Cell, type WorkbookPlan } from './cells';
import { decisionsSheet, sourcesSheet, type SourcesInput } from './context-sheets';
import { costLinesSheet, type WorksheetRecord } from './cost-lines-sheet';
import { scenarioSheet } from './scenario-sheet';
import { summarySheet } from './summary-sheet';

export type WorksheetInput = {
  workspaceName: string;
  currency: string;
  writtenAt: string;
  appVersion: string;
  pilot: Pilot | null;
  /** The scenario the Assumptions and Scenario sheets carry, and where it came from. */
  scenario: Scenario;
  origin: 'saved' | 'calibrated';
  /** runDeterministic(scenario): the cached results of the Scenario formulas. */
  result: DeterministicResult;
  records: readonly WorksheetRecord[];
  /** Person-level views: off leaves people out; on shows them pseudonymised with this salt (the workspace name). */
  people: { salt: string } | null;
  productiveHoursPerFte: number;
  workspaceRepairBudget: number;
  sources: SourcesInput;
};

/** Excel's row limit, less the header and totals rows. */
export const MAX_WORKSHEET_RECORDS = 1_048_576 - 2;

/**
 * The pilot cost worksheet as plain data (PRODUCT.md "Pilot and its worksheet"): Summary,
 * Assumptions (named ranges), Scenario (live formulas mirroring the engine), Cost lines (one row
 * per accepted-work record), Decisions and Sources. Every formula carries the app's number as its
 * cached result.
 */
export function buildWorksheetPlan(x: WorksheetInput): WorkbookPlan {
  if (x.records.length > MAX_WORKSHEET_RECORDS) throw new RangeError(`${x.records.length} records do not fit on one sheet (at most ${MAX_WORKSHEET_RECORDS})`);
  const s = x.scenario;
  const assumptions = assumptionsSheet(s);
  const scenario = scenarioSheet(s, x.result);
  const costLines = costLinesSheet(x.records, { currency: x.currency, people: x.people });
  const scope = x.pilot ? `pilot ${x.pilot.name}` : 'the whole workspace';
  const title = `Pilot cost worksheet: ${x.pilot ? x.pilot.name : `${x.workspaceName} (whole workspace)`}`;
  const horizon = x.result.periods.length;
  const calibration = s.calibration;
  const about: [string, Cell][] = [
    ['Workspace', x.workspaceName],
    ['Scope', x.pilot ? `Pilot ${x.pilot.name}${x.pilot.owner ? `, owner ${x.pilot.owner}` : ''}` : 'The whole workspace'],
    ['Scenario', `${s.name} (${x.origin === 'saved' ? 'saved scenario' : `calibrated on ${scope} for this workbook`})`],
    [
      'Calibrated on',
      calibration ? `${calibration.records} records${calibration.fromMonth ? `, ${calibration.fromMonth} to ${calibration.toMonth}` : ''}${calibration.pilot ? ` of pilot ${calibration.pilot}` : ''}` : 'not calibrated (values entered by hand)',
    ],
    ['Horizon', `${horizon} months from ${s.startMonth}`],
    ['Plan', `${s.plan.name} (${s.plan.shape.replace('_', ' ')})`],
    ['Currency', `${x.currency}; other currencies converted with the rates on the Sources sheet`],
    ['People', x.people ? 'person views are on: people appear as pseudonyms' : 'person views are off: no people in this workbook'],
    ['Written', { value: timestampSerial(x.writtenAt), format: 'datetime' }],
    ['Written by', `Yardstick ${x.appVersion}`],
  ];
  const summary = summarySheet({
    title,
    about,
    scenario: s,
    result: x.result,
    scenarioLabel: `Scenario: ${horizon} months from ${s.startMonth}`,
    observedLabel: x.pilot ? 'Pilot records (observed)' : 'Records (observed)',
    records: x.records,
    costLines: costLines.layout,
    productiveHoursPerFte: x.productiveHoursPerFte,
  });
  return {
    title,
    currency: x.currency,
    sheets: [summary, assumptions.sheet, scenario, costLines.sheet, decisionsSheet(x.pilot, { records: x.records.length, workspaceRepairBudget: x.workspaceRepairBudget }), sourcesSheet(x.sources)],
    names: assumptions.names,
  };
}
