import { PlanRulesSchema, RUN_EVENT_TYPES, type PlanRules } from '../../../../shared/domain/plans';
import type { WorkspaceSettings } from '../../../../shared/domain/settings';
import { moneyInputText, numberInputText, parseMoneyInput, parseNumberInput, sameData } from './form-inputs';
import type { SettingsPatch } from './settings-save-model';

/**
 * The "Plans" card as plain data: vendor pricing plans (money typed in major units of the plan's
 * currency), which plan each vendor workspace is on, and where run-credit cost comes from. Checked
 * with PlanRulesSchema, the schema main prices with.
 */
export type PlanShape = PlanRules['shape'];

export type PlanFormFields = {
  /** Stable while the form is open, so React keeps each plan's inputs when one above is removed. */
  key: string;
  name: string;
  shape: PlanShape;
  currency: string;
  /** Credits per run-event type; "" consumes none. */
  creditsPerEvent: Record<string, string>;
  freeCredits: string;
  allowanceResets: PlanRules['allowanceResets'];
  pricePerCredit: string;
  feePerReview: string;
  marginPercent: string;
  creditsPerMerged: string;
};

export type PlansFormFields = {
  plans: PlanFormFields[];
  /**
   * Vendor workspace → the form key of its plan, so renaming a plan keeps its workspaces; "" leaves
   * the workspace without a plan; `missing:<name>` is a saved mapping to a plan that does not exist.
   */
  planByWorkspace: Record<string, string>;
  runCreditCostFrom: WorkspaceSettings['runCreditCostFrom'];
};

export type PlanFieldKey = Exclude<keyof PlanFormFields, 'key' | 'creditsPerEvent'> | `credits:${string}`;
export type PlansErrors = { plans: Record<string, Partial<Record<PlanFieldKey, string>>>; workspaces: Record<string, string>; form?: string };
export type PlansPatch = Required<Pick<SettingsPatch, 'plans' | 'planByWorkspace' | 'runCreditCostFrom'>>;
export type PlansValidation = { ok: true; value: PlansPatch } | { ok: false; errors: PlansErrors };

export const SHAPE_LABELS: Record<PlanShape, string> = {
  per_outcome: 'Per PR/MR outcome',
  prepaid_balance: 'Prepaid balance',
  per_merged: 'Per merged PR/MR',
};

export const SHAPE_HINTS: Record<PlanShape, string> = {
  per_outcome: 'Credits per run event after a free allowance, then a price per credit.',
  prepaid_balance: 'A balance debited per review: a fixed fee plus the model cost marked up by a margin.',
  per_merged: 'Credits per merged PR/MR, agreed before the work starts.',
};

export const EVENT_LABELS: Record<(typeof RUN_EVENT_TYPES)[number], string> = {
  ticket_denied: 'Ticket denied',
  run_blocked: 'Run blocked',
  validation_failed: 'Validation failed',
  pr_created: 'PR/MR created',
  pr_updated: 'PR/MR updated',
  retry_publish: 'Retry publish',
  continuation_run: 'Continuation run',
  model_call_reserved: 'Model call reserved',
  model_call_settled: 'Model call settled',
};

/** Which fields a plan of each shape uses; the others keep their values but are not shown. */
export function shapeFields(shape: PlanShape): { creditsPerEvent: boolean; allowance: boolean; pricePerCredit: boolean; prepaid: boolean; creditsPerMerged: boolean } {
  return {
    creditsPerEvent: shape === 'per_outcome',
    allowance: shape === 'per_outcome',
    pricePerCredit: shape !== 'prepaid_balance',
    prepaid: shape === 'prepaid_balance',
    creditsPerMerged: shape === 'per_merged',
  };
}

/** The billing export's event types, then any other type a saved plan prices (kept, not dropped). */
export const eventTypes = (creditsPerEvent: Record<string, unknown>): string[] => [...new Set<string>([...RUN_EVENT_TYPES, ...Object.keys(creditsPerEvent)])];

export const MISSING_PLAN = 'missing:';

let nextKey = 0;
const newKey = (): string => `plan-${(nextKey += 1)}`;

export function planFields(plan: PlanRules): PlanFormFields {
  return {
    key: newKey(),
    name: plan.name,
    shape: plan.shape,
    currency: plan.currency,
    creditsPerEvent: Object.fromEntries(eventTypes(plan.creditsPerEvent).map((type) => [type, plan.creditsPerEvent[type] === undefined ? '' : numberInputText(plan.creditsPerEvent[type])])),
    freeCredits: numberInputText(plan.freeCredits),
    allowanceResets: plan.allowanceResets,
    pricePerCredit: moneyInputText(plan.pricePerCreditMicros, plan.currency),
    feePerReview: moneyInputText(plan.feePerReviewMicros, plan.currency),
    marginPercent: numberInputText(plan.marginPercent),
    creditsPerMerged: numberInputText(plan.creditsPerMerged),
  };
}

/** A new plan starts from the schema's defaults, named so it does not clash with an existing one. */
export function newPlanFields(existing: readonly PlanFormFields[], currency: string): PlanFormFields {
  const names = new Set(existing.map((p) => p.name.trim().toLowerCase()));
  let n = existing.length + 1;
  while (names.has(`plan ${n}`)) n += 1;
  return planFields(PlanRulesSchema.parse({ name: `Plan ${n}`, currency }));
}

export function plansFields(settings: WorkspaceSettings): PlansFormFields {
  const plans = settings.plans.map(planFields);
  const keyOf = new Map(plans.map((p) => [p.name, p.key]));
  const planByWorkspace = Object.fromEntries(Object.entries(settings.planByWorkspace).map(([workspace, name]) => [workspace, keyOf.get(name) ?? `${MISSING_PLAN}${name}`]));
  return { plans, planByWorkspace, runCreditCostFrom: settings.runCreditCostFrom };
}

/** Workspaces the mapping lists: those already mapped and those seen in billing, sorted. */
export function workspaceRows(planByWorkspace: Record<string, string>, knownWorkspaces: readonly string[]): string[] {
  return [...new Set([...Object.keys(planByWorkspace), ...knownWorkspaces])].sort((a, b) => a.localeCompare(b));
}

const MESSAGES: Partial<Record<PlanFieldKey, string>> = {
  name: 'Give the plan a name of up to 80 characters.',
  currency: 'Use a three-letter currency code such as GBP.',
  freeCredits: 'Enter credits of 0 or more.',
  pricePerCredit: 'Enter an amount such as 4.00.',
  feePerReview: 'Enter an amount such as 0.50.',
  marginPercent: 'Enter a percentage from 0 to 1000.',
  creditsPerMerged: 'Enter credits of 0 or more.',
};

function planInput(p: PlanFormFields): unknown {
  const creditsPerEvent: Record<string, number> = {};
  for (const [type, text] of Object.entries(p.creditsPerEvent)) if (text.trim() !== '') creditsPerEvent[type] = parseNumberInput(text);
  return {
    name: p.name,
    shape: p.shape,
    currency: p.currency.trim().toUpperCase(),
    creditsPerEvent,
    freeCredits: parseNumberInput(p.freeCredits),
    allowanceResets: p.allowanceResets,
    pricePerCreditMicros: parseMoneyInput(p.pricePerCredit),
    feePerReviewMicros: parseMoneyInput(p.feePerReview),
    marginPercent: parseNumberInput(p.marginPercent),
    creditsPerMerged: parseNumberInput(p.creditsPerMerged),
  };
}

const FIELD_OF_KEY: Record<string, PlanFieldKey> = { pricePerCreditMicros: 'pricePerCredit', feePerReviewMicros: 'feePerReview' };

export function validatePlans(fields: PlansFormFields): PlansValidation {
  const errors: PlansErrors = { plans: {}, workspaces: {} };
  const plans: PlanRules[] = [];
  for (const p of fields.plans) {
    const parsed = PlanRulesSchema.safeParse(planInput(p));
    if (parsed.success) {
      plans.push(parsed.data);
      continue;
    }
    const planErrors: Partial<Record<PlanFieldKey, string>> = {};
    for (const issue of parsed.error.issues) {
      const [head, sub] = issue.path;
      if (head === 'creditsPerEvent' && typeof sub === 'string') planErrors[`credits:${sub}`] ??= 'Enter credits of 0 or more.';
      else if (typeof head === 'string') {
        const field = FIELD_OF_KEY[head] ?? (head as PlanFieldKey);
        planErrors[field] ??= MESSAGES[field] ?? issue.message;
      }
    }
    errors.plans[p.key] = planErrors;
  }

  const seen = new Map<string, string>();
  for (const p of fields.plans) {
    const name = p.name.trim().toLowerCase();
    if (name === '') continue;
    if (seen.has(name)) (errors.plans[p.key] ??= {}).name ??= 'Another plan has this name; workspaces are mapped to plans by name.';
    else seen.set(name, p.key);
  }

  const nameOf = new Map(fields.plans.map((p) => [p.key, p.name.trim()]));
  const planByWorkspace: Record<string, string> = {};
  for (const [workspace, key] of Object.entries(fields.planByWorkspace)) {
    if (key === '') continue;
    const name = nameOf.get(key);
    if (name === undefined) {
      const missing = key.startsWith(MISSING_PLAN) ? `“${key.slice(MISSING_PLAN.length)}”` : 'the chosen plan';
      errors.workspaces[workspace] = `There is no plan ${missing}; choose one, or none.`;
    } else planByWorkspace[workspace] = name;
  }

  if (Object.keys(errors.plans).length > 0 || Object.keys(errors.workspaces).length > 0) return { ok: false, errors };
  return { ok: true, value: { plans, planByWorkspace, runCreditCostFrom: fields.runCreditCostFrom } };
}

export const plansPatchOf = (settings: WorkspaceSettings): PlansPatch => ({ plans: settings.plans, planByWorkspace: settings.planByWorkspace, runCreditCostFrom: settings.runCreditCostFrom });

/** Compares what the form would save with what is saved; a form that does not validate counts as changed. */
export function plansChanged(fields: PlansFormFields, settings: WorkspaceSettings): boolean {
  const checked = validatePlans(fields);
  return !checked.ok || !sameData(checked.value, plansPatchOf(settings));
}

export const hasErrors = (errors: PlansErrors): boolean => Object.keys(errors.plans).length > 0 || Object.keys(errors.workspaces).length > 0 || errors.form !== undefined;

/** Removing a plan leaves its workspaces without one (the mapping shows it) rather than moving them elsewhere. */
export function removePlan(fields: PlansFormFields, key: string): PlansFormFields {
  return {
    ...fields,
    plans: fields.plans.filter((p) => p.key !== key),
    planByWorkspace: Object.fromEntries(Object.entries(fields.planByWorkspace).map(([workspace, planKey]) => [workspace, planKey === key ? '' : planKey])),
  };
}
