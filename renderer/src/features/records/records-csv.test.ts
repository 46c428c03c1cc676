import { describe, expect, it } from 'vitest';
import { pseudonym } from '../../../../shared/domain/people';
import { recordColumns } from './record-columns';
import { MONEY_COLUMNS, recordsCsv, shownColumns } from './records-csv';
import { sampleRecordRow } from './records-fixture';

const lines = (csv: string) => csv.trimEnd().split('\n');
const salted = (name: string) => pseudonym(name, 'Northwind');

describe('recordsCsv', () => {
  it('writes the shown columns in order under their headers, one line per row in the given order', () => {
    const rows = [sampleRecordRow(), sampleRecordRow({ id: 13, ticketKey: 'PAY-9', title: 'Second', outcome: 'rejected', signals: [] })];
    const csv = recordsCsv({ rows, columns: recordColumns('GBP', { person: false }), currency: 'GBP', pseudonym: salted });
    const [header, first, second, ...rest] = lines(csv);
    expect(header).toBe('Ticket,Title,Team,Repository,Outcome,Month,Runs,Repairs,Reviews,CI min,Run credits,AI credits,Provider,CI,Human,Total,Signals');
    expect(first).toBe('PAY-12,Retry ledger writes on timeout,Payments,northwind/ledger-service,Accepted,2026-07,3,1,2,26.5,8,1.25,0.79,0.13,212.5,222.67,Review time estimated');
    expect(second).toMatch(/^PAY-9,Second,.*,Rejected,.*,222\.67,$/);
    expect(rest).toEqual([]);
  });

  it('writes money as plain numbers in major units, rounded to the currency’s minor digits in whole micros', () => {
    const row = sampleRecordRow({ costTotalMicros: 2_225_000, costHumanMicros: -1_234_567 });
    const only = recordColumns('GBP', { person: false }).filter((c) => c.id === 'costTotal' || c.id === 'costHuman');
    expect(lines(recordsCsv({ rows: [row], columns: only, currency: 'GBP', pseudonym: salted }))[1]).toBe('-1.23,2.23');
    expect(lines(recordsCsv({ rows: [row], columns: only, currency: 'JPY', pseudonym: salted }))[1]).toBe('-1,2');
    // Every money column of the grid is known as one, so none slips out as raw micros.
    const numeric = recordColumns('GBP', { person: false }).filter((c) => c.renderer === 'number' && c.id.startsWith('cost'));
    expect(numeric.map((c) => c.id).every((id) => MONEY_COLUMNS.has(id))).toBe(true);
  });

  it('pseudonymises people even where the grid names them, and never writes the real name', () => {
    const rows = [sampleRecordRow({ person: 'Ana Pereira' }), sampleRecordRow({ id: 14, person: null })];
    const csv = recordsCsv({ rows, columns: recordColumns('GBP', { person: true }), currency: 'GBP', pseudonym: salted });
    const [header, ana, nobody] = lines(csv);
    expect(header).toContain(',Person (pseudonym),');
    expect(ana).toContain(`,${salted('Ana Pereira')},`);
    expect(nobody).toContain(',2026-07,,3,');
    expect(csv).not.toContain('Ana');
  });

  it('leaves empty values empty (not "—") and escapes text, defusing formulas', () => {
    const row = sampleRecordRow({ ticketKey: null, recordKey: 'mr:ledger!44', title: '=HYPERLINK("x"), "quoted"', team: null, repository: null, signals: [] });
    const first = lines(recordsCsv({ rows: [row], columns: recordColumns('GBP', { person: false }), currency: 'GBP', pseudonym: salted }))[1]!;
    expect(first.startsWith(`mr:ledger!44,"'=HYPERLINK(""x""), ""quoted""",,,Accepted,`)).toBe(true);
    expect(first).not.toContain('—');
  });
});

describe('shownColumns', () => {
  it('follows the grid’s column order and ignores ids it does not know', () => {
    const all = recordColumns('GBP', { person: false });
    expect(shownColumns(all, ['team', 'ticket', 'nope']).map((c) => c.id)).toEqual(['team', 'ticket']);
    expect(shownColumns(all, null)).toHaveLength(all.length);
  });
});
