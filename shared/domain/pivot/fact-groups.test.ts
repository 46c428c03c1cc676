import { describe, expect, it } from 'vitest';
import { converter } from '../money';
import { defaultSettings } from '../settings';
import type { RunEventInput } from '../records/types';
import { convertGroupMoney, eventGroupsByTicket } from './fact-groups';

const event = (over: Partial<RunEventInput> & Pick<RunEventInput, 'eventId' | 'occurredAt' | 'type'>): RunEventInput => ({
  ticketKey: 'PAY-1',
  runId: 'r1',
  parentRunId: null,
  runCreditsMicros: 0,
  aiCreditsMicros: 0,
  amountMicros: 0,
  currency: 'GBP',
  mrUrl: null,
  supersedesEventId: null,
  workspace: 'w',
  provider: null,
  model: null,
  tokens: 0,
  ...over,
});

describe('eventGroupsByTicket', () => {
  const settings = { ...defaultSettings(), linking: { ...defaultSettings().linking, providerAccountsForRuns: ['acct'] } };
  const runEvents = [
    event({ eventId: 'e1', occurredAt: '2026-05-03T10:00:00.000Z', type: 'pr_created', runCreditsMicros: 1_000_000, amountMicros: 4_000_000 }),
    event({ eventId: 'e2', occurredAt: '2026-05-01T10:00:00.000Z', type: 'pr_updated', runCreditsMicros: 1_000_000, amountMicros: 4_000_000 }),
    event({ eventId: 'e3', occurredAt: '2026-05-02T10:00:00.000Z', type: 'model_call_settled', provider: 'anthropic', model: 'm1', tokens: 300 }),
    event({ eventId: 'e4', occurredAt: '2026-05-02T11:00:00.000Z', type: 'model_call_settled', provider: 'openai', model: 'm2', aiCreditsMicros: 2_500_000, amountMicros: 1_000_000, currency: 'USD' }),
    event({ eventId: 'e5', occurredAt: '2026-05-02T12:00:00.000Z', type: 'continuation_run', runId: 'r2', ticketKey: 'PAY-2' }),
    // Replaced by a later row: only e6 counts.
    event({ eventId: 'e6', occurredAt: '2026-05-04T10:00:00.000Z', type: 'pr_updated', runCreditsMicros: 2_000_000, amountMicros: 8_000_000, supersedesEventId: 'e7' }),
    event({ eventId: 'e7', occurredAt: '2026-05-04T09:00:00.000Z', type: 'pr_updated', runCreditsMicros: 1_000_000, amountMicros: 4_000_000 }),
  ];
  const providerLines = [{ id: 1, occurredOn: '2026-05-02', amountMicros: 600_000, currency: 'USD', model: 'm1', account: 'acct' }];
  const groups = eventGroupsByTicket({ runEvents, providerLines }, settings);

  it('groups each ticket’s effective events by type, provider and model', () => {
    expect(groups.get('PAY-1')!.map((g) => [g.eventType, g.provider, g.model, g.events])).toEqual([
      ['model_call_settled', 'anthropic', 'm1', 1],
      ['model_call_settled', 'openai', 'm2', 1],
      ['pr_created', null, null, 1],
      ['pr_updated', null, null, 2],
    ]);
    expect(groups.get('PAY-2')).toEqual([{ eventType: 'continuation_run', provider: null, model: null, events: 1, runCreditsUsed: 0, aiCreditsUsed: 0, parts: [] }]);
  });

  it('gives each group its part of the record’s lines, dated as the record’s line', () => {
    const [anthropic, openai, created, updated] = groups.get('PAY-1')!;
    expect(anthropic!.parts).toEqual([{ kind: 'provider', currency: 'USD', day: '2026-05-02', amountMicros: 600_000 }]);
    expect(openai).toMatchObject({ aiCreditsUsed: 2.5, parts: [{ kind: 'ai_credits', currency: 'USD', day: '2026-05-02', amountMicros: 1_000_000 }] });
    // One run-credit line for May: both groups carry its date (the earliest event, e2 on 05-01).
    expect(created).toMatchObject({ runCreditsUsed: 1, parts: [{ kind: 'run_credits', currency: 'GBP', day: '2026-05-01', amountMicros: 4_000_000 }] });
    expect(updated).toMatchObject({ runCreditsUsed: 3, parts: [{ kind: 'run_credits', currency: 'GBP', day: '2026-05-01', amountMicros: 12_000_000 }] });
  });
});

describe('convertGroupMoney', () => {
  const convert = converter([{ from: 'USD', to: 'GBP', validFrom: '2026-01-01', rate: 0.77 }], 'GBP');

  it('converts each line once and splits it so the parts add up to the converted line', () => {
    const part = (amountMicros: number) => ({ parts: [{ kind: 'provider' as const, currency: 'USD', day: '2026-05-02', amountMicros }] });
    const money = convertGroupMoney([part(1), part(1), part(1)], convert);
    // The line (3 micros) converts to round(2.31) = 2; the three thirds add up to 2, not 3 × round(0.77).
    expect(money.reduce((n, m) => n + m.cost_provider, 0)).toBe(2);
    const big = convertGroupMoney([part(333_333_333), part(666_666_667)], convert);
    expect(big[0]!.cost_provider + big[1]!.cost_provider).toBe(Math.round(1_000_000_000 * 0.77));
  });

  it('leaves out lines with no rate, as the record does', () => {
    expect(convertGroupMoney([{ parts: [{ kind: 'ai_credits', currency: 'EUR', day: '2026-05-02', amountMicros: 5 }] }], convert)).toEqual([
      { cost_run_credits: 0, cost_ai_credits: 0, cost_provider: 0 },
    ]);
  });
});
