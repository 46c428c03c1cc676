import { describe, expect, it } from 'vitest';
import { planRules } from '../../../../shared/domain/plans';
import { defaultSettings, type WorkspaceSettings } from '../../../../shared/domain/settings';
import { MISSING_PLAN, newPlanFields, plansChanged, plansFields, removePlan, shapeFields, validatePlans, workspaceRows } from './plans-form-model';

const settings: WorkspaceSettings = { ...defaultSettings(), planByWorkspace: { 'northwind-cloud': 'Cloud', 'northwind-payments': 'Self-hosted' } };

describe('plans form', () => {
  it('round-trips the saved plans, mapping and cost source unchanged', () => {
    const fields = plansFields(settings);
    expect(fields.plans[0]).toMatchObject({ name: 'Cloud', pricePerCredit: '4.00', freeCredits: '50', creditsPerEvent: { pr_created: '1', ticket_denied: '' } });
    expect(plansChanged(fields, settings)).toBe(false);
    expect(validatePlans(fields)).toEqual({ ok: true, value: { plans: settings.plans, planByWorkspace: settings.planByWorkspace, runCreditCostFrom: 'billed' } });
  });

  it('keeps workspaces on a renamed plan, and leaves them without one when it is removed', () => {
    const fields = plansFields(settings);
    const cloud = fields.plans[0]!;
    const renamed = { ...fields, plans: fields.plans.map((p) => (p.key === cloud.key ? { ...p, name: 'Cloud 2026' } : p)) };
    const checked = validatePlans(renamed);
    expect(checked.ok && checked.value.planByWorkspace).toEqual({ 'northwind-cloud': 'Cloud 2026', 'northwind-payments': 'Self-hosted' });
    const removed = validatePlans(removePlan(fields, cloud.key));
    expect(removed.ok && removed.value.planByWorkspace).toEqual({ 'northwind-payments': 'Self-hosted' });
  });

  it('turns prices typed in major units into micros, and says what is wrong per field', () => {
    const fields = plansFields(settings);
    const edited = { ...fields, plans: [{ ...fields.plans[0]!, pricePerCredit: '3,75', creditsPerEvent: { ...fields.plans[0]!.creditsPerEvent, continuation_run: '0.5' } }, fields.plans[1]!] };
    const checked = validatePlans(edited);
    expect(checked.ok && checked.value.plans[0]).toMatchObject({ pricePerCreditMicros: 3_750_000, creditsPerEvent: { pr_created: 1, pr_updated: 1, retry_publish: 1, continuation_run: 0.5 } });

    const bad = { ...fields, plans: [{ ...fields.plans[0]!, name: ' ', currency: 'pounds', pricePerCredit: '£4', creditsPerEvent: { pr_created: 'one' } }, { ...fields.plans[1]!, name: 'cloud' }] };
    const invalid = validatePlans(bad);
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(invalid.errors.plans[fields.plans[0]!.key]).toEqual({
      name: 'Give the plan a name of up to 80 characters.',
      currency: 'Use a three-letter currency code such as GBP.',
      pricePerCredit: 'Enter an amount such as 4.00.',
      'credits:pr_created': 'Enter credits of 0 or more.',
    });
  });

  it('refuses two plans of the same name, since workspaces point at plans by name', () => {
    const fields = plansFields(settings);
    const checked = validatePlans({ ...fields, plans: [fields.plans[0]!, { ...fields.plans[1]!, name: 'CLOUD' }] });
    expect(checked.ok ? null : checked.errors.plans[fields.plans[1]!.key]?.name).toMatch(/Another plan has this name/);
  });

  it('flags a saved mapping to a plan that does not exist', () => {
    const fields = plansFields({ ...settings, planByWorkspace: { legacy: 'Enterprise' } });
    expect(fields.planByWorkspace).toEqual({ legacy: `${MISSING_PLAN}Enterprise` });
    const checked = validatePlans(fields);
    expect(checked.ok ? null : checked.errors.workspaces['legacy']).toBe('There is no plan “Enterprise”; choose one, or none.');
  });

  it('names a new plan so it does not clash, in the workspace currency', () => {
    const fields = plansFields(settings);
    const added = newPlanFields(fields.plans, 'EUR');
    expect(added).toMatchObject({ name: 'Plan 3', currency: 'EUR', shape: 'per_outcome' });
    expect(newPlanFields([...fields.plans, { ...added, name: 'plan 3' }], 'EUR').name).toBe('Plan 4');
  });

  it('shows the price fields each shape uses', () => {
    expect(shapeFields('per_outcome')).toEqual({ creditsPerEvent: true, allowance: true, pricePerCredit: true, prepaid: false, creditsPerMerged: false });
    expect(shapeFields('prepaid_balance')).toMatchObject({ prepaid: true, pricePerCredit: false });
    expect(shapeFields('per_merged')).toMatchObject({ creditsPerMerged: true, pricePerCredit: true, allowance: false });
    const prepaid = planRules({ name: 'Prepaid', shape: 'prepaid_balance', feePerReviewMicros: 500_000, marginPercent: 15 });
    const fields = plansFields({ ...settings, plans: [prepaid], planByWorkspace: {} });
    expect(fields.plans[0]).toMatchObject({ feePerReview: '0.50', marginPercent: '15' });
    expect(validatePlans(fields)).toMatchObject({ ok: true, value: { plans: [prepaid] } });
  });

  it('lists mapped and billed workspaces once each, sorted', () => {
    expect(workspaceRows({ b: 'x', a: '' }, ['c', 'b'])).toEqual(['a', 'b', 'c']);
  });
});
