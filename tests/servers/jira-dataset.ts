import type {
  DemoBundle, JiraChangeItem, JiraChangelog, JiraField, JiraIssueBean, JiraIssueFields, JiraUserDetails, JiraWorklog,
} from '../../electron/demo/generate/types';

export type JiraIssueRecord = {
  /** The bean as the bundle has it, minus the embedded changelog; `fields` is the current state. */
  bean: Omit<JiraIssueBean, 'changelog'>;
  /** The full history, oldest first. The servers derive every embedded or paged view from it. */
  histories: JiraChangelog[];
  /** Ordered by `created`. */
  worklogs: JiraWorklog[];
};

export type DeletedWorklog = { worklogId: number; issueId: string; deletedAt: number };

export type JiraDataset = {
  /** The site URL the bundle's `self` links use; the server swaps in its own URL when answering. */
  sourceBaseUrl: string;
  fields: JiraField[];
  /** Issue id -> record. Insertion order carries no meaning: searches sort explicitly. */
  issues: Map<string, JiraIssueRecord>;
  deletedWorklogs: DeletedWorklog[];
};

/** Jira's own timestamp style, `2026-08-28T09:14:02.511+0000` (offset without a colon). */
export function toJiraTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}+0000`;
}

/** Parses Jira's `+0000` timestamps explicitly (they are not strict ISO 8601); also takes `Z`. */
export function parseJiraTime(value: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)(?:([+-])(\d{2}):?(\d{2})|Z)$/.exec(value);
  if (!m) throw new Error(`not a Jira timestamp: ${value}`);
  const offset = m[2] ? `${m[2]}${m[3]}:${m[4]}` : 'Z';
  return Date.parse(`${m[1]}${offset}`);
}

const toMs = (at: number | string | undefined): number =>
  at === undefined ? Date.now() : typeof at === 'number' ? at : parseJiraTime(at.includes('T') ? at : `${at}T00:00:00.000Z`);

/** A deep copy of the bundle's Jira side as mutable records, so tests never change the bundle itself. */
export function jiraDatasetFromBundle(bundle: DemoBundle): JiraDataset {
  const jira = structuredClone(bundle.jira);
  const issues = new Map<string, JiraIssueRecord>();
  for (const issue of jira.searchPages.flatMap((p) => p.issues)) {
    const { changelog, ...bean } = issue;
    const paged = jira.changelogPages[issue.id];
    // Embedded histories are newest first and complete unless the bundle also paged them.
    const histories = paged ? paged.flatMap((p) => p.values) : changelog.histories.slice().reverse();
    if (histories.length !== changelog.total) {
      throw new Error(`demo bundle: ${issue.key} has ${histories.length} histories, total says ${changelog.total}`);
    }
    const worklogs = jira.worklogPages[issue.id]?.worklogs ?? [];
    issues.set(issue.id, { bean, histories, worklogs });
  }
  return { sourceBaseUrl: jira.baseUrl, fields: jira.fields, issues, deletedWorklogs: [] };
}

export function findIssue(d: JiraDataset, idOrKey: string): JiraIssueRecord | undefined {
  const byId = d.issues.get(idOrKey);
  if (byId) return byId;
  const key = idOrKey.toUpperCase();
  for (const rec of d.issues.values()) if (rec.bean.key === key) return rec;
  return undefined;
}

function mustFindIssue(d: JiraDataset, idOrKey: string): JiraIssueRecord {
  const rec = findIssue(d, idOrKey);
  if (!rec) throw new Error(`no issue ${idOrKey} in the Jira dataset`);
  return rec;
}

function nextChangelogId(d: JiraDataset): string {
  let max = 0;
  for (const rec of d.issues.values()) for (const h of rec.histories) max = Math.max(max, Number(h.id));
  return String(max + 1);
}

function nextWorklogId(d: JiraDataset): number {
  let max = 0;
  for (const rec of d.issues.values()) for (const w of rec.worklogs) max = Math.max(max, Number(w.id));
  for (const w of d.deletedWorklogs) max = Math.max(max, w.worklogId);
  return max + 1;
}

type Named = { id?: string; name?: string; accountId?: string; displayName?: string };

/** A change item as Jira writes it for a system or custom field (ids in from/to, labels in *String). */
function changeItem(fieldId: string, before: unknown, after: unknown, d: JiraDataset): JiraChangeItem {
  const meta = d.fields.find((f) => f.id === fieldId);
  const describe = (v: unknown): { id: string | null; text: string | null } => {
    if (v === null || v === undefined) return { id: null, text: null };
    if (Array.isArray(v)) return { id: null, text: v.map(String).join(' ') };
    if (typeof v === 'object') {
      const o = v as Named;
      return { id: o.accountId ?? o.id ?? null, text: o.displayName ?? o.name ?? null };
    }
    return { id: null, text: String(v) };
  };
  const from = describe(before);
  const to = describe(after);
  return {
    field: meta?.custom ? meta.name : fieldId, fieldtype: meta?.custom ? 'custom' : 'jira', fieldId,
    from: from.id, fromString: from.text, to: to.id, toString: to.text,
  };
}

export type IssueChanges = {
  /** New field values (e.g. `{ status }`, `{ customfield_10016: 8 }`). */
  fields?: Partial<JiraIssueFields>;
  /** Change items to record; derived from `fields` when omitted. */
  items?: JiraChangeItem[];
  /** When it happened (ms or Jira time); default now. */
  at?: number | string;
  author?: JiraUserDetails;
};

/** Applies field changes, appends one changelog entry and moves `updated` to the change time. */
export function bumpIssue(d: JiraDataset, idOrKey: string, changes: IssueChanges = {}): JiraChangelog {
  const rec = mustFindIssue(d, idOrKey);
  const at = toMs(changes.at);
  const fields = rec.bean.fields as Record<string, unknown>;
  const items = changes.items ?? Object.entries(changes.fields ?? {}).map(([id, value]) => changeItem(id, fields[id], value, d));
  Object.assign(rec.bean.fields, changes.fields ?? {});
  const entry: JiraChangelog = {
    id: nextChangelogId(d), author: changes.author ?? rec.bean.fields.reporter, created: toJiraTime(at),
    items: items.length > 0 ? items : [{ field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null,
      fromString: rec.bean.fields.summary, to: null, toString: rec.bean.fields.summary }],
  };
  rec.histories.push(entry);
  rec.bean.fields.updated = toJiraTime(at);
  return entry;
}

export type NewWorklog = {
  timeSpentSeconds: number;
  /** When the work started; default one hour before `at`. */
  started?: number | string;
  /** When it was logged (created = updated); default now. */
  at?: number | string;
  author?: JiraWorklog['author'];
  comment?: string;
};

function adf(text: string): NonNullable<JiraWorklog['comment']> {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

/** Logs work on an issue; like Jira, this also moves the issue's `updated`. */
export function addWorklog(d: JiraDataset, idOrKey: string, w: NewWorklog): JiraWorklog {
  const rec = mustFindIssue(d, idOrKey);
  const at = toMs(w.at);
  const id = nextWorklogId(d);
  const who = w.author ?? (({ self, accountId, displayName, active }) => ({ self, accountId, displayName, active }))(rec.bean.fields.reporter);
  const worklog: JiraWorklog = {
    self: `${d.sourceBaseUrl}/rest/api/3/issue/${rec.bean.id}/worklog/${id}`, id: String(id), issueId: rec.bean.id, author: who,
    updateAuthor: who, ...(w.comment ? { comment: adf(w.comment) } : {}), created: toJiraTime(at), updated: toJiraTime(at),
    started: toJiraTime(w.started === undefined ? at - 3_600_000 : toMs(w.started)), timeSpent: duration(w.timeSpentSeconds),
    timeSpentSeconds: w.timeSpentSeconds,
  };
  rec.worklogs.push(worklog);
  rec.bean.fields.updated = worklog.updated;
  return worklog;
}

function findWorklog(d: JiraDataset, worklogId: number | string): { rec: JiraIssueRecord; index: number } {
  for (const rec of d.issues.values()) {
    const index = rec.worklogs.findIndex((w) => w.id === String(worklogId));
    if (index >= 0) return { rec, index };
  }
  throw new Error(`no worklog ${worklogId} in the Jira dataset`);
}

/** Edits a worklog; its `updated` (what /worklog/updated reports) and the issue's move to `at`. */
export function updateWorklog(d: JiraDataset, worklogId: number | string, patch: { timeSpentSeconds?: number; comment?: string; at?: number | string }): JiraWorklog {
  const { rec, index } = findWorklog(d, worklogId);
  const w = rec.worklogs[index] as JiraWorklog;
  const at = toJiraTime(toMs(patch.at));
  if (patch.timeSpentSeconds !== undefined) {
    w.timeSpentSeconds = patch.timeSpentSeconds;
    w.timeSpent = duration(patch.timeSpentSeconds);
  }
  if (patch.comment !== undefined) w.comment = adf(patch.comment);
  w.updated = at;
  rec.bean.fields.updated = at;
  return w;
}

/** Deletes a worklog: gone from the issue, listed by /worklog/deleted from `at`. */
export function deleteWorklog(d: JiraDataset, worklogId: number | string, at?: number | string): DeletedWorklog {
  const { rec, index } = findWorklog(d, worklogId);
  rec.worklogs.splice(index, 1);
  const deleted: DeletedWorklog = { worklogId: Number(worklogId), issueId: rec.bean.id, deletedAt: toMs(at) };
  d.deletedWorklogs.push(deleted);
  rec.bean.fields.updated = toJiraTime(deleted.deletedAt);
  return deleted;
}

/** A new issue in a project (copied from one of its issues, fresh id, key and history). */
export function addIssue(d: JiraDataset, projectKey: string, init: { summary: string; at?: number | string }): JiraIssueRecord {
  const template = [...d.issues.values()].find((r) => r.bean.fields.project.key === projectKey);
  if (!template) throw new Error(`no issue in project ${projectKey} to copy`);
  const ids = [...d.issues.values()].map((r) => Number(r.bean.id));
  const numbers = [...d.issues.values()].filter((r) => r.bean.fields.project.key === projectKey).map((r) => Number(r.bean.key.split('-')[1]));
  const id = String(Math.max(...ids) + 1);
  const at = toJiraTime(toMs(init.at));
  const todo = [...d.issues.values()].map((r) => r.bean.fields.status).find((s) => s.statusCategory.key === 'new') ?? template.bean.fields.status;
  const bean = structuredClone(template.bean);
  Object.assign(bean, { id, key: `${projectKey}-${Math.max(...numbers) + 1}`, self: `${d.sourceBaseUrl}/rest/api/3/issue/${id}` });
  Object.assign(bean.fields, { summary: init.summary, status: todo, created: at, updated: at, resolutiondate: null, resolution: null,
    assignee: null, labels: [], issuelinks: [], customfield_10016: null });
  const rec: JiraIssueRecord = { bean, histories: [], worklogs: [] };
  d.issues.set(id, rec);
  return rec;
}
