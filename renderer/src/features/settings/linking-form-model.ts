import { ticketKeysOf } from '../../../../shared/domain/linking';
import { LinkingRulesSchema, WorkspaceSettingsSchema, type LinkingRules, type WorkspaceSettings } from '../../../../shared/domain/settings';
import { numberInputText, parseIntegerInput, parseNumberInput, sameData } from './form-inputs';
import type { SettingsPatch } from './settings-save-model';

/**
 * The "Linking rules" card as plain data: how records are linked and which MRs count as
 * AI-generated, plus the windows and budgets that decide a record's outcome and signals. Checked
 * with the schemas main uses; the ticket-key pattern must also compile as a JavaScript RegExp,
 * because that is what the linker does with it.
 */
export type LinkingFormFields = {
  ticketKeyPattern: string;
  aiBotUsernames: string[];
  aiLabels: string[];
  aiBranchPrefixes: string[];
  aiFromRunEvents: boolean;
  providerAccountsForRuns: string[];
  rollbackWindowDays: string;
  reviewMinutesPerRound: string;
  repairBudget: string;
};

export type LinkingField = keyof LinkingFormFields | 'form';
export type LinkingErrors = Partial<Record<LinkingField, string>>;
export type LinkingPatch = Required<Pick<SettingsPatch, 'linking' | 'rollbackWindowDays' | 'reviewMinutesPerRound' | 'repairBudget'>>;
export type LinkingValidation = { ok: true; value: LinkingPatch } | { ok: false; errors: LinkingErrors };

export function linkingFields(settings: WorkspaceSettings): LinkingFormFields {
  const l = settings.linking;
  return {
    ticketKeyPattern: l.ticketKeyPattern,
    aiBotUsernames: [...l.aiBotUsernames],
    aiLabels: [...l.aiLabels],
    aiBranchPrefixes: [...l.aiBranchPrefixes],
    aiFromRunEvents: l.aiFromRunEvents,
    providerAccountsForRuns: [...l.providerAccountsForRuns],
    rollbackWindowDays: numberInputText(settings.rollbackWindowDays),
    reviewMinutesPerRound: numberInputText(settings.reviewMinutesPerRound),
    repairBudget: numberInputText(settings.repairBudget),
  };
}

/** Why a pattern cannot be used, or null when it compiles and can find a key. */
export function patternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'Enter a pattern, such as \\b([A-Z][A-Z0-9]{1,9}-\\d{1,7})\\b.';
  try {
    const compiled = new RegExp(pattern, 'g');
    // A pattern that matches the empty string would "find" a key at every position.
    if (compiled.test('')) return 'The pattern matches empty text; it must require at least one character.';
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return `Not a valid regular expression: ${reason}.`;
  }
  return null;
}

export type PatternExample =
  | { kind: 'invalid' }
  | { kind: 'empty' }
  | { kind: 'none' }
  | { kind: 'keys'; keys: string[] };

/**
 * What the linker would find in a sample branch name or MR title. Uses the linker's own function:
 * branch names are upper-cased before matching and the first capture group is the key.
 */
export function patternExample(pattern: string, sample: string): PatternExample {
  if (patternProblem(pattern) !== null) return { kind: 'invalid' };
  if (sample.trim() === '') return { kind: 'empty' };
  const rules = LinkingRulesSchema.parse({ ticketKeyPattern: pattern });
  const keys = ticketKeysOf({ title: sample, description: '', sourceBranch: sample, labels: [], authorUsername: null, webUrl: '' }, rules);
  return keys.length === 0 ? { kind: 'none' } : { kind: 'keys', keys };
}

const FIELD_MESSAGES = {
  rollbackWindowDays: 'Enter whole days from 0 to 365.',
  reviewMinutesPerRound: 'Enter minutes of 0 or more, such as 30.',
  repairBudget: 'Enter a whole number of runs from 0 to 100.',
} as const;

export function validateLinking(fields: LinkingFormFields): LinkingValidation {
  const errors: LinkingErrors = {};
  const problem = patternProblem(fields.ticketKeyPattern);
  if (problem !== null) errors.ticketKeyPattern = problem;

  const linking = LinkingRulesSchema.safeParse({
    ticketKeyPattern: fields.ticketKeyPattern,
    aiBotUsernames: fields.aiBotUsernames,
    aiLabels: fields.aiLabels,
    aiBranchPrefixes: fields.aiBranchPrefixes,
    aiFromRunEvents: fields.aiFromRunEvents,
    providerAccountsForRuns: fields.providerAccountsForRuns,
  });
  if (!linking.success) {
    for (const issue of linking.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field in fields) errors[field as LinkingField] ??= issue.message;
      else errors.form ??= issue.message;
    }
  }

  const numbers = WorkspaceSettingsSchema.pick({ rollbackWindowDays: true, reviewMinutesPerRound: true, repairBudget: true }).safeParse({
    rollbackWindowDays: parseIntegerInput(fields.rollbackWindowDays),
    reviewMinutesPerRound: parseNumberInput(fields.reviewMinutesPerRound),
    repairBudget: parseIntegerInput(fields.repairBudget),
  });
  if (!numbers.success) {
    for (const issue of numbers.error.issues) {
      const field = issue.path[0];
      if (field === 'rollbackWindowDays' || field === 'reviewMinutesPerRound' || field === 'repairBudget') errors[field] ??= FIELD_MESSAGES[field];
    }
  }

  if (!linking.success || !numbers.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const value: LinkingPatch = { linking: linking.data satisfies LinkingRules, ...numbers.data };
  return { ok: true, value };
}

/** The saved values of the keys this card edits. */
export const linkingPatchOf = (settings: WorkspaceSettings): LinkingPatch => ({
  linking: settings.linking,
  rollbackWindowDays: settings.rollbackWindowDays,
  reviewMinutesPerRound: settings.reviewMinutesPerRound,
  repairBudget: settings.repairBudget,
});

/** Whether the form differs from what is saved (unparseable text always differs). */
export function linkingChanged(fields: LinkingFormFields, settings: WorkspaceSettings): boolean {
  return !sameData(fields, linkingFields(settings));
}
