import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type Database from 'better-sqlite3';
import { COST_MEASURES } from '../../shared/domain/metrics';
import { FACT_DIMENSIONS } from '../../shared/domain/pivot/fields';

// The peer an analyst would pick instead: the same pivot in DuckDB (in memory) over the same fact
// rows, loaded from the workspace's record_facts first (untimed).

type Filter = { dim: string; value: string };

export type DuckPeer = { rows: number; loadMs: number; conn: DuckDBConnection; close: () => void };

/** Copies the fact rows (record id, every dimension, the given measures) into an in-memory DuckDB table `facts`. */
export async function loadDuck(db: Database.Database, measures: readonly string[]): Promise<DuckPeer> {
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE facts (record_id INTEGER, ${FACT_DIMENSIONS.map((d) => `${d} VARCHAR`).join(', ')}, ${measures.map((m) => `${m} DOUBLE`).join(', ')})`);
  const appender = await conn.createAppender('facts');
  let rows = 0;
  const select = db.prepare(`SELECT record_id, ${FACT_DIMENSIONS.join(', ')}, ${measures.join(', ')} FROM record_facts`).raw();
  for (const row of select.iterate() as Iterable<(string | number | null)[]>) {
    appender.appendInteger(row[0] as number);
    for (let i = 1; i <= FACT_DIMENSIONS.length; i += 1) {
      const v = row[i];
      if (v === null) appender.appendNull();
      else appender.appendVarchar(String(v));
    }
    for (let i = FACT_DIMENSIONS.length + 1; i < row.length; i += 1) appender.appendDouble(Number(row[i]));
    appender.endRow();
    rows += 1;
  }
  appender.flushSync();
  appender.closeSync();
  return { rows, loadMs: performance.now() - started, conn, close: () => conn.closeSync() };
}

/**
 * The benchmark pivot in one DuckDB statement: rows × columns with row subtotals, column totals and
 * the grand total as GROUPING SETS, sums and the ratio (cost per accepted) computed per group.
 */
export function duckPivotSql(rows: readonly string[], col: string, filters: readonly Filter[]): string {
  const sets: string[][] = [];
  for (let r = rows.length; r >= 0; r -= 1) for (const c of [[col], []]) sets.push([...rows.slice(0, r), ...c]);
  const cost = COST_MEASURES.map((m) => `sum(${m})`).join(' + ');
  const where = filters.length > 0 ? `WHERE ${filters.map((f) => `${f.dim} = '${f.value.replace(/'/g, "''")}'`).join(' AND ')}` : '';
  return `SELECT ${[...rows, col].join(', ')}, sum(accepted) AS accepted, sum(human_hours) AS human_hours,
      (${cost}) / nullif(sum(accepted), 0) AS cost_per_accepted
    FROM facts ${where}
    GROUP BY GROUPING SETS (${sets.map((s) => `(${s.join(', ')})`).join(', ')})`;
}

/** Runs the statement and reads every result row (as the grid would need them); returns the row count. */
export async function runDuck(conn: DuckDBConnection, sql: string): Promise<number> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRows().length;
}
