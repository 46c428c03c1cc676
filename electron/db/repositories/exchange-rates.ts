import type { Db } from '../connection';

export function upsertExchangeRate(db: Db, rate: { from: string; to: string; validFrom: string; rate: number }): void {
  db.prepare(
    `INSERT INTO exchange_rates (from_currency, to_currency, valid_from, rate) VALUES (?, ?, ?, ?)
     ON CONFLICT(from_currency, to_currency, valid_from) DO UPDATE SET rate = excluded.rate`,
  ).run(rate.from, rate.to, rate.validFrom, rate.rate);
}
