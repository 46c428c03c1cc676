import Database from 'better-sqlite3';

export type ExpectedOverview = {
  months: string[];
  accepted: number;
  reachedReview: number;
  costMicros: number;
  baselineHours: number;
  humanHours: number;
};

/**
 * The Overview's figures worked out straight from the database file, independently of the app's
 * code: the latest calendar quarter the data covers, record measures summed, every cost line converted at
 * the exchange rate in force on its date (looked up here in JavaScript, not in the app's SQL).
 */
export function expectedOverview(dbPath: string): ExpectedOverview {
  const db = new Database(dbPath, { readonly: true });
  try {
    const last = db.prepare('SELECT max(ended_at) FROM records').pluck().get() as string;
    // The latest quarter that ended within 14 days after the data's last day (PRODUCT: "last quarter").
    const reference = Date.parse(`${last.slice(0, 10)}T00:00:00Z`) + 14 * 86_400_000;
    let year = new Date(reference).getUTCFullYear();
    let quarter = 3;
    while (Date.UTC(year, quarter * 3 + 3, 0) > reference) {
      quarter -= 1;
      if (quarter < 0) {
        quarter = 3;
        year -= 1;
      }
    }
    const months = [0, 1, 2].map((i) => `${year}-${String(quarter * 3 + i + 1).padStart(2, '0')}`);
    const currency = JSON.parse(db.prepare("SELECT value_json FROM settings WHERE key = 'workspace'").pluck().get() as string).currency as string;
    const rates = db.prepare('SELECT from_currency AS c, valid_from AS v, rate FROM exchange_rates WHERE to_currency = ? ORDER BY valid_from').all(currency) as { c: string; v: string; rate: number }[];
    const rateOn = (c: string, day: string): number => {
      if (c === currency) return 1;
      const applicable = rates.filter((r) => r.c === c && r.v <= day);
      const r = applicable[applicable.length - 1];
      if (!r) throw new Error(`no ${c} rate on ${day}`);
      return r.rate;
    };
    const inQuarter = `period_month IN (${months.map(() => '?').join(',')})`;
    const measures = db
      .prepare(`SELECT sum(accepted) AS accepted, sum(mrs_reached_review) AS reached, sum(baseline_hours) AS baseline, sum(human_hours) AS human FROM records WHERE ${inQuarter}`)
      .get(...months) as { accepted: number; reached: number; baseline: number; human: number };
    const lines = db
      .prepare(`SELECT cl.amount_micros AS amount, cl.currency AS c, cl.occurred_on AS day FROM record_cost_lines cl JOIN records r ON r.id = cl.record_id WHERE r.${inQuarter}`)
      .all(...months) as { amount: number; c: string; day: string }[];
    // Provider spend reaches records as allocated cost lines; unallocated spend is not AI-path cost.
    const costMicros = lines.reduce((sum, l) => sum + Math.round(l.amount * rateOn(l.c, l.day)), 0);
    return { months, accepted: measures.accepted, reachedReview: measures.reached, costMicros, baselineHours: measures.baseline, humanHours: measures.human };
  } finally {
    db.close();
  }
}
