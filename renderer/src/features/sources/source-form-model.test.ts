import { describe, expect, it } from 'vitest';
import type { SourceView } from '../../../../shared/ipc/contract';
import { draftInput, emptySourceForm, fieldsFromSource, formLayout, splitList, validateDraft, validateUpdate, type SourceFormFields } from './source-form-model';

const jiraCloud = (overrides: Partial<SourceFormFields> = {}): SourceFormFields => ({
  ...emptySourceForm('jira'),
  name: 'Northwind Jira',
  baseUrl: 'https://northwind.atlassian.net/',
  email: 'mia@northwind.example',
  token: 'secret-token',
  projects: 'ENG, OPS',
  ...overrides,
});

const gitlab = (overrides: Partial<SourceFormFields> = {}): SourceFormFields => ({
  ...emptySourceForm('gitlab'),
  name: 'Northwind GitLab',
  baseUrl: 'https://git.northwind.example/gitlab',
  token: 'glpat-secret',
  groups: 'northwind',
  projects: 'tools/cli',
  ...overrides,
});

const errorsOf = (fields: SourceFormFields) => {
  const result = validateDraft(fields);
  if (result.ok) throw new Error('expected validation to fail');
  return result.errors;
};

describe('splitList', () => {
  it('splits on commas, spaces, semicolons and new lines and drops duplicates', () => {
    expect(splitList(' ENG, OPS  DATA;ENG\nMOB ')).toEqual(['ENG', 'OPS', 'DATA', 'MOB']);
    expect(splitList('  ')).toEqual([]);
  });
});

describe('validateDraft', () => {
  it('turns a Jira Cloud form into a draft, trimming the URL’s trailing slash', () => {
    const result = validateDraft(jiraCloud({ startDate: '2026-01-01' }));
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'jira',
        name: 'Northwind Jira',
        baseUrl: 'https://northwind.atlassian.net',
        flavour: 'cloud',
        email: 'mia@northwind.example',
        token: 'secret-token',
        scope: { projects: ['ENG', 'OPS'], startDate: '2026-01-01' },
      },
    });
  });

  it('leaves the e-mail out for Data Center and accepts a JQL filter alone and a URL with a path', () => {
    const result = validateDraft(jiraCloud({ flavour: 'datacenter', baseUrl: 'http://127.0.0.1:9/jira', projects: '', jql: ' labels = ai ' }));
    expect(result.ok && result.value).toMatchObject({ flavour: 'datacenter', baseUrl: 'http://127.0.0.1:9/jira', scope: { projects: [], jql: 'labels = ai' } });
    expect(result.ok && 'email' in result.value).toBe(false);
  });

  it('turns a GitLab form into a draft with groups and project paths', () => {
    const result = validateDraft(gitlab());
    expect(result.ok && result.value).toEqual({
      kind: 'gitlab',
      name: 'Northwind GitLab',
      baseUrl: 'https://git.northwind.example/gitlab',
      token: 'glpat-secret',
      scope: { groups: ['northwind'], projects: ['tools/cli'] },
    });
  });

  it('puts one plain message next to each field', () => {
    const errors = errorsOf(jiraCloud({ name: ' ', baseUrl: 'northwind', email: '', token: '', projects: 'eng OPS' }));
    expect(errors).toEqual({
      name: 'Give the source a name.',
      baseUrl: 'Enter the full address, such as https://your-site.atlassian.net.',
      token: 'Enter the API token.',
      projects: '“eng”: project keys are upper-case, e.g. ENG.',
      email: 'Jira Cloud needs the account e-mail that goes with the API token.',
    });
  });

  it('reports a missing scope at the scope fieldset', () => {
    expect(errorsOf(jiraCloud({ projects: '', jql: '' })).scope).toBe('Choose at least one project or a JQL filter.');
    expect(errorsOf(gitlab({ groups: '', projects: '' })).scope).toBe('Choose at least one group or project.');
  });

  it('rejects other schemes and bad dates and e-mails', () => {
    expect(errorsOf(gitlab({ baseUrl: 'ftp://git.example' })).baseUrl).toBe('Must start with https:// (or http:// for a local server).');
    expect(errorsOf(gitlab({ token: '' })).token).toBe('Enter the personal access token.');
    expect(errorsOf(gitlab({ startDate: '2026-13' })).startDate).toBe('Use a date such as 2026-01-31.');
    expect(errorsOf(jiraCloud({ email: 'mia' })).email).toBe('Enter an e-mail address such as mia@example.com.');
  });
});

describe('draftInput', () => {
  it('ignores GitLab-only fields for Jira and Jira-only fields for GitLab', () => {
    expect(draftInput(jiraCloud({ groups: 'northwind' })).scope).toEqual({ projects: ['ENG', 'OPS'] });
    const input = draftInput(gitlab({ jql: 'project = X', email: 'x@y.z' }));
    expect(input).not.toHaveProperty('email');
    expect(input.scope).not.toHaveProperty('jql');
  });
});

const savedJira: SourceView = {
  name: 'Northwind Jira',
  kind: 'jira',
  baseUrl: 'https://northwind.atlassian.net',
  flavour: 'cloud',
  email: 'mia@northwind.example',
  scope: { projects: ['ENG', 'OPS'], jql: 'labels = ai', startDate: '2026-01-01' },
  hasToken: true,
  syncable: true,
  createdAt: '2026-03-01T10:00:00.000Z',
  lastRun: null,
};

describe('editing', () => {
  it('fills the form from a saved source, with an empty token', () => {
    expect(fieldsFromSource(savedJira)).toEqual({
      kind: 'jira',
      flavour: 'cloud',
      name: 'Northwind Jira',
      baseUrl: 'https://northwind.atlassian.net',
      email: 'mia@northwind.example',
      token: '',
      projects: 'ENG, OPS',
      jql: 'labels = ai',
      groups: '',
      startDate: '2026-01-01',
    });
  });

  it('sends no token when the field stays empty, and the new one when typed', () => {
    const fields = { ...fieldsFromSource(savedJira), projects: 'ENG' };
    expect(validateUpdate(fields, 'Northwind Jira')).toEqual({
      ok: true,
      value: {
        name: 'Northwind Jira',
        baseUrl: 'https://northwind.atlassian.net',
        email: 'mia@northwind.example',
        scope: { projects: ['ENG'], jql: 'labels = ai', startDate: '2026-01-01' },
      },
    });
    const replaced = validateUpdate({ ...fields, token: 'new-token' }, 'Northwind Jira');
    expect(replaced.ok && replaced.value.token).toBe('new-token');
  });

  it('checks the edited fields with the same schema', () => {
    const result = validateUpdate({ ...fieldsFromSource(savedJira), baseUrl: 'nope' }, 'Northwind Jira');
    expect(result).toEqual({ ok: false, errors: { baseUrl: 'Enter the full address, such as https://your-site.atlassian.net.' } });
  });
});

describe('formLayout', () => {
  it('asks Jira Cloud for an e-mail and an API token, Data Center for a personal access token', () => {
    expect(formLayout(jiraCloud(), 'add')).toMatchObject({ showEmail: true, showJql: true, showGroups: false, tokenLabel: 'API token' });
    const dc = formLayout(jiraCloud({ flavour: 'datacenter' }), 'add');
    expect(dc).toMatchObject({ showEmail: false, tokenLabel: 'Personal access token' });
    expect(dc.urlHint).toContain('https://host/jira is fine');
  });

  it('shows groups and project paths for GitLab, and says an empty token keeps the stored one when editing', () => {
    expect(formLayout(gitlab(), 'add')).toMatchObject({ showEmail: false, showJql: false, showGroups: true, projectsLabel: 'Projects', nameHint: 'How the source is listed, e.g. Northwind GitLab.' });
    expect(formLayout(gitlab(), 'edit')).toMatchObject({ title: 'Edit Northwind GitLab', submitLabel: 'Save changes' });
    expect(formLayout(gitlab(), 'edit').tokenHint).toContain('Leave empty to keep the stored token');
  });
});
