import type { z } from 'zod';
import { SourceDraftSchema, type SourceDraft } from '../../../../shared/domain/sources';
import type { ChannelInput, SourceView } from '../../../../shared/ipc/contract';

/**
 * The add/edit source form as plain data: the text the user typed, turned into a SourceDraft (or a
 * sources:update input) and checked with the same zod schema main uses, with one message per field.
 * The token passes through here only while the form is open; nothing in this module keeps it.
 */
export type SourceFormFields = {
  kind: 'jira' | 'gitlab';
  flavour: 'cloud' | 'datacenter';
  name: string;
  baseUrl: string;
  email: string;
  token: string;
  /** Jira project keys or GitLab project paths, comma or space separated. */
  projects: string;
  jql: string;
  groups: string;
  startDate: string;
};

export type FormMode = 'add' | 'edit';

/** Where a message is shown: next to a field, at the scope fieldset, or at the top of the form. */
export type FieldKey = 'name' | 'baseUrl' | 'email' | 'token' | 'projects' | 'jql' | 'groups' | 'startDate' | 'scope' | 'form';
export type FieldErrors = Partial<Record<FieldKey, string>>;

export type SourceUpdate = ChannelInput<'sources:update'>;
type DraftInput = z.input<typeof SourceDraftSchema>;
type Issue = z.core.$ZodIssue;

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const emptySourceForm = (kind: SourceFormFields['kind'] = 'jira'): SourceFormFields => ({
  kind,
  flavour: 'cloud',
  name: '',
  baseUrl: '',
  email: '',
  token: '',
  projects: '',
  jql: '',
  groups: '',
  startDate: '',
});

/** The form for editing a saved source: its settings, and an empty token field (empty keeps the stored one). */
export function fieldsFromSource(source: SourceView): SourceFormFields {
  const scope = source.scope;
  return {
    kind: source.kind === 'gitlab' ? 'gitlab' : 'jira',
    flavour: source.flavour ?? 'cloud',
    name: source.name,
    baseUrl: source.baseUrl ?? '',
    email: source.email ?? '',
    token: '',
    projects: scope?.projects.join(', ') ?? '',
    jql: scope !== null && 'jql' in scope ? (scope.jql ?? '') : '',
    groups: scope !== null && 'groups' in scope ? scope.groups.join(', ') : '',
    startDate: scope?.startDate ?? '',
  };
}

/** "ENG, OPS  DATA" → ["ENG", "OPS", "DATA"]: commas, semicolons, spaces or new lines; duplicates dropped. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((part) => part !== ''))];
}

/** The fields as the schema's input: blanks become absent, lists are split, e-mail only for Jira Cloud. */
export function draftInput(fields: SourceFormFields): DraftInput {
  const startDate = fields.startDate.trim() === '' ? {} : { startDate: fields.startDate.trim() };
  const base = { name: fields.name, baseUrl: fields.baseUrl, token: fields.token };
  if (fields.kind === 'gitlab') {
    return { kind: 'gitlab', ...base, scope: { groups: splitList(fields.groups), projects: splitList(fields.projects), ...startDate } };
  }
  const email = fields.flavour === 'cloud' && fields.email.trim() !== '' ? { email: fields.email.trim() } : {};
  const jql = fields.jql.trim() === '' ? {} : { jql: fields.jql.trim() };
  return { kind: 'jira', ...base, flavour: fields.flavour, ...email, scope: { projects: splitList(fields.projects), ...jql, ...startDate } };
}

const sentence = (text: string): string => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

function fieldOf(path: readonly PropertyKey[]): FieldKey {
  const [head, next] = path;
  if (head === 'scope') {
    return next === 'projects' || next === 'groups' || next === 'jql' || next === 'startDate' ? next : 'scope';
  }
  return head === 'name' || head === 'baseUrl' || head === 'email' || head === 'token' ? head : 'form';
}

function urlExample(fields: SourceFormFields): string {
  if (fields.kind === 'gitlab') return 'https://gitlab.com';
  return fields.flavour === 'cloud' ? 'https://your-site.atlassian.net' : 'https://jira.example.com';
}

/** The schema's message where it is written for people; a plainer one where zod's default is generic. */
function messageFor(issue: Issue, field: FieldKey, fields: SourceFormFields, input: DraftInput): string {
  switch (field) {
    case 'name':
      return issue.code === 'too_big' ? 'Keep the name to 80 characters or fewer.' : 'Give the source a name.';
    case 'token':
      if (issue.code === 'too_big') return 'That is longer than any token (4,096 characters); check what was pasted.';
      return `Enter the ${tokenNoun(fields)}.`;
    case 'baseUrl':
      return issue.code === 'invalid_format' ? `Enter the full address, such as ${urlExample(fields)}.` : sentence(issue.message);
    case 'email':
      return issue.code === 'invalid_format' ? 'Enter an e-mail address such as mia@example.com.' : sentence(issue.message);
    case 'projects': {
      const index = issue.path[2];
      const value = typeof index === 'number' ? input.scope.projects?.[index] : undefined;
      return value === undefined ? sentence(issue.message) : `“${value}”: ${issue.message}.`;
    }
    case 'startDate':
      return 'Use a date such as 2026-01-31.';
    default:
      return sentence(issue.message);
  }
}

/** One message per field (the first issue found), from the schema's issues. */
export function fieldErrors(issues: readonly Issue[], fields: SourceFormFields, input: DraftInput = draftInput(fields)): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= messageFor(issue, field, fields, input);
  }
  return errors;
}

/** The form as a SourceDraft for sources:add or sources:test {draft}, or the messages to show. */
export function validateDraft(fields: SourceFormFields): Validation<SourceDraft> {
  const input = draftInput(fields);
  const parsed = SourceDraftSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed.error.issues, fields, input) };
}

/**
 * Stands in for an empty token field when editing, so the rest of the form is checked by the same
 * schema. It never leaves this module: the update omits the token when the field was empty.
 */
const KEPT_TOKEN = 'kept-token';

/** The edited form as a sources:update input: a new token only if one was typed; kind and flavour stay. */
export function validateUpdate(fields: SourceFormFields, originalName: string): Validation<SourceUpdate> {
  const checked = validateDraft({ ...fields, name: originalName, token: fields.token === '' ? KEPT_TOKEN : fields.token });
  if (!checked.ok) return checked;
  const draft = checked.value;
  return {
    ok: true,
    value: {
      name: originalName,
      baseUrl: draft.baseUrl,
      ...(draft.kind === 'jira' && draft.email !== undefined ? { email: draft.email } : {}),
      ...(fields.token === '' ? {} : { token: fields.token }),
      scope: draft.scope,
    },
  };
}

/** What the token is called where it is issued (Atlassian says "API token" on Cloud, "personal access token" on Data Center). */
const tokenNoun = (fields: Pick<SourceFormFields, 'kind' | 'flavour'>): string =>
  fields.kind === 'jira' && fields.flavour === 'cloud' ? 'API token' : 'personal access token';

export function tokenLabel(fields: Pick<SourceFormFields, 'kind' | 'flavour'>): string {
  const noun = tokenNoun(fields);
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

export type FormLayout = {
  title: string;
  submitLabel: string;
  nameHint: string;
  showEmail: boolean;
  showJql: boolean;
  showGroups: boolean;
  urlPlaceholder: string;
  urlHint: string;
  tokenLabel: string;
  tokenHint: string;
  projectsLabel: string;
  projectsHint: string;
  projectsPlaceholder: string;
  scopeHint: string;
};

/** Which fields the form shows and what they are called, for the chosen kind and flavour. */
export function formLayout(fields: SourceFormFields, mode: FormMode): FormLayout {
  const jira = fields.kind === 'jira';
  const cloud = jira && fields.flavour === 'cloud';
  const keychain = 'Kept in the OS keychain, never in the workspace or shown again.';
  return {
    title: mode === 'add' ? 'Add source' : `Edit ${fields.name}`,
    submitLabel: mode === 'add' ? 'Save source' : 'Save changes',
    nameHint: mode === 'edit' ? 'The name cannot be changed.' : `How the source is listed, e.g. Northwind ${jira ? 'Jira' : 'GitLab'}.`,
    showEmail: cloud,
    showJql: jira,
    showGroups: !jira,
    urlPlaceholder: urlExample(fields),
    urlHint: cloud
      ? 'Your Atlassian site.'
      : jira
        ? 'Where Jira answers; a path such as https://host/jira is fine.'
        : 'gitlab.com or your own server; a path such as https://host/gitlab is fine.',
    tokenLabel: tokenLabel(fields),
    tokenHint:
      mode === 'edit'
        ? `Leave empty to keep the stored token. ${keychain}`
        : cloud
          ? `Create one at id.atlassian.com under Security. ${keychain}`
          : jira
            ? `Create one under your Jira profile. ${keychain}`
            : `Needs the read_api scope. ${keychain}`,
    projectsLabel: jira ? 'Project keys' : 'Projects',
    projectsHint: jira ? 'Comma or space separated, e.g. ENG, OPS.' : 'Full paths, e.g. northwind/api.',
    projectsPlaceholder: jira ? 'ENG, OPS' : 'northwind/api',
    scopeHint: jira
      ? 'Projects, a JQL filter, or both (both must match).'
      : 'Groups (every project in them, subgroups included), single projects, or both.',
  };
}
