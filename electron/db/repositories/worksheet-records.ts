import type { Db } from '../connection';
import type { WorksheetRecord } from '../../../shared/domain/worksheet/cost-lines-sheet';

type RecordDbRow = {
  ticket_key: string | null;
  title: string | null;
  team: string | null;
  repository: string | null;
  outcome: string;
  period_month: string;
  mr_url: string | null;
  jira_url: string | null;
  person: string | null;
  runs: number;
  repair_runs: number;
  review_rounds: number;
  ci_minutes: number;
  mrs_reached_review: number;
  accepted: number;
  human_hours: number;
  baseline_hours: number;
  cost_run_credits: number;
  cost_ai_credits: number;
  cost_provider: number;
  cost_ci: number;
  cost_human: number;
  missing_rates: string | null;
};

/** The records of a pilot (through its stored membership), or every record when there is none. */
const scopeJoin = (pilotId: number | undefined) => (pilotId !== undefined ? 'JOIN record_pilots rp ON rp.record_id = r.id AND rp.pilot_id = @pilotId' : '');

/**
 * Every record of the workspace or a pilot, oldest period first, with its Jira issue's web link,
 * for the worksheet export. The person is read only when person views are on, so a name never
 * reaches the export otherwise.
 */
export function worksheetRecords(db: Db, opts: { pilotId?: number; people: boolean }): WorksheetRecord[] {
  const rows = db
    .prepare(
      `SELECT r.ticket_key, r.title, r.team, r.repository, r.outcome, r.period_month, r.mr_url, w.web_url AS jira_url, ${opts.people ? 'r.person' : 'NULL'} AS person,
         r.runs, r.repair_runs, r.review_rounds, r.ci_minutes, r.mrs_reached_review, r.accepted, r.human_hours, r.baseline_hours,
         r.cost_run_credits, r.cost_ai_credits, r.cost_provider, r.cost_ci, r.cost_human, r.missing_rates
       FROM records r ${scopeJoin(opts.pilotId)} LEFT JOIN work_items w ON w.id = r.work_item_id
       ORDER BY r.period_month, r.ticket_key, r.id`,
    )
    .all({ pilotId: opts.pilotId }) as RecordDbRow[];
  return rows.map((r) => ({
    ticketKey: r.ticket_key,
    title: r.title,
    team: r.team,
    repository: r.repository,
    outcome: r.outcome,
    month: r.period_month,
    mrUrl: r.mr_url,
    jiraUrl: r.jira_url,
    person: r.person,
    runs: r.runs,
    repairRuns: r.repair_runs,
    reviewRounds: r.review_rounds,
    ciMinutes: r.ci_minutes,
    reachedReview: r.mrs_reached_review,
    accepted: r.accepted,
    humanHours: r.human_hours,
    baselineHours: r.baseline_hours,
    costRunCreditsMicros: r.cost_run_credits,
    costAiCreditsMicros: r.cost_ai_credits,
    costProviderMicros: r.cost_provider,
    costCiMicros: r.cost_ci,
    costHumanMicros: r.cost_human,
    missingRates: r.missing_rates,
  }));
}

/** Cost lines of one currency on one day. */
export type ForeignCostLines = { currency: string; day: string; lines: number };

/**
 * How many cost lines of the workspace's or a pilot's records are in a currency other than the
 * workspace's, per currency and day: what decides which exchange rate each one was converted with.
 */
export function foreignCostLines(db: Db, currency: string, pilotId: number | undefined): ForeignCostLines[] {
  return db
    .prepare(
      `SELECT l.currency, l.occurred_on AS day, count(*) AS lines FROM record_cost_lines l JOIN records r ON r.id = l.record_id ${scopeJoin(pilotId)}
       WHERE l.currency <> @currency GROUP BY 1, 2`,
    )
    .all({ currency, pilotId }) as ForeignCostLines[];
}
