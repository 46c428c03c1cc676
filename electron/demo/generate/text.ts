// Wording for summaries, commits, review comments and run-event details. Plain lists, no logic
// beyond picking: the realism comes from variety, not from cleverness.

import type { IssueTypeKey, Team } from './model';
import type { Rng } from './rng';

const STORY_VERBS = ['Add', 'Support', 'Implement', 'Expose', 'Allow configuring', 'Introduce'];
const TASK_VERBS = ['Refactor', 'Migrate', 'Upgrade', 'Clean up', 'Document', 'Tune', 'Split'];
const BUG_CONDITIONS = ['when the payload is empty', 'after a timeout retry', 'for users outside UTC', 'when two requests race',
  'on the first login', 'with non-ASCII names', 'after a partial refund', 'when the cache is cold'];
const QUALIFIERS = ['', '', '', ' for EU customers', ' behind a feature flag', ' in the v2 API', ' for large depots', ' (follow-up)'];

export function summaryFor(rng: Rng, team: Team, type: IssueTypeKey): string {
  const object = rng.choice(team.objects);
  switch (type) {
    case 'Story':
      return `${rng.choice(STORY_VERBS)} ${object}${rng.choice(QUALIFIERS)}`;
    case 'Task':
      return `${rng.choice(TASK_VERBS)} ${object}${rng.choice(QUALIFIERS)}`;
    case 'Bug':
      return rng.chance(0.5)
        ? `Fix ${object} ${rng.choice(BUG_CONDITIONS)}`
        : `${capitalise(object)} fails ${rng.choice(BUG_CONDITIONS)}`;
    case 'Spike':
      return rng.chance(0.5) ? `Spike: evaluate options for ${object}` : `Investigate ${object} performance`;
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const WORKLOG_COMMENTS = ['Implementation', 'Writing tests', 'Investigation', 'Addressing review feedback',
  'Debugging CI failure', 'Pairing session', 'Local testing against staging'];

export const REVIEW_COMMENTS = [
  'Can we add a test for the empty case?',
  'This allocates on every request; could we hoist it out of the loop?',
  'Nit: `amountMinor` would be a clearer name here.',
  'What happens if the upstream returns 429 here?',
  'Please don\'t log the full payload, it contains customer data.',
  'Should this be behind the feature flag until the rollout?',
  'The error is swallowed here, so on-call will never see it.',
  'This duplicates the helper in `common`; can we reuse that one?',
  'Missing a migration for the new column.',
  'The retry needs a cap, otherwise this can spin forever.',
  'Timezone handling looks off: this compares local and UTC dates.',
  'Could we keep the public signature and deprecate instead of renaming?',
  'I don\'t think this covers the partial-refund path.',
  'Consider a table-driven test, the cases differ only in input.',
];

export const AUTHOR_REPLIES = ['Good catch, fixed.', 'Done in the latest push.', 'Added a test for it.',
  'Kept it as is for now; follow-up ticket raised.', 'Agreed, changed.'];

export const RELAY_REPLIES = ['Addressed in the latest push: added the missing case and a test.',
  'Updated as suggested; validation passed locally (unit, lint).', 'Changed the approach to reuse the existing helper.'];

export const REJECT_REASONS = [
  'Closing: this approach doesn\'t fit how we structure the ledger postings. I\'ll pick it up by hand.',
  'Closing this one, the change touches too many unrelated files.',
  'Not what the ticket needs; the acceptance criteria were ambiguous. Closing and re-scoping.',
  'Closing: tests pass but the behaviour change would break the mobile clients.',
];

export const FIX_COMMITS = ['Address review comments', 'Fix failing tests', 'Handle empty payload', 'Apply suggestion from review',
  'Add missing test case', 'Fix lint errors', 'Rename for clarity'];

export const RELAY_FIX_COMMITS = ['Address review feedback', 'Fix failing pipeline', 'Handle reviewer edge case', 'Add regression test'];

export const DENIED = [
  ['missing_acceptance_criteria', 'Ticket has no acceptance criteria'],
  ['missing_acceptance_criteria', 'Acceptance criteria reference a design doc Relay cannot access'],
  ['out_of_scope', 'Ticket asks for an infrastructure change, outside the repositories this workspace may edit'],
] as const;

export const BLOCKED = [
  ['needs_credentials', 'Repository needs a deploy token that is not configured for this workspace'],
  ['needs_credentials', 'Package registry returned 401, credentials required'],
  ['policy_denied', 'Change touches a path excluded by workspace policy, e.g. migrations or secrets'],
] as const;

export const VALIDATION = [
  ['tests_failed', '2 unit tests failing'],
  ['tests_failed', 'Integration suite failed: 1 of 48, timeout in reconcile test'],
  ['lint_failed', 'lint: 3 errors (no-unused-vars, eqeqeq, max-len)'],
  ['lint_failed', 'Type check failed: 1 error'],
] as const;
