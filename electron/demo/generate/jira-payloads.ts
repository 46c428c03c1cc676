// Jira Cloud REST v3 JSON shapes the demo emits (reference §1). Plain JSON-serialisable data.

export type JiraUserDetails = {
  self: string;
  accountId: string;
  displayName: string;
  active: boolean;
  timeZone: string;
  accountType: 'atlassian' | 'app';
};

export type JiraStatusCategory = { self: string; id: number; key: 'new' | 'indeterminate' | 'done'; colorName: string; name: string };
export type JiraStatus = { self: string; description: string; iconUrl: string; name: string; id: string; statusCategory: JiraStatusCategory };

export type JiraIssueType = {
  self: string;
  id: string;
  description: string;
  iconUrl: string;
  name: string;
  subtask: boolean;
  avatarId: number;
  hierarchyLevel: number;
};

export type JiraProject = { self: string; id: string; key: string; name: string; projectTypeKey: 'software'; simplified: boolean };
export type JiraComponent = { self: string; id: string; name: string };
export type JiraResolution = { self: string; id: string; description: string; name: string };

export type JiraChangeItem = {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
};

export type JiraChangelog = { id: string; author: JiraUserDetails; created: string; items: JiraChangeItem[] };

export type JiraLinkedIssue = {
  id: string;
  key: string;
  self: string;
  fields: { summary: string; status: JiraStatus; issuetype: JiraIssueType };
};

export type JiraIssueLink = {
  id: string;
  self: string;
  type: { id: string; name: string; inward: string; outward: string; self: string };
  inwardIssue?: JiraLinkedIssue;
  outwardIssue?: JiraLinkedIssue;
};

export type JiraIssueFields = {
  summary: string;
  status: JiraStatus;
  issuetype: JiraIssueType;
  project: JiraProject;
  assignee: JiraUserDetails | null;
  reporter: JiraUserDetails;
  created: string;
  updated: string;
  resolutiondate: string | null;
  resolution: JiraResolution | null;
  labels: string[];
  components: JiraComponent[];
  customfield_10016: number | null;
  issuelinks: JiraIssueLink[];
};

export type JiraIssueBean = {
  expand: string;
  id: string;
  self: string;
  key: string;
  fields: JiraIssueFields;
  /** Newest first; the enhanced search embeds at most 20 histories, `total` tells how many exist. */
  changelog: { startAt: number; maxResults: number; total: number; histories: JiraChangelog[] };
};

export type JiraSearchPage = { issues: JiraIssueBean[]; nextPageToken?: string; isLast: boolean };

export type JiraChangelogPage = {
  self: string;
  nextPage?: string;
  maxResults: number;
  startAt: number;
  total: number;
  isLast: boolean;
  values: JiraChangelog[];
};

export type JiraAdf = { type: 'doc'; version: 1; content: { type: 'paragraph'; content: { type: 'text'; text: string }[] }[] };

export type JiraWorklog = {
  self: string;
  id: string;
  issueId: string;
  author: Omit<JiraUserDetails, 'timeZone' | 'accountType'>;
  updateAuthor: Omit<JiraUserDetails, 'timeZone' | 'accountType'>;
  comment?: JiraAdf;
  created: string;
  updated: string;
  started: string;
  timeSpent: string;
  timeSpentSeconds: number;
};

export type JiraWorklogPage = { startAt: number; maxResults: number; total: number; worklogs: JiraWorklog[] };

export type JiraField = {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema?: { type: string; items?: string; system?: string; custom?: string; customId?: number };
};
