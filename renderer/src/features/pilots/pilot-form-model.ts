import { PILOT_DECISION_LABELS, PilotDraftSchema, type Pilot, type PilotDecisions, type PilotDraft, type PilotScope } from '../../../../shared/domain/pilots';
import { formatDate, formatDateRange } from '../../lib/format';

/**
 * The pilot editor as plain data: the text the user typed, turned into a PilotDraft and checked
 * with the schema main saves with, one message per field.
 */
export type TextDecision = Exclude<keyof PilotDecisions, 'repairBudget'>;

export type PilotFormFields = {
  name: string;
  owner: string;
  projects: string[];
  repositories: string[];
  teams: string[];
  labels: string[];
  from: string;
  to: string;
  decisions: Record<TextDecision, string>;
  repairBudget: string;
};

export type PilotField = 'name' | 'owner' | 'projects' | 'repositories' | 'teams' | 'labels' | 'from' | 'to' | TextDecision | 'repairBudget' | 'form';
export type PilotErrors = Partial<Record<PilotField, string>>;
export type PilotValidation = { ok: true; value: PilotDraft } | { ok: false; errors: PilotErrors };

/** The decisions in the order PRODUCT.md lists them (the label map's order). */
export const DECISION_KEYS = Object.keys(PILOT_DECISION_LABELS) as (keyof PilotDecisions)[];
export const TEXT_DECISIONS = DECISION_KEYS.filter((key): key is TextDecision => key !== 'repairBudget');

const noDecisions = (): Record<TextDecision, string> => Object.fromEntries(TEXT_DECISIONS.map((key) => [key, ''])) as Record<TextDecision, string>;

export const emptyPilotForm = (): PilotFormFields => ({
  name: '',
  owner: '',
  projects: [],
  repositories: [],
  teams: [],
  labels: [],
  from: '',
  to: '',
  decisions: noDecisions(),
  repairBudget: '',
});

export function pilotFields(pilot: Pilot): PilotFormFields {
  return {
    name: pilot.name,
    owner: pilot.owner,
    projects: [...pilot.scope.projects],
    repositories: [...pilot.scope.repositories],
    teams: [...pilot.scope.teams],
    labels: [...pilot.scope.labels],
    from: pilot.scope.from ?? '',
    to: pilot.scope.to ?? '',
    decisions: Object.fromEntries(TEXT_DECISIONS.map((key) => [key, pilot.decisions[key]])) as Record<TextDecision, string>,
    repairBudget: pilot.decisions.repairBudget === null ? '' : String(pilot.decisions.repairBudget),
  };
}

const MESSAGES: Partial<Record<PilotField, string>> = {
  name: 'Give the pilot a name of up to 80 characters.',
  owner: 'Keep the owner to 120 characters or fewer.',
  from: 'Use a date such as 2026-01-01.',
  to: 'Use a date such as 2026-09-30.',
  repairBudget: 'Enter a whole number of runs from 0 to 100, or leave it empty.',
};

function fieldOf(path: readonly PropertyKey[]): PilotField {
  const [head, sub] = path;
  if ((head === 'scope' || head === 'decisions') && typeof sub === 'string') return sub as PilotField;
  return head === 'name' || head === 'owner' ? head : 'form';
}

/** The form as a PilotDraft for pilots:save (with the id when editing), or the messages to show. */
export function validatePilot(fields: PilotFormFields, id?: number): PilotValidation {
  const budgetText = fields.repairBudget.trim();
  const repairBudget = budgetText === '' ? null : /^\d+$/.test(budgetText) ? Number(budgetText) : Number.NaN;
  const input = {
    ...(id === undefined ? {} : { id }),
    name: fields.name,
    owner: fields.owner.trim(),
    scope: {
      projects: fields.projects,
      repositories: fields.repositories,
      teams: fields.teams,
      labels: fields.labels,
      from: fields.from.trim() === '' ? null : fields.from.trim(),
      to: fields.to.trim() === '' ? null : fields.to.trim(),
    },
    decisions: { ...fields.decisions, repairBudget },
  };
  const parsed = PilotDraftSchema.safeParse(input);
  const errors: PilotErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      errors[field] ??= MESSAGES[field] ?? (issue.code === 'too_big' ? 'This is too long; keep it under 4,000 characters.' : issue.message);
    }
  }
  if (errors.from === undefined && errors.to === undefined && input.scope.from !== null && input.scope.to !== null && input.scope.from > input.scope.to) {
    errors.to = 'The end date comes before the start date.';
  }
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors };
}

/** The data to create the pilot again after a delete (a new pilot: no id, no timestamps). */
export function recreateDraft(pilot: Pilot): PilotDraft {
  return { name: pilot.name, owner: pilot.owner, scope: pilot.scope, decisions: pilot.decisions };
}

const listText = (label: string, values: readonly string[]): string | null => (values.length === 0 ? null : `${label} ${values.join(', ')}`);

/** "Projects PAY · Repositories northwind/ledger-service, northwind/checkout-web · 1 Jan – 30 Sep 2026". */
export function scopeSummary(scope: PilotScope): string {
  const parts = [
    listText(scope.projects.length === 1 ? 'Project' : 'Projects', scope.projects),
    listText(scope.repositories.length === 1 ? 'Repository' : 'Repositories', scope.repositories),
    listText(scope.teams.length === 1 ? 'Team' : 'Teams', scope.teams),
    listText(scope.labels.length === 1 ? 'Label' : 'Labels', scope.labels),
    dateSpan(scope.from, scope.to),
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? 'Everything in the workspace' : parts.join(' · ');
}

function dateSpan(from: string | null, to: string | null): string | null {
  if (from !== null && to !== null) return formatDateRange(from, to);
  if (from !== null) return `From ${formatDate(from)}`;
  if (to !== null) return `Until ${formatDate(to)}`;
  return null;
}

/** Pilots by name; a stable order for the list. */
export const orderPilots = (pilots: readonly Pilot[]): Pilot[] => [...pilots].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
