// Renders the Jira side as Cloud REST v3 payloads: /field, enhanced-search pages with embedded
// (truncated) changelogs, full changelog pages and worklog pages. State shown on an issue is
// replayed from its histories up to the snapshot, so fields and changelog always agree.

import type { Actor, IssueTypeKey, Person, StatusKey, Team, Ticket } from './model';
import { RELAY } from './model';
import { visible } from './assign-ids';
import { JIRA_BASE } from './company';
import { jiraDuration } from './format';
import { jiraTime } from './time';
import type {
  DemoBundle, JiraChangeItem, JiraChangelog, JiraChangelogPage, JiraField, JiraIssueBean, JiraIssueLink, JiraIssueType,
  JiraProject, JiraResolution, JiraSearchPage, JiraStatus, JiraUserDetails, JiraWorklogPage,
} from './types';

const API = `${JIRA_BASE}/rest/api/3`;
const SEARCH_PAGE_SIZE = 100;
const EMBEDDED_HISTORIES = 20;
const CHANGELOG_PAGE_SIZE = 100;
const POINTS_FIELD = 'customfield_10016';

const CATEGORIES = {
  new: { self: `${API}/statuscategory/2`, id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { self: `${API}/statuscategory/4`, id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { self: `${API}/statuscategory/3`, id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

function status(id: string, name: string, category: keyof typeof CATEGORIES): JiraStatus {
  return { self: `${API}/status/${id}`, description: '', iconUrl: `${JIRA_BASE}/`, name, id, statusCategory: CATEGORIES[category] };
}

const STATUSES: Record<StatusKey, JiraStatus> = {
  todo: status('10000', 'To Do', 'new'),
  progress: status('3', 'In Progress', 'indeterminate'),
  review: status('10001', 'In Review', 'indeterminate'),
  done: status('10002', 'Done', 'done'),
  wontdo: status('10003', "Won't Do", 'done'),
};

function issueType(id: string, name: string, description: string, avatarId: number): JiraIssueType {
  return { self: `${API}/issuetype/${id}`, id, description, name, subtask: false, avatarId, hierarchyLevel: 0,
    iconUrl: `${API.replace('/3', '/2')}/universal_avatar/view/type/issuetype/avatar/${avatarId}?size=medium` };
}

const TYPES: Record<IssueTypeKey, JiraIssueType> = {
  Story: issueType('10004', 'Story', 'Functionality or a feature expressed as a user goal.', 10315),
  Task: issueType('10005', 'Task', 'A small, distinct piece of work.', 10318),
  Bug: issueType('10006', 'Bug', 'A problem or error.', 10303),
  Spike: issueType('10007', 'Spike', 'Time-boxed research to answer a question.', 10320),
};

const RESOLUTIONS: Record<'Done' | "Won't Do", JiraResolution> = {
  Done: { self: `${API}/resolution/10000`, id: '10000', description: 'Work has been completed on this issue.', name: 'Done' },
  "Won't Do": { self: `${API}/resolution/10001`, id: '10001', description: 'This issue won\'t be actioned.', name: "Won't Do" },
};

const LINK_TYPE = { id: '10002', name: 'Problem/Incident', inward: 'is caused by', outward: 'causes', self: `${API}/issueLinkType/10002` };

const RELAY_ACCOUNT = '557058:0f6e1c52-8d3a-4d7e-9a1b-6c2f4e8a9b10';

export function jiraUser(actor: Actor): JiraUserDetails {
  if (actor === RELAY) {
    return { self: `${API}/user?accountId=${RELAY_ACCOUNT}`, accountId: RELAY_ACCOUNT, displayName: 'Relay', active: true,
      timeZone: 'Etc/UTC', accountType: 'app' };
  }
  return { self: `${API}/user?accountId=${actor.jiraAccountId}`, accountId: actor.jiraAccountId, displayName: actor.name, active: true,
    timeZone: actor.timeZone, accountType: 'atlassian' };
}

function shortUser(p: Person): JiraWorklogPage['worklogs'][number]['author'] {
  return { self: `${API}/user?accountId=${p.jiraAccountId}`, accountId: p.jiraAccountId, displayName: p.name, active: true };
}

function project(team: Team): JiraProject {
  return { self: `${API}/project/${team.jiraProjectId}`, id: team.jiraProjectId, key: team.key, name: `${team.name} Engineering`,
    projectTypeKey: 'software', simplified: false };
}

type Replayed = {
  histories: JiraChangelog[];
  status: StatusKey;
  assignee: Person | null;
  points: number | null;
  labels: string[];
  resolution: 'Done' | "Won't Do" | null;
  resolvedAt: number | null;
  lastAt: number;
};

/** Replays the visible histories into changelog entries (oldest first) and the state they lead to. */
function replay(t: Ticket): Replayed {
  const r: Replayed = { histories: [], status: 'todo', assignee: t.initial.assignee, points: t.initial.points,
    labels: t.initial.labels.slice(), resolution: null, resolvedAt: null, lastAt: t.created };
  for (const h of t.histories) {
    if (!visible(h.at)) break;
    const items: JiraChangeItem[] = [];
    for (const item of h.items) {
      switch (item.kind) {
        case 'status':
          items.push({ field: 'status', fieldtype: 'jira', fieldId: 'status', from: STATUSES[item.from].id,
            fromString: STATUSES[item.from].name, to: STATUSES[item.to].id, toString: STATUSES[item.to].name });
          r.status = item.to;
          break;
        case 'resolution': {
          const from = r.resolution ? RESOLUTIONS[r.resolution] : null;
          const to = item.to ? RESOLUTIONS[item.to] : null;
          items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: from?.id ?? null,
            fromString: from?.name ?? null, to: to?.id ?? null, toString: to?.name ?? null });
          r.resolution = item.to;
          r.resolvedAt = item.to ? h.at : null;
          break;
        }
        case 'points':
          items.push({ field: 'Story point estimate', fieldtype: 'custom', fieldId: POINTS_FIELD, from: null,
            fromString: item.from === null ? null : String(item.from), to: null, toString: item.to === null ? null : String(item.to) });
          r.points = item.to;
          break;
        case 'assignee':
          items.push({ field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: item.from?.jiraAccountId ?? null,
            fromString: item.from?.name ?? null, to: item.to?.jiraAccountId ?? null, toString: item.to?.name ?? null });
          r.assignee = item.to;
          break;
        case 'labels':
          items.push({ field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null,
            fromString: item.from.length ? item.from.join(' ') : null, to: null, toString: item.to.join(' ') });
          r.labels = item.to.slice();
          break;
        case 'link':
          items.push({ field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: item.other.key,
            toString: `This issue ${item.causes ? 'causes' : 'is caused by'} ${item.other.key}` });
          break;
      }
    }
    r.histories.push({ id: String(h.id), author: jiraUser(h.author), created: jiraTime(h.at), items });
    r.lastAt = h.at;
  }
  return r;
}

export function emitJira(tickets: Ticket[]): DemoBundle['jira'] {
  const replays = new Map<Ticket, Replayed>();
  for (const t of tickets) replays.set(t, replay(t));
  const stateOf = (t: Ticket): Replayed => {
    const r = replays.get(t);
    if (!r) throw new Error(`demo generator: ${t.key} not replayed`);
    return r;
  };
  let linkId = 20410;
  const linkIds = new Map<string, string>();
  const linkIdFor = (a: Ticket, b: Ticket): string => {
    const k = a.id < b.id ? `${a.id}-${b.id}` : `${b.id}-${a.id}`;
    let id = linkIds.get(k);
    if (!id) {
      id = String(linkId++);
      linkIds.set(k, id);
    }
    return id;
  };

  const beans: JiraIssueBean[] = [];
  const changelogPages: Record<string, JiraChangelogPage[]> = {};
  const worklogPages: Record<string, JiraWorklogPage> = {};
  for (const t of tickets) {
    const r = stateOf(t);
    const worklogs = t.worklogs.filter((w) => visible(w.created)).sort((a, b) => a.created - b.created);
    const links: JiraIssueLink[] = t.links.filter((l) => visible(l.at) && l.other.id > 0).map((l) => {
      const other = { id: String(l.other.id), key: l.other.key, self: `${API}/issue/${l.other.id}`,
        fields: { summary: l.other.summary, status: STATUSES[stateOf(l.other).status], issuetype: TYPES[l.other.type] } };
      const base = { id: linkIdFor(t, l.other), self: `${API}/issueLink/${linkIdFor(t, l.other)}`, type: LINK_TYPE };
      // Seen from the cause, the bug is the outward issue ("causes"); from the bug, the cause is inward.
      return l.causes ? { ...base, outwardIssue: other } : { ...base, inwardIssue: other };
    });
    let updated = r.lastAt;
    for (const w of worklogs) updated = Math.max(updated, w.created);
    const newestFirst = r.histories.slice().reverse();
    const embedded = newestFirst.slice(0, EMBEDDED_HISTORIES);
    beans.push({
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: String(t.id),
      self: `${API}/issue/${t.id}`,
      key: t.key,
      fields: {
        summary: t.summary,
        status: STATUSES[r.status],
        issuetype: TYPES[t.type],
        project: project(t.team),
        assignee: r.assignee ? jiraUser(r.assignee) : null,
        reporter: jiraUser(t.reporter),
        created: jiraTime(t.created),
        updated: jiraTime(updated),
        resolutiondate: r.resolvedAt === null ? null : jiraTime(r.resolvedAt),
        resolution: r.resolution ? RESOLUTIONS[r.resolution] : null,
        labels: r.labels,
        components: t.components.map((name) => ({ self: `${API}/component/${componentId(t.team, name)}`, id: componentId(t.team, name), name })),
        customfield_10016: r.points,
        issuelinks: links,
      },
      changelog: { startAt: 0, maxResults: embedded.length, total: r.histories.length, histories: embedded },
    });
    if (r.histories.length > EMBEDDED_HISTORIES) changelogPages[String(t.id)] = changelogPagesFor(t, r.histories);
    worklogPages[String(t.id)] = {
      startAt: 0, maxResults: 5000, total: worklogs.length,
      worklogs: worklogs.map((w) => ({
        self: `${API}/issue/${t.id}/worklog/${w.id}`, id: String(w.id), issueId: String(t.id), author: shortUser(w.author),
        updateAuthor: shortUser(w.author),
        ...(w.comment ? { comment: { type: 'doc' as const, version: 1 as const,
          content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: w.comment }] }] } } : {}),
        created: jiraTime(w.created), updated: jiraTime(w.created), started: jiraTime(w.started),
        timeSpent: jiraDuration(w.seconds), timeSpentSeconds: w.seconds,
      })),
    };
  }

  const searchPages: JiraSearchPage[] = [];
  for (let i = 0; i < beans.length || i === 0; i += SEARCH_PAGE_SIZE) {
    const isLast = i + SEARCH_PAGE_SIZE >= beans.length;
    const page: JiraSearchPage = { issues: beans.slice(i, i + SEARCH_PAGE_SIZE), isLast };
    // The last page carries no token at all (reference §1.2).
    if (!isLast) page.nextPageToken = pageToken(i / SEARCH_PAGE_SIZE + 1);
    searchPages.push(page);
  }
  return { baseUrl: JIRA_BASE, fields: FIELDS, searchPages, changelogPages, worklogPages };
}

function changelogPagesFor(t: Ticket, histories: JiraChangelog[]): JiraChangelogPage[] {
  const pages: JiraChangelogPage[] = [];
  const url = (startAt: number): string => `${API}/issue/${t.id}/changelog?startAt=${startAt}&maxResults=${CHANGELOG_PAGE_SIZE}`;
  for (let start = 0; start < histories.length; start += CHANGELOG_PAGE_SIZE) {
    const isLast = start + CHANGELOG_PAGE_SIZE >= histories.length;
    const page: JiraChangelogPage = { self: url(start), maxResults: CHANGELOG_PAGE_SIZE, startAt: start, total: histories.length, isLast,
      values: histories.slice(start, start + CHANGELOG_PAGE_SIZE) };
    if (!isLast) page.nextPage = url(start + CHANGELOG_PAGE_SIZE);
    pages.push(page);
  }
  return pages;
}

function componentId(team: Team, name: string): string {
  return String(10100 + Number(team.jiraProjectId.slice(-1)) * 10 + team.components.indexOf(name));
}

/** Opaque-looking, deterministic continuation tokens. */
function pageToken(n: number): string {
  return `CAEaAggD${n.toString(36).padStart(4, '0')}Qg`;
}

function field(id: string, name: string, schema: JiraField['schema'], custom = false, clauses: string[] = [id]): JiraField {
  return { id, key: id, name, custom, orderable: true, navigable: true, searchable: true, clauseNames: clauses, ...(schema ? { schema } : {}) };
}

// The site has both the team-managed "Story point estimate" (used) and a company-managed
// "Story Points" field (unused here): connectors must pick the one that carries values.
const FIELDS: JiraField[] = [
  field('summary', 'Summary', { type: 'string', system: 'summary' }),
  field('status', 'Status', { type: 'status', system: 'status' }),
  field('issuetype', 'Issue Type', { type: 'issuetype', system: 'issuetype' }, false, ['issuetype', 'type']),
  field('project', 'Project', { type: 'project', system: 'project' }),
  field('assignee', 'Assignee', { type: 'user', system: 'assignee' }),
  field('reporter', 'Reporter', { type: 'user', system: 'reporter' }),
  field('created', 'Created', { type: 'datetime', system: 'created' }, false, ['created', 'createdDate']),
  field('updated', 'Updated', { type: 'datetime', system: 'updated' }, false, ['updated', 'updatedDate']),
  field('resolutiondate', 'Resolved', { type: 'datetime', system: 'resolutiondate' }, false, ['resolutiondate', 'resolved']),
  field('resolution', 'Resolution', { type: 'resolution', system: 'resolution' }),
  field('labels', 'Labels', { type: 'array', items: 'string', system: 'labels' }),
  field('components', 'Components', { type: 'array', items: 'component', system: 'components' }, false, ['component']),
  field('issuelinks', 'Linked Issues', { type: 'array', items: 'issuelinks', system: 'issuelinks' }),
  field('worklog', 'Log Work', { type: 'array', items: 'worklog', system: 'worklog' }),
  field('customfield_10016', 'Story point estimate',
    { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: 10016 }, true,
    ['cf[10016]', 'Story point estimate']),
  field('customfield_10028', 'Story Points',
    { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId: 10028 }, true,
    ['cf[10028]', 'Story Points']),
  field('customfield_10020', 'Sprint',
    { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 }, true, ['cf[10020]', 'Sprint']),
];
