import { describe, expect, it } from 'vitest';
import { PilotDecisionsSchema, PilotScopeSchema, type Pilot } from '../../../../shared/domain/pilots';
import { emptyPilotForm, orderPilots, pilotFields, recreateDraft, scopeSummary, TEXT_DECISIONS, validatePilot } from './pilot-form-model';

const pilot: Pilot = {
  id: 7,
  name: 'Payments maintenance',
  owner: 'Priya Natarajan',
  scope: PilotScopeSchema.parse({ projects: ['PAY'], repositories: ['northwind/ledger-service', 'northwind/checkout-web'], from: '2026-01-01', to: '2026-09-30' }),
  decisions: PilotDecisionsSchema.parse({ eligibleQueueState: 'Ready for dev', stopRules: 'Pause below 50%', repairBudget: 3 }),
  createdAt: '2026-01-02T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
};

describe('validatePilot', () => {
  it('round-trips a saved pilot into the draft pilots:save takes, id included', () => {
    expect(validatePilot(pilotFields(pilot), pilot.id)).toEqual({ ok: true, value: { id: 7, name: pilot.name, owner: pilot.owner, scope: pilot.scope, decisions: pilot.decisions } });
  });

  it('creates without an id; empty lists and dates mean any, an empty repair budget means undecided', () => {
    const checked = validatePilot({ ...emptyPilotForm(), name: '  Platform upkeep ', projects: ['PLAT'] });
    expect(checked).toEqual({
      ok: true,
      value: {
        name: 'Platform upkeep',
        owner: '',
        scope: { projects: ['PLAT'], repositories: [], teams: [], labels: [], from: null, to: null },
        decisions: { ...PilotDecisionsSchema.parse({}), repairBudget: null },
      },
    });
  });

  it('puts a message next to each field that cannot be saved', () => {
    const checked = validatePilot({ ...emptyPilotForm(), name: ' ', from: '2026-13-45x', repairBudget: 'three', decisions: { ...emptyPilotForm().decisions, stopRules: 'x'.repeat(4001) } });
    expect(checked).toEqual({
      ok: false,
      errors: {
        name: 'Give the pilot a name of up to 80 characters.',
        from: 'Use a date such as 2026-01-01.',
        repairBudget: 'Enter a whole number of runs from 0 to 100, or leave it empty.',
        stopRules: 'This is too long; keep it under 4,000 characters.',
      },
    });
    expect(validatePilot({ ...emptyPilotForm(), name: 'P', from: '2026-09-01', to: '2026-01-01' })).toEqual({ ok: false, errors: { to: 'The end date comes before the start date.' } });
  });

  it('has a field for every rollout decision', () => {
    expect(TEXT_DECISIONS).toHaveLength(Object.keys(PilotDecisionsSchema.shape).length - 1);
  });
});

describe('pilot summaries', () => {
  it('says what the scope covers in one line', () => {
    expect(scopeSummary(pilot.scope)).toBe('Project PAY · Repositories northwind/ledger-service, northwind/checkout-web · 1 Jan – 30 Sep 2026');
    expect(scopeSummary(PilotScopeSchema.parse({}))).toBe('Everything in the workspace');
    expect(scopeSummary(PilotScopeSchema.parse({ teams: ['Data', 'Mobile'], from: '2026-04-01' }))).toBe('Teams Data, Mobile · From 1 Apr 2026');
  });

  it('re-creates a deleted pilot from its data, as a new pilot', () => {
    expect(recreateDraft(pilot)).toEqual({ name: pilot.name, owner: pilot.owner, scope: pilot.scope, decisions: pilot.decisions });
  });

  it('lists pilots by name regardless of case', () => {
    expect(orderPilots([{ ...pilot, name: 'beta' }, { ...pilot, name: 'Alpha' }]).map((p) => p.name)).toEqual(['Alpha', 'beta']);
  });
});
